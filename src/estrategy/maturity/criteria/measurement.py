"""The criteria of the ``measurement`` dimension: measuring, reviewing, learning, and results.

They check that tactics and objectives are measured by KPIs that have measurements, that
reviews are recent, regular and look at the KPIs, and that they record decisions and
lessons learned; and that the measurements show delivery: KPIs on their planned line,
objectives whose target was reached by their deadline.
"""

from __future__ import annotations

import datetime as dt

from estrategy.base.formats import Day, Number, Percent
from estrategy.base.messages import ntr, tr
from estrategy.maturity.criteria._scoring import pct
from estrategy.maturity.criterion import Criterion, CriterionContext, CriterionResult, Evidence
from estrategy.maturity.criterion import criterion as declare
from estrategy.model import KPI, Objective, StrategyModel
from estrategy.model.definitions import kpi_track, review_rhythm

__all__ = ["CRITERIA"]


@declare("tactics-measured", title="Tactics measured")
def tactics_measured(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Every tactic is measured by a KPI that has actually been measured (003 step 6)."""
    facts = context.facts
    if not model.tactics:
        return CriterionResult.not_applicable(tr("no tactic is deployed"))
    measured = [t.id for t in model.tactics if t.id in facts.measured_tactics]
    never = [
        t.id
        for t in model.tactics
        if t.id not in facts.measured_tactics and t.id in facts.kpis_of_tactic
    ]
    none = [t.id for t in model.tactics if t.id not in facts.kpis_of_tactic]
    evidence = []
    if measured:
        evidence.append(Evidence(tr("tactics measured by a KPI with measurements"), measured))
    if never:
        evidence.append(
            Evidence(tr("tactics whose KPIs were never measured"), never, supports=False)
        )
    if none:
        evidence.append(Evidence(tr("tactics measured by no KPI"), none, supports=False))
    return CriterionResult(pct(len(measured), len(model.tactics)), evidence)


@declare("objectives-measured", title="Objectives measured")
def objectives_measured(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Every objective is measured by a KPI with measurements (003 step 6)."""
    if not model.objectives:
        return CriterionResult(0, [Evidence(tr("no objective to measure"), supports=False)])
    measured = context.facts.measured_objectives
    return CriterionResult.share(
        {o.id: o.id in measured for o in model.objectives},
        met_fact=tr("objectives measured by a KPI with measurements"),
        unmet_fact=tr("objectives with no measured KPI"),
        empty="",
    )


@declare("regular-reviews", title="Regular reviews")
def regular_reviews(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Reviews are recent and regular, and look at the KPIs (003 step 7; 001: stage reviews)."""
    # MES003's setting, when configured, wins over the maturity model's threshold; its
    # window is MES003's too, so an old gap stops counting for both at once.
    interval = context.threshold("review_interval_days", 90, setting="review_interval_days")
    window = float(context.setting("review_window_days"))
    rhythm = review_rhythm((r.date for r in model.reviews), context.as_of, window)
    if rhythm.age is None:
        return CriterionResult(0, [Evidence(tr("no review has taken place"), supports=False)])
    evidence = []
    score = 0.0
    last = Day(rhythm.dates[-1])
    if rhythm.age <= interval:
        score += 40
        evidence.append(
            Evidence(
                ntr(
                    "the last review ({date}) is {n} day old",
                    "the last review ({date}) is {n} days old",
                    rhythm.age,
                    date=last,
                )
            )
        )
    else:
        evidence.append(
            Evidence(
                tr(
                    "no review in the {days} days before {date}",
                    days=Number(interval),
                    date=Day(context.as_of),
                ),
                supports=False,
            )
        )
    longest = max((days for _, _, days in rhythm.gaps), default=None)
    if longest is not None and longest <= interval:
        score += 40
        evidence.append(
            Evidence(
                tr(
                    "{count} reviews within the last {days} days, never more than {longest} "
                    "days apart",
                    count=len(rhythm.gaps) + 1,
                    days=Number(window),
                    longest=longest,
                )
            )
        )
    elif longest is not None:
        evidence.append(
            Evidence(
                tr(
                    "reviews were {longest} days apart within the last {days} days (over "
                    "{interval})",
                    longest=longest,
                    days=Number(window),
                    interval=Number(interval),
                ),
                supports=False,
            )
        )
    else:
        evidence.append(Evidence(tr("a single review so far: no rhythm yet"), supports=False))
    reviewed = sorted(context.facts.reviewed_kpis)
    if reviewed:
        score += 20
        evidence.append(Evidence(tr("KPIs looked at in reviews"), reviewed))
    else:
        evidence.append(Evidence(tr("no review looks at a KPI"), supports=False))
    return CriterionResult(score, evidence)


@declare("lessons-learned", title="Decisions and lessons learned")
def lessons_learned(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Reviews decide and record what the field taught, to iterate (003 step 8)."""
    if not model.reviews:
        return CriterionResult(0, [Evidence(tr("no review, hence no lesson"), supports=False)])
    decided = [Day(d) for d in sorted({r.date for r in model.reviews if r.decisions})]
    learned = [Day(d) for d in sorted({r.date for r in model.reviews if r.lessons})]
    evidence = []
    score = 0.0
    if decided:
        score += 50
        evidence.append(Evidence(tr("reviews record decisions ({dates})", dates=decided)))
    else:
        evidence.append(Evidence(tr("no review records a decision"), supports=False))
    if learned:
        score += 50
        evidence.append(
            Evidence(tr("reviews record lessons from the field ({dates})", dates=learned))
        )
    else:
        evidence.append(Evidence(tr("no review records a lesson learned"), supports=False))
    return CriterionResult(score, evidence)


@declare("kpis-on-track", title="KPIs on track", delivery=True)
def kpis_on_track(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """KPIs are on their planned line or past their target, as MES005 reads them (003 step 7)."""
    tolerance = float(context.setting("off_track_tolerance"))
    tracks = context.facts.tracks
    unjudged = [k.id for k in model.kpis if k.measurements and k.id not in tracks]
    evidence = []
    if not tracks:
        return CriterionResult.not_applicable(
            tr("no KPI has a target, a measurement and an objective with a deadline")
        )
    reached = [k for k, t in tracks.items() if t.reached]
    on_line = [k for k, t in tracks.items() if not t.reached and not t.off_track(tolerance)]
    behind = [k for k, t in tracks.items() if t.off_track(tolerance)]
    if reached:
        evidence.append(Evidence(tr("KPIs that reached their target"), reached))
    if on_line:
        evidence.append(Evidence(tr("KPIs on their planned line"), on_line))
    if behind:
        fact = tr(
            "KPIs behind their planned line by more than {tolerance} of the change",
            tolerance=Percent(tolerance),
        )
        evidence.append(Evidence(fact, behind, supports=False))
    if unjudged:
        fact = tr("measured KPIs that cannot show delivery (no target, or no objective deadline)")
        evidence.append(Evidence(fact, unjudged, supports=False))
    return CriterionResult(pct(len(reached) + len(on_line), len(tracks)), evidence)


def _reached_by(kpi: KPI, goal: Objective, day: dt.date) -> bool:
    """Whether the KPI's latest value on or before ``day`` is at its target or beyond."""
    track = kpi_track(kpi, goal, until=day)
    return track is not None and track.reached


@declare("objectives-achieved", title="Objectives achieved", delivery=True)
def objectives_achieved(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Objectives whose deadline has passed reached their target in time (003 steps 3 and 7)."""
    kpis_of: dict[str, list[KPI]] = {}
    for kpi in model.kpis:
        if kpi.objective is not None and kpi.target is not None:
            kpis_of.setdefault(kpi.objective, []).append(kpi)
    achieved: list[str] = []
    early: list[str] = []
    missed: list[str] = []
    for goal in model.objectives:
        if goal.deadline is None:
            continue
        kpis = kpis_of.get(goal.id, [])
        due = goal.deadline < context.as_of
        until = goal.deadline if due else context.as_of
        reached = bool(kpis) and all(_reached_by(k, goal, until) for k in kpis)
        if due:
            (achieved if reached else missed).append(goal.id)
        elif reached:
            early.append(goal.id)
    if not (achieved or early or missed):
        return CriterionResult.not_applicable(
            tr("no objective is due yet, and none has reached its target early")
        )
    evidence = []
    if achieved:
        evidence.append(
            Evidence(tr("objectives whose KPIs reached the target by the deadline"), achieved)
        )
    if early:
        evidence.append(Evidence(tr("objectives whose KPIs reached the target early"), early))
    if missed:
        fact = tr("objectives past their deadline whose KPIs did not reach the target")
        evidence.append(Evidence(fact, missed, supports=False))
    met = len(achieved) + len(early)
    return CriterionResult(pct(met, met + len(missed)), evidence)


CRITERIA: tuple[Criterion, ...] = (
    tactics_measured,
    objectives_measured,
    regular_reviews,
    lessons_learned,
    kpis_on_track,
    objectives_achieved,
)
"""The measurement criteria, in the order the default maturity model lists them."""
