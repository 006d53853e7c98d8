"""Cells that are not ids: booleans, lists, weights, dates, group and tie kinds."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._errors import _Errors, excerpt
from estrategy.io.orgcsv._table import _column, _Table
from estrategy.model import GroupKind
from estrategy.model.dates import parse_date
from estrategy.model.tables import GROUP_KINDS
from estrategy.model.validators import MAX_TIE_WEIGHT

_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE", ""})
_TIE_KINDS = frozenset({"esn", "collaboration", ""})


def _booleans(
    values: list[str], table: _Table, column: str, offset: int, errors: _Errors
) -> npt.NDArray[np.bool_]:
    result = np.fromiter(map(_TRUE.__contains__, values), dtype=np.bool_, count=len(values))
    if set(values) <= _TRUE | _FALSE:
        return result
    for i, v in enumerate(values):
        if v not in _TRUE and v not in _FALSE:
            try:
                result[i] = _boolean(v)
            except ValueError as exc:
                errors.cell(table, offset + i, column, str(exc), once=v)
    return result


def _boolean(value: str) -> bool:
    """A true/false cell, in any case and with spaces around; empty is false.

    Raises:
        ValueError: the cell says something else (``yes``, ``1``…), which is ambiguous.
    """
    word = value.strip().lower()
    if word not in ("true", "false", ""):
        raise ValueError(f"expected true or false, got {excerpt(value)}")
    return word == "true"


def _flags(
    table: _Table, chunk: list[list[str]], column: str, offset: int, errors: _Errors
) -> npt.NDArray[np.bool_]:
    """A boolean column of a chunk; all false where the file lacks the column."""
    if column not in table.columns:
        return np.zeros(len(chunk), dtype=np.bool_)
    return _booleans(_column(chunk, table.columns[column]), table, column, offset, errors)


def _items(value: str) -> list[str]:
    """The items of a ``;``-separated cell, stripped, without empty ones."""
    return [s.strip() for s in value.split(";") if s.strip()] if value else []


def _read_list(values: list[str]) -> list[list[str]]:
    return [_items(v) for v in values]


def _weights(
    values: list[str], table: _Table, offset: int, errors: _Errors
) -> npt.NDArray[np.float64]:
    try:
        weights = np.asarray([v or "1" for v in values], dtype=np.float64)
    except ValueError:
        weights = np.ones(len(values), dtype=np.float64)
        for i, v in enumerate(values):
            try:
                weights[i] = float(v or "1")
            except ValueError:
                weights[i] = math.nan
    bad = np.flatnonzero(~np.isfinite(weights) | (weights < 0) | (weights > MAX_TIE_WEIGHT))
    for i in bad.tolist():
        errors.cell(
            table,
            offset + i,
            "weight",
            f"weight must be a number from 0 to 1e12, got {excerpt(values[i])}",
        )
    return weights


def _is_date(value: str) -> bool:
    """Whether a non-empty cell is a date written ``YYYY-MM-DD``."""
    try:
        parse_date(value)
    except ValueError:
        return False
    return True


def _group_kinds() -> dict[str, int]:
    """The code of each group kind's value."""
    return {k.value: i for i, k in enumerate(GROUP_KINDS)}


def _group_kind(kinds: dict[str, int], value: str) -> int | None:
    """The code of a kind cell (empty is a project), or ``None`` when it is unknown."""
    return kinds.get(value or GroupKind.PROJECT.value)
