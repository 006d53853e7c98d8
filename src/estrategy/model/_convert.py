"""Converters shared by the model classes (private)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["to_pairs", "to_tuple"]


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Turn any iterable but a string into a tuple.

    A bare string is refused: ``roles="sales"`` is almost always a forgotten list,
    and iterating it would silently give one role per letter.
    """
    if isinstance(value, str | bytes):
        raise TypeError(f"expected a list, got the string {value!r}")
    return tuple(value)


def to_pairs(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Turn a mapping (or pairs) into sorted ``(key, value)`` pairs, hashable and ordered."""
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(k), str(v)) for k, v in items))
