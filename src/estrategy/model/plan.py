"""The strategy itself: stakes, situation, objectives, strategies, tactics and the rest.

Actions, indicators, reviews and tools live here too: everything but the organisation.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from estrategy.model._convert import to_tuple
from estrategy.model.enums import (
    ActionStatus,
    Audience,
    Direction,
    Licence,
    StrategyScope,
    StrategyStatus,
    TacticKind,
    ToolKind,
    ToolSide,
)
from estrategy.model.suppression import Suppression
from estrategy.model.validators import (
    finite,
    is_date,
    non_negative,
    optional_slug,
    slug,
    slugs,
)

__all__ = [
    "KPI",
    "Action",
    "BusinessStake",
    "Measurement",
    "Objective",
    "Review",
    "SituationAnalysis",
    "Strategy",
    "Tactic",
    "Tool",
]


def _optional_decimal(value: Decimal | int | float | str | None) -> Decimal | None:
    """Read a money amount exactly: floats go through their shortest text form."""
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a budget is a number, not true/false")
    return Decimal(str(value))


# Enumerated fields accept their plain strings too (``Tactic(kind="events")``), so that
# code building models in Python compares and hashes like code reading files.
def _optional_audience(value: Audience | str | None) -> Audience | None:
    return None if value is None else Audience(value)


def _optional_side(value: ToolSide | str | None) -> ToolSide | None:
    return None if value is None else ToolSide(value)


def _optional_licence(value: Licence | str | None) -> Licence | None:
    return None if value is None else Licence(value)


def _optional_float(value: float | int | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise TypeError("expected a number, not true/false")
    return float(value)


def _float(value: float | int) -> float:
    if isinstance(value, bool):
        raise TypeError("expected a number, not true/false")
    return float(value)


@attrs.frozen
class BusinessStake:
    """A business stake the strategy answers (why the company acts).

    Attributes:
        id: unique among stakes.
        statement: the stake in one sentence.
        ignore: findings accepted on purpose about this element, each with its reason.
    """

    id: str = attrs.field(validator=slug)
    statement: str = ""
    ignore: tuple[Suppression, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen
class SituationAnalysis:
    """An objective analysis of the current situation (step 2 of the method).

    Attributes:
        strengths: what the company does well.
        weaknesses: what it does badly.
        opportunities: what the environment offers.
        threats: what the environment threatens.
        competitors: who else serves the same customers.
    """

    strengths: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    weaknesses: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    opportunities: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    threats: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    competitors: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen
class Objective:
    """A business objective; a SMART one has every field filled and a real change.

    Attributes:
        id: unique among objectives.
        statement: what is to be achieved.
        stake: id of the business stake it serves.
        metric: what is measured.
        baseline: the metric's value today.
        target: the value to reach.
        deadline: when it is to be reached.
        owner: id of the person accountable.
        ignore: findings accepted on purpose about this element, each with its reason.
    """

    id: str = attrs.field(validator=slug)
    statement: str = ""
    stake: str | None = attrs.field(default=None, validator=optional_slug)
    metric: str | None = None
    baseline: float | None = attrs.field(default=None, converter=_optional_float, validator=finite)
    target: float | None = attrs.field(default=None, converter=_optional_float, validator=finite)
    deadline: dt.date | None = attrs.field(default=None, validator=is_date)
    owner: str | None = attrs.field(default=None, validator=optional_slug)
    ignore: tuple[Suppression, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen
class Strategy:
    """One way of reaching objectives; several candidates are challenged, some retained.

    Attributes:
        id: unique among strategies.
        statement: the strategy in one sentence.
        scope: the volet, ``internal`` or ``external``.
        objectives: ids of the objectives it pursues.
        status: ``candidate``, ``retained`` or ``rejected``.
        rationale: why it was retained or rejected.
        ignore: findings accepted on purpose about this element, each with its reason.
    """

    id: str = attrs.field(validator=slug)
    statement: str = ""
    scope: StrategyScope = attrs.field(default=StrategyScope.EXTERNAL, converter=StrategyScope)
    objectives: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=slugs)
    status: StrategyStatus = attrs.field(default=StrategyStatus.CANDIDATE, converter=StrategyStatus)
    rationale: str | None = None
    ignore: tuple[Suppression, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen
class Tactic:
    """An operational means that implements a strategy (social selling, a CRM, …).

    Attributes:
        id: unique among tactics.
        name: human-readable name.
        kind: the tactic kind; its channel and presuppositions come from the catalogue.
        strategy: id of the strategy it implements (``None``: an orphan tactic).
        audience: whom it addresses.
        owner_unit: id of the unit that runs it.
        ignore: findings accepted on purpose about this element, each with its reason.
    """

    id: str = attrs.field(validator=slug)
    name: str = ""
    kind: TacticKind = attrs.field(default=TacticKind.OTHER, converter=TacticKind)
    strategy: str | None = attrs.field(default=None, validator=optional_slug)
    audience: Audience | None = attrs.field(default=None, converter=_optional_audience)
    owner_unit: str | None = attrs.field(default=None, validator=optional_slug)
    ignore: tuple[Suppression, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen
class Action:
    """A concrete action that declines a tactic (step 5 of the method).

    Attributes:
        id: unique among actions.
        tactic: id of the tactic it belongs to.
        description: what is done.
        competences: competence ids the action requires.
        responsible: id of the person responsible.
        tools: ids of the tools it uses.
        budget: money in the model's currency (``0`` is a budget; ``None`` is none).
        deadline: when it is due.
        status: ``planned``, ``in_progress``, ``done`` or ``dropped``.
        ignore: findings accepted on purpose about this element, each with its reason.
    """

    id: str = attrs.field(validator=slug)
    tactic: str = attrs.field(validator=slug)
    description: str = ""
    competences: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=slugs)
    responsible: str | None = attrs.field(default=None, validator=optional_slug)
    tools: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=slugs)
    budget: Decimal | None = attrs.field(
        default=None, converter=_optional_decimal, validator=non_negative
    )
    deadline: dt.date | None = attrs.field(default=None, validator=is_date)
    status: ActionStatus = attrs.field(default=ActionStatus.PLANNED, converter=ActionStatus)
    ignore: tuple[Suppression, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen
class Measurement:
    """One measured value of a KPI.

    Attributes:
        date: when it was measured.
        value: the measured value.
    """

    date: dt.date = attrs.field(validator=is_date)
    value: float = attrs.field(converter=_float, validator=finite)


@attrs.frozen
class KPI:
    """An indicator that measures an objective through tactics (step 6 of the method).

    Attributes:
        id: unique among KPIs.
        name: human-readable name.
        objective: id of the objective it measures.
        tactics: ids of the tactics it measures.
        unit: the unit of its values (``leads``, ``hours``, ``%``).
        target: the value aimed at, by the objective's deadline.
        direction: ``increase`` or ``decrease``.
        measurements: measured values, in any order.
        ignore: findings accepted on purpose about this element, each with its reason.
    """

    id: str = attrs.field(validator=slug)
    name: str = ""
    objective: str | None = attrs.field(default=None, validator=optional_slug)
    tactics: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=slugs)
    unit: str | None = None
    target: float | None = attrs.field(default=None, converter=_optional_float, validator=finite)
    direction: Direction = attrs.field(default=Direction.INCREASE, converter=Direction)
    measurements: tuple[Measurement, ...] = attrs.field(default=(), converter=to_tuple)
    ignore: tuple[Suppression, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen
class Review:
    """A control meeting that looks at KPIs and decides (steps 7 and 8 of the method).

    Attributes:
        date: when it took place.
        kpis: ids of the KPIs reviewed.
        decisions: what was decided.
        lessons: what was learned from the field.
    """

    date: dt.date = attrs.field(validator=is_date)
    kpis: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=slugs)
    decisions: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)
    lessons: tuple[str, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen
class Tool:
    """A digital tool the company runs.

    Attributes:
        id: unique among tools.
        name: human-readable name.
        kind: CRM, ERP, ESN, website, …
        side: ``front`` (faces users) or ``back`` (serves front tools); when ``None``,
            the kind's usual side (see :func:`estrategy.catalogue.tool_side`).
        licence: ``open_source``, ``proprietary`` or ``saas``.
        ignore: findings accepted on purpose about this element, each with its reason.
    """

    id: str = attrs.field(validator=slug)
    name: str = ""
    kind: ToolKind = attrs.field(default=ToolKind.OTHER, converter=ToolKind)
    side: ToolSide | None = attrs.field(default=None, converter=_optional_side)
    licence: Licence | None = attrs.field(default=None, converter=_optional_licence)
    ignore: tuple[Suppression, ...] = attrs.field(default=(), converter=to_tuple)
