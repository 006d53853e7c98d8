"""Strategies for the plan: stakes, objectives, strategies, tactics, actions, KPIs.

Each function draws one object; references are drawn from the strategies you pass
(by default any id, so the objects make sense alone but not together). To draw objects
that fit one model, pass ``st.sampled_from(ids_you_have)``, as :func:`models` does.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from estrategy.model import (
    KPI,
    Action,
    ActionStatus,
    Audience,
    BusinessStake,
    Direction,
    Licence,
    Measurement,
    Objective,
    Review,
    SituationAnalysis,
    Strategy,
    StrategyScope,
    StrategyStatus,
    Tactic,
    TacticKind,
    Tool,
    ToolKind,
    ToolSide,
)
from estrategy.testing._organization import competences
from estrategy.testing._validation import check_count, check_strategy
from estrategy.testing._values import budgets, slugs, texts

__all__ = [
    "actions",
    "business_stakes",
    "kpis",
    "measurements",
    "objectives",
    "plan_strategies",
    "reviews",
    "situations",
    "tactics",
    "tools",
]

_FLOATS = st.floats(allow_nan=False, allow_infinity=False)

_Kind = TypeVar("_Kind", bound=enum.Enum)


def _opt(strategy: SearchStrategy[str]) -> SearchStrategy[str | None]:
    return st.one_of(st.none(), strategy)


def _ids(ids: SearchStrategy[str] | None) -> SearchStrategy[str]:
    return slugs() if ids is None else check_strategy("ids", ids)


def _ref(name: str, value: SearchStrategy[str | None] | None) -> SearchStrategy[str | None]:
    return _opt(slugs()) if value is None else check_strategy(name, value)


def _many(name: str, value: SearchStrategy[str] | None) -> SearchStrategy[str]:
    return slugs() if value is None else check_strategy(name, value)


def _text(text: SearchStrategy[str] | None) -> SearchStrategy[str]:
    return texts() if text is None else check_strategy("text", text)


def _kind(kinds: SearchStrategy[_Kind] | None, every: type[_Kind]) -> SearchStrategy[_Kind]:
    return st.sampled_from(every) if kinds is None else check_strategy("kinds", kinds)


def business_stakes(
    *, ids: SearchStrategy[str] | None = None, text: SearchStrategy[str] | None = None
) -> SearchStrategy[BusinessStake]:
    """One :class:`~estrategy.model.BusinessStake`."""
    return st.builds(BusinessStake, id=_ids(ids), statement=_text(text))


def situations(
    *, text: SearchStrategy[str] | None = None, max_items: int = 3
) -> SearchStrategy[SituationAnalysis]:
    """One :class:`~estrategy.model.SituationAnalysis`, any list possibly empty.

    Args:
        text: each item's text.
        max_items: the most items in each list.
    """
    check_count("max_items", max_items)
    items = st.lists(_text(text), max_size=max_items)
    return st.builds(
        SituationAnalysis,
        strengths=items,
        weaknesses=items,
        opportunities=items,
        threats=items,
        competitors=items,
    )


def objectives(
    *,
    ids: SearchStrategy[str] | None = None,
    stake_ids: SearchStrategy[str | None] | None = None,
    owner_ids: SearchStrategy[str | None] | None = None,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[Objective]:
    """One :class:`~estrategy.model.Objective`, SMART or not (every optional field may be None).

    Args:
        ids: the objective's id.
        stake_ids: the stake it serves, or ``None``.
        owner_ids: the person accountable, or ``None``.
        text: free text for the statement and metric.
    """
    return st.builds(
        Objective,
        id=_ids(ids),
        statement=_text(text),
        stake=_ref("stake_ids", stake_ids),
        metric=st.none() | _text(text),
        baseline=st.none() | _FLOATS,
        target=st.none() | _FLOATS,
        deadline=st.none() | st.dates(),
        owner=_ref("owner_ids", owner_ids),
    )


def plan_strategies(
    *,
    ids: SearchStrategy[str] | None = None,
    objective_ids: SearchStrategy[str] | None = None,
    max_objectives: int = 3,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[Strategy]:
    """One :class:`~estrategy.model.Strategy` of the plan.

    Named so as not to be confused with hypothesis's own strategies.

    Args:
        ids: the strategy's id.
        objective_ids: each objective it pursues (distinct).
        max_objectives: the most objectives it pursues.
        text: free text for the statement and rationale.
    """
    check_count("max_objectives", max_objectives)
    return st.builds(
        Strategy,
        id=_ids(ids),
        statement=_text(text),
        scope=st.sampled_from(StrategyScope),
        objectives=st.lists(
            _many("objective_ids", objective_ids), max_size=max_objectives, unique=True
        ),
        status=st.sampled_from(StrategyStatus),
        rationale=st.none() | _text(text),
    )


def tactics(
    *,
    ids: SearchStrategy[str] | None = None,
    strategy_ids: SearchStrategy[str | None] | None = None,
    unit_ids: SearchStrategy[str | None] | None = None,
    kinds: SearchStrategy[TacticKind] | None = None,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[Tactic]:
    """One :class:`~estrategy.model.Tactic`.

    Args:
        ids: the tactic's id.
        strategy_ids: the strategy it implements, or ``None`` (an orphan).
        unit_ids: the unit that runs it, or ``None``.
        kinds: its kind (default: any :class:`~estrategy.model.TacticKind`).
        text: free text for the name.
    """
    return st.builds(
        Tactic,
        id=_ids(ids),
        name=_text(text),
        kind=_kind(kinds, TacticKind),
        strategy=_ref("strategy_ids", strategy_ids),
        audience=st.none() | st.sampled_from(Audience),
        owner_unit=_ref("unit_ids", unit_ids),
    )


def actions(
    *,
    ids: SearchStrategy[str] | None = None,
    tactic_ids: SearchStrategy[str] | None = None,
    responsible_ids: SearchStrategy[str | None] | None = None,
    tool_ids: SearchStrategy[str] | None = None,
    max_tools: int = 3,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[Action]:
    """One :class:`~estrategy.model.Action`, complete or not.

    Args:
        ids: the action's id.
        tactic_ids: the tactic it declines (always set).
        responsible_ids: the person responsible, or ``None``.
        tool_ids: each tool it uses (distinct).
        max_tools: the most tools it uses.
        text: free text for the description.
    """
    check_count("max_tools", max_tools)
    return st.builds(
        Action,
        id=_ids(ids),
        tactic=_many("tactic_ids", tactic_ids),
        description=_text(text),
        competences=st.lists(competences(), max_size=3, unique=True),
        responsible=_ref("responsible_ids", responsible_ids),
        tools=st.lists(_many("tool_ids", tool_ids), max_size=max_tools, unique=True),
        budget=st.none() | budgets(),
        deadline=st.none() | st.dates(),
        status=st.sampled_from(ActionStatus),
    )


def measurements(
    *,
    dates: SearchStrategy[dt.date] | None = None,
    values: SearchStrategy[float] | None = None,
) -> SearchStrategy[Measurement]:
    """One :class:`~estrategy.model.Measurement` (default: any date, any finite value)."""
    return st.builds(
        Measurement,
        date=st.dates() if dates is None else check_strategy("dates", dates),
        value=_FLOATS if values is None else check_strategy("values", values),
    )


def kpis(
    *,
    ids: SearchStrategy[str] | None = None,
    objective_ids: SearchStrategy[str | None] | None = None,
    tactic_ids: SearchStrategy[str] | None = None,
    max_tactics: int = 3,
    max_measurements: int = 4,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[KPI]:
    """One :class:`~estrategy.model.KPI`.

    Args:
        ids: the KPI's id.
        objective_ids: the objective it measures, or ``None``.
        tactic_ids: each tactic it measures (distinct).
        max_tactics: the most tactics it measures.
        max_measurements: the most measurements it holds (in any order).
        text: free text for the name and unit.
    """
    check_count("max_tactics", max_tactics)
    check_count("max_measurements", max_measurements)
    return st.builds(
        KPI,
        id=_ids(ids),
        name=_text(text),
        objective=_ref("objective_ids", objective_ids),
        tactics=st.lists(_many("tactic_ids", tactic_ids), max_size=max_tactics, unique=True),
        unit=st.none() | _text(text),
        target=st.none() | _FLOATS,
        direction=st.sampled_from(Direction),
        measurements=st.lists(measurements(), max_size=max_measurements),
    )


def reviews(
    *,
    kpi_ids: SearchStrategy[str] | None = None,
    max_kpis: int = 3,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[Review]:
    """One :class:`~estrategy.model.Review`.

    Args:
        kpi_ids: each KPI reviewed (distinct).
        max_kpis: the most KPIs reviewed.
        text: free text for decisions and lessons.
    """
    check_count("max_kpis", max_kpis)
    return st.builds(
        Review,
        date=st.dates(),
        kpis=st.lists(_many("kpi_ids", kpi_ids), max_size=max_kpis, unique=True),
        decisions=st.lists(_text(text), max_size=2),
        lessons=st.lists(_text(text), max_size=2),
    )


def tools(
    *,
    ids: SearchStrategy[str] | None = None,
    kinds: SearchStrategy[ToolKind] | None = None,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[Tool]:
    """One :class:`~estrategy.model.Tool`; its side and licence are sometimes unset.

    Args:
        ids: the tool's id.
        kinds: its kind (default: any :class:`~estrategy.model.ToolKind`).
        text: free text for the name.
    """
    return st.builds(
        Tool,
        id=_ids(ids),
        name=_text(text),
        kind=_kind(kinds, ToolKind),
        side=st.none() | st.sampled_from(ToolSide),
        licence=st.none() | st.sampled_from(Licence),
    )
