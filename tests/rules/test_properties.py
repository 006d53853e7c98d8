"""Properties of ``check`` on generated models (hypothesis)."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from estrategy.analysis import check
from estrategy.catalogue import default_catalogue
from estrategy.model import (
    Action,
    ActionStatus,
    Direction,
    Measurement,
    Organization,
    Person,
    StrategyModel,
    StrategyStatus,
    Tactic,
    TacticKind,
)
from estrategy.model.definitions import is_live
from estrategy.model.suggest import NearMisses
from estrategy.model.vocabulary import ROLE_SYNONYMS
from estrategy.report import check_json as json_report
from estrategy.testing import clean_models, models

HALF = settings.get_profile("half")


def _ids(model: StrategyModel) -> set[str]:
    org = model.organization
    collections: list[Any] = [
        org.units,
        org.people,
        org.groups,
        model.stakes,
        model.objectives,
        model.strategies,
        model.tactics,
        model.actions,
        model.kpis,
        model.tools,
    ]
    ids = {item.id for collection in collections for item in collection}
    return ids | {str(t.audience) for t in model.tactics if t.audience is not None}


def _comparable(model: StrategyModel) -> Counter[tuple[str, str, tuple[str, ...], str]]:
    """Findings without their paths (list indexes move when lists are shuffled)."""
    return Counter((f.code, str(f.severity), f.subjects, f.message) for f in check(model).findings)


@HALF
@given(clean_models())
def test_clean_models_produce_no_finding(model: StrategyModel) -> None:
    assert check(model).findings == ()


@HALF
@given(models())
def test_every_subject_exists_in_the_model(model: StrategyModel) -> None:
    ids = _ids(model)
    for finding in check(model).findings:
        assert set(finding.subjects) <= ids, finding


@HALF
@given(models())
def test_check_is_deterministic(model: StrategyModel) -> None:
    first, second = check(model), check(model)
    assert first == second
    assert json_report.render(first) == json_report.render(second)


def _shuffled(value: Any, rng: random.Random) -> Any:
    """A copy of a model object with every list (tuple) inside it shuffled."""
    if isinstance(value, tuple):
        items = [_shuffled(v, rng) for v in value]
        if value and not isinstance(value[0], tuple):  # keep pairs (attributes) as they are
            rng.shuffle(items)
        return tuple(items)
    if attrs.has(type(value)):
        changes = {
            a.name: _shuffled(getattr(value, a.name), rng)
            for a in attrs.fields(type(value))
            if a.init
        }
        return attrs.evolve(value, **changes)
    return value


@HALF
@given(models(), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_the_order_of_lists(
    model: StrategyModel, rng: random.Random
) -> None:
    assert _comparable(_shuffled(model, rng)) == _comparable(model)


@HALF
@given(clean_models(), st.randoms(use_true_random=False))
def test_clean_models_stay_clean_when_shuffled(model: StrategyModel, rng: random.Random) -> None:
    assert check(_shuffled(model, rng)).findings == ()


# -- repairing the subject of a finding --------------------------------------------------


def _evolve_item(model: StrategyModel, field: str, item_id: str, **changes: Any) -> StrategyModel:
    items = tuple(
        attrs.evolve(x, **changes) if x.id == item_id else x for x in getattr(model, field)
    )
    replaced: dict[str, Any] = {field: items}
    return attrs.evolve(model, **replaced)


def _repair_orphan_tactic(model: StrategyModel, tactic_id: str) -> StrategyModel | None:
    retained = [s.id for s in model.strategies if s.status == StrategyStatus.RETAINED]
    if not retained:
        return None
    return _evolve_item(model, "tactics", tactic_id, strategy=retained[0])


def _repair_aimless_strategy(model: StrategyModel, strategy_id: str) -> StrategyModel | None:
    if not model.objectives:
        return None
    return _evolve_item(model, "strategies", strategy_id, objectives=[model.objectives[0].id])


def _repair_overdue_action(model: StrategyModel, action_id: str) -> StrategyModel:
    return _evolve_item(model, "actions", action_id, status=ActionStatus.DONE)


def _repair_unmeasured_kpi(model: StrategyModel, kpi_id: str) -> StrategyModel:
    point = Measurement(date=model.as_of or dt.date(2026, 1, 1), value=1.0)
    return _evolve_item(model, "kpis", kpi_id, measurements=[point])


def _repair_kpi_without_objective(model: StrategyModel, kpi_id: str) -> StrategyModel | None:
    if not model.objectives:
        return None
    return _evolve_item(model, "kpis", kpi_id, objective=model.objectives[0].id)


def _repair_unsupervised(model: StrategyModel, person_id: str) -> StrategyModel | None:
    org = model.organization
    internal = [p.id for p in org.people if not p.external and p.id != person_id]
    if not internal:
        return None
    people = tuple(
        attrs.evolve(p, supervisor=internal[0]) if p.id == person_id else p for p in org.people
    )
    return attrs.evolve(model, organization=attrs.evolve(org, people=people))


def _repair_unused_tool(model: StrategyModel, tool_id: str) -> StrategyModel | None:
    # a dropped action's tools do not count (TEC001), so the tool goes to a live one
    live = [a for a in model.actions if is_live(a)]
    if not live:
        return None
    first = live[0]
    return _evolve_item(model, "actions", first.id, tools=(*first.tools, tool_id))


def _repair_unretained_strategy(model: StrategyModel, tactic_id: str) -> StrategyModel | None:
    return _repair_orphan_tactic(model, tactic_id)


def _repair_contradictory_kpi(model: StrategyModel, kpi_id: str) -> StrategyModel:
    kpi = next(k for k in model.kpis if k.id == kpi_id)
    flipped = Direction.DECREASE if kpi.direction == Direction.INCREASE else Direction.INCREASE
    return _evolve_item(model, "kpis", kpi_id, direction=flipped)


def _with_person(model: StrategyModel, person_id: str, **changes: Any) -> StrategyModel:
    org = model.organization
    people = tuple(attrs.evolve(p, **changes) if p.id == person_id else p for p in org.people)
    return attrs.evolve(model, organization=attrs.evolve(org, people=people))


def _respelt(words: tuple[str, ...], misses: NearMisses) -> tuple[str, ...]:
    """``words`` with the first near miss written as the word it misses."""
    for j, word in enumerate(words):
        meant = misses.near(word)
        if meant is not None:
            return (*words[:j], meant, *words[j + 1 :])
    raise AssertionError(f"no near miss in {words}")


def _repair_misspelt_role(model: StrategyModel, person_id: str) -> StrategyModel:
    misses = NearMisses(default_catalogue().known_roles(), ROLE_SYNONYMS)
    person = next(p for p in model.organization.people if p.id == person_id)
    return _with_person(model, person_id, roles=_respelt(person.roles, misses))


def _repair_misspelt_competence(
    model: StrategyModel, subject: str, about_an_action: bool
) -> StrategyModel:
    misses = NearMisses(default_catalogue().known_competences())
    if not about_an_action:
        person = next(p for p in model.organization.people if p.id == subject)
        return _with_person(model, subject, skills=_respelt(person.skills, misses))
    action = next(a for a in model.actions if a.id == subject)
    return _evolve_item(model, "actions", subject, competences=_respelt(action.competences, misses))


def _repair_skills_gap(model: StrategyModel, subject: str, about_an_action: bool) -> StrategyModel:
    # an action and a person may share an id: the finding's path says which it is about
    if about_an_action:
        return _evolve_item(model, "actions", subject, status=ActionStatus.DONE)
    catalogue = default_catalogue()
    person = next(p for p in model.organization.people if p.id == subject)
    for role in dict.fromkeys(person.roles):
        expected = set(catalogue.competences(role))
        if 2 * len(expected - set(person.skills)) > len(expected):
            return _with_person(model, subject, skills=(*person.skills, *sorted(expected)))
    raise AssertionError(f"{subject} lacks no role's competences")


# Repairs of rules whose subject may be an action or a person of the same id (ids are
# unique within the organisation, not across it and the plan): the path tells which.
SPLIT_REPAIRS: dict[str, Callable[[StrategyModel, str, bool], StrategyModel]] = {
    "ROL005": _repair_skills_gap,
    "ROL008": _repair_misspelt_competence,
}

REPAIRS: dict[str, Callable[[StrategyModel, str], StrategyModel | None]] = {
    "STR001": _repair_orphan_tactic,
    "STR002": _repair_aimless_strategy,
    "ACT003": _repair_overdue_action,
    "MES002": _repair_unmeasured_kpi,
    "MES004": _repair_kpi_without_objective,
    "ROL004": _repair_unsupervised,
    "TEC001": _repair_unused_tool,
    "STR010": _repair_unretained_strategy,
    "MES006": _repair_contradictory_kpi,
    "ROL007": _repair_misspelt_role,
}


@HALF
@given(models(), st.sampled_from(sorted([*REPAIRS, *SPLIT_REPAIRS])), st.data())
def test_repairing_a_subject_removes_its_finding_and_no_other(
    model: StrategyModel, code: str, data: st.DataObject
) -> None:
    findings = check(model, select=code).findings
    if not findings:
        return
    finding = data.draw(st.sampled_from(findings))
    subject = finding.subjects
    repaired: StrategyModel | None
    if code in SPLIT_REPAIRS:
        repaired = SPLIT_REPAIRS[code](model, subject[0], finding.path[0] == "actions")
    else:
        repaired = REPAIRS[code](model, subject[0])
    if repaired is None:
        return
    before = [f.subjects for f in findings]
    after = [f.subjects for f in check(repaired, select=code).findings]
    assert Counter(after) == Counter(before) - Counter([subject])


def test_a_skills_gap_of_a_person_is_repaired_on_the_person_when_an_action_shares_its_id() -> None:
    model = StrategyModel(
        organization=Organization(people=[Person(id="x", roles=["community_manager"])]),
        tactics=[Tactic(id="t", kind=TacticKind.SOCIAL_SELLING)],
        actions=[Action(id="x", tactic="t")],
    )
    [finding] = check(model, select="ROL005").findings
    assert finding.path[:2] == ("organization", "people")
    repaired = _repair_skills_gap(model, "x", about_an_action=False)
    assert check(repaired, select="ROL005").findings == ()
