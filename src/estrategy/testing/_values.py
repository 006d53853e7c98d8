"""Strategies for the plain values a model is made of: ids, free text, dates, money.

They are the defaults every other strategy of :mod:`estrategy.testing` builds on.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from estrategy.testing._validation import check_count

__all__ = ["budgets", "slugs", "texts"]

_SLUG_FIRST = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_SLUG_REST = _SLUG_FIRST + "_.:@/+-"

# Valid ids that YAML, TOML or JSON readers are tempted to read as something else
# (booleans, null, numbers, dates, times): a writer must quote them.
_TRICKY_SLUGS = (
    "true",
    "false",
    "True",
    "null",
    "Null",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "0",
    "1",
    "007",
    "1.5",
    "1e3",
    "1_000",
    "0x1F",
    "0o17",
    "nan",
    "NaN",
    "inf",
    "Infinity",
    "2026-01-31",
    "2026-01-31T10:00:00",
    "12:30",
    "1:20:30",
)


def slugs(*, max_size: int = 12) -> SearchStrategy[str]:
    """Ids as the model accepts them: letters, digits and ``- _ . : @ / +``.

    Now and then an id that a YAML or TOML reader could mistake for a boolean, a
    number or a date (``true``, ``1e3``, ``2026-01-31``): a faithful writer quotes it.

    Args:
        max_size: the longest id drawn (at least 1).

    Returns:
        A strategy of valid ids.

    Example:
        >>> from hypothesis import given
        >>> from estrategy.model import Unit
        >>> @given(slugs())
        ... def test_id(value):
        ...     assert Unit(id=value).id == value
    """
    check_count("max_size", max_size, minimum=1)
    plain = st.builds(
        str.__add__,
        st.sampled_from(_SLUG_FIRST),
        st.text(alphabet=_SLUG_REST, max_size=max_size - 1),
    )
    tricky = st.sampled_from([s for s in _TRICKY_SLUGS if len(s) <= max_size])
    return st.one_of(plain, tricky)


def texts(*, max_size: int = 30) -> SearchStrategy[str]:
    """Free text (names, statements): any Unicode but surrogates, control characters included.

    Args:
        max_size: the longest text drawn.

    Returns:
        A strategy of strings, sometimes empty.
    """
    check_count("max_size", max_size)
    return st.text(max_size=max_size)


def budgets(*, max_value: int = 10**9) -> SearchStrategy[Decimal]:
    """Money amounts as the model holds them: finite, non-negative, with cents.

    Args:
        max_value: the largest amount drawn.

    Returns:
        A strategy of :class:`~decimal.Decimal` values with at most two decimal places.
    """
    check_count("max_value", max_value)
    return st.decimals(
        min_value=0, max_value=max_value, places=2, allow_nan=False, allow_infinity=False
    )
