"""Ids and references: their syntax, duplicates across kinds, and their integer codes."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import repeat

import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._errors import _Errors, excerpt
from estrategy.io.orgcsv._table import _column, _Table
from estrategy.model.tables import NONE
from estrategy.model.validators import SLUG_PATTERN

_ID = SLUG_PATTERN
"""An id, as a regular expression both Python's ``re`` and Arrow's RE2 read alike."""

_SLUG = re.compile(_ID + r"\Z")
# The characters an id may hold after its first: the last character class of the pattern.
_ID_CHARS = _ID[_ID.rindex("[") + 1 : _ID.rindex("]")]
_NOT_ID = re.compile(f"[^{_ID_CHARS}]+")
# What may not start an id (and is trimmed from both ends of a made one): its punctuation.
_ID_PUNCTUATION = "".join(dict.fromkeys(c for c in _ID_CHARS if not c.isalnum()))


def _bad_ids(values: Sequence[str], allow_empty: bool) -> Iterator[int]:
    match = _SLUG.match
    for i, v in enumerate(values):
        if v == "":
            if not allow_empty:
                yield i
        elif match(v) is None:
            yield i


def _make_ids(values: list[str]) -> list[str]:
    """Valid ids from free text: accents dropped, other runs of characters made ``-``.

    Text with no letter or digit to make an id of is kept as it is, so that it is
    reported as an invalid id rather than silently read as none.
    """
    import unicodedata

    out = []
    for value in values:
        if value and _SLUG.match(value) is None:
            ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
            value = _NOT_ID.sub("-", ascii_text.strip()).strip(_ID_PUNCTUATION) or value
        out.append(value)
    return out


def _id_message(value: str) -> str:
    if value == "":
        return "missing id"
    return (
        f"{excerpt(value)} is not a valid id: use letters, digits and - _ . : @ / +, "
        "starting with a letter or digit, no spaces"
    )


def _check_ids(
    values: Sequence[str],
    table: _Table,
    column: str,
    offset: int,
    errors: _Errors,
    *,
    allow_empty: bool,
    where: str | None = None,
) -> None:
    """Report every value of a chunk's column that is not an id.

    In a column of references (``allow_empty``), each bad value is reported once, at its
    first row, with the number of rows holding it.
    """
    for i in _bad_ids(values, allow_empty=allow_empty):
        once = values[i] if allow_empty else None
        errors.cell(table, offset + i, column, _id_message(values[i]), where, once=once)


def _read_ids(
    table: _Table,
    chunk: list[list[str]],
    offset: int,
    index: dict[str, int],
    others: Mapping[str, Mapping[str, int]],
    kind: str,
    errors: _Errors,
    make_ids: bool = False,
) -> list[str]:
    """The ids of a chunk, added to ``index``; bad and duplicate ids are errors."""
    ids = _column(chunk, table.columns["id"])
    if make_ids:
        ids = _make_ids(ids)
    _check_ids(ids, table, "id", offset, errors, allow_empty=False)
    setdefault = index.setdefault
    duplicates = [i for i, v in enumerate(ids) if setdefault(v, offset + i) != offset + i]
    for i in duplicates:
        errors.cell(table, offset + i, "id", f"duplicate {kind} id {excerpt(ids[i])}")
    for other_kind, other in others.items():
        if not other:
            continue
        small, large = (ids, other) if len(ids) <= len(other) else (list(other), set(ids))
        clash = {v for v in small if v in large}
        for i in (i for i, v in enumerate(ids) if v in clash):
            errors.cell(
                table,
                offset + i,
                "id",
                f"duplicate id {excerpt(ids[i])}: already a {other_kind} "
                "(units, people and groups share ids)",
            )
    return ids


def _check_list_ids(
    rows: list[list[str]], table: _Table, column: str, offset: int, errors: _Errors
) -> None:
    match = _SLUG.match
    for i, row in enumerate(rows):
        for value in row:
            if match(value) is None:
                errors.cell(table, offset + i, column, _id_message(value), once=value)


def _ref_codes(
    values: list[str],
    index: dict[str, int],
    kind: str,
    table: _Table,
    column: str,
    offset: int,
    errors: _Errors,
    kind_of: Callable[[str], str | None],
    *,
    required: bool = False,
    skip: npt.NDArray[np.bool_] | None = None,
) -> npt.NDArray[np.int32]:
    """Codes of references; the empty cell is none, or a missing ``column`` if ``required``.

    Unknown ids are errors (and coded as none), each reported once per value with the
    number of rows naming it. Rows flagged in ``skip`` (left out of the read) are not
    reported.
    """
    # "" is never an id, so it can stand for none in the index for the time of one lookup
    index[""] = NONE
    try:
        array = np.fromiter(map(index.get, values, repeat(-2)), dtype=np.int32, count=len(values))
    finally:
        del index[""]
    unknown = array == -2
    missing = array == NONE
    if skip is not None:
        unknown &= ~skip
        missing &= ~skip
    for i in np.flatnonzero(unknown).tolist():
        value = values[i]
        other = kind_of(value)
        shown = excerpt(value)
        message = f"{shown} is a {other}, not a {kind}" if other else f"unknown {kind} {shown}"
        errors.cell(table, offset + i, column, message, once=value)
    if required:
        for i in np.flatnonzero(missing).tolist():
            if values[i] == "":
                errors.cell(table, offset + i, column, f"missing {column}")
    array[array == -2] = NONE
    return array
