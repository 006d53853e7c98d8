"""clean_models(): the method is followed everywhere, and no rule fires."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from estrategy.analysis import check
from estrategy.catalogue import default_catalogue
from estrategy.model import (
    ActionStatus,
    Audience,
    Direction,
    GroupKind,
    Organization,
    OrganizationSize,
    StrategyModel,
    StrategyScope,
    StrategyStatus,
    ToolKind,
)
from estrategy.testing import clean_models

HALF = settings.get_profile("half")

EXTERNAL = {Audience.CUSTOMERS, Audience.PROSPECTS, Audience.PARTNERS, Audience.SUPPLIERS}


@HALF
@given(clean_models())
def test_no_rule_fires_on_a_clean_model(model: StrategyModel) -> None:
    findings = check(model).findings
    assert not findings, "\n".join(f"{f.code} {f.subjects}: {f.message}" for f in findings)


@given(clean_models(max_objectives=1, max_tactics=3, max_people=8))
def test_no_rule_fires_at_the_smallest_bounds(model: StrategyModel) -> None:
    assert len(model.objectives) == 1
    assert len(model.tactics) == 3
    assert len(model.organization.people) <= 8
    assert check(model).findings == ()


@HALF
@given(clean_models(sizes=st.just(OrganizationSize.MICRO), as_of=st.just(dt.date(2026, 11, 15))))
def test_size_and_date_come_from_the_strategies_given(model: StrategyModel) -> None:
    assert model.organization.size is OrganizationSize.MICRO
    assert model.as_of == dt.date(2026, 11, 15)


# The invariants the docstring promises, checked one by one without the rules, so a
# rule that drifts from DESIGN does not silently redefine what "clean" means.


@HALF
@given(clean_models())
def test_strategy_invariants(model: StrategyModel) -> None:
    assert model.as_of is not None
    retained = [s for s in model.strategies if s.status is StrategyStatus.RETAINED]
    assert {s.scope for s in retained} == set(StrategyScope)
    assert all("o-0" in s.objectives for s in retained)
    for objective in model.objectives:
        assert objective.statement
        assert objective.metric
        assert objective.stake
        assert objective.baseline is not None
        assert objective.target is not None
        assert objective.target != objective.baseline
        assert objective.deadline is not None
        assert objective.deadline > model.as_of
        pursuing = [s for s in model.strategies if objective.id in s.objectives]
        assert any(s.status is StrategyStatus.RETAINED for s in pursuing)
        assert any(s.status is StrategyStatus.REJECTED for s in pursuing)
    by_id = {s.id: s for s in model.strategies}
    for tactic in model.tactics:
        assert tactic.strategy is not None
        assert by_id[tactic.strategy].status is StrategyStatus.RETAINED
        if tactic.audience is Audience.EMPLOYEES:
            assert by_id[tactic.strategy].scope is StrategyScope.INTERNAL
    for strategy in retained:
        kinds = {t.kind for t in model.tactics if t.strategy == strategy.id}
        if strategy.scope is StrategyScope.EXTERNAL:
            assert kinds & {"content_marketing", "social_media_marketing", "social_selling"}
        else:
            assert {"training", "change_management"} <= kinds
    situation = model.situation
    assert situation.strengths
    assert situation.weaknesses
    assert situation.competitors


@HALF
@given(clean_models())
def test_action_and_tool_invariants(model: StrategyModel) -> None:
    assert model.as_of is not None
    skills = {p.id: set(p.skills) for p in model.organization.people}
    tools = {t.id: t for t in model.tools}
    assert any(t.kind is ToolKind.CRM for t in model.tools)
    audience = {t.id: t.audience for t in model.tactics}
    budget_of: dict[str, float] = defaultdict(float)
    for action in model.actions:
        assert action.competences
        assert action.tools
        assert action.responsible
        assert action.budget is not None
        assert action.deadline is not None
        assert action.status is not ActionStatus.DROPPED
        if action.status is not ActionStatus.DONE:
            assert action.deadline > model.as_of
        assert set(action.competences) <= skills[action.responsible]
        if audience[action.tactic] in EXTERNAL:
            assert any(tools[t].kind is ToolKind.CRM for t in action.tools)
        budget_of[action.tactic] += float(action.budget)
    assert {t.id for t in model.tactics} == {a.tactic for a in model.actions}
    assert set(tools) == {t for a in model.actions for t in a.tools}
    total = sum(budget_of.values())
    if total:
        assert sum((b / total) ** 2 for b in budget_of.values()) >= 0.25


@HALF
@given(clean_models())
def test_measurement_invariants(model: StrategyModel) -> None:
    as_of = model.as_of
    assert as_of is not None
    measured = {t for k in model.kpis for t in k.tactics}
    assert measured == {t.id for t in model.tactics}
    deadline = {o.id: o.deadline for o in model.objectives}
    for kpi in model.kpis:
        assert kpi.objective is not None
        assert kpi.target is not None
        points = sorted(kpi.measurements, key=lambda m: m.date)
        assert len(points) >= 2
        assert points[-1].date <= as_of
        first, last = points[0], points[-1]
        end = deadline[kpi.objective]
        assert end is not None
        change = kpi.target - first.value
        assert (change > 0) == (kpi.direction is Direction.INCREASE)
        # On or ahead of the planned line, read at the latest date or at as_of.
        for day in (last.date, as_of):
            planned = first.value + change * (day - first.date).days / (end - first.date).days
            behind = (planned - last.value) if change > 0 else (last.value - planned)
            assert behind <= 0.01
    dates = sorted(r.date for r in model.reviews)
    assert dates
    assert dt.timedelta(0) <= as_of - dates[-1] <= dt.timedelta(days=90)
    assert all(b - a <= dt.timedelta(days=90) for a, b in itertools.pairwise(dates))


def _lines(org: Organization) -> dict[str, int]:
    """Each unit's hierarchical line (DESIGN: the subtrees below the root units)."""
    parent = {u.id: u.parent for u in org.units}
    heads = sorted(u.id for u in org.units if u.parent is not None and parent[u.parent] is None)
    line: dict[str, int] = {}
    for unit in org.units:
        node: str | None = unit.id
        while node is not None and node not in heads:
            node = parent[node]
        if node is not None:
            line[unit.id] = heads.index(node)
    return line


@HALF
@given(clean_models())
def test_role_and_organisation_invariants(model: StrategyModel) -> None:
    org = model.organization
    catalogue = default_catalogue()
    people = {p.id: p for p in org.people}
    internal_roles = {r for p in org.people if not p.external for r in p.roles}
    assert "digital_lead" in internal_roles
    for tactic in model.tactics:
        assert set(catalogue.presupposes(tactic.kind)) <= internal_roles
    line_of_unit = _lines(org)
    assert len(set(line_of_unit.values())) >= 2
    line = {p.id: line_of_unit.get(p.unit) for p in org.people if p.unit is not None}
    for person in org.people:
        for role in person.roles:
            assert set(catalogue.competences(role)) <= set(person.skills)
        if person.external:
            assert person.supervisor is not None
            assert not people[person.supervisor].external
        elif {"community_manager", "data_scientist", "sales"} & set(person.roles):
            assert person.decision_maker or (
                person.manager is not None and people[person.manager].decision_maker
            )
    for group in org.groups:
        assert len({line[m] for m in group.members if line.get(m) is not None}) >= 2
        if group.kind is GroupKind.PROJECT:
            assert group.objective is not None
            assert group.deadline is not None
    joined = {line[m] for m in org.groups[0].members if line.get(m) is not None}
    assert joined == set(line_of_unit.values())
    covered = {m for g in org.groups for m in g.members}
    covered |= {end for t in org.ties for end in (t.source, t.target)}
    assert covered == set(people)
