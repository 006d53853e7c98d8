"""Exports with one row per person and week: the latest row of each person, up to a date.

A workplace-analytics person query holds a row per person per week (``MetricDate``).
Read as people, that is one duplicate id per week; read as it is meant, it is the latest
row of each person (as of a date, when one is given: ``--as-of`` picks the week). Both
engines compute which rows to keep with :func:`latest_rows`, from the rows' ids and dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["day_number", "latest_rows"]


def day_number(text: str) -> int | None:
    """The day of a date cell (``YYYY-MM-DD``, optionally followed by a time, or ``M/D/YYYY``).

    Returns:
        Its proleptic ordinal (``date.toordinal()``), or ``None`` when it is not a date.

    Example:
        >>> day_number("2024-01-07") == day_number("1/7/2024") == day_number("2024-01-07 00:00:00")
        True
        >>> day_number("07.01.2024") is None
        True
    """
    value = text.strip()
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            if len(value) > 10 and value[10] not in "T ":
                return None
            return dt.date.fromisoformat(value[:10]).toordinal()
        parts = value.split(" ", 1)[0].split("/")
        if len(parts) == 3 and len(parts[2]) == 4:
            month, day, year = (int(p) for p in parts)
            return dt.date(year, month, day).toordinal()
    except ValueError:
        return None
    return None


def latest_rows(
    codes: npt.NDArray[np.int64], days: npt.NDArray[np.int64], as_of: dt.date | None
) -> npt.NDArray[np.int64]:
    """The rows to keep: for each id, its rows of the latest date up to ``as_of``.

    Args:
        codes: an integer code per row, the same for the rows of one id.
        days: each row's day (:func:`day_number`).
        as_of: the last day to consider (rows after it are left out), or ``None``.

    Returns:
        The kept rows, in file order. Two rows of one id for its latest date are both
        kept, so that the reader reports the duplicate.

    Example:
        >>> latest_rows(np.array([0, 0, 1, 0]), np.array([5, 7, 5, 6]), None).tolist()
        [1, 2]
    """
    rows = np.arange(len(codes), dtype=np.int64)
    if as_of is not None:
        rows = rows[days <= as_of.toordinal()]
    if len(rows) == 0:
        return rows
    code, day = codes[rows], days[rows]
    best = np.full(int(code.max()) + 1, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(best, code, day)
    kept: npt.NDArray[np.int64] = rows[day == best[code]]
    return kept


def row_days(values: Sequence[str]) -> tuple[npt.NDArray[np.int64], list[int]]:
    """The day of each date cell, and the rows whose cell is not a date (their day is -1).

    Distinct texts are parsed once: an export has a few dozen weeks and millions of rows.
    """
    parsed: dict[str, int] = {}
    days = np.empty(len(values), dtype=np.int64)
    bad: list[int] = []
    for i, value in enumerate(values):
        day = parsed.get(value)
        if day is None:
            number = day_number(value)
            day = -1 if number is None else number
            parsed[value] = day
        if day < 0:
            bad.append(i)
        days[i] = day
    return days, bad
