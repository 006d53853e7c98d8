"""Dates as the whole project reads them: ``YYYY-MM-DD`` text, or a date (one rule).

Example:
    >>> parse_date("2026-11-15")
    datetime.date(2026, 11, 15)
    >>> as_date(dt.datetime(2026, 6, 1, 14, 30))
    datetime.date(2026, 6, 1)
"""

from __future__ import annotations

import datetime as dt
import re

from estrategy.base.errors import EstrategyError
from estrategy.base.escape import excerpt
from estrategy.base.messages import Text, tr

__all__ = ["DateError", "as_date", "parse_date", "resolve_as_of"]

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


class DateError(EstrategyError, ValueError):
    """A text that is not a calendar date written ``YYYY-MM-DD``."""


def _reason(exc: ValueError) -> Text:
    # Python's words for an impossible day, as a message (the others are shown as they are)
    text = str(exc)
    if text == "day is out of range for month":
        return tr("day is out of range for month")
    if text.startswith("month must be in 1..12"):
        return tr("month must be in 1..12")
    return text


def parse_date(text: str) -> dt.date:
    """Read a calendar date written ``YYYY-MM-DD``, and only that form.

    ISO week dates (``2026-W01-1``), ordinal dates and times are refused, so that a date
    reads the same in a model file, a CSV cell, a GraphML attribute and ``--as-of``.

    Raises:
        DateError: the text is not of that form, or names no calendar day (2026-02-30).
    """
    if not _DATE.match(text):
        raise DateError(tr("expected a date (YYYY-MM-DD), got {value}", value=excerpt(text)))
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise DateError(
            tr("{date} is not a calendar date ({reason})", date=text, reason=_reason(exc))
        ) from None


def as_date(value: object) -> dt.date:
    """The date ``value`` stands for: a date itself, or the day of a datetime.

    Raises:
        TypeError: ``value`` is neither a date nor a datetime.
    """
    # A datetime is a date too, but compares with neither: keep its day only.
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise TypeError(f"as_of must be a date (datetime.date), got {type(value).__name__} {value!r}")


def resolve_as_of(given: object | None, model_as_of: dt.date | None) -> dt.date:
    """The as-of date: the one given, else the model's, else today (docs/architecture.md).

    Example:
        >>> resolve_as_of(None, dt.date(2026, 11, 15))
        datetime.date(2026, 11, 15)
    """
    if given is not None:
        return as_date(given)
    return model_as_of if model_as_of is not None else dt.date.today()
