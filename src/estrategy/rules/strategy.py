"""STR rules: the chain from stakes and objectives to strategies and tactics."""

from __future__ import annotations

from collections.abc import Iterator

from estrategy.base.messages import Message, tr
from estrategy.model import Objective, Strategy, StrategyScope, Tactic, smart_gap_messages
from estrategy.rules._engine import RuleContext, Violation, for_each, rule
from estrategy.rules._index import is_retained, model_index

__all__ = [
    "aimless_strategy",
    "disconnected_volets",
    "missing_volet",
    "no_situation_analysis",
    "objective_not_smart",
    "orphan_objective",
    "orphan_tactic",
    "tactic_of_unretained_strategy",
    "unchallenged_choice",
    "unimplemented_strategy",
]


@rule("STR001", "orphan-tactic", "error")
@for_each("tactics")
def orphan_tactic(context: RuleContext, tactic: Tactic) -> Message | None:
    """A tactic implements no strategy.

    What it checks:
        Every tactic whose ``strategy`` is empty.

    Why it matters:
        In *L'adoption massive du Social Selling, devait décoiffer…* social selling,
        content marketing and automation are means, not ends: they only make sense as the
        implementation of a chosen strategy. A tactic adopted for itself is noise that
        precedes failure, and nobody can say whether it works, since it serves no goal.

    How to fix:
        Set the tactic's ``strategy`` to the retained strategy it implements, or remove the
        tactic.
    """
    if tactic.strategy is None:
        return tr("tactic {tactic} implements no strategy", tactic=tactic.id)
    return None


@rule("STR002", "aimless-strategy", "error")
@for_each("strategies")
def aimless_strategy(context: RuleContext, strategy: Strategy) -> Message | None:
    """A retained strategy pursues no objective.

    What it checks:
        Every strategy with ``status: retained`` and an empty ``objectives`` list.

    Why it matters:
        The method of *L'adoption massive du Social Selling, devait décoiffer…* goes from
        why to how: objectives first, then the strategy that reaches them. A strategy with
        no objective cannot be judged, challenged against another or measured.

    How to fix:
        List the objectives the strategy pursues, or reject it.
    """
    if is_retained(strategy) and not strategy.objectives:
        return tr("retained strategy {strategy} pursues no objective", strategy=strategy.id)
    return None


@rule("STR003", "unimplemented-strategy", "error")
@for_each("strategies")
def unimplemented_strategy(context: RuleContext, strategy: Strategy) -> Message | None:
    """A retained strategy has no tactic.

    What it checks:
        Every retained strategy that no tactic names as its ``strategy``.

    Why it matters:
        In the method of *L'adoption massive du Social Selling, devait décoiffer…* the
        retained strategy is declined into tactics and then concrete actions; a strategy
        that stops at the statement is an intention, not a plan.

    How to fix:
        Add the tactics that implement the strategy, or reject it.
    """
    if is_retained(strategy) and not model_index(context).tactics_of_strategy.get(strategy.id):
        return tr("retained strategy {strategy} has no tactic", strategy=strategy.id)
    return None


@rule("STR004", "objective-not-smart", "warning")
@for_each("objectives")
def objective_not_smart(context: RuleContext, objective: Objective) -> Message | None:
    """An objective is not SMART.

    What it checks:
        Every objective missing one of: a statement (S, specific), a metric and a target
        (M, measurable), a target that differs from the baseline (A, a real change to
        achieve), a business stake (R, relevant) or a deadline (T, time-bound). The
        message lists the letters that fail and why.

    Why it matters:
        Step three of the method in *L'adoption massive du Social Selling, devait
        décoiffer…* asks for SMART objectives: only an objective with a measure, a target
        and a date can be followed by indicators and reviewed.

    How to fix:
        Fill in the missing fields; set a target that differs from the baseline.
    """
    failing = smart_gap_messages(objective)
    if failing:
        return tr(
            "objective {objective} is not SMART: {gaps}", objective=objective.id, gaps=failing
        )
    return None


@rule("STR005", "unchallenged-choice", "warning")
@for_each("objectives")
def unchallenged_choice(context: RuleContext, objective: Objective) -> Message | None:
    """Only one strategy was ever considered for an objective.

    What it checks:
        Every objective pursued by exactly one strategy, whatever its status: no
        alternative was recorded as a candidate or rejected. (An objective pursued by no
        strategy is STR009's concern.)

    Why it matters:
        Step four of the method in *L'adoption massive du Social Selling, devait
        décoiffer…* asks for several candidate strategies, challenged against each other
        before one is retained. A choice made without an alternative was not a choice.

    How to fix:
        Record the alternatives considered for the objective as ``candidate`` or
        ``rejected`` strategies, with a ``rationale``.
    """
    if len(model_index(context).strategies_of_objective.get(objective.id, ())) == 1:
        return tr(
            "only one strategy was ever considered for objective {objective}",
            objective=objective.id,
        )
    return None


def _retained_scopes(context: RuleContext) -> set[StrategyScope]:
    return {s.scope for s in context.model.strategies if is_retained(s)}


@rule("STR006", "missing-volet", "warning")
def missing_volet(context: RuleContext) -> Iterator[Violation]:
    """The retained strategies cover one volet only.

    What it checks:
        The model has retained strategies, all of the same scope (all internal or all
        external).

    Why it matters:
        *Stratégie digitale interne et externe* describes a digital strategy as two volets:
        an external one towards customers and prospects, and an internal one that makes the
        company able to follow (collective intelligence, transversality, new roles). One
        without the other either promises what the company cannot deliver, or transforms
        the company for no one.

    How to fix:
        Add and retain a strategy for the missing volet.
    """
    scopes = _retained_scopes(context)
    if len(scopes) == 1:
        (only,) = scopes
        if only == StrategyScope.INTERNAL:
            message = tr("every retained strategy is internal: the external volet is missing")
        else:
            message = tr("every retained strategy is external: the internal volet is missing")
        yield Violation(
            message,
            [],
            ["strategies"],
        )


@rule("STR007", "disconnected-volets", "warning")
def disconnected_volets(context: RuleContext) -> Iterator[Violation]:
    """The internal and external volets share no objective.

    What it checks:
        Both volets have retained strategies, and no objective is pursued both by a
        retained internal strategy and by a retained external one.

    Why it matters:
        *Stratégie digitale interne et externe* insists that the two volets differ in their
        means but must be tightly connected: the internal transformation exists to serve
        what the company promises outside.

    How to fix:
        Make at least one objective shared: have an internal strategy pursue an objective
        of the external volet (or the reverse).
    """
    if len(_retained_scopes(context)) < 2:
        return
    pursued: dict[StrategyScope, set[str]] = {s: set() for s in StrategyScope}
    for strategy in context.model.strategies:
        if is_retained(strategy):
            pursued[strategy.scope].update(strategy.objectives)
    if not pursued[StrategyScope.INTERNAL] & pursued[StrategyScope.EXTERNAL]:
        yield Violation(
            tr(
                "no objective is pursued by both a retained internal and a retained external "
                "strategy"
            ),
            [],
            ["strategies"],
        )


@rule("STR008", "no-situation-analysis", "warning")
def no_situation_analysis(context: RuleContext) -> Iterator[Violation]:
    """The situation analysis is empty.

    What it checks:
        The ``situation`` records no strength, no weakness and no competitor.

    Why it matters:
        Step two of the method in *L'adoption massive du Social Selling, devait
        décoiffer…* is an objective look at where the company stands: what it does well,
        what it does badly, who it competes with. Objectives set without it rest on
        impressions.

    How to fix:
        Fill ``situation.strengths``, ``situation.weaknesses`` and
        ``situation.competitors``.
    """
    situation = context.model.situation
    if not (situation.strengths or situation.weaknesses or situation.competitors):
        yield Violation(
            tr("the situation analysis records no strength, weakness or competitor"),
            [],
            ["situation"],
        )


@rule("STR009", "orphan-objective", "warning")
@for_each("objectives")
def orphan_objective(context: RuleContext, objective: Objective) -> Message | None:
    """No retained strategy pursues an objective.

    What it checks:
        Every objective that no strategy with ``status: retained`` lists.

    Why it matters:
        In *L'adoption massive du Social Selling, devait décoiffer…* each objective is
        reached through a strategy chosen for it; an objective no retained strategy pursues
        will be reached by chance or not at all.

    How to fix:
        Have a retained strategy pursue the objective, or drop the objective.
    """
    strategies = context.model.strategies
    pursuing = model_index(context).strategies_of_objective.get(objective.id, ())
    if not any(is_retained(strategies[s]) for s in pursuing):
        return tr(
            "objective {objective} is pursued by no retained strategy", objective=objective.id
        )
    return None


def _unretained(tactic: str, strategy: str, status: str) -> Message:
    """STR010's message: one sentence for each status a strategy can have but retained."""
    if status == "candidate":
        return tr(
            "tactic {tactic} implements strategy {strategy}, which is candidate, not retained",
            tactic=tactic,
            strategy=strategy,
        )
    return tr(
        "tactic {tactic} implements strategy {strategy}, which is rejected, not retained",
        tactic=tactic,
        strategy=strategy,
    )


@rule("STR010", "tactic-of-unretained-strategy", "warning")
def tactic_of_unretained_strategy(context: RuleContext) -> Iterator[Violation]:
    """A tactic implements a strategy that is only a candidate, or was rejected.

    What it checks:
        Every tactic whose ``strategy`` has ``status: candidate`` or ``status: rejected``.
        (A tactic with no strategy at all is STR001's concern.)

    Why it matters:
        Step four of the method in *L'adoption massive du Social Selling, devait
        décoiffer…* challenges several candidate strategies and retains one; only then
        come tactics and actions. A tactic of a rejected strategy spends means on an
        option the company turned down; one of a candidate strategy acts before the choice
        was made.

    How to fix:
        Move the tactic to the retained strategy it serves, retain its strategy (with a
        ``rationale``), or drop the tactic.
    """
    index = model_index(context)
    strategies = context.model.strategies
    for i, tactic in enumerate(context.model.tactics):
        if tactic.strategy is None:
            continue
        strategy = strategies[index.strategy_at[tactic.strategy]]
        if not is_retained(strategy):
            yield Violation(
                _unretained(tactic.id, strategy.id, str(strategy.status)),
                [tactic.id, strategy.id],
                ["tactics", i, "strategy"],
            )
