"""The problems of one folder, collected by file and reported together with their lines."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

from estrategy.io.errors import FileError, LoadError

if TYPE_CHECKING:
    from estrategy.io.orgcsv._files import DataFile
    from estrategy.io.orgcsv._table import _Table

_EXCERPT = 40  # characters of a cell an error may quote


class Broken(Exception):
    """A file cannot be read past some point; its problem is already in the errors."""


def excerpt(value: str) -> str:
    r"""A short, escaped quotation of a cell, for an error message.

    Errors never quote a whole cell: it may be long, hold control characters or bidi
    overrides that rewrite a terminal, or be data the user never meant to print. At most
    40 characters are quoted, as Python writes a string: control, bidi and other
    invisible characters escaped (``\x1b``, ``\u202e``).

    Example:
        >>> excerpt("Sales EMEA")
        "'Sales EMEA'"
        >>> excerpt("x" * 100)
        "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 characters)"
        >>> print(excerpt("a\u202eb\x1b"))
        'a\u202eb\x1b'
    """
    if len(value) <= _EXCERPT:
        return repr(value)
    quoted = repr(value[:_EXCERPT])
    return f"{quoted[:-1]}…{quoted[-1]} ({len(value):,} characters)"


class _Errors:
    """Problems of one folder, by file; rows are mapped to lines at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # file -> list of (data-row index or None, column or None, path, message)
        self.by_file: dict[
            str, list[tuple[int | None, int | None, tuple[str | int, ...], str]]
        ] = {}
        self.located: list[FileError] = []  # problems already placed
        self.sources: dict[str, DataFile] = {}  # the files opened, by name
        # (file, column, value) of a problem reported once: where it is, and how many rows
        self.repeats: dict[tuple[str, str, str], list[Any]] = {}

    def extend(self, errors: tuple[FileError, ...]) -> None:
        """Problems already located (those of the folder's TOML files)."""
        self.located.extend(errors)

    def add_located(self, file: str, line: int | None, column: int | None, message: str) -> None:
        """A problem of ``file`` whose line is already known."""
        self.located.append(FileError(str(self.folder / file), line, column, (), message))

    def add(
        self,
        file: str,
        row: int | None,
        column: int | None,
        path: tuple[str | int, ...],
        message: str,
    ) -> None:
        self.by_file.setdefault(file, []).append((row, column, path, message))

    def cell(
        self,
        table: _Table,
        row: int,
        column: str,
        message: str,
        where: str | None = None,
        *,
        once: str | None = None,
    ) -> None:
        """A problem of one cell; ``where`` names the table in the model path (the file's stem).

        ``row`` is the position of the row among those read (the index in the model);
        the line is that of the row in the file it comes from. With ``once`` (the cell's
        value), the problem is reported at its first row only, with the count of rows
        holding the same value in the same column: a bad unit named by 300 people is one
        problem, not 300.
        """
        file, file_row = table.where(row)
        if once is not None:
            key = (file, column, once)
            seen = self.repeats.get(key)
            if seen is not None:
                # the same problem again counts a row; another problem of the same value
                # (an invalid id that is then an unknown unit) adds nothing to it
                if seen[1] == message:
                    seen[2] += 1
                return
            self.repeats[key] = [len(self.by_file.get(file, ())), message, 1]
        path = (
            "organization",
            _stem(table.file) if where is None else where,
            row,
            column,
        )
        if file != table.file:
            self.add(file, file_row, None, path, f"{message} (a person added from {file})")
        else:
            self.add(file, file_row, table.columns[column] + 1, path, message)

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_file.values()) + len(self.located)

    def raise_if_any(self) -> None:
        if not len(self):
            return
        for (file, _, _), (index, _, count) in self.repeats.items():
            if count > 1:
                row, column, path, message = self.by_file[file][index]
                self.by_file[file][index] = (
                    row,
                    column,
                    path,
                    f"{message} ({count:,} rows; the first is here)",
                )
        errors: list[FileError] = list(self.located)
        for file, problems in self.by_file.items():
            where = self.folder / file
            source = self.sources.get(file)
            rows = {row for row, _, _, _ in problems if row is not None}
            lines = (
                _row_lines(where, rows)
                if rows and source is not None and not source.parquet
                else {}
            )
            for row, column, model_path, message in problems:
                if source is not None and source.parquet and row is not None:
                    # a Parquet file has rows, not lines: the row is named in the message
                    errors.append(
                        FileError(str(where), None, None, model_path, f"row {row + 1}: {message}")
                    )
                    continue
                line = (
                    1
                    if row is None and column is not None
                    else lines.get(row)
                    if row is not None
                    else None
                )
                errors.append(FileError(str(where), line, column, model_path, message))
        errors.sort(key=lambda e: (e.source, e.line or 0, e.column or 0))
        raise LoadError(errors)


def _stem(file: str) -> str:
    for suffix in (".csv", ".parquet"):
        if file.endswith(suffix):
            return file[: -len(suffix)]
    return file


def _row_lines(path: Path, rows: set[int]) -> dict[int, int]:
    """The physical line of each wanted data row (a second pass, only when errors exist)."""
    found: dict[int, int] = {}
    with path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f, skipinitialspace=True)
        next(reader, None)
        index = 0
        start = reader.line_num + 1
        for row in reader:
            if row:
                if index in rows:
                    found[index] = start
                index += 1
            start = reader.line_num + 1
    return found
