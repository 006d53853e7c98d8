"""MES rules: indicators, their measurements, and the reviews that look at them."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

from estrategy.base.messages import tr
from estrategy.model import KPI, Direction
from estrategy.rules._engine import RuleContext, Violation, rule
from estrategy.rules._index import model_index, objective

__all__ = [
    "irregular_reviews",
    "kpi_never_measured",
    "kpi_without_objective",
    "off_track",
    "planned_value",
    "tactic_without_kpi",
]


@rule("MES001", "tactic-without-kpi", "warning")
def tactic_without_kpi(context: RuleContext) -> Iterator[Violation]:
    """A tactic is measured by no KPI.

    What it checks:
        Every tactic that no KPI lists in its ``tactics``.

    Why it matters:
        Step six of the method in *L'adoption massive du Social Selling, devait
        décoiffer…* sets indicators for what is done; a tactic nobody measures can
        neither be kept for its results nor stopped for their absence.

    How to fix:
        Add the tactic to the ``tactics`` of a KPI that measures its effect.
    """
    index = model_index(context)
    for i, tactic in enumerate(context.model.tactics):
        if not index.kpis_of_tactic.get(tactic.id):
            yield Violation(
                tr("tactic {tactic} is measured by no KPI", tactic=tactic.id),
                [tactic.id],
                ["tactics", i],
            )


@rule("MES002", "kpi-never-measured", "warning")
def kpi_never_measured(context: RuleContext) -> Iterator[Violation]:
    """A KPI has no measurement.

    What it checks:
        Every KPI whose ``measurements`` list is empty.

    Why it matters:
        The controls of step seven in *L'adoption massive du Social Selling, devait
        décoiffer…* compare measured values with targets; an indicator that was defined
        but never measured gives the reviews nothing to look at.

    How to fix:
        Record the KPI's measurements (at least the first one, its starting point).
    """
    for i, kpi in enumerate(context.model.kpis):
        if not kpi.measurements:
            yield Violation(tr("KPI {kpi} has no measurement", kpi=kpi.id), [kpi.id], ["kpis", i])


@rule(
    "MES003",
    "irregular-reviews",
    "warning",
    settings={"review_interval_days": 90},
    minimums={"review_interval_days": 1},
)
def irregular_reviews(context: RuleContext) -> Iterator[Violation]:
    """Reviews are missing or too far apart.

    What it checks:
        Among the reviews dated on or before the as-of date: there is none within
        ``review_interval_days`` (default 90) before the as-of date, or two consecutive
        reviews are more than ``review_interval_days`` apart. Reviews dated after the as-of
        date are planned ones and are ignored.

    Why it matters:
        *L'adoption massive du Social Selling, devait décoiffer…* makes regular controls
        and learning from the field the last steps of the method, repeated;
        *Entreprises traditionnelles : De l'ombre à la lumière digitale* asks for stage
        reviews. A plan that is not reviewed drifts without anyone deciding.

    How to fix:
        Hold a review and record it (date, KPIs reviewed, decisions), and keep them no
        more than the interval apart.
    """
    interval = int(context.settings["review_interval_days"])
    dates = sorted({r.date for r in context.model.reviews if r.date <= context.as_of})
    problems: list[str] = []
    if not dates:
        problems.append("no review is recorded")
    elif (context.as_of - dates[-1]).days > interval:
        problems.append(
            f"the last review ({dates[-1].isoformat()}) is "
            f"{(context.as_of - dates[-1]).days} days before the as-of date"
        )
    gaps = [(a, b) for a, b in itertools.pairwise(dates) if (b - a).days > interval]
    if gaps:
        a, b = max(gaps, key=lambda g: ((g[1] - g[0]).days, g[0]))
        problems.append(
            f"{len(gaps)} {'gaps' if len(gaps) > 1 else 'gap'} between reviews "
            f"{'exceed' if len(gaps) > 1 else 'exceeds'} "
            f"{interval} days (the longest: {a.isoformat()} to {b.isoformat()}, "
            f"{(b - a).days} days)"
        )
    if problems:
        yield Violation(
            f"reviews are not regular (every {interval} days at most): " + "; ".join(problems),
            [],
            ["reviews"],
        )


@rule("MES004", "kpi-without-objective", "warning")
def kpi_without_objective(context: RuleContext) -> Iterator[Violation]:
    """A KPI measures no objective.

    What it checks:
        Every KPI whose ``objective`` is empty.

    Why it matters:
        In *L'adoption massive du Social Selling, devait décoiffer…* indicators exist to
        tell whether the objectives are being reached. An indicator tied to no objective
        measures activity, not progress.

    How to fix:
        Set the KPI's ``objective``, or remove the KPI.
    """
    for i, kpi in enumerate(context.model.kpis):
        if kpi.objective is None:
            yield Violation(
                tr("KPI {kpi} measures no objective", kpi=kpi.id), [kpi.id], ["kpis", i]
            )


def planned_value(
    start: dt.date, start_value: float, deadline: dt.date, target: float, when: dt.date
) -> float:
    """The value the straight planned line expects on ``when``.

    The line runs from ``(start, start_value)`` to ``(deadline, target)``; before the
    start it is the start value, after the deadline the target.

    Example:
        >>> planned_value(dt.date(2026, 1, 1), 0.0, dt.date(2026, 1, 11), 10.0,
        ...               dt.date(2026, 1, 6))
        5.0
    """
    span = (deadline - start).days
    if span <= 0:
        return target if when >= deadline else start_value
    fraction = min(max((when - start).days / span, 0.0), 1.0)
    return start_value + (target - start_value) * fraction


def _kpi_lag(context: RuleContext, kpi: KPI) -> tuple[float, float, float, dt.date] | None:
    """(lag behind the line, planned change, planned value, latest date), when defined."""
    goal = objective(context, kpi.objective)
    if kpi.target is None or goal is None or goal.deadline is None or not kpi.measurements:
        return None
    # Sorting by (date, value) makes the first and latest values independent of list order.
    ordered = sorted(kpi.measurements, key=lambda m: (m.date, m.value))
    first, latest = ordered[0], ordered[-1]
    expected = planned_value(first.date, first.value, goal.deadline, kpi.target, latest.date)
    # "Behind" follows where the planned line goes; ``direction`` only settles a flat line.
    planned_change = kpi.target - first.value
    if planned_change:
        sign = 1.0 if planned_change > 0 else -1.0
    else:
        sign = 1.0 if kpi.direction == Direction.INCREASE else -1.0
    lag = sign * (expected - latest.value)
    return lag, abs(kpi.target - first.value), expected, latest.date


@rule(
    "MES005",
    "off-track",
    "warning",
    settings={"off_track_tolerance": 0.2},
    minimums={"off_track_tolerance": 0.0},
)
def off_track(context: RuleContext) -> Iterator[Violation]:
    """A KPI is behind its planned line.

    What it checks:
        For every KPI with a target, measurements, and an objective with a deadline: the
        planned line runs from the KPI's first measurement to its target at the
        objective's deadline. The rule fires when the latest measurement is behind that
        line by more than ``off_track_tolerance`` (default 0.2, i.e. 20 %) of the whole
        planned change. Behind means below the line when the target is above the first
        measurement, above it when the target is below; the KPI's ``direction`` decides
        only when the target equals the first measurement.

    Why it matters:
        The controls of *L'adoption massive du Social Selling, devait décoiffer…* exist
        to see early that a tactic does not deliver, and to adapt it while there is time;
        *Entreprises traditionnelles : De l'ombre à la lumière digitale* asks for
        milestones for the same reason.

    How to fix:
        Review the tactics the KPI measures (more means, another tactic), or revise the
        objective's target or deadline with a recorded decision.
    """
    tolerance = float(context.settings["off_track_tolerance"])
    for i, kpi in enumerate(context.model.kpis):
        lag = _kpi_lag(context, kpi)
        if lag is None:
            continue
        behind, change, expected, when = lag
        if behind > 0 and behind > tolerance * change:
            yield Violation(
                f"KPI {kpi.id} is off track: {expected:.4g} was planned by {when.isoformat()}, "
                f"the latest measurement is behind by {behind:.4g} (more than "
                f"{tolerance:.0%} of the planned change of {change:g})",
                [kpi.id],
                ["kpis", i],
            )
