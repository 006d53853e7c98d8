"""Suppressions with reasons: what they accept, and the SUP rules that keep them honest.

SUP001 and SUP002 each have a model that triggers them and a minimally different one that
does not; a property states that suppressing findings removes exactly them and adds none.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from estrategy import io
from estrategy.analysis import check
from estrategy.model import (
    IGNORABLE_COLLECTIONS,
    StrategyModel,
    Suppression,
    Tactic,
)
from estrategy.settings import ConfigError, load_config

FIXTURE = Path(__file__).parents[1] / "fixtures" / "lefevre.yaml"
LEFEVRE = io.load(FIXTURE)
ORPHAN = StrategyModel(name="Orphan", tactics=[Tactic(id="t-fair")])


def _items(model: StrategyModel, collection: tuple[str | int, ...]) -> Any:
    holder: Any = model
    for key in collection:
        holder = getattr(holder, str(key))
    return holder


def suppress(model: StrategyModel, subject: str, *suppressions: Suppression) -> StrategyModel:
    """``model`` with ``suppressions`` added to the element whose id is ``subject``."""

    def edit(holder: Any, path: tuple[str | int, ...]) -> Any:
        key = str(path[0])
        value = getattr(holder, key)
        if len(path) > 1:
            return attrs.evolve(holder, **{key: edit(value, path[1:])})
        items = [
            attrs.evolve(item, ignore=(*item.ignore, *suppressions)) if item.id == subject else item
            for item in value
        ]
        return attrs.evolve(holder, **{key: items})

    for collection in IGNORABLE_COLLECTIONS:
        if any(item.id == subject for item in _items(model, collection)):
            edited: StrategyModel = edit(model, collection)
            return edited
    raise KeyError(subject)


def codes(model: StrategyModel, **kwargs: Any) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.code, f.subjects) for f in check(model, **kwargs).findings]


def test_a_suppression_with_a_reason_accepts_its_finding() -> None:
    model = suppress(ORPHAN, "t-fair", Suppression("STR001", "a one-off fair"))
    report = check(model, select=["STR001", "SUP"])
    assert report.findings == ()
    (accepted,) = report.suppressed
    assert (accepted.finding.code, accepted.reason, accepted.by) == (
        "STR001",
        "a one-off fair",
        "tactics[0].ignore[0]",
    )
    assert report.to_dict()["suppressed"][0]["suppressed_by"] == "tactics[0].ignore[0]"


def test_sup001_fires_on_a_suppression_without_reason_and_not_with_one() -> None:
    bare = suppress(ORPHAN, "t-fair", Suppression("STR001"))
    assert codes(bare, select=["STR001", "SUP"]) == [("SUP001", ("t-fair",))]
    (finding,) = check(bare, select=["SUP001"]).findings
    assert finding.path == ("tactics", 0, "ignore", 0)
    assert "gives no reason" in finding.message
    reasoned = suppress(ORPHAN, "t-fair", Suppression("STR001", "a one-off fair"))
    assert codes(reasoned, select=["STR001", "SUP"]) == []


def test_sup002_fires_on_a_suppression_that_matches_nothing() -> None:
    unused = suppress(ORPHAN, "t-fair", Suppression("STR002", "kept from last year"))
    found = check(unused, select=["STR001", "STR002", "SUP"]).findings
    assert [(f.code, f.subjects) for f in found] == [
        ("STR001", ("t-fair",)),
        ("SUP002", ("t-fair",)),
    ]
    assert "no STR002 finding is about t-fair" in found[1].message
    used = suppress(ORPHAN, "t-fair", Suppression("STR", "a one-off fair"))  # a prefix
    assert codes(used, select=["STR001", "STR002", "SUP"]) == []


@pytest.mark.parametrize(
    ("code", "why"),
    [("XYZ001", "no rule has this code"), ("SUP001", "SUP findings cannot be suppressed")],
)
def test_sup002_names_a_code_that_cannot_match(code: str, why: str) -> None:
    model = suppress(ORPHAN, "t-fair", Suppression(code, "reason"))
    (finding,) = check(model, select=["SUP002"]).findings
    assert why in finding.message


def test_a_suppression_of_a_rule_that_did_not_run_is_not_judged() -> None:
    model = suppress(ORPHAN, "t-fair", Suppression("ROL004", "reason"))
    assert codes(model, select=["STR001", "SUP"]) == [("STR001", ("t-fair",))]


def test_sup002_alone_finds_nothing_outside_a_check_run() -> None:
    from estrategy.rules import RuleContext, get_rule

    model = suppress(ORPHAN, "t-fair", Suppression("STR002", "reason"))
    assert list(get_rule("SUP002")(RuleContext(model, dt.date(2026, 1, 1)))) == []


def test_every_kind_of_element_with_an_id_can_suppress() -> None:
    # ORG001 is about a unit, ORG002 a group, ROL004 a person, STR004 an objective, ACT002
    # an action, TEC001 a tool, STR001 a tactic: one suppression on each accepts its finding.
    targets = [
        ("production", "ORG001"),
        ("g-catalogue", "ORG002"),
        ("x-agency", "ROL004"),
        ("o-brand", "STR004"),
        ("a-shoot", "ACT002"),
        ("tool-chatbot", "TEC001"),
        ("t-newsletter", "STR001"),
    ]
    model = LEFEVRE
    for subject, code in targets:
        model = suppress(model, subject, Suppression(code, "accepted"))
    report = check(model)
    accepted = {(s.finding.code, s.finding.subjects[0]) for s in report.suppressed}
    assert accepted == {(code, subject) for subject, code in targets}
    assert not [f for f in report.findings if f.code.startswith("SUP")]


FINDINGS = check(LEFEVRE).findings
ELEMENT_IDS = {item.id for c in IGNORABLE_COLLECTIONS for item in _items(LEFEVRE, c)}
# The findings with a subject that is an element's id: those an ``ignore`` can accept.
SUPPRESSIBLE = [f for f in FINDINGS if ELEMENT_IDS.intersection(f.subjects)]


@given(st.sets(st.sampled_from(range(len(SUPPRESSIBLE))), max_size=6))
def test_suppressing_findings_removes_exactly_them_and_adds_none(chosen: set[int]) -> None:
    model = LEFEVRE
    accepted = set()
    for index in sorted(chosen):
        finding = SUPPRESSIBLE[index]
        subject = next(s for s in finding.subjects if s in ELEMENT_IDS)
        if (finding.code, subject) in accepted:
            continue
        accepted.add((finding.code, subject))
        model = suppress(model, subject, Suppression(finding.code, "accepted on purpose"))
    report = check(model)

    def gone(finding: Any) -> bool:
        return any((finding.code, s) in accepted for s in finding.subjects)

    assert list(report.findings) == [f for f in FINDINGS if not gone(f)]
    assert sorted(s.finding.sort_key() for s in report.suppressed) == sorted(
        f.sort_key() for f in FINDINGS if gone(f)
    )


def test_per_subject_ignores_accept_by_id_and_by_glob() -> None:
    ignores = {"x-agency": {"ROL004": "supervised"}, "t-*": {"MES001": "measured elsewhere"}}
    report = check(LEFEVRE, per_subject_ignores=ignores)
    accepted = sorted((s.finding.code, s.finding.subjects, s.by) for s in report.suppressed)
    assert accepted == [
        ("MES001", ("t-newsletter",), "per-subject-ignores"),
        ("MES001", ("t-trade-show",), "per-subject-ignores"),
        ("ROL004", ("x-agency",), "per-subject-ignores"),
    ]
    assert not [f for f in report.findings if f.code in ("ROL004", "MES001")]


def test_per_subject_ignores_require_a_reason(tmp_path: Path) -> None:
    config = tmp_path / "estrategy.toml"
    config.write_text('[per-subject-ignores]\nx-agency = { ROL004 = "" }\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"estrategy.toml:1:1: per-subject-ignores: .*no reason"):
        load_config(config)
    config.write_text(
        '[per-subject-ignores]\nx-agency = { rol004 = "supervised" }\n', encoding="utf-8"
    )
    assert load_config(config).per_subject_ignores == {"x-agency": {"ROL004": "supervised"}}


def test_a_suppression_code_is_checked_when_read() -> None:
    text = "schema_version: 1\ntactics:\n  - {id: t, ignore: [{code: 'not a code'}]}\n"
    with pytest.raises(io.LoadError, match=r"tactics\[0\]\.ignore\[0\]\.code: 'not a code'"):
        io.loads(text)
