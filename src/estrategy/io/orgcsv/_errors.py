"""The problems of one folder, collected by file and reported together with their lines."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from estrategy.io.errors import FileError, LoadError

if TYPE_CHECKING:
    from estrategy.io.orgcsv._table import _Table


class _Errors:
    """Problems of one folder, by file; rows are mapped to lines at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # file -> list of (data-row index or None, column or None, path, message)
        self.by_file: dict[
            str, list[tuple[int | None, int | None, tuple[str | int, ...], str]]
        ] = {}
        self.located: list[FileError] = []  # problems of TOML files, already placed

    def extend(self, errors: tuple[FileError, ...]) -> None:
        """Problems already located (those of the folder's TOML files)."""
        self.located.extend(errors)

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
        self, table: _Table, row: int, column: str, message: str, where: str | None = None
    ) -> None:
        """A problem of one cell; ``where`` names the table in the model path (the file's stem)."""
        self.add(
            table.file,
            row,
            table.columns[column] + 1,
            (
                "organization",
                table.file.removesuffix(".csv") if where is None else where,
                row,
                column,
            ),
            message,
        )

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_file.values()) + len(self.located)

    def raise_if_any(self) -> None:
        if not len(self):
            return
        errors: list[FileError] = list(self.located)
        for file, problems in self.by_file.items():
            path = self.folder / file
            rows = {row for row, _, _, _ in problems if row is not None}
            lines = _row_lines(path, rows) if rows else {}
            for row, column, model_path, message in problems:
                line = (
                    1
                    if row is None and column is not None
                    else lines.get(row)
                    if row is not None
                    else None
                )
                errors.append(FileError(str(path), line, column, model_path, message))
        errors.sort(key=lambda e: (e.source, e.line or 0, e.column or 0))
        raise LoadError(errors)


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
