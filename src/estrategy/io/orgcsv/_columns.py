"""A few whole columns of a file, read in a pass of their own (before its rows stream)."""

from __future__ import annotations

import csv
from collections.abc import Sequence

from estrategy.io.orgcsv._errors import _Errors
from estrategy.io.orgcsv._table import _guarded_rows, _Table

__all__ = ["read_columns", "read_positions"]


def read_columns(table: _Table, names: Sequence[str], errors: _Errors) -> list[list[str]]:
    """The cells of our columns ``names`` (which ``table`` has) for every non-blank row.

    Raises:
        Broken: the file cannot be read past some line (reported in the errors).
    """
    return read_positions(table, [table.columns[name] for name in names], errors)


def read_positions(table: _Table, positions: Sequence[int], errors: _Errors) -> list[list[str]]:
    """The cells at ``positions`` of every non-blank row of ``table``'s file.

    Raises:
        Broken: the file cannot be read past some line (reported in the errors).
    """
    if table.source.parquet:
        import pyarrow.parquet as pq

        from estrategy.io.orgcsv._parquet import text_column

        read = pq.read_table(table.source.path, columns=[table.header[p] for p in positions])
        return [text_column(read.column(i)).to_pylist() for i in range(len(positions))]
    out: list[list[str]] = [[] for _ in positions]
    with table.source.path.open(newline="", encoding="utf-8-sig") as stream:
        reader = csv.reader(stream, skipinitialspace=True, strict=True)
        next(reader, None)
        for row in _guarded_rows(table.source, errors, reader):
            if not row:
                continue
            for values, position in zip(out, positions, strict=True):
                values.append(row[position] if position < len(row) else "")
    return out
