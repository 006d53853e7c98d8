"""Parquet files read like CSV files: each column as text, with the same checks and errors.

A Parquet file of the folder (``people.parquet``…) stands in for the CSV file of the
same stem. Its typed columns are turned into the texts a CSV file would hold (booleans
``true``/``false``, numbers as written, dates ``YYYY-MM-DD``, lists joined with ``;``,
nulls empty), so that both engines read it with the code that reads CSV cells and
report the same problems; a Parquet file has rows, not lines, so its errors name the row.

For the Arrow engine integer columns are kept as Parquet gives them (see :func:`is_raw`):
ids written as numbers are coded as numbers, never made into texts only to be hashed
again. Whoever wants text from them gets it from :func:`text_column`, the same text as
ever.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np

from estrategy.io.limits import Limits
from estrategy.io.orgcsv._arrays import blank_texts, numpy_of, text_scalar
from estrategy.io.orgcsv._errors import Broken, _Errors, excerpt
from estrategy.io.orgcsv._files import DataFile
from estrategy.io.orgcsv._syntax import cell_limit

__all__ = ["is_raw", "parquet_rows", "parquet_table", "text_column"]

_BATCH = 200_000


def text_column(array: Any) -> Any:
    """A column of any Arrow type as the texts a CSV file would hold (nulls empty).

    Raises:
        TypeError: a type with no text form here (structs, maps, binary).

    Example:
        >>> import pyarrow as pa
        >>> text_column(pa.array([True, None, False])).to_pylist()
        ['true', '', 'false']
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = array.type
    if pa.types.is_dictionary(kind):
        array = pc.cast(array, kind.value_type)
        kind = array.type
    if pa.types.is_null(kind):
        return blank_texts(len(array))
    if pa.types.is_string(kind):
        out = array
    elif pa.types.is_large_string(kind):
        out = pc.cast(array, pa.string())
    elif pa.types.is_boolean(kind):
        out = pc.if_else(array, text_scalar("true"), text_scalar("false"))
    elif (
        pa.types.is_integer(kind)
        or pa.types.is_floating(kind)
        or pa.types.is_decimal(kind)
        or pa.types.is_date(kind)
        or pa.types.is_timestamp(kind)
    ):
        out = pc.cast(array, pa.string())
    elif pa.types.is_list(kind) or pa.types.is_large_list(kind):
        out = pc.binary_join(pc.cast(array, pa.list_(pa.string())), text_scalar(";"))
    else:
        raise TypeError(f"a column of type {kind} cannot be read as text")
    return pc.fill_null(out, text_scalar(""))


def is_raw(values: Any) -> bool:
    """Whether a column read by :func:`parquet_table` was kept as Parquet gave it: integers.

    Example:
        >>> import pyarrow as pa
        >>> is_raw(pa.array([1, 2])), is_raw(pa.array(["1"])), is_raw(pa.array([1.5]))
        (True, False, False)
    """
    import pyarrow as pa

    return bool(pa.types.is_integer(values.type))


def _raw_or_text(column: Any) -> Any:
    """The column kept as Parquet gave it where :func:`is_raw` allows, else its text."""
    # a number's text is at most 20 characters: never over the cell limit
    return column if is_raw(column) else text_column(column)


def _longest_bytes(text: Any) -> int:
    """The longest text of a column, in bytes (a bound on its characters), from its offsets."""
    longest = 0
    for chunk in getattr(text, "chunks", [text]):
        if len(chunk):
            offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32)
            lengths = np.diff(offsets[chunk.offset : chunk.offset + len(chunk) + 1])
            longest = max(longest, int(lengths.max()))
    return longest


def _open(source: DataFile, errors: _Errors) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        # memory-mapped: the pages are decoded from the mapping, not copied to buffers first
        return pq.ParquetFile(source.path, memory_map=True)
    except (pa.ArrowException, OSError) as exc:
        errors.add_located(source.name, None, None, f"not a Parquet file that can be read: {exc}")
        raise Broken from None


def _first_long_row(text: Any, limit: int) -> int | None:
    """The first row of a text column longer than ``limit`` characters, if any."""
    import pyarrow.compute as pc

    if len(text) == 0 or _longest_bytes(text) <= limit:
        return None
    lengths = numpy_of(pc.utf8_length(text))
    return int(np.argmax(lengths > limit)) if lengths.max() > limit else None


def _texts(
    source: DataFile,
    errors: _Errors,
    names: list[str],
    batch: list[Any],
    first_row: int,
    *,
    raw: bool = False,
) -> list[Any]:
    """Each column as text, refusing types with no text form and oversized cells.

    With ``raw``, the columns :func:`is_raw` allows are kept as they are.
    """
    columns = []
    limit = cell_limit()
    for name, column in zip(names, batch, strict=True):
        try:
            text = _raw_or_text(column) if raw else text_column(column)
        except (TypeError, NotImplementedError) as exc:
            errors.add_located(source.name, None, None, f"column {excerpt(name)}: {exc}")
            raise Broken from None
        row = None if raw and is_raw(text) else _first_long_row(text, limit)
        if row is not None:
            errors.add_located(
                source.name,
                None,
                None,
                f"row {first_row + row + 1}, column {excerpt(name)}: a cell is longer than "
                f"{limit:,} characters",
            )
            raise Broken
        columns.append(text)
    return columns


def parquet_rows(
    source: DataFile, errors: _Errors, limits: Limits
) -> tuple[list[str] | None, Iterator[list[str]]]:
    """The column names of a Parquet file and its rows as lists of texts, in batches.

    Raises:
        Broken: the file is not Parquet, or a column cannot be read as text.
    """
    parquet = _open(source, errors)
    header = list(parquet.schema_arrow.names)
    if len(header) > limits.max_columns:
        return header, iter(())

    def rows() -> Iterator[list[str]]:
        first = 0
        for batch in parquet.iter_batches(batch_size=_BATCH):
            texts = _texts(source, errors, header, batch.columns, first)
            columns = [c.to_pylist() for c in texts]
            first += batch.num_rows
            yield from map(list, zip(*columns, strict=True))

    return header, rows()


def parquet_table(source: DataFile, errors: _Errors) -> tuple[list[str], list[Any]]:
    """The column names of a Parquet file and its columns as Arrow texts or integers.

    Raises:
        Broken: the file is not Parquet, or a column cannot be read as text.
    """
    import pyarrow as pa

    parquet = _open(source, errors)
    try:
        table = parquet.read()
    except (pa.ArrowException, OSError) as exc:
        errors.add_located(source.name, None, None, f"not a Parquet file that can be read: {exc}")
        raise Broken from None
    names = list(table.schema.names)
    return names, _texts(source, errors, names, list(table.columns), 0, raw=True)
