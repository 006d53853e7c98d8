"""Strategies for suppressions: ``ignore`` entries, and models whose elements carry them."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from estrategy.model import IGNORABLE_COLLECTIONS, StrategyModel, Suppression
from estrategy.testing._validation import check_count, check_strategy
from estrategy.testing._values import texts

__all__ = ["suppressed_models", "suppressions"]

# A code (STR001) or a prefix (STR): the shapes ``Suppression.code`` accepts.
_CODES = st.from_regex(r"[A-Z]{2,4}[0-9]{0,4}", fullmatch=True)


def suppressions(
    *, codes: SearchStrategy[str] | None = None, text: SearchStrategy[str] | None = None
) -> SearchStrategy[Suppression]:
    """One :class:`~estrategy.model.Suppression`: a code or prefix and a reason.

    Args:
        codes: the codes drawn (default: any code or prefix, known to a rule or not).
        text: the reasons drawn (default: any text, sometimes empty).

    Returns:
        A strategy of suppressions.
    """
    return st.builds(
        Suppression,
        code=_CODES if codes is None else check_strategy("codes", codes),
        reason=texts() if text is None else check_strategy("text", text),
    )


def _with(model: StrategyModel, picks: list[tuple[int, int, Suppression]]) -> StrategyModel:
    for which, index, suppression in picks:
        collection = IGNORABLE_COLLECTIONS[which]
        items = _at(model, collection)
        if not items:
            continue
        position = index % len(items)
        element = items[position]
        changed = attrs.evolve(element, ignore=(*element.ignore, suppression))
        model = _replaced(model, collection, (*items[:position], changed, *items[position + 1 :]))
    return model


def _at(holder: Any, path: tuple[str | int, ...]) -> Any:
    for key in path:
        holder = getattr(holder, str(key))
    return holder


def _replaced(holder: Any, path: tuple[str | int, ...], value: Any) -> Any:
    key = str(path[0])
    inner = value if len(path) == 1 else _replaced(getattr(holder, key), path[1:], value)
    return attrs.evolve(holder, **{key: inner})


def suppressed_models(
    *,
    models: SearchStrategy[StrategyModel] | None = None,
    entries: SearchStrategy[Suppression] | None = None,
    max_suppressions: int = 4,
) -> SearchStrategy[StrategyModel]:
    """Models some of whose elements with ids carry ``ignore`` entries.

    Args:
        models: the models to add suppressions to (default: :func:`models`).
        entries: the suppressions drawn (default: :func:`suppressions`).
        max_suppressions: the most suppressions added to one model.

    Returns:
        A strategy of valid models (suppressions never break a model).
    """
    check_count("max_suppressions", max_suppressions)
    if models is None:
        from estrategy.testing._models import models as any_models

        base = any_models()
    else:
        base = check_strategy("models", models)
    drawn = suppressions() if entries is None else check_strategy("entries", entries)
    picks = st.lists(
        st.tuples(st.integers(0, len(IGNORABLE_COLLECTIONS) - 1), st.integers(0, 1000), drawn),
        max_size=max_suppressions,
    )
    return base.flatmap(lambda model: picks.map(lambda chosen: _with(model, chosen)))
