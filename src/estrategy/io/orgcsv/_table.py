"""One file of a folder (CSV or Parquet): its header matched to our columns, rows in chunks."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import islice
from operator import itemgetter
from typing import TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._errors import Broken, _Errors, excerpt
from estrategy.io.orgcsv._files import DataFile, Place, locate
from estrategy.io.orgcsv._syntax import csv_problem, utf8_problem

_CHUNK = 200_000
_T = TypeVar("_T", bound=np.generic)
_R = TypeVar("_R")

Renames = Mapping[str, str | tuple[str, ...]]
"""Our column name to the export's (or to candidate names, the first present wins)."""


@attrs.define
class _Table:
    """One file, read column by column in chunks.

    Attributes:
        file: the file's name in the folder, as errors give it.
        source: the file.
        header: the export's column names.
        columns: our column name to its position in a row.
        extra: the columns we do not know, with their positions.
        rows: the rows past the header, each a list of texts of the header's width or not.
        origin: for each row yielded, its data row in the file, when rows were left out;
            ``None`` when every row of the file is yielded in order.
        added_start: the position of the first row added from another file, if any.
        added_from: where added rows come from: the file and its data row, for each.
    """

    file: str
    source: DataFile
    header: list[str]
    columns: dict[str, int]
    extra: list[tuple[str, int]]
    rows: Iterator[list[str]]
    origin: npt.NDArray[np.int64] | None = None
    added_start: int | None = None
    added_from: list[tuple[str, int]] = attrs.field(factory=list)

    def where(self, row: int) -> tuple[str, int]:
        """The file and data row a row read comes from."""
        if self.added_start is not None and row >= self.added_start:
            return self.added_from[row - self.added_start]
        if self.origin is not None:
            return self.file, int(self.origin[row])
        return self.file, row


def _open_table(
    place: Place,
    names: str | tuple[str, ...],
    errors: _Errors,
    renames: Renames,
    known: Sequence[str],
    required: Sequence[str],
    optional_file: bool,
    stack: list[object],
) -> _Table | None:
    """Find, check and open one file of the folder; ``None`` when absent or unusable.

    The header is matched to our columns: ``renames`` maps ours to the export's (a
    tuple lists candidates, the first present wins), and a column already named as ours
    is ours. Problems (a missing required file or column, a duplicate column, too many
    columns, a file that may not be read) are added to ``errors``.

    Raises:
        Broken: the header itself cannot be read (not UTF-8, broken quoting).
    """
    wanted = (names,) if isinstance(names, str) else names
    source, problem = locate(place.folder, wanted, place.limits, place.allow_outside)
    if problem is not None:
        errors.add(wanted[0], None, None, (), problem)
        return None
    if source is None:
        if not optional_file:
            errors.add(wanted[0], None, None, (), "file not found")
        return None
    errors.sources[source.name] = source
    if source.parquet:
        from estrategy.io.orgcsv._parquet import parquet_rows

        header, rows = parquet_rows(source, errors, place.limits)
        if header is None:
            return None
    else:
        handle = source.path.open(newline="", encoding="utf-8-sig")
        stack.append(handle)
        reader = csv.reader(handle, skipinitialspace=True, strict=True)
        first = _guarded(source, errors, lambda: next(reader, None))
        if first is None:
            if required:
                errors.add(source.name, None, None, (), "empty file: the header row is missing")
            return None
        header = first
        rows = _guarded_rows(source, errors, reader)
    if len(header) > place.limits.max_columns:
        errors.add(
            source.name,
            None,
            None,
            (),
            f"{len(header):,} columns, more than the limit of {place.limits.max_columns:,} "
            "(Limits.max_columns)",
        )
        raise Broken
    header = [h.strip() for h in header]
    columns, extra = _match(header, renames, known, source.name, errors)
    missing = [c for c in required if c not in columns]
    if missing:
        names_missing = ", ".join(_first(renames.get(c, c)) for c in missing)
        errors.add(
            source.name,
            None,
            1,
            (),
            f"missing required column{'s' if len(missing) > 1 else ''}: {names_missing}",
        )
        return None
    return _Table(source.name, source, header, columns, extra, rows)


def _first(name: str | tuple[str, ...]) -> str:
    return name if isinstance(name, str) else " or ".join(name)


def _match(
    header: list[str], renames: Renames, known: Sequence[str], file: str, errors: _Errors
) -> tuple[dict[str, int], list[tuple[str, int]]]:
    """Our columns and the extra ones, from the header and the renames."""
    position_of: dict[str, int] = {}
    for position, name in enumerate(header):
        if name in position_of:
            errors.add(file, None, position + 1, (), f"column {excerpt(name)} appears twice")
        else:
            position_of[name] = position
    columns: dict[str, int] = {}
    theirs: set[str] = set()
    for ours, names in renames.items():
        for name in (names,) if isinstance(names, str) else names:
            if name in position_of:
                # one export column may feed two of ours (a chart's Name is both id and name)
                columns[ours] = position_of[name]
                theirs.add(name)
                break
    for name in known:
        if name not in renames and name in position_of and name not in theirs:
            columns[name] = position_of[name]
            theirs.add(name)
    extra = [(name, p) for name, p in position_of.items() if name not in theirs]
    return columns, extra


def _guarded(source: DataFile, errors: _Errors, read: Callable[[], _R]) -> _R:
    """``read()``, with a file the csv module cannot read reported where it breaks."""
    try:
        return read()
    except UnicodeDecodeError:
        problem = utf8_problem(source.path) or (1, None, "this is not UTF-8 text")
    except csv.Error:
        problem = utf8_problem(source.path) or csv_problem(source.path)
    line, column, message = problem
    errors.add_located(source.name, line, column, message)
    raise Broken


def _guarded_rows(
    source: DataFile, errors: _Errors, reader: Iterator[list[str]]
) -> Iterator[list[str]]:
    """The rows of a CSV reader, ending with :class:`Broken` where the file cannot be read."""
    while True:
        chunk = _guarded(source, errors, lambda: list(islice(reader, _CHUNK)))
        if not chunk:
            return
        yield from chunk


def _chunks(table: _Table, width: int) -> Iterator[list[list[str]]]:
    """Rows in chunks, blank rows left out, each row padded or cut to the header's width.

    Raises:
        Broken: the file cannot be read past some line (reported in the errors).
    """
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
