"""The criteria of the ``measurement`` dimension: measuring, reviewing and learning.

They check that tactics and objectives are measured by KPIs that have measurements, that
reviews are recent, regular and look at the KPIs, and that they record decisions and
lessons learned.
"""

from __future__ import annotations

import itertools

from estrategy.maturity.criteria._scoring import pct
from estrategy.maturity.criterion import Criterion, CriterionContext, CriterionResult, Evidence
from estrategy.maturity.criterion import criterion as declare
from estrategy.model import StrategyModel

__all__ = [
    "CRITERIA",
    "lessons_learned",
    "objectives_measured",
    "regular_reviews",
    "tactics_measured",
]


@declare("tactics-measured", title="Tactics measured")
def tactics_measured(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Every tactic is measured by a KPI that has actually been measured (003 step 6)."""
    facts = context.facts
    if not model.tactics:
        return CriterionResult.not_applicable("no tactic is deployed")
    measured = [t.id for t in model.tactics if t.id in facts.measured_tactics]
    never = [
        t.id
        for t in model.tactics
        if t.id not in facts.measured_tactics and t.id in facts.kpis_of_tactic
    ]
    none = [t.id for t in model.tactics if t.id not in facts.kpis_of_tactic]
    evidence = []
    if measured:
        evidence.append(Evidence("tactics measured by a KPI with measurements", measured))
    if never:
        evidence.append(Evidence("tactics whose KPIs were never measured", never, supports=False))
    if none:
        evidence.append(Evidence("tactics measured by no KPI", none, supports=False))
    return CriterionResult(pct(len(measured), len(model.tactics)), evidence)


@declare("objectives-measured", title="Objectives measured")
def objectives_measured(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Every objective is measured by a KPI with measurements (003 step 6)."""
    if not model.objectives:
        return CriterionResult(0, [Evidence("no objective to measure", supports=False)])
    measured = context.facts.measured_objectives
    return CriterionResult.ratio(
        [o.id for o in model.objectives if o.id in measured],
        [o.id for o in model.objectives if o.id not in measured],
        met_fact="objectives measured by a KPI with measurements",
        unmet_fact="objectives with no measured KPI",
        empty="",
    )


@declare("regular-reviews", title="Regular reviews")
def regular_reviews(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Reviews are recent and regular, and look at the KPIs (003 step 7; 001: stage reviews)."""
    # MES003's setting, when configured, wins over the maturity model's threshold.
    interval = context.threshold("review_interval_days", 90, setting="review_interval_days")
    dates = sorted({r.date for r in model.reviews if r.date <= context.as_of})
    if not dates:
        return CriterionResult(0, [Evidence("no review has taken place", supports=False)])
    evidence = []
    score = 0.0
    age = (context.as_of - dates[-1]).days
    if age <= interval:
        score += 40
        evidence.append(Evidence(f"the last review ({dates[-1].isoformat()}) is {age} days old"))
    else:
        evidence.append(
            Evidence(
                f"no review in the {interval:g} days before {context.as_of.isoformat()}",
                supports=False,
            )
        )
    gaps = [(b - a).days for a, b in itertools.pairwise(dates)]
    if gaps and max(gaps) <= interval:
        score += 40
        evidence.append(Evidence(f"{len(dates)} reviews, never more than {max(gaps)} days apart"))
    elif gaps:
        evidence.append(
            Evidence(
                f"reviews were once {max(gaps)} days apart (over {interval:g})", supports=False
            )
        )
    else:
        evidence.append(Evidence("a single review so far: no rhythm yet", supports=False))
    reviewed = sorted(context.facts.reviewed_kpis)
    if reviewed:
        score += 20
        evidence.append(Evidence("KPIs looked at in reviews", reviewed))
    else:
        evidence.append(Evidence("no review looks at a KPI", supports=False))
    return CriterionResult(score, evidence)


@declare("lessons-learned", title="Decisions and lessons learned")
def lessons_learned(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Reviews decide and record what the field taught, to iterate (003 step 8)."""
    if not model.reviews:
        return CriterionResult(0, [Evidence("no review, hence no lesson", supports=False)])
    decided = sorted({r.date.isoformat() for r in model.reviews if r.decisions})
    learned = sorted({r.date.isoformat() for r in model.reviews if r.lessons})
    evidence = []
    score = 0.0
    if decided:
        score += 50
        evidence.append(Evidence(f"reviews record decisions ({', '.join(decided)})"))
    else:
        evidence.append(Evidence("no review records a decision", supports=False))
    if learned:
        score += 50
        evidence.append(Evidence(f"reviews record lessons from the field ({', '.join(learned)})"))
    else:
        evidence.append(Evidence("no review records a lesson learned", supports=False))
    return CriterionResult(score, evidence)


CRITERIA: tuple[Criterion, ...] = (
    tactics_measured,
    objectives_measured,
    regular_reviews,
    lessons_learned,
)
"""The measurement criteria, in the order the default maturity model lists them."""
