"""One index of the model per ``check`` run, shared by the rules (private).

Every lookup a rule needs (tactics of a strategy, actions of a tactic, KPIs of a tactic…)
is built here once, in one pass per collection, so that every rule stays linear.

A dropped action no longer implements anything: the action relations below, and
:func:`live_actions`, leave dropped actions out, so that every rule reads them the same
way (``docs/rules.md``, decisions).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType

import attrs

from estrategy.model import (
    Action,
    Objective,
    Person,
    StrategyModel,
    StrategyStatus,
    Tactic,
    Tool,
)
from estrategy.model import Strategy as StrategyItem
from estrategy.model.definitions import is_live
from estrategy.rules._engine import RuleContext

__all__ = [
    "ModelIndex",
    "is_live",
    "is_retained",
    "live_actions",
    "model_index",
    "objective",
    "person",
    "strategy_of",
    "tool",
]


def _freeze(value: dict[str, list[int]]) -> Mapping[str, Sequence[int]]:
    # The lists are not copied into tuples (a third of the index's cost at a million
    # items): rules only read them.
    return MappingProxyType(dict(value))


@attrs.frozen
class ModelIndex:
    """Positions of the model's items by id, and the inverse relations rules need.

    Positions are indexes into the model's tuples, so rules can build model paths.

    Attributes:
        objective_at: objective id to its index in ``model.objectives``.
        strategy_at: strategy id to its index in ``model.strategies``.
        tactic_at: tactic id to its index in ``model.tactics``.
        person_at: person id to its index in ``model.organization.people``.
        tool_at: tool id to its index in ``model.tools``.
        live_actions: indexes of the actions that are not dropped, in model order.
        tactics_of_strategy: strategy id to the indexes of its tactics.
        actions_of_tactic: tactic id to the indexes of its actions that are not dropped.
        kpis_of_tactic: tactic id to the indexes of the KPIs measuring it.
        strategies_of_objective: objective id to the indexes of the strategies pursuing it.
        actions_of_tool: tool id to the indexes of the actions, not dropped, using it.
    """

    objective_at: Mapping[str, int]
    strategy_at: Mapping[str, int]
    tactic_at: Mapping[str, int]
    person_at: Mapping[str, int]
    tool_at: Mapping[str, int]
    live_actions: Sequence[int]
    tactics_of_strategy: Mapping[str, Sequence[int]]
    actions_of_tactic: Mapping[str, Sequence[int]]
    kpis_of_tactic: Mapping[str, Sequence[int]]
    strategies_of_objective: Mapping[str, Sequence[int]]
    actions_of_tool: Mapping[str, Sequence[int]]

    @classmethod
    def build(cls, model: StrategyModel) -> ModelIndex:
        """Index ``model`` in one pass per collection."""
        tactics_of_strategy: dict[str, list[int]] = defaultdict(list)
        for i, tactic in enumerate(model.tactics):
            if tactic.strategy is not None:
                tactics_of_strategy[tactic.strategy].append(i)
        actions_of_tactic: dict[str, list[int]] = defaultdict(list)
        actions_of_tool: dict[str, list[int]] = defaultdict(list)
        live: list[int] = []
        for i, action in enumerate(model.actions):
            if not is_live(action):
                continue
            live.append(i)
            actions_of_tactic[action.tactic].append(i)
            for tool in action.tools if len(action.tools) < 2 else dict.fromkeys(action.tools):
                actions_of_tool[tool].append(i)
        kpis_of_tactic: dict[str, list[int]] = defaultdict(list)
        for i, kpi in enumerate(model.kpis):
            for tactic_id in dict.fromkeys(kpi.tactics):
                kpis_of_tactic[tactic_id].append(i)
        strategies_of_objective: dict[str, list[int]] = defaultdict(list)
        for i, strategy in enumerate(model.strategies):
            for objective_id in dict.fromkeys(strategy.objectives):
                strategies_of_objective[objective_id].append(i)
        return cls(
            objective_at=MappingProxyType({o.id: i for i, o in enumerate(model.objectives)}),
            strategy_at=MappingProxyType({s.id: i for i, s in enumerate(model.strategies)}),
            tactic_at=MappingProxyType({t.id: i for i, t in enumerate(model.tactics)}),
            person_at=MappingProxyType({p.id: i for i, p in enumerate(model.organization.people)}),
            tool_at=MappingProxyType({t.id: i for i, t in enumerate(model.tools)}),
            live_actions=tuple(live),
            tactics_of_strategy=_freeze(tactics_of_strategy),
            actions_of_tactic=_freeze(actions_of_tactic),
            kpis_of_tactic=_freeze(kpis_of_tactic),
            strategies_of_objective=_freeze(strategies_of_objective),
            actions_of_tool=_freeze(actions_of_tool),
        )


def model_index(context: RuleContext) -> ModelIndex:
    """The index of the context's model, built once per run."""
    return context.memo(ModelIndex, lambda: ModelIndex.build(context.model))


def live_actions(context: RuleContext) -> Iterator[tuple[int, Action]]:
    """The actions that are not dropped, with their indexes in ``model.actions``."""
    actions = context.model.actions
    for i in model_index(context).live_actions:
        yield i, actions[i]


def is_retained(strategy: StrategyItem) -> bool:
    """Whether a strategy was retained."""
    return strategy.status == StrategyStatus.RETAINED


def strategy_of(context: RuleContext, tactic: Tactic) -> StrategyItem | None:
    """The strategy a tactic implements, if any."""
    if tactic.strategy is None:
        return None
    return context.model.strategies[model_index(context).strategy_at[tactic.strategy]]


def person(context: RuleContext, person_id: str | None) -> Person | None:
    """The person with ``person_id``, if any."""
    if person_id is None:
        return None
    at = model_index(context).person_at.get(person_id)
    return None if at is None else context.model.organization.people[at]


def tool(context: RuleContext, tool_id: str) -> Tool | None:
    """The tool with ``tool_id``, if any."""
    at = model_index(context).tool_at.get(tool_id)
    return None if at is None else context.model.tools[at]


def objective(context: RuleContext, objective_id: str | None) -> Objective | None:
    """The objective with ``objective_id``, if any."""
    if objective_id is None:
        return None
    at = model_index(context).objective_at.get(objective_id)
    return None if at is None else context.model.objectives[at]
