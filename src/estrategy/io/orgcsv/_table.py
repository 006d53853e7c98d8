"""One CSV file of the folder: its header matched to our columns, its rows in chunks."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping, Sequence
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._errors import _Errors

_CHUNK = 200_000


@attrs.define
class _Table:
    """One CSV file, read column by column in chunks."""

    file: str
    header: list[str]
    columns: dict[str, int]  # our column name -> position in the row
    extra: list[tuple[str, int]]
    rows: Iterator[list[str]]  # the csv reader, past the header


def _open_table(
    folder: Path,
    file: str,
    errors: _Errors,
    renames: Mapping[str, str],
    known: Sequence[str],
    required: Sequence[str],
    optional_file: bool,
    stack: list[object],
) -> _Table | None:
    path = folder / file
    if not path.exists():
        if not optional_file:
            errors.add(file, None, None, (), "file not found")
        return None
    handle = path.open(newline="", encoding="utf-8-sig")
    stack.append(handle)
    reader = csv.reader(handle, skipinitialspace=True)
    header = next(reader, None)
    if header is None:
        if required:
            errors.add(file, None, None, (), "empty file: the header row is missing")
        return None
    header = [h.strip() for h in header]
    columns: dict[str, int] = {}
    extra: list[tuple[str, int]] = []
    for position, name in enumerate(header):
        # one export column may feed two of ours (a chart's Name is both id and name)
        ours = [o for o, t in renames.items() if t == name]
        if not ours and name in known and name not in renames:
            ours = [name]
        if not ours:
            extra.append((name, position))
        for o in ours:
            if o in columns:
                errors.add(file, None, position + 1, (), f"column {name!r} appears twice")
            columns[o] = position
    missing = [c for c in required if c not in columns]
    if missing:
        names = ", ".join(renames.get(c, c) for c in missing)
        errors.add(
            file, None, 1, (), f"missing required column{'s' if len(missing) > 1 else ''}: {names}"
        )
        return None
    return _Table(file, header, columns, extra, reader)


def _chunks(table: _Table, width: int) -> Iterator[list[list[str]]]:
    """Rows in chunks, blank rows left out, each row padded or cut to the header's width."""
    while True:
        # islice and the checks below run at C speed: no Python code per row
        chunk = list(islice(table.rows, _CHUNK))
        if not chunk:
            return
        if [] in chunk:
            chunk = [row for row in chunk if row]
        if set(map(len, chunk)) != {width}:
            pad = [""] * width
            chunk = [row if len(row) == width else (row + pad)[:width] for row in chunk]
        if chunk:
            yield chunk


def _column(chunk: list[list[str]], position: int | None) -> list[str]:
    if position is None:
        return [""] * len(chunk)
    return list(map(itemgetter(position), chunk))


_T = TypeVar("_T", bound=np.generic)


def _concat(parts: Sequence[npt.NDArray[_T]], dtype: type[_T]) -> npt.NDArray[_T]:
    if not parts:
        return np.zeros(0, dtype=dtype)
    return np.concatenate(parts).astype(dtype, copy=False)


def _keep(
    attributes: dict[str, dict[str, list[str]]],
    kind: str,
    table: _Table,
    chunk: list[list[str]],
    offset: int,
) -> None:
    if not table.extra:
        return
    store = attributes.setdefault(kind, {})
    for name, position in table.extra:
        column = store.setdefault(name, [""] * offset)
        column += [row[position] for row in chunk]
