"""Argument checks for the public strategies (private).

Checks run when a strategy function is *called*, not when it is drawn from, so a
mistake shows up at the line that wrote it, as hypothesis's own strategies do.
"""

from __future__ import annotations

from typing import Any

from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

__all__ = ["check_bounds", "check_count", "check_strategy"]


def check_count(name: str, value: object, *, minimum: int = 0) -> int:
    """Check that ``value`` is an int (not a bool) of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{name}={value!r} must be an integer")
    if value < minimum:
        raise InvalidArgument(f"{name}={value!r} must be at least {minimum}")
    return value


def check_bounds(min_name: str, min_value: int, max_name: str, max_value: int) -> None:
    """Check that a lower bound does not exceed its upper bound."""
    if min_value > max_value:
        raise InvalidArgument(
            f"{min_name}={min_value!r} must not be greater than {max_name}={max_value!r}"
        )


def check_strategy(name: str, value: object) -> SearchStrategy[Any]:
    """Check that ``value`` is a hypothesis strategy (a common slip is passing a value)."""
    if not isinstance(value, SearchStrategy):
        raise InvalidArgument(
            f"{name}={value!r} must be a hypothesis strategy; "
            f"to always use this value, pass st.just({value!r})"
        )
    return value
