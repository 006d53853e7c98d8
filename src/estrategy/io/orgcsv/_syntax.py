"""Where a CSV file stops being readable: bad UTF-8, a runaway quote, an oversized cell.

The readers stream a file; when the csv module or the decoder gives up, they know only
that something is wrong. These functions read the file again, on that error path only,
to say where: the line and column of the first byte that is not UTF-8, or of the quote
that opened the cell the parser could not close.
"""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

__all__ = ["Located", "cell_limit", "csv_problem", "utf8_problem"]

_WINDOW = 8 * 1024 * 1024  # characters of the broken row looked at: enough to find its quote

Located = tuple[int, int | None, str]
"""A problem's line, column (or ``None``) and message."""


def utf8_problem(path: Path) -> Located | None:
    r"""The line, column and message of the first byte of ``path`` that is not UTF-8.

    Example:
        >>> import tempfile
        >>> path = Path(tempfile.mkdtemp()) / "people.csv"
        >>> _ = path.write_bytes(b"id,name\np1,Am\xe9lie\n")
        >>> utf8_problem(path)[:2]
        (2, 6)
    """
    line, column = 1, 1
    pending = b""
    with path.open("rb") as stream:
        while True:
            chunk = stream.read(1 << 20)
            data = pending + chunk
            try:
                text, consumed = codecs.utf_8_decode(data, "strict", not chunk)
            except UnicodeDecodeError as exc:
                text = data[: exc.start].decode("utf-8")
                line, column = _advance(text, line, column)
                return (
                    line,
                    column,
                    f"this is not UTF-8 text: byte 0x{data[exc.start]:02x} cannot be decoded "
                    "(save the file as UTF-8; Latin-1 and Windows-1252 are not read)",
                )
            line, column = _advance(text, line, column)
            pending = data[consumed:]
            if not chunk:
                return None


def _advance(text: str, line: int, column: int) -> tuple[int, int]:
    breaks = text.count("\n")
    if not breaks:
        return line, column + len(text)
    return line + breaks, len(text) - text.rfind("\n")


def cell_limit() -> int:
    """The longest cell read, in characters: the csv module's limit (131,072 by default).

    Both engines and the GraphML reader hold cells to it, so a file one accepts the
    others accept too.
    """
    return csv.field_size_limit()


def csv_problem(path: Path) -> Located:
    """Why the csv module could not read ``path``, at the line where the broken cell starts.

    Args:
        path: a CSV file (UTF-8) on which ``csv.reader(strict=True)`` raised.

    Returns:
        The line and column where the cell at fault starts, and what is wrong with it.
    """
    with path.open(newline="", encoding="utf-8-sig") as stream:
        reader = csv.reader(stream, skipinitialspace=True, strict=True)
        start = 1
        try:
            for _ in reader:
                start = reader.line_num + 1
        except csv.Error as exc:
            reason = str(exc)
        else:  # pragma: no cover - only called after the same reader failed
            return start, None, "the file cannot be read as CSV"
    if "field larger" in reason:
        return start, None, f"a cell is longer than {cell_limit():,} characters"
    return _quote_problem(path, start)


def _quote_problem(path: Path, start: int) -> Located:
    """The quote that opened the cell of the row starting at line ``start``, and its fate."""
    with path.open(newline="", encoding="utf-8-sig") as stream:
        for _ in range(start - 1):
            stream.readline()
        text = stream.read(_WINDOW)
    position = 0
    opened = -1
    while position < len(text):
        while position < len(text) and text[position] == " ":
            position += 1
        if position < len(text) and text[position] == '"':
            opened = position
            position += 1
            while True:
                close = text.find('"', position)
                if close < 0:
                    line, column = _place(text, opened, start)
                    return (
                        line,
                        column,
                        "a quote opens a cell here and is never closed: the rest of the file "
                        "would be read as one cell (an unterminated quote)",
                    )
                if text.startswith('"', close + 1):
                    position = close + 2
                    continue
                position = close + 1
                break
            if position < len(text) and text[position] not in ",\r\n":
                line, column = _place(text, opened, start)
                closed, _ = _place(text, position - 1, start)
                return (
                    line,
                    column,
                    f"a quoted cell opens here and its quote closes at line {closed}, with "
                    "text after it (a stray or missing quote merges rows into one cell)",
                )
        else:
            while position < len(text) and text[position] not in ",\r\n":
                position += 1
        if position >= len(text) or text[position] in "\r\n":
            break
        position += 1  # the delimiter
    line, column = _place(text, max(opened, 0), start)
    return line, column, "this row's quoting cannot be read (a stray or missing quote?)"


def _place(text: str, offset: int, start: int) -> tuple[int, int]:
    """The line and column of ``offset`` in ``text``, which starts at line ``start``."""
    before = text[:offset]
    line = start + before.count("\n") + before.count("\r") - before.count("\r\n")
    last = max(before.rfind("\n"), before.rfind("\r"))
    return line, offset - last
