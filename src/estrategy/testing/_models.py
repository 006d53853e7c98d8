"""Arbitrary valid models: every reference resolves, every id is unique."""

from __future__ import annotations

from typing import TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from estrategy.model import Organization, StrategyModel
from estrategy.testing._organization import organizations
from estrategy.testing._plan import (
    actions,
    business_stakes,
    kpis,
    objectives,
    plan_strategies,
    reviews,
    situations,
    tactics,
    tools,
)
from estrategy.testing._validation import check_count, check_strategy
from estrategy.testing._values import slugs, texts

__all__ = ["models"]

_T = TypeVar("_T")

CURRENCIES = ("EUR", "USD", "GBP", "CHF", "JPY", "CAD", "XOF")


def _pick(ids: list[str]) -> SearchStrategy[str]:
    return st.sampled_from(ids) if ids else st.nothing()


def _maybe(ids: list[str]) -> SearchStrategy[str | None]:
    return st.one_of(st.none(), st.sampled_from(ids)) if ids else st.none()


@st.composite
def _models(
    draw: st.DrawFn,
    max_stakes: int,
    max_objectives: int,
    max_strategies: int,
    max_tactics: int,
    max_actions: int,
    max_kpis: int,
    max_reviews: int,
    max_tools: int,
    organization: SearchStrategy[Organization],
    text: SearchStrategy[str],
) -> StrategyModel:
    org = draw(organization)
    unit_ids = [u.id for u in org.units]
    person_ids = [p.id for p in org.people]

    def unique_ids(maximum: int) -> list[str]:
        return draw(st.lists(slugs(), max_size=maximum, unique=True))

    stake_ids = unique_ids(max_stakes)
    objective_ids = unique_ids(max_objectives)
    strategy_ids = unique_ids(max_strategies)
    tactic_ids = unique_ids(max_tactics)
    # An action needs a tactic: without tactics, there are no actions.
    action_ids = unique_ids(max_actions) if tactic_ids else []
    kpi_ids = unique_ids(max_kpis)
    tool_ids = unique_ids(max_tools)

    def each(ids: list[str], strategy: SearchStrategy[_T]) -> list[_T]:
        # One strategy per kind, drawn once per id: building one per item would
        # re-validate it each time, which dominates generation.
        return [attrs.evolve(draw(strategy), id=i) for i in ids]  # type: ignore[misc]

    same = st.just("x")
    stakes = each(stake_ids, business_stakes(ids=same, text=text))
    objective_list = each(
        objective_ids,
        objectives(ids=same, stake_ids=_maybe(stake_ids), owner_ids=_maybe(person_ids), text=text),
    )
    strategy_list = each(
        strategy_ids,
        plan_strategies(
            ids=same,
            objective_ids=_pick(objective_ids),
            max_objectives=3 if objective_ids else 0,
            text=text,
        ),
    )
    tactic_list = each(
        tactic_ids,
        tactics(ids=same, strategy_ids=_maybe(strategy_ids), unit_ids=_maybe(unit_ids), text=text),
    )
    tool_list = each(tool_ids, tools(ids=same, text=text))
    action_list = each(
        action_ids,
        actions(
            ids=same,
            tactic_ids=_pick(tactic_ids),
            responsible_ids=_maybe(person_ids),
            tool_ids=_pick(tool_ids),
            max_tools=3 if tool_ids else 0,
            text=text,
        ),
    )
    kpi_list = each(
        kpi_ids,
        kpis(
            ids=same,
            objective_ids=_maybe(objective_ids),
            tactic_ids=_pick(tactic_ids),
            max_tactics=3 if tactic_ids else 0,
            text=text,
        ),
    )
    review_list = draw(
        st.lists(
            reviews(kpi_ids=_pick(kpi_ids), max_kpis=3 if kpi_ids else 0, text=text),
            max_size=max_reviews,
        )
    )
    return StrategyModel(
        name=draw(text),
        currency=draw(st.sampled_from(CURRENCIES)),
        as_of=draw(st.none() | st.dates()),
        organization=org,
        mission=draw(st.none() | text),
        stakes=stakes,
        situation=draw(situations(text=text)),
        objectives=objective_list,
        strategies=strategy_list,
        tactics=tactic_list,
        actions=action_list,
        kpis=kpi_list,
        reviews=review_list,
        tools=tool_list,
    )


def models(
    *,
    max_stakes: int = 3,
    max_objectives: int = 4,
    max_strategies: int = 4,
    max_tactics: int = 6,
    max_actions: int = 8,
    max_kpis: int = 4,
    max_reviews: int = 3,
    max_tools: int = 4,
    organization: SearchStrategy[Organization] | None = None,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[StrategyModel]:
    """Arbitrary **valid** models: building them never raises.

    What holds for every model drawn:

    - every reference resolves (stakes, owners, objectives, strategies, tactics, units,
      people, tools, KPIs) and ids are unique in their collection, so
      :func:`~estrategy.model.integrity_problems` is empty;
    - every optional field is sometimes ``None`` and every list sometimes empty
      (``as_of`` included), so the model is seldom *clean*: the coherence rules fire
      on it freely (use :func:`clean_models` for models they must accept);
    - the organisation comes from ``organization`` (its references hold too).

    Args:
        max_stakes: the most business stakes.
        max_objectives: the most objectives.
        max_strategies: the most strategies.
        max_tactics: the most tactics.
        max_actions: the most actions (none when there is no tactic).
        max_kpis: the most KPIs.
        max_reviews: the most reviews.
        max_tools: the most tools.
        organization: a strategy of organisations (default
            :func:`~estrategy.testing.organizations` with up to 8 people).
        text: free text for names and statements (default
            :func:`~estrategy.testing.texts`).

    Returns:
        A strategy of :class:`~estrategy.model.StrategyModel`.

    Raises:
        hypothesis.errors.InvalidArgument: on a negative count, or a value where a
            strategy is expected.

    Example:
        >>> from hypothesis import given
        >>> from estrategy.model import integrity_problems
        >>> @given(models())
        ... def test_valid(model):
        ...     assert integrity_problems(model) == []
    """
    for name, value in (
        ("max_stakes", max_stakes),
        ("max_objectives", max_objectives),
        ("max_strategies", max_strategies),
        ("max_tactics", max_tactics),
        ("max_actions", max_actions),
        ("max_kpis", max_kpis),
        ("max_reviews", max_reviews),
        ("max_tools", max_tools),
    ):
        check_count(name, value)
    return _models(
        max_stakes,
        max_objectives,
        max_strategies,
        max_tactics,
        max_actions,
        max_kpis,
        max_reviews,
        max_tools,
        organizations(max_people=8, max_units=5, max_groups=3, max_ties=8)
        if organization is None
        else check_strategy("organization", organization),
        texts() if text is None else check_strategy("text", text),
    )
