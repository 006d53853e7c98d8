"""One file read by Arrow (CSV or Parquet) into text columns, with bulk checks.

What the Arrow engine accepts must be exactly what the csv-module engine accepts, or it
gives up (:class:`Fallback`) and lets that engine read and report. The checks here run on
whole columns at C speed: quoting the strict csv reader would refuse, cells longer than
its limit, ids outside the id syntax (one table lookup per byte, no regular expression).
"""

from __future__ import annotations

import mmap
from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._arrays import numpy_of, text_scalar
from estrategy.io.orgcsv._errors import Broken, _Errors
from estrategy.io.orgcsv._files import Place
from estrategy.io.orgcsv._syntax import cell_limit
from estrategy.io.orgcsv._table import Renames, _open_table

__all__ = [
    "ArrowFile",
    "Fallback",
    "all_ids",
    "as_text",
    "code_columns",
    "codes",
    "combined",
    "read_arrow_file",
    "text_keys",
]


class Fallback(Exception):
    """The Arrow engine met something only the Python engine reports properly."""


@attrs.frozen
class ArrowFile:
    """One file read by Arrow: its name, header, columns and where each of ours is.

    A CSV file's columns are texts; a Parquet file's may also be integers (see
    :func:`~estrategy.io.orgcsv._parquet.is_raw`): :meth:`column` gives every column as
    text, :meth:`raw` as it was read.
    """

    name: str
    header: list[str]
    columns: list[Any]
    positions: dict[str, int]
    extra: list[tuple[str, int]]
    spaced: bool = True  # whether a cell may start with a space (to trim, as csv does)

    def column(self, name: str) -> Any:
        """Our column ``name`` (an Arrow string array), or ``None`` when the file lacks it."""
        import pyarrow.compute as pc

        position = self.positions.get(name)
        if position is None:
            return None
        text = as_text(self.columns[position])
        if name in ("name", "objective") and self.spaced:
            # what the csv module's skipinitialspace does; ids with spaces fall back
            return pc.utf8_ltrim(text, characters=" ")
        return text

    def raw(self, name: str) -> Any:
        """Our column ``name`` as it was read (text or integers), or ``None``."""
        position = self.positions.get(name)
        return None if position is None else self.columns[position]

    def extras(self) -> dict[str, list[str]]:
        """The columns the format does not know, as text per row."""
        import pyarrow.compute as pc

        texts = {name: as_text(self.columns[position]) for name, position in self.extra}
        return {
            name: (pc.utf8_ltrim(text, characters=" ") if self.spaced else text).to_pylist()
            for name, text in texts.items()
        }

    def with_columns(self, columns: list[Any]) -> ArrowFile:
        """The same file with other columns (rows left out or added)."""
        return attrs.evolve(self, columns=columns)


def as_text(values: Any) -> Any:
    """A column as text: a CSV file's as it is, a Parquet file's integers as their texts."""
    import pyarrow as pa

    if pa.types.is_string(values.type):
        return values
    from estrategy.io.orgcsv._parquet import text_column

    return text_column(values)


def read_arrow_file(
    place: Place,
    names: str | tuple[str, ...],
    known: Sequence[str],
    required: Sequence[str],
    renames: Renames,
    optional: bool,
    errors: _Errors,
) -> ArrowFile | None:
    """Check the header of a file as the Python engine would, then read it with Arrow.

    Raises:
        Fallback: anything the Python engine must read and report.
    """
    stack: list[object] = []
    try:
        opened = _open_table(place, names, errors, renames, known, required, optional, stack)
    except Broken:
        raise Fallback from None
    finally:
        for handle in stack:
            handle.close()  # type: ignore[attr-defined]
    if len(errors):
        raise Fallback
    if opened is None:
        return None
    if opened.source.parquet:
        from estrategy.io.orgcsv._parquet import parquet_table

        try:
            header, columns = parquet_table(opened.source, errors)
        except Broken:
            raise Fallback from None
        spaced = True
    else:
        header = opened.header
        columns, spaced = _read_csv(opened.source.path, opened.header)
    if len(columns) != len(opened.header):
        raise Fallback
    return ArrowFile(opened.file, header, columns, opened.columns, opened.extra, spaced)


def _read_csv(path: Any, header: list[str]) -> tuple[list[Any], bool]:
    """The text columns of a CSV file, and whether a cell may start with a space."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    with path.open("rb") as stream:
        size = stream.seek(0, 2)
        if size == 0:
            raise Fallback
        with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data:
            quoted = data.find(b'"') >= 0
            if quoted and not _strict_quoting(data):
                raise Fallback
            # without a space anywhere (most id and tie files: one memchr) nothing is to be
            # trimmed as skipinitialspace would; otherwise the few text columns are trimmed
            spaced = data.find(b" ") >= 0
    try:
        # Only a file holding a quote can have a line break inside a cell; the parser is
        # faster when it need not look for them.
        table = pacsv.read_csv(
            path,
            parse_options=pacsv.ParseOptions(newlines_in_values=quoted),
            convert_options=pacsv.ConvertOptions(
                column_types={h: pa.string() for h in header},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError):
        raise Fallback from None
    columns = [table.column(i) for i in range(table.num_columns)]
    limit = cell_limit()
    if size > limit:
        for column in columns:
            for chunk in column.chunks:
                offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32)
                lengths = np.diff(offsets[chunk.offset : chunk.offset + len(chunk) + 1])
                # bytes bound characters from above: a long cell falls back to be measured
                if len(lengths) and int(lengths.max()) > limit:
                    raise Fallback
    return columns, spaced


_DELIMITERS = np.zeros(256, dtype=np.bool_)
_DELIMITERS[[ord(","), ord("\n"), ord("\r")]] = True


def _strict_quoting(data: Any) -> bool:
    """Whether every quote of a CSV file opens or closes a cell as the strict reader wants.

    Quotes alternate: an opening one follows a delimiter, a line break or the start of
    the file; a closing one is followed by a delimiter, a line break or the end; ``""``
    inside a quoted cell is a closing quote directly followed by an opening one. Anything
    else (a quote inside an unquoted cell or after spaces, text after a closing quote, a
    quote never closed) is for the Python engine to judge and report.
    """
    raw = np.frombuffer(data, dtype=np.uint8)
    quotes = np.flatnonzero(raw == ord('"'))
    if len(quotes) % 2:
        return False
    opening, closing = quotes[0::2], quotes[1::2]
    escaped = np.zeros(len(opening), dtype=np.bool_)
    escaped[1:] = opening[1:] == closing[:-1] + 1
    # an opening quote that is not an escape follows a delimiter
    before = opening[~escaped] - 1
    if ((before >= 0) & ~_DELIMITERS[raw[np.maximum(before, 0)]]).any():
        return False
    # a closing quote that is not followed by an escape's second quote ends the cell
    ends = np.ones(len(closing), dtype=np.bool_)
    ends[:-1] = ~escaped[1:]
    after = closing[ends] + 1
    return not ((after < len(raw)) & ~_DELIMITERS[raw[np.minimum(after, len(raw) - 1)]]).any()


_ID_BYTES = np.zeros(256, dtype=np.bool_)
for _c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:@/+-":
    _ID_BYTES[_c] = True
_ID_FIRST = np.zeros(256, dtype=np.bool_)
for _c in b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789":
    _ID_FIRST[_c] = True


def all_ids(values: Any, *, allow_empty: bool) -> bool:
    """Whether every text of an Arrow string column is an id (or empty, if allowed).

    One table lookup per byte of the column's data and one per text: the id syntax
    (:data:`estrategy.model.validators.SLUG_PATTERN`) is ASCII, so a byte outside its
    table, or a first byte that is not a letter or digit, settles it.
    """
    chunks = values.chunks if hasattr(values, "chunks") else [values]
    for chunk in chunks:
        if chunk.null_count:
            return False
        if len(chunk) == 0:
            continue
        offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32)[
            chunk.offset : chunk.offset + len(chunk) + 1
        ]
        buffer = chunk.buffers()[2]
        data = (
            np.frombuffer(buffer, dtype=np.uint8)[offsets[0] : offsets[-1]]
            if buffer is not None
            else np.zeros(0, dtype=np.uint8)
        )
        if not _ID_BYTES[data].all():
            return False
        starts = offsets[:-1] - offsets[0]
        filled = np.diff(offsets) > 0
        if not allow_empty and not filled.all():
            return False
        if not _ID_FIRST[data[starts[filled]]].all():
            return False
    return True


def codes(values: Any, ids: Any, *, required: bool = False) -> npt.NDArray[np.int32]:
    """Integer codes of references into ``ids`` (``-1`` for an empty cell).

    Raises:
        Fallback: an unknown reference, or an empty one where ``required``.
    """
    return code_columns([(values, required)], ids)[0]


def code_columns(columns: Sequence[tuple[Any, bool]], ids: Any) -> list[npt.NDArray[np.int32]]:
    """The codes of several columns of references into the same ids, in one lookup.

    Each column comes with whether its cells are required (an empty one falls back);
    a column that is ``None`` gets no codes. Arrow builds a hash table of ``ids`` for
    every lookup (0.14 s for a million ids): one lookup builds it once for every column.

    Raises:
        Fallback: an unknown reference, or an empty one where required.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    from estrategy.model.tables import NONE

    chunks = [c for values, _ in columns if values is not None for c in _chunks_of(values)]
    coded = numpy_of(
        pc.index_in(pa.chunked_array(chunks, type=pa.string()), value_set=ids), nulls=NONE
    )
    found: list[npt.NDArray[np.int32]] = []
    start = 0
    for values, required in columns:
        if values is None:
            found.append(np.zeros(0, dtype=np.int32))
            continue
        part = coded[start : start + len(values)]
        start += len(values)
        missing = int(np.count_nonzero(part < 0))
        # "" is never an id, so every empty cell is a miss too: when the misses outnumber
        # the empty cells, or a required cell is empty, some reference is unknown or
        # missing, for the Python engine to report
        if missing and (required or missing != pc.sum(pc.equal(values, text_scalar(""))).as_py()):
            raise Fallback
        found.append(part)
    return found


def _chunks_of(values: Any) -> list[Any]:
    return list(values.chunks) if hasattr(values, "chunks") else [values]


def text_keys(values: Any) -> tuple[npt.NDArray[np.int64], list[str]]:
    """An integer code per text of a column, and the distinct texts in code order."""
    encoded = combined(values).dictionary_encode()
    return (
        np.asarray(numpy_of(encoded.indices), dtype=np.int64),
        encoded.dictionary.to_pylist(),
    )


def combined(values: Any) -> Any:
    """One contiguous Arrow text array from a column (chunked or not, text or not)."""
    text = as_text(values)
    return text.combine_chunks() if hasattr(text, "combine_chunks") else text
