"""TOML model files: ``tomllib`` with best-effort positions, and ``tomli_w`` (private).

``tomllib`` gives no positions, so a light line scan finds table headers
(``[organization]``, ``[[tactics]]``) and ``key =`` lines; a value it cannot place
(inside an inline table, say) is reported at its nearest placed ancestor.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import tomli_w

from estrategy.io._tree import Read
from estrategy.io.errors import FileError, LoadError
from estrategy.io.limits import Limits
from estrategy.model import ModelPath

__all__ = ["read_toml", "write_toml"]

_HEADER = re.compile(r"[ \t]*(\[\[?)[ \t]*([^\]#]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$")
_NAME = r"(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')"
_KEY = re.compile(rf"[ \t]*({_NAME}(?:[ \t]*\.[ \t]*{_NAME})*)[ \t]*=")
_INLINE_TABLE = re.compile(r"\{[^{}]*\}")
_INLINE_KEY = re.compile(r"[{,]\s*([A-Za-z0-9_-]+)\s*=")
_COMMENT = re.compile(r"#[^\"']*$")
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def _parts(dotted: str) -> list[str]:
    return [part.strip().strip("\"'") for part in re.findall(r"\"[^\"]*\"|'[^']*'|[^.]+", dotted)]


def _positions(text: str) -> dict[ModelPath, tuple[int, int]]:
    """Positions of table headers and ``key =`` lines, best effort."""
    entries: dict[ModelPath, tuple[int, int]] = {(): (1, 1)}
    counts: dict[ModelPath, int] = {}
    arrays: set[ModelPath] = set()  # array-of-tables paths, without index
    table: ModelPath = ()
    in_multiline = False
    array: ModelPath | None = None  # a multi-line array being read, one item per line
    items = 0
    for number, line in enumerate(text.splitlines(), start=1):
        # Skip the body of multi-line strings (an odd count of triple quotes opens one).
        if in_multiline or line.count('"""') % 2 or line.count("'''") % 2:
            if line.count('"""') % 2 or line.count("'''") % 2:
                in_multiline = not in_multiline
            continue
        stripped = line.strip()
        if array is not None and not stripped.startswith("["):
            if stripped.startswith("]"):
                array = None
            elif stripped and not stripped.startswith("#"):
                column = len(line) - len(line.lstrip()) + 1
                entries.setdefault((*array, items), (number, column))
                _inline_keys(line, (*array, items), number, entries)
                items += 1
            continue
        array = None
        header = _HEADER.match(line)
        if header:
            parts = _parts(header.group(2))
            resolved: list[str | int] = []
            for position, part in enumerate(parts):
                resolved.append(part)
                # An enclosing array of tables means its latest element.
                if position < len(parts) - 1 and tuple(resolved) in arrays:
                    resolved.append(counts[tuple(resolved)] - 1)
            base = tuple(resolved)
            column = header.start(1) + 1
            if header.group(1) == "[[":
                arrays.add(base)
                index = counts.get(base, 0)
                counts[base] = index + 1
                entries.setdefault(base, (number, column))
                table = (*base, index)
            else:
                table = base
            entries.setdefault(table, (number, column))
            continue
        key = _KEY.match(line)
        if key:
            path = (*table, *_parts(key.group(1)))
            entries.setdefault(path, (number, key.start(1) + 1))
            value = _COMMENT.sub("", line[key.end() :]).strip()
            if value == "[":
                array, items = path, 0
            elif value.startswith("{"):
                _inline_keys(line[key.end() :], path, number, entries, offset=key.end())
            elif value.startswith("["):  # a one-line array: its inline tables, in order
                for index, table_match in enumerate(_INLINE_TABLE.finditer(line, key.end())):
                    item = (*path, index)
                    entries.setdefault(item, (number, table_match.start() + 1))
                    _inline_keys(
                        table_match.group(), item, number, entries, offset=table_match.start()
                    )
    return entries


def _inline_keys(
    text: str,
    path: ModelPath,
    number: int,
    entries: dict[ModelPath, tuple[int, int]],
    offset: int = 0,
) -> None:
    """Positions of the keys of a one-line inline table (``{ id = "x", kind = "y" }``)."""
    if not text.lstrip().startswith("{"):
        return
    for match in _INLINE_KEY.finditer(text):
        entries.setdefault((*path, match.group(1)), (number, offset + match.start(1) + 1))


def _walk(value: Any) -> Iterator[tuple[Any, int]]:
    """Every value with its depth, without recursion."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        yield item, depth
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)


def read_toml(text: str, source: str, limits: Limits) -> Read:
    """Read TOML text into plain data, with best-effort positions.

    Raises:
        LoadError: on a syntax error, or a limit exceeded.
    """
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = _AT.search(message)
        line, column = (int(at.group(1)), int(at.group(2))) if at else (None, None)
        message = _AT.sub("", message).strip()
        raise LoadError(
            [FileError(source, line, column, (), f"TOML syntax error: {message}")]
        ) from None
    except RecursionError:
        raise LoadError(
            [
                FileError(
                    source,
                    None,
                    None,
                    (),
                    f"nesting deeper than {limits.max_depth} levels (Limits.max_depth)",
                )
            ]
        ) from None
    if not data:
        raise LoadError(
            [
                FileError(
                    source, 1, 1, (), "the file is empty: a model needs at least schema_version"
                )
            ]
        )
    for count, (_item, depth) in enumerate(_walk(data), start=1):
        if depth > limits.max_depth:
            raise LoadError(
                [
                    FileError(
                        source,
                        None,
                        None,
                        (),
                        f"nesting deeper than {limits.max_depth} levels (Limits.max_depth)",
                    )
                ]
            )
        if count > limits.max_items:
            raise LoadError(
                [
                    FileError(
                        source,
                        None,
                        None,
                        (),
                        f"the file has more than {limits.max_items:,} values (Limits.max_items)",
                    )
                ]
            )
    return Read(data, _positions(text))


def _exact(value: Any) -> Any:
    """Money as TOML writes it best: whole amounts as integers, others digit for digit."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else Decimal(format(value, "f"))
    if isinstance(value, dict):
        return {key: _exact(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_exact(item) for item in value]
    return value


def write_toml(data: dict[str, Any]) -> str:
    """Write plain data as TOML (``None`` never reaches here: TOML has no null)."""
    return tomli_w.dumps(_exact(data), multiline_strings=False)
