"""The criteria of the ``execution`` dimension: tactics declined into actions, done.

They check that every tactic has live actions, that actions are complete (competences,
responsible person, tools, budget, deadline) and on schedule, and that the budget is
not spread thin over many tactics.
"""

from __future__ import annotations

from estrategy.base.formats import Number
from estrategy.base.messages import ntr, tr
from estrategy.maturity.criteria._scoring import lacking, pct
from estrategy.maturity.criterion import Criterion, CriterionContext, CriterionResult, Evidence
from estrategy.maturity.criterion import criterion as declare
from estrategy.model import StrategyModel
from estrategy.model.definitions import (
    ACTION_FIELDS,
    funded_tactics,
    is_live,
    missing_action_fields,
    normalised_herfindahl,
)

__all__ = ["CRITERIA"]


@declare("tactics-with-actions", title="Tactics declined into actions")
def tactics_with_actions(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Every tactic is declined into at least one live action (003 step 5)."""
    actions_of = context.facts.actions_of  # live actions only
    return CriterionResult.share(
        {t.id: bool(actions_of.get(t.id)) for t in model.tactics},
        met_fact=tr("tactics with actions"),
        unmet_fact=tr("tactics without any action"),
        empty=tr("no tactic is deployed"),
    )


@declare("complete-actions", title="Complete actions")
def complete_actions(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Actions name competences, a responsible person, tools, a budget and a deadline (003)."""
    actions = [a for a in model.actions if is_live(a)]
    if not actions:
        return CriterionResult.not_applicable(tr("no live action"))
    filled = 0
    complete, evidence = [], []
    for action in sorted(actions, key=lambda a: a.id):
        missing = missing_action_fields(action)
        filled += len(ACTION_FIELDS) - len(missing)
        if missing:
            evidence.append(lacking(action.id, missing))
        else:
            complete.append(action.id)
    if complete:
        evidence.insert(0, Evidence(tr("complete actions"), complete))
    return CriterionResult(pct(filled, len(ACTION_FIELDS) * len(actions)), evidence)


@declare("on-schedule", title="Actions on schedule", delivery=True)
def on_schedule(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """No live action with a deadline is past it without being done (001: milestones).

    Evidence of delivery: it counts in the results that cap the overall score.
    """
    live = [a.id for a in model.actions if is_live(a) and a.deadline]
    overdue = context.facts.overdue
    return CriterionResult.share(
        {a: a not in overdue for a in live},
        met_fact=tr("actions on schedule"),
        unmet_fact=tr("actions past their deadline and not done"),
        empty=tr("no live action has a deadline"),
    )


@declare("budget-focus", title="Focused budget")
def budget_focus(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """The budget is not spread thin over many tactics (001: atomised means and budgets)."""
    if not model.actions:
        return CriterionResult.not_applicable(tr("no action"))
    # the budgets ACT004 reads: dropped actions' money will not be spent
    funded = funded_tactics(model.actions)
    if not funded:
        return CriterionResult(0, [Evidence(tr("no action has a budget"), supports=False)])
    index = normalised_herfindahl(funded.values())
    # ACT004's settings, when configured, win over the maturity model's thresholds.
    minimum = context.threshold("atomisation_min_tactics", 8, setting="atomisation_min_tactics")
    threshold = context.threshold("atomisation_hhi", 0.10, setting="atomisation_max_hhi")
    if len(funded) < minimum or index >= threshold:
        fact = ntr(
            "the budget is concentrated on {n} tactic (normalised Herfindahl {index})",
            "the budget is concentrated on {n} tactics (normalised Herfindahl {index})",
            len(funded),
            index=Number(index, 2),
        )
        return CriterionResult(100, [Evidence(fact, funded)])
    fact = ntr(
        "the budget is spread over {n} tactic (normalised Herfindahl {index})",
        "the budget is spread over {n} tactics (normalised Herfindahl {index})",
        len(funded),
        index=Number(index, 2),
    )
    return CriterionResult(pct(index, threshold), [Evidence(fact, funded, supports=False)])


CRITERIA: tuple[Criterion, ...] = (
    tactics_with_actions,
    complete_actions,
    on_schedule,
    budget_focus,
)
"""The execution criteria, in the order the default maturity model lists them."""
