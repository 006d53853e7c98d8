"""MES rules: indicators, their measurements, and the reviews that look at them."""

from __future__ import annotations

from collections.abc import Iterator

from estrategy.base.formats import Day, Number, Percent, Series
from estrategy.base.messages import Message, ntr, tr
from estrategy.model import KPI, Direction, Tactic
from estrategy.model.definitions import KpiTrack, kpi_track, planned_value, review_rhythm
from estrategy.rules._engine import RuleContext, Violation, for_each, rule
from estrategy.rules._index import model_index, objective

__all__ = [
    "contradictory_kpi",
    "irregular_reviews",
    "kpi_never_measured",
    "kpi_without_objective",
    "off_track",
    "planned_value",
    "tactic_without_kpi",
]


@rule("MES001", "tactic-without-kpi", "warning")
@for_each("tactics")
def tactic_without_kpi(context: RuleContext, tactic: Tactic) -> Message | None:
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
    if not model_index(context).kpis_of_tactic.get(tactic.id):
        return tr("tactic {tactic} is measured by no KPI", tactic=tactic.id)
    return None


@rule("MES002", "kpi-never-measured", "warning")
@for_each("kpis")
def kpi_never_measured(context: RuleContext, kpi: KPI) -> Message | None:
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
    if not kpi.measurements:
        return tr("KPI {kpi} has no measurement", kpi=kpi.id)
    return None


@rule(
    "MES003",
    "irregular-reviews",
    "warning",
    settings={"review_interval_days": 90, "review_window_days": 365},
    minimums={"review_interval_days": 1, "review_window_days": 1},
)
def irregular_reviews(context: RuleContext) -> Iterator[Violation]:
    """Reviews are missing or too far apart.

    What it checks:
        The recent rhythm of the reviews dated on or before the as-of date: there is none
        within ``review_interval_days`` (default 90) before the as-of date, or two
        consecutive reviews are more than ``review_interval_days`` apart within the last
        ``review_window_days`` (default 365) before it. A gap that began before the window
        counts from the window's start, so a long gap years ago stops counting, and a
        review added in a gap shortens it. Reviews dated after the as-of date are planned
        ones and are ignored.

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
    window = int(context.settings["review_window_days"])
    rhythm = review_rhythm((r.date for r in context.model.reviews), context.as_of, window)
    problems: list[Message] = []
    if rhythm.age is None:
        problems.append(tr("no review is recorded"))
    elif rhythm.age > interval:
        problems.append(
            ntr(
                "the last review ({date}) is {n} day before the as-of date",
                "the last review ({date}) is {n} days before the as-of date",
                rhythm.age,
                date=Day(rhythm.dates[-1]),
            )
        )
    gaps = rhythm.long_gaps(interval)
    if gaps:
        a, b, days = gaps[0]
        problems.append(
            ntr(
                "{n} gap between reviews exceeds {interval} days (the longest: {start} to "
                "{end}, {days} days)",
                "{n} gaps between reviews exceed {interval} days (the longest: {start} to "
                "{end}, {days} days)",
                len(gaps),
                interval=interval,
                start=Day(a),
                end=Day(b),
                days=days,
            )
        )
    if problems:
        yield Violation(
            tr(
                "reviews are not regular (every {interval} days at most): {problems}",
                interval=interval,
                problems=Series(problems, separator="; "),
            ),
            [],
            ["reviews"],
        )


@rule("MES004", "kpi-without-objective", "warning")
@for_each("kpis")
def kpi_without_objective(context: RuleContext, kpi: KPI) -> Message | None:
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
    if kpi.objective is None:
        return tr("KPI {kpi} measures no objective", kpi=kpi.id)
    return None


def _kpi_track(context: RuleContext, kpi: KPI) -> KpiTrack | None:
    return kpi_track(kpi, objective(context, kpi.objective))


@rule(
    "MES005",
    "off-track",
    "warning",
    settings={"off_track_tolerance": 0.2},
    minimums={"off_track_tolerance": 0.0},
)
@for_each("kpis")
def off_track(context: RuleContext, kpi: KPI) -> Message | None:
    """A KPI is behind its planned line.

    What it checks:
        For every KPI with a target, measurements, and an objective with a deadline: the
        planned line runs from the KPI's first measurement to its target at the
        objective's deadline. The rule fires when the latest measurement is behind that
        line by more than ``off_track_tolerance`` (default 0.2, i.e. 20 %) of the whole
        planned change. Behind means below the line when the target is above the first
        measurement, above it when the target is below; the KPI's ``direction`` decides
        only when the target equals the first measurement. Then the planned change is
        zero, the KPI was to hold its level, and any move the wrong way is off track: the
        message says so in words. (A direction that contradicts the target is MES006's
        concern.)

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
    track = _kpi_track(context, kpi)
    if track is None or not track.off_track(tolerance):
        return None
    if track.planned_change:
        return tr(
            "KPI {kpi} is off track: {expected} was planned by {date}, the latest "
            "measurement is behind by {lag} (more than {tolerance} of the planned change "
            "of {change})",
            kpi=kpi.id,
            expected=Number(track.expected, significant=4),
            date=Day(track.latest.date),
            lag=Number(track.lag, significant=4),
            tolerance=Percent(tolerance),
            change=Number(track.planned_change, significant=6),
        )
    shown = {
        "kpi": kpi.id,
        "target": Number(track.target, significant=6),
        "latest": Number(track.latest.value, significant=6),
        "date": Day(track.latest.date),
        "lag": Number(track.lag, significant=4),
    }
    if track.sign > 0:
        return tr(
            "KPI {kpi} is off track: its target {target} equals its first measurement, "
            "so it was to hold that level, and the latest measurement ({latest} on "
            "{date}) is {lag} below it",
            **shown,
        )
    return tr(
        "KPI {kpi} is off track: its target {target} equals its first measurement, "
        "so it was to hold that level, and the latest measurement ({latest} on "
        "{date}) is {lag} above it",
        **shown,
    )


@rule("MES006", "contradictory-kpi", "warning")
def contradictory_kpi(context: RuleContext) -> Iterator[Violation]:
    """A KPI's direction contradicts its target.

    What it checks:
        Every KPI with a target and measurements whose ``direction`` says the opposite of
        its target read from its first measurement: an ``increase`` KPI whose target is
        below its first value, or a ``decrease`` KPI whose target is above it. A target
        equal to the first value contradicts nothing (the KPI is to hold its level).

    Why it matters:
        The controls of *L'adoption massive du Social Selling, devait décoiffer…* compare
        measured values with the objective to decide whether a tactic delivers. When the
        direction and the target disagree, either the target is a typing mistake or the
        indicator measures the wrong thing, and every reading of progress is in doubt
        (MES005 follows the target, and a reader follows the direction).

    How to fix:
        Correct the target or the direction, whichever is wrong; if the measure itself
        changed (a new scale, a new definition), start a new KPI.
    """
    for i, kpi in enumerate(context.model.kpis):
        if kpi.target is None or not kpi.measurements:
            continue
        first = min(kpi.measurements, key=lambda m: (m.date, m.value))
        up = kpi.direction == Direction.INCREASE
        if (up and kpi.target < first.value) or (not up and kpi.target > first.value):
            shown = {
                "kpi": kpi.id,
                "target": Number(kpi.target, significant=6),
                "first": Number(first.value, significant=6),
                "date": Day(first.date),
            }
            if up:
                message = tr(
                    "KPI {kpi} should increase but its target {target} is below its first "
                    "measurement ({first} on {date})",
                    **shown,
                )
            else:
                message = tr(
                    "KPI {kpi} should decrease but its target {target} is above its first "
                    "measurement ({first} on {date})",
                    **shown,
                )
            yield Violation(
                message,
                [kpi.id],
                ["kpis", i, "direction"],
            )
