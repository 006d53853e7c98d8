r"""TOML files of every kind, read one way: positions, bounds and one error collector.

Model files, configuration files (``estrategy.toml``, ``pyproject.toml``), catalogues,
column mappings, a CSV folder's ``organization.toml`` and maturity models are all read
by :func:`read_toml_file` (or :func:`parse_toml` for text): the size is checked before
reading, binary content and invalid UTF-8 are refused with their place, nesting and the
number of values are bounded, and every key and list item gets a position. Their shape
is then checked declaratively, by :func:`structure` into an attrs class with the strict
converter of model files, so every kind of file reports its problems the same way::

    file:line:col: path: message

Example:
    >>> import attrs
    >>> @attrs.frozen
    ... class Shape:
    ...     name: str
    ...     size: int = 1
    >>> document = parse_toml('name = "Acme"\nsize = "big"\n', source="org.toml")
    >>> structure(document, Shape)
    Traceback (most recent call last):
      ...
    estrategy.io.errors.LoadError: 1 problem in org.toml:
      org.toml:2:1: size: expected a whole number, got the text 'big'
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import tomli_w
from cattrs.errors import ClassValidationError, IterableValidationError

from estrategy.base.messages import Text
from estrategy.io._convert import collect_problems, converter
from estrategy.io._source import check_text, read_text, too_big
from estrategy.io._tree import Read
from estrategy.io.errors import FileError, LoadError, SourceMap, file_error
from estrategy.io.limits import DEFAULT_LIMITS, Limits
from estrategy.model import ModelIntegrityError, ModelPath
from estrategy.model.suggest import unknown_key
from estrategy.model.validators import FieldValueError

__all__ = [
    "Problems",
    "TomlDocument",
    "parse_toml",
    "read_toml",
    "read_toml_file",
    "structure",
    "toml_value",
    "write_toml",
]

T = TypeVar("T")

_HEADER = re.compile(r"[ \t]*(\[\[?)[ \t]*([^\]#]+?)[ \t]*\]\]?[ \t]*(?:#.*)?$")
_NAME = r"(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')"
_KEY = re.compile(rf"[ \t]*({_NAME}(?:[ \t]*\.[ \t]*{_NAME})*)[ \t]*=")
_INLINE_TABLE = re.compile(r"\{[^{}]*\}")
_INLINE_KEY = re.compile(r"[{,]\s*([A-Za-z0-9_-]+)\s*=")
_MAX_HEADER_PARTS = 64  # deeper headers exceed Limits.max_depth anyway
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_MAX_DIGITS = 4_300  # Python's limit on converting text to an integer
_LONG_NUMBER = re.compile(rf"[0-9][0-9_]{{{_MAX_DIGITS},}}")


def _parts(dotted: str) -> list[str]:
    return [part.strip().strip("\"'") for part in re.findall(r"\"[^\"]*\"|'[^']*'|[^.]+", dotted)]


def _opens_array(value: str) -> bool:
    """Whether a value is ``[`` alone (a multi-line array), perhaps with a comment.

    Checked without a regular expression: one over the rest of a line full of ``#``
    would be quadratic in its length.
    """
    return value.startswith("[") and (len(value) == 1 or value[1:].lstrip().startswith("#"))


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
            if len(parts) > _MAX_HEADER_PARTS:
                continue  # placed at its nearest ancestor, without quadratic work
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
            value = line[key.end() :].strip()
            if _opens_array(value):
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


def _floats(value: Any) -> Any:
    """Plain floats for the exact decimals the reader keeps, everywhere in ``value``."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Mapping):
        return {key: _floats(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_floats(item) for item in value]
    return value


def _limit_error(source: str, message: str) -> LoadError:
    return LoadError([FileError(source, None, None, (), message)])


def read_toml(text: str, source: str, limits: Limits) -> Read:
    """Read TOML text into plain data, with best-effort positions.

    The text is taken as it is (see :func:`parse_toml` for the checks done first);
    non-integral numbers are read as :class:`~decimal.Decimal`, so money stays exact.

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
        raise _limit_error(
            source, f"nesting deeper than {limits.max_depth} levels (Limits.max_depth)"
        ) from None
    except ValueError:  # not a syntax error: an integer Python will not convert
        digits = _LONG_NUMBER.search(text)
        offset = digits.start() if digits else 0
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        message = f"a number of more than {_MAX_DIGITS:,} digits: refused"
        raise LoadError([FileError(source, line, column, (), message)]) from None
    for count, (_item, depth) in enumerate(_walk(data), start=1):
        if depth > limits.max_depth:
            raise _limit_error(
                source, f"nesting deeper than {limits.max_depth} levels (Limits.max_depth)"
            )
        if count > limits.max_items:
            raise _limit_error(
                source, f"the file has more than {limits.max_items:,} values (Limits.max_items)"
            )
    return Read(data, _positions(text))


@attrs.frozen
class TomlDocument:
    """A TOML file read into plain data, with the position of every key and list item.

    Attributes:
        source: the file as given by the caller, or ``"<string>"``.
        data: the top-level table (empty for a file of comments only).
        positions: where each key and list item is.
    """

    source: str
    data: Mapping[str, Any]
    positions: SourceMap = attrs.field(factory=SourceMap)

    def get(self, path: ModelPath) -> Any:
        r"""The value at ``path`` (keys from the top), or ``None`` where there is none.

        Example:
            >>> parse_toml("[tool.estrategy]\nselect = ['STR']\n").get(("tool", "estrategy"))
            {'select': ['STR']}
        """
        value: Any = self.data
        for step in path:
            if isinstance(value, Mapping) and isinstance(step, str):
                value = value.get(step)
            elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
                value = value[step]
            else:
                return None
        return value

    def as_floats(self) -> TomlDocument:
        r"""This document with its non-integral numbers as floats, not exact decimals.

        Model files keep decimals (money stays exact); settings, thresholds and scores
        are floats.

        Example:
            >>> parse_toml("share = 0.5\n").as_floats().data
            {'share': 0.5}
        """
        return attrs.evolve(self, data=_floats(self.data))

    def problems(self) -> Problems:
        """A new collector for the problems of this document."""
        return Problems(self.source, self.positions)


def parse_toml(
    text: str, *, source: str = "<string>", limits: Limits = DEFAULT_LIMITS
) -> TomlDocument:
    r"""Read TOML text: bounded, no binary content, an optional BOM, positions kept.

    Args:
        text: the document.
        source: the file name used in errors.
        limits: size, depth and value-count bounds.

    Raises:
        LoadError: on a syntax error, binary content or a limit exceeded, located.

    Example:
        >>> parse_toml("name = 'Acme'\n").data
        {'name': 'Acme'}
    """
    if len(text) > limits.max_bytes:
        raise too_big(source, len(text), limits)
    check_text(text, source)
    read = read_toml(text.removeprefix("\ufeff"), source, limits)
    return TomlDocument(source, read.data, SourceMap(read.entries))


def read_toml_file(
    path: str | os.PathLike[str], *, source: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> TomlDocument:
    """Read a TOML file: its size checked before it is read, then as :func:`parse_toml`.

    Args:
        path: the file.
        source: the name used in errors (default: ``path`` as given).
        limits: size, depth and value-count bounds.

    Raises:
        LoadError: the file cannot be read, is too big, is not UTF-8 text or not TOML.

    Example:
        >>> read_toml_file("no-such.toml")
        Traceback (most recent call last):
          ...
        estrategy.io.errors.LoadError: 1 problem in no-such.toml:
          no-such.toml: no such file
    """
    name = os.fspath(path) if source is None else source
    return parse_toml(read_text(path, name, limits), source=name, limits=limits)


def toml_value(text: str) -> Any:
    """One TOML value (``60``, ``0.3``, ``["a", "b"]``), else the text itself.

    Command-line settings (``--set name=value``) are read this way, so they mean what
    the same value means in a configuration file.

    Example:
        >>> toml_value("60"), toml_value("0.3"), toml_value('["a", "b"]'), toml_value("a b")
        (60, 0.3, ['a', 'b'], 'a b')
    """
    if "\n" in text or "\r" in text:
        return text  # one value is one line; never read more keys than the one
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


class Problems:
    r"""Collects the problems of one file, each located through the file's positions.

    It is the one error collector of every file kind: checks add what they find and
    go on, and :meth:`raise_if_any` raises once, with every problem in file order.

    Example:
        >>> problems = parse_toml("size = -1\n", source="a.toml").problems()
        >>> problems.add(("size",), "must be positive")
        >>> problems.raise_if_any()
        Traceback (most recent call last):
          ...
        estrategy.io.errors.LoadError: 1 problem in a.toml:
          a.toml:1:1: size: must be positive
    """

    __slots__ = ("errors", "positions", "source")

    def __init__(self, source: str, positions: SourceMap | None = None) -> None:
        self.source = source
        self.positions = positions
        self.errors: list[FileError] = []

    def __bool__(self) -> bool:
        return bool(self.errors)

    def add(self, path: ModelPath, message: Text) -> None:
        """Note a problem at ``path``, located at the path or its nearest placed ancestor."""
        self.errors.append(file_error(self.source, self.positions, path, message))

    def unknown_keys(
        self, data: Mapping[str, Any], allowed: Iterable[str], path: ModelPath
    ) -> None:
        """Note every key of ``data`` not in ``allowed``, with a "did you mean" hint."""
        known = tuple(allowed)
        for key in data:
            if key not in known:
                self.add((*path, key), unknown_key(key, known))

    def raise_if_any(self, error: type[LoadError] = LoadError) -> None:
        """Raise ``error`` with every problem noted, in the order of the file."""
        if self.errors:
            raise error(
                sorted(self.errors, key=lambda e: (e.line is None, e.line or 0, e.column or 0))
            )


def structure(
    document: TomlDocument,
    cls: type[T],
    *,
    at: ModelPath = (),
    error: type[LoadError] = LoadError,
) -> T:
    """Build an attrs class from the table at ``at``, strictly, or raise located errors.

    The converter is the one of model files: unknown keys are errors (with a "did you
    mean"), numbers are not text, text is not a number, enumerations list their values,
    and a field's ``metadata["key"]`` gives its key in files when it is not its name.

    Args:
        document: the file read.
        cls: the attrs class describing the file's shape.
        at: where the table is in the file (``("tool", "estrategy")``).
        error: the error class raised (a :class:`LoadError`).

    Raises:
        LoadError: ``error``, listing every problem with file, line, column and path.
    """
    data = document.get(at) if at else document.data
    problems = document.problems()
    try:
        return converter().structure(data, cls)
    except (
        ClassValidationError,
        IterableValidationError,
        ModelIntegrityError,
        FieldValueError,
    ) as exc:
        # FieldValueError: a validator of the table's own class, located at its field
        found: list[tuple[ModelPath, Text]] = []
        collect_problems(exc, at, found)
        for path, message in found:
            problems.add(path, message)
    except (TypeError, ValueError) as exc:
        problems.add(at, str(exc))
    problems.raise_if_any(error)
    raise AssertionError("unreachable: a failed structuring reports a problem")


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
