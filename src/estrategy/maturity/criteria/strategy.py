"""The criteria of the ``strategy`` dimension: why before how and what.

They check that the plan starts from a mission and business stakes, analyses its
situation, sets SMART objectives, chooses its strategies among challenged options, ties
every tactic to a retained strategy, and runs both an internal and an external volet.
"""

from __future__ import annotations

from collections import defaultdict

from estrategy.base.messages import tr
from estrategy.maturity.criteria._scoring import lacking, pct
from estrategy.maturity.criterion import Criterion, CriterionContext, CriterionResult, Evidence
from estrategy.maturity.criterion import criterion as declare
from estrategy.model import StrategyModel, StrategyScope
from estrategy.model.definitions import missing_smart_parts
from estrategy.model.labels import label

__all__ = ["CRITERIA"]


@declare("stakes-and-mission", title="Mission and business stakes")
def stakes_and_mission(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """The plan starts from why: a mission, business stakes, objectives tied to them (003)."""
    evidence = []
    parts = 0.0
    if model.mission and model.mission.strip():
        parts += 1
        evidence.append(Evidence(tr("the mission is stated")))
    else:
        evidence.append(Evidence(tr("no mission is stated"), supports=False))
    if model.stakes:
        parts += 1
        evidence.append(Evidence(tr("business stakes are recorded"), [s.id for s in model.stakes]))
    else:
        evidence.append(Evidence(tr("no business stake is recorded"), supports=False))
    tied = [o.id for o in model.objectives if o.stake is not None]
    loose = [o.id for o in model.objectives if o.stake is None]
    if model.objectives:
        parts += len(tied) / len(model.objectives)
    if loose:
        evidence.append(Evidence(tr("objectives tied to no business stake"), loose, supports=False))
    return CriterionResult(pct(parts, 3), evidence)


_SITUATION_PARTS = ("strengths", "weaknesses", "opportunities", "threats", "competitors")


@declare("situation-analysis", title="Situation analysis")
def situation_analysis(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Strengths, weaknesses, opportunities, threats and competitors are analysed (003 step 2)."""
    filled = [p for p in _SITUATION_PARTS if getattr(model.situation, p)]
    empty = [p for p in _SITUATION_PARTS if p not in filled]
    evidence = []
    if filled:
        parts = [label(p) for p in filled]
        evidence.append(Evidence(tr("the situation analysis records {parts}", parts=parts)))
    if empty:
        evidence.append(
            Evidence(
                tr("the situation analysis has no {parts}", parts=[label(p) for p in empty]),
                supports=False,
            )
        )
    return CriterionResult(pct(len(filled), len(_SITUATION_PARTS)), evidence)


@declare("smart-objectives", title="SMART objectives")
def smart_objectives(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Objectives are specific, measurable, tied to a stake, with a target and a deadline."""
    if not model.objectives:
        return CriterionResult(0, [Evidence(tr("no objective is recorded"), supports=False)])
    smart = [o.id for o in model.objectives if not missing_smart_parts(o)]
    evidence = []
    if smart:
        evidence.append(Evidence(tr("SMART objectives"), smart))
    for objective in sorted(model.objectives, key=lambda o: o.id):
        gaps = missing_smart_parts(objective)
        if gaps:
            evidence.append(lacking(objective.id, gaps))
    return CriterionResult(pct(len(smart), len(model.objectives)), evidence)


@declare("challenged-strategies", title="Strategies chosen among challenged options")
def challenged_strategies(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Each pursued objective had several candidate strategies, challenged (003 step 4)."""
    facts = context.facts
    pursued = sorted({o for s in facts.retained.values() for o in s.objectives})
    if not pursued:
        return CriterionResult(
            0, [Evidence(tr("no retained strategy pursues an objective"), supports=False)]
        )
    return CriterionResult.share(
        {o: len(facts.strategies_of.get(o, ())) >= 2 for o in pursued},
        met_fact=tr("objectives whose strategy was chosen among several candidates"),
        unmet_fact=tr("objectives for which only one strategy was ever considered"),
        empty="",
    )


@declare("tactics-serve-strategy", title="Tactics serve a retained strategy")
def tactics_serve_strategy(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Every tactic implements a retained strategy that pursues objectives (003, why→how→what)."""
    facts = context.facts
    met, orphan, weak = [], [], []
    for tactic in model.tactics:
        strategy = facts.retained.get(tactic.strategy) if tactic.strategy else None
        if strategy is None:
            orphan.append(tactic.id)
        elif not strategy.objectives:
            weak.append(tactic.id)
        else:
            met.append(tactic.id)
    if not model.tactics:
        return CriterionResult.not_applicable(tr("no tactic is deployed"))
    evidence = []
    if met:
        evidence.append(
            Evidence(tr("tactics implementing a retained strategy with objectives"), met)
        )
    if orphan:
        evidence.append(
            Evidence(tr("tactics implementing no retained strategy"), orphan, supports=False)
        )
    if weak:
        evidence.append(
            Evidence(tr("tactics whose strategy pursues no objective"), weak, supports=False)
        )
    return CriterionResult(pct(len(met), len(model.tactics)), evidence)


@declare("two-volets", title="Internal and external volets, connected")
def two_volets(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Both volets have retained strategies, tied by a shared objective (004)."""
    retained = context.facts.retained.values()
    scopes: dict[StrategyScope, set[str]] = defaultdict(set)
    for strategy in retained:
        scopes[strategy.scope].update(strategy.objectives)
    score = 0.0
    evidence = []
    for scope in (StrategyScope.EXTERNAL, StrategyScope.INTERNAL):
        ids = [s.id for s in retained if s.scope == scope]
        if ids:
            score += 35
            if scope == StrategyScope.INTERNAL:
                evidence.append(Evidence(tr("retained internal strategies"), ids))
            else:
                evidence.append(Evidence(tr("retained external strategies"), ids))
        else:
            if scope == StrategyScope.INTERNAL:
                evidence.append(Evidence(tr("no retained internal strategy"), supports=False))
            else:
                evidence.append(Evidence(tr("no retained external strategy"), supports=False))
    shared = scopes[StrategyScope.EXTERNAL] & scopes[StrategyScope.INTERNAL]
    if shared:
        score += 30
        evidence.append(Evidence(tr("objectives pursued by both volets"), shared))
    elif len(scopes) == 2:
        evidence.append(Evidence(tr("the two volets pursue no common objective"), supports=False))
    return CriterionResult(score, evidence)


CRITERIA: tuple[Criterion, ...] = (
    stakes_and_mission,
    situation_analysis,
    smart_objectives,
    challenged_strategies,
    tactics_serve_strategy,
    two_volets,
)
"""The strategy criteria, in the order the default maturity model lists them."""
