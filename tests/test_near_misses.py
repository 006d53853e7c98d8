"""Near misses: the vocabulary rules' notion, the enum hints of model files, wrong-kind ids."""

from __future__ import annotations

import enum
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from estrategy.io import LoadError, loads
from estrategy.model import (
    ActionStatus,
    Audience,
    Channel,
    Direction,
    GroupKind,
    Licence,
    OrganizationSize,
    RoleKind,
    StrategyScope,
    StrategyStatus,
    TacticKind,
    ToolKind,
    enums,
)
from estrategy.model.suggest import NearMisses, edit_distance, fold, near_miss
from estrategy.model.vocabulary import ENUM_SYNONYMS, ROLE_SYNONYMS, enum_hint
from estrategy.testing import misspellings

# Every enumeration a model file holds a value of: all but the channel (the catalogue's)
# and the roles (free ids, whose near misses are ROL007's).
ENUMS: tuple[type[enum.StrEnum], ...] = tuple(
    cls for name in enums.__all__ if (cls := getattr(enums, name)) not in (Channel, RoleKind)
)


def test_every_enumeration_of_the_files_has_synonyms() -> None:
    assert set(ENUM_SYNONYMS) == set(ENUMS)
    assert all(ENUM_SYNONYMS[cls] for cls in ENUMS)


def _reference_distance(a: str, b: str) -> int:
    """Optimal string alignment distance, the textbook way (full table, no cut-off)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


_WORDS = st.text(alphabet="abcde_", max_size=9)


@given(_WORDS, _WORDS, st.none() | st.integers(0, 3))
def test_edit_distance_agrees_with_the_textbook_table(a: str, b: str, limit: int | None) -> None:
    true = _reference_distance(a, b)
    expected = true if limit is None else min(true, limit + 1)
    assert edit_distance(a, b, limit) == expected
    assert edit_distance(b, a, limit) == expected


@given(st.text(max_size=20))
@example("㎴")  # a compatibility form ('pV') whose case came out after folding case
def test_folding_is_idempotent(word: str) -> None:
    assert fold(fold(word)) == fold(word)


def test_near_misses_set_aside_case_accents_separators_and_plurals() -> None:
    known = ["community_manager", "data_scientist", "digital_lead", "sales", "hr"]
    assert near_miss("Community Managers", known) == "community_manager"
    assert near_miss("data-scientists", known) == "data_scientist"
    assert near_miss("Digital.Lead", known) == "digital_lead"
    assert near_miss("sale", known) == "sales"


def test_typos_count_only_in_words_long_enough() -> None:
    known = ["community_manager", "sales", "hr", "seo"]
    assert near_miss("comunity_manager", known) == "community_manager"  # one edit
    assert near_miss("comunity_manger", known) == "community_manager"  # two, long word
    assert near_miss("slaes", known) == "sales"  # a swap
    assert near_miss("slaeses", known) is None  # too far
    assert near_miss("it", known) is None  # two letters: no typo is read into it
    assert near_miss("sql", known) is None


@pytest.mark.parametrize(
    "custom", ["buyer", "product_owner", "designer", "moderator", "cmo", "accountant"]
)
def test_custom_roles_far_from_the_catalogue_are_not_near_misses(custom: str) -> None:
    from estrategy.catalogue import default_catalogue

    known = default_catalogue().known_roles()
    assert NearMisses(known, ROLE_SYNONYMS).near(custom) is None


@pytest.mark.parametrize(
    ("cls", "written", "meant"),
    [
        (TacticKind, "newsletter", "email_marketing"),
        (TacticKind, "salon", "events"),
        (TacticKind, "trade_show", "events"),
        (TacticKind, "Trade-Shows", "events"),
        (TacticKind, "formation", "training"),
        (ActionStatus, "en_cours", "in_progress"),
        (ActionStatus, "terminé", "done"),
        (ActionStatus, "abandonné", "dropped"),
        (ActionStatus, "In Progress", "in_progress"),
        (StrategyScope, "interne", "internal"),
        (StrategyStatus, "retenue", "retained"),
        (Audience, "clients", "customers"),
        (Audience, "salariés", "employees"),
        (Direction, "baisse", "decrease"),
        (OrganizationSize, "ETI", "mid_cap"),
        (OrganizationSize, "mid-cap", "mid_cap"),
        (ToolKind, "boutique en ligne", "eshop"),
        (ToolKind, "RSE", "esn"),
        (Licence, "libre", "open_source"),
        (GroupKind, "projet", "project"),
    ],
)
def test_enum_hints_read_english_and_french_words(
    cls: type[enum.StrEnum], written: str, meant: str
) -> None:
    assert enum_hint(cls, written) == meant


@pytest.mark.parametrize("cls", ENUMS, ids=lambda c: c.__name__)
def test_every_synonym_leads_to_its_value(cls: type[enum.StrEnum]) -> None:
    values = {str(m.value) for m in cls}
    for written, meant in ENUM_SYNONYMS.get(cls, {}).items():
        assert meant in values
        assert enum_hint(cls, written) == meant, written


@given(st.data())
def test_every_misspelling_of_every_enumerated_value_is_hinted(data: st.DataObject) -> None:
    cls = data.draw(st.sampled_from(ENUMS))
    written, value = data.draw(misspellings(words=st.sampled_from([str(m.value) for m in cls])))
    assert enum_hint(cls, written) == value


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("  - {id: t-1, kind: newsletter}", "'newsletter' is not a tactic kind (did you mean "
         "'email_marketing'?)"),
        ("  - {id: t-1, kind: trade_show}", "(did you mean 'events'?)"),
        ("  - {id: t-1, kind: salon}", "(did you mean 'events'?)"),
        ("  - {id: t-1, audience: clients}", "(did you mean 'customers'?)"),
    ],
)  # fmt: skip
def test_a_model_file_suggests_the_value_meant(line: str, hint: str) -> None:
    text = f"schema_version: 1\ntactics:\n{line}\n"
    with pytest.raises(LoadError) as caught:
        loads(text, "yaml", source="plan.yaml")
    assert hint in str(caught.value)


def test_an_action_status_in_french_is_hinted_with_its_line() -> None:
    text = (
        "schema_version: 1\ntactics: [{id: t-1}]\n"
        "actions:\n  - {id: a-1, tactic: t-1, status: en_cours}\n"
    )
    with pytest.raises(LoadError) as caught:
        loads(text, "yaml", source="plan.yaml")
    (error,) = caught.value.errors
    assert (error.line, error.path) == (4, ("actions", 0, "status"))
    assert "'en_cours' is not an action status (did you mean 'in_progress'?)" in error.message


def test_a_unit_where_a_person_is_expected_says_so(tmp_path: Path) -> None:
    text = (
        "schema_version: 1\norganization:\n  units: [{id: admin}]\n"
        "  people: [{id: p-1, manager: admin}]\nobjectives: [{id: o-1, owner: admin}]\n"
        "tactics: [{id: t-1, strategy: o-1}]\n"
    )
    with pytest.raises(LoadError) as caught:
        loads(text, "yaml", source="plan.yaml")
    messages = [e.message for e in caught.value.errors]
    assert messages == [
        "'admin' is a unit, not a person",
        "'admin' is a unit, not a person",
        "'o-1' is an objective, not a strategy",
    ]


def test_an_unknown_id_of_no_kind_keeps_its_did_you_mean() -> None:
    text = "schema_version: 1\norganization:\n  people: [{id: p-1}, {id: p-2, manager: p-3}]\n"
    with pytest.raises(LoadError) as caught:
        loads(text, "yaml", source="plan.yaml")
    assert "unknown person 'p-3'" in str(caught.value)


def _brute_near(word: str, known: list[str]) -> str | None:
    """The near miss by comparing ``word`` with every known form, the slow way."""
    from estrategy.model.suggest import _singular, _typos_allowed

    if word in known:
        return None
    forms: dict[str, str] = {}
    for k in sorted(known):
        forms.setdefault(fold(k), k)
        forms.setdefault(_singular(fold(k)), k)
    folded = fold(word)
    for form in (folded, _singular(folded)):
        if form in forms:
            return forms[form]
    if len(folded.replace("_", "")) < 3:
        return None
    close = [
        (distance, meant)
        for form, meant in forms.items()
        if (distance := _reference_distance(folded, form)) <= _typos_allowed(form)
    ]
    return min(close)[1] if close else None


_VOCABULARY = st.lists(st.text(alphabet="abcdeé_-", min_size=1, max_size=12), max_size=8)


@given(_VOCABULARY, st.text(alphabet="abcdeéE_- ", max_size=14))
def test_near_misses_agree_with_comparing_every_known_word(known: list[str], word: str) -> None:
    assert NearMisses(known).near(word) == _brute_near(word, known)
