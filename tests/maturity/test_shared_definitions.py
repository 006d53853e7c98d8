"""``assess`` and ``check`` read SMART gaps, missing action fields, live actions and kinds alike."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estrategy.analysis import check
from estrategy.maturity import Assessment, assess
from estrategy.maturity.facts import build_facts
from estrategy.maturity.results import CriterionScore
from estrategy.model import (
    KPI,
    Action,
    BusinessStake,
    Measurement,
    Objective,
    Organization,
    Person,
    Strategy,
    StrategyModel,
    Tactic,
    TacticKind,
    Tool,
    ToolKind,
    Unit,
    missing_action_fields,
    smart_gaps,
)
from estrategy.model.definitions import planned_value
from estrategy.rules._index import ModelIndex
from estrategy.testing import models

HALF = settings.get_profile("half")
AS_OF = dt.date(2026, 11, 15)


def _criterion(result: Assessment, criterion_id: str) -> CriterionScore:
    for dimension in result.dimensions:
        for item in dimension.criteria:
            if item.id == criterion_id:
                return item
    raise KeyError(criterion_id)


def _flagged(model: StrategyModel, code: str) -> set[str]:
    return {f.subjects[0] for f in check(model, select=code).findings if f.subjects}


def _plan(
    tactics: list[Tactic], actions: list[Action], tools: Sequence[Tool] = (), **changes: object
) -> StrategyModel:
    """One retained strategy carrying ``tactics``, in a small organisation."""
    return StrategyModel(
        name="Shared definitions",
        as_of=AS_OF,
        organization=Organization(
            name="Acme",
            units=[Unit(id="hq"), Unit(id="sales-unit"), Unit(id="marketing")],
            people=[Person(id="p-boss", unit="hq", roles=["executive"], decision_maker=True)],
        ),
        stakes=[BusinessStake(id="growth", statement="Grow")],
        objectives=[Objective(id="o-1", statement="Grow", stake="growth")],
        strategies=[Strategy(id="st-1", objectives=["o-1"], status="retained")],
        tactics=tactics,
        actions=actions,
        tools=list(tools),
        **changes,  # type: ignore[arg-type]
    )


# --- 1. one definition of SMART gaps and of missing action fields ---------------------------


def test_a_blank_metric_is_a_gap_for_both() -> None:
    model = _plan([], [])
    blank = Objective(
        id="o-1",
        statement="Grow",
        stake="growth",
        metric="   ",
        target=10,
        deadline=dt.date(2027, 1, 1),
    )
    model = attrs.evolve(model, objectives=[blank])
    assert _flagged(model, "STR004") == {"o-1"}
    smart = _criterion(assess(model), "smart-objectives")
    assert smart.score == 0
    assert [e.fact for e in smart.evidence] == ["o-1 lacks metric"]


def test_a_statement_of_none_is_a_gap_not_a_crash() -> None:
    objective = Objective(id="o-1", statement=None, stake="growth")  # type: ignore[arg-type]
    assert smart_gaps(objective)[0] == "S (no statement)"
    model = attrs.evolve(_plan([], []), objectives=[objective])
    assert _criterion(assess(model), "smart-objectives").score == 0
    assert _flagged(model, "STR004") == {"o-1"}


@HALF
@given(models())
def test_str004_and_act002_say_what_the_shared_gaps_say(model: StrategyModel) -> None:
    findings = check(model, select=["STR004", "ACT002"]).findings
    str004 = {f.subjects[0]: f.message for f in findings if f.code == "STR004"}
    assert str004 == {
        o.id: f"objective {o.id} is not SMART: {', '.join(smart_gaps(o))}"
        for o in model.objectives
        if smart_gaps(o)
    }
    act002 = {f.subjects[0] for f in findings if f.code == "ACT002"}
    assert act002 == {
        a.id for a in model.actions if a.status != "dropped" and missing_action_fields(a)
    }


@HALF
@given(models())
def test_the_smart_criterion_counts_what_str004_flags(model: StrategyModel) -> None:
    if not model.objectives:
        return
    smart = _criterion(assess(model), "smart-objectives")
    flagged = _flagged(model, "STR004")
    not_smart = {i for e in smart.evidence if not e.supports for i in e.ids}
    assert not_smart == flagged
    assert smart.score == pytest.approx(
        100 * (len(model.objectives) - len(flagged)) / len(model.objectives)
    )


# --- 2. dropped actions implement nothing, for the facts as for the rules -----------------------


@HALF
@given(models())
def test_facts_hold_the_rules_live_actions(model: StrategyModel) -> None:
    facts = build_facts(model, AS_OF)
    index = ModelIndex.build(model)
    assert {t: {a.id for a in acts} for t, acts in facts.actions_of.items()} == {
        t: {model.actions[i].id for i in positions}
        for t, positions in index.actions_of_tactic.items()
    }


def test_a_dropped_training_supports_nobody() -> None:
    model = _plan(
        [
            Tactic(
                id="t-esn", kind="enterprise_social_network", strategy="st-1", audience="employees"
            ),
            Tactic(id="t-train", kind="training", strategy="st-1", audience="employees"),
        ],
        [
            Action(id="a-esn", tactic="t-esn"),
            Action(id="a-train", tactic="t-train", status="dropped"),
        ],
    )
    assert "t-esn" in _flagged(model, "ROL006")
    result = assess(model)
    assert _criterion(result, "change-support").score == 0
    assert _criterion(result, "tactics-with-actions").score == 50


def test_a_dropped_digitalisation_is_no_efficiency() -> None:
    live = _plan(
        [Tactic(id="t-erp", kind="process_digitalisation", strategy="st-1")],
        [Action(id="a-erp", tactic="t-erp")],
    )
    dropped = _plan(
        [Tactic(id="t-erp", kind="process_digitalisation", strategy="st-1")],
        [Action(id="a-erp", tactic="t-erp", status="dropped")],
    )
    gaps = [e.fact for e in _criterion(assess(dropped), "efficiency").evidence if not e.supports]
    assert "no process is being digitalised" in gaps
    facts = [e.fact for e in _criterion(assess(live), "efficiency").evidence if e.supports]
    assert "processes being digitalised" in facts


def test_a_dropped_crm_action_coordinates_nobody() -> None:
    def plan(status: str) -> StrategyModel:
        return _plan(
            [
                Tactic(
                    id="t-sell",
                    kind="social_selling",
                    strategy="st-1",
                    audience="customers",
                    owner_unit="sales-unit",
                ),
                Tactic(
                    id="t-mail",
                    kind="email_marketing",
                    strategy="st-1",
                    audience="customers",
                    owner_unit="marketing",
                ),
            ],
            [
                Action(id="a-sell", tactic="t-sell", tools=["crm"]),
                Action(id="a-mail", tactic="t-mail", tools=["crm"], status=status),
            ],
            [Tool(id="crm", kind="crm")],
        )

    assert _criterion(assess(plan("planned")), "coordinated-contacts").score == 100
    assert _criterion(assess(plan("dropped")), "coordinated-contacts").score == 50
    assert _flagged(plan("dropped"), "TEC004") == {"customers"}


# --- 3. the kinds come from the rules' settings ---------------------------------------------


@pytest.mark.parametrize("kind", sorted(TacticKind))
def test_change_support_and_rol006_agree_on_every_tactic_kind(kind: TacticKind) -> None:
    model = _plan(
        [
            Tactic(
                id="t-esn", kind="enterprise_social_network", strategy="st-1", audience="employees"
            ),
            Tactic(id="t-other", kind=kind, strategy="st-1", audience="partners"),
        ],
        [Action(id="a-esn", tactic="t-esn"), Action(id="a-other", tactic="t-other")],
    )
    fires = "t-esn" in _flagged(model, "ROL006")
    assert (_criterion(assess(model), "change-support").score == 0) == fires


@pytest.mark.parametrize("kind", sorted(ToolKind))
def test_back_serves_front_and_tec003_agree_on_every_tool_kind(kind: ToolKind) -> None:
    model = _plan([], [], [Tool(id="site", kind="website"), Tool(id="other", kind=kind)])
    fires = any(f.code == "TEC003" for f in check(model, select="TEC003").findings)
    assert (_criterion(assess(model), "back-serves-front").score == 0) == fires


# --- 4. membership by set: many tactics, each in the right list ----------------------------


def test_tactic_evidence_keeps_model_order_at_size() -> None:
    n = 3000
    tactics = [Tactic(id=f"t-{(i * 7919) % n:05d}", kind="web_marketing") for i in range(n)]
    with_action = [t.id for i, t in enumerate(tactics) if i % 3 == 0]
    measured = [t.id for i, t in enumerate(tactics) if i % 5 == 0]
    kpis = [
        KPI(id="k-measured", tactics=measured, measurements=[Measurement(date=AS_OF, value=1)]),
        KPI(id="k-never", tactics=[t.id for i, t in enumerate(tactics) if i % 5 == 1]),
    ]
    model = _plan(tactics, [Action(id=f"a-{t}", tactic=t) for t in with_action], kpis=kpis)
    result = assess(model)
    # Evidence lists ids sorted (criteria.Evidence), whatever the model's order.
    by_fact = {e.fact: e.ids for e in _criterion(result, "tactics-with-actions").evidence}
    assert by_fact["tactics with actions"] == tuple(sorted(with_action))
    assert by_fact["tactics without any action"] == tuple(
        sorted(t.id for t in tactics if t.id not in set(with_action))
    )
    by_fact = {e.fact: e.ids for e in _criterion(result, "tactics-measured").evidence}
    assert by_fact["tactics measured by a KPI with measurements"] == tuple(sorted(measured))
    assert by_fact["tactics whose KPIs were never measured"] == tuple(
        sorted(t.id for i, t in enumerate(tactics) if i % 5 == 1)
    )
    assert by_fact["tactics measured by no KPI"] == tuple(
        sorted(t.id for i, t in enumerate(tactics) if i % 5 > 1)
    )


# --- 5. a datetime as-of date counts as its day -------------------------------------------


def test_assess_takes_a_datetime_as_its_date() -> None:
    model = _plan(
        [Tactic(id="t-1", kind="web_marketing", strategy="st-1")],
        [Action(id="a-1", tactic="t-1", deadline=dt.date(2026, 6, 1))],
    )
    by_datetime = assess(model, as_of=dt.datetime(2026, 11, 15, 14, 30))
    by_date = assess(model, as_of=dt.date(2026, 11, 15))
    assert by_datetime.as_of == dt.date(2026, 11, 15)
    assert type(by_datetime.as_of) is dt.date
    assert by_datetime == by_date
    assert _criterion(by_datetime, "on-schedule").score == 0  # a-1 is overdue that day


_DAY = dt.date(2026, 1, 1)
_HUGE = 1.7e308


@given(
    st.floats(-_HUGE, _HUGE),
    st.floats(-_HUGE, _HUGE),
    st.integers(1, 3650),
    st.integers(-100, 4000),
)
def test_the_planned_line_is_finite_and_runs_from_start_to_target(
    start: float, target: float, span: int, offset: int
) -> None:
    deadline = _DAY + dt.timedelta(days=span)
    value = planned_value(_DAY, start, deadline, target, _DAY + dt.timedelta(days=offset))
    assert math.isfinite(value)
    slack = 1e-12 * (abs(start) + abs(target))  # the rounding of the planned change
    assert min(start, target) - slack <= value <= max(start, target) + slack
    assert planned_value(_DAY, start, deadline, target, _DAY) == start
    assert planned_value(_DAY, start, deadline, target, deadline) == target
