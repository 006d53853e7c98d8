"""Field validators of the model classes, and the id syntax and error the readers share.

:data:`SLUG_PATTERN` and :class:`FieldValueError` are public: the file readers check ids
and report field errors with them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from typing import Any

import attrs

from estrategy.base.errors import EstrategyError
from estrategy.base.escape import excerpt
from estrategy.base.messages import Text, tr

__all__ = [
    "MAX_TIE_WEIGHT",
    "SLUG_PATTERN",
    "FieldValueError",
    "finite",
    "is_date",
    "non_negative",
    "optional_slug",
    "slug",
    "slugs",
    "tie_weight",
]

SLUG_PATTERN = r"[A-Za-z0-9][A-Za-z0-9_.:@/+-]*"
"""The syntax of an id, unanchored; Python's ``re`` and Arrow's RE2 read it alike."""

_SLUG = re.compile(SLUG_PATTERN + r"\Z")


class FieldValueError(EstrategyError, ValueError):
    """A local invariant of one field failed; carries the field name for error paths."""

    def __init__(self, field: str, message: Text) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _check_slug(attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _SLUG.match(value):
        raise FieldValueError(
            attribute.name,
            tr(
                "{value} is not a valid id: use letters, digits and - _ . : @ / +, starting with "
                "a letter or digit, no spaces",
                value=excerpt(value),
            ),
        )


def slug(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that ``value`` is a non-empty id without spaces."""
    _check_slug(attribute, value)


def optional_slug(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Like :func:`slug`, but ``None`` is allowed."""
    if value is not None:
        _check_slug(attribute, value)


def slugs(_instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    """Check every item of a tuple of ids."""
    for item in value:
        _check_slug(attribute, item)


def _not_non_negative(value: object) -> Text:
    return tr("must be a finite number >= 0, got {value}", value=str(value))


def non_negative(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that a number, if given, is finite and not negative."""
    if value is None:
        return
    if isinstance(value, Decimal):
        if not value.is_finite() or value < 0:
            raise FieldValueError(attribute.name, _not_non_negative(value))
    elif isinstance(value, int | float) and (not math.isfinite(value) or value < 0):
        raise FieldValueError(attribute.name, _not_non_negative(value))


MAX_TIE_WEIGHT = 1e12
"""The largest weight a tie may carry.

A weight counts interactions (messages a week, meetings a month); no real export comes
near a trillion, and the bound keeps every sum of weights, and of their squares over a
whole organisation, far from the float overflow that would turn the analyses' shares
into NaN.
"""


def tie_weight(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that a tie's weight is a finite number from 0 to :data:`MAX_TIE_WEIGHT`."""
    if isinstance(value, int | float) and not (
        math.isfinite(value) and 0 <= value <= MAX_TIE_WEIGHT
    ):
        raise FieldValueError(
            attribute.name,
            tr("must be a number from 0 to {limit}, got {value}", limit="1e12", value=str(value)),
        )


def finite(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that a float, if given, is finite (no NaN or infinity)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise FieldValueError(
            attribute.name, tr("must be a finite number, got {value}", value=str(value))
        )


def is_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Check that ``value``, if given, is a calendar date (not a datetime)."""
    if value is None:
        return
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise FieldValueError(
            attribute.name, tr("must be a date (YYYY-MM-DD), got {value}", value=excerpt(value))
        )
