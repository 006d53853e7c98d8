"""Results as plain JSON-ready data: the one conversion behind the results' ``to_dict``.

A result is a frozen attrs class; its JSON dictionary is its fields, in the order they
are declared, each made plain by :func:`plain`. A result whose JSON differs from its
fields only a little (a few numbers rounded, a field left out when empty, one given
another value, a property added) says so in its ``to_dict`` through the arguments of
:func:`plain_fields`; one whose JSON has another shape writes its dictionary by hand.

Example:
    >>> import datetime as dt
    >>> import attrs
    >>> @attrs.frozen
    ... class Score:
    ...     name: str
    ...     score: float
    ...     on: dt.date
    ...     ids: tuple[str, ...] = ()
    ...     note: str | None = None
    >>> plain_fields(Score("a", 66.666, dt.date(2026, 3, 31), ("x",)), rounded={"score"},
    ...              omit_none={"note"})
    {'name': 'a', 'score': 66.7, 'on': '2026-03-31', 'ids': ['x']}
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Collection, Mapping
from typing import Any

import attrs

from estrategy.base.messages import Message

__all__ = ["plain", "plain_fields", "round_or_none"]


def plain(value: Any) -> Any:
    """``value`` as JSON-ready data.

    A result (anything with a ``to_dict`` method) gives its ``to_dict()``; an enumeration
    member its value; a date its ISO text; a message its English text; a tuple or a list
    becomes a list, a mapping a dict, with plain items; anything else is kept as it is.

    Example:
        >>> import enum
        >>> class Kind(enum.Enum):
        ...     CRM = "crm"
        >>> plain({"kinds": (Kind.CRM,), "n": 2})
        {'kinds': ['crm'], 'n': 2}
    """
    if isinstance(value, Message):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    return value


def round_or_none(value: float | None, digits: int = 1) -> float | None:
    """``value`` rounded to ``digits`` decimals, as the JSON outputs give scores.

    Example:
        >>> round_or_none(66.666), round_or_none(None)
        (66.7, None)
    """
    return None if value is None else round(value, digits)


def plain_fields(
    result: attrs.AttrsInstance,
    *,
    rounded: Collection[str] = (),
    digits: int = 1,
    omit_none: Collection[str] = (),
    overrides: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The fields of ``result`` as JSON-ready data, in the order they are declared.

    Args:
        result: an attrs instance.
        rounded: the fields rounded to ``digits`` decimals (``None`` stays ``None``).
        digits: how many decimals the ``rounded`` fields keep.
        omit_none: the fields left out when they are ``None``.
        overrides: fields given another value (a count for a list, say), kept in their
            place; the values are made plain too. A property the JSON adds is added by
            the caller: ``{**plain_fields(self), "capped": self.capped}``.

    Returns:
        Field name to :func:`plain` value.

    Raises:
        ValueError: ``overrides`` names no field of ``result``.
    """
    fields = attrs.fields(type(result))
    replaced = overrides or {}
    unknown = set(replaced) - {field.name for field in fields}
    if unknown:
        raise ValueError(f"{type(result).__name__} has no field {', '.join(sorted(unknown))}")
    data: dict[str, Any] = {}
    for field in fields:
        name = field.name
        value = replaced[name] if name in replaced else getattr(result, name)
        if value is None and name in omit_none:
            continue
        data[name] = round_or_none(value, digits) if name in rounded else plain(value)
    return data
