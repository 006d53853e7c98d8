"""Building plain data from a stream of parse events, with positions and bounds (private).

Both the YAML and the JSON reader feed events to one :class:`TreeBuilder`, which never
recurses: nesting is an explicit stack, so a 100,000-deep file meets the depth limit
instead of Python's recursion limit.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from typing import Any

import attrs

from estrategy.base.escape import excerpt
from estrategy.base.messages import Text, tr
from estrategy.io.errors import Entry, FileError, LoadError
from estrategy.io.limits import Limits
from estrategy.model import ModelPath

__all__ = ["Lines", "Read", "TreeBuilder", "line_column"]

_NO_KEY = object()


@attrs.frozen
class Read:
    """What a reader produces: the plain data and the position of every key and item."""

    data: Any
    entries: Mapping[ModelPath, Entry]


class _Frame:
    __slots__ = ("container", "key", "key_line", "path")

    def __init__(self, container: dict[str, Any] | list[Any], path: ModelPath) -> None:
        self.container = container
        self.path = path
        self.key: object = _NO_KEY
        self.key_line = 0


class TreeBuilder:
    """Assemble dicts and lists from events; record positions; enforce the limits.

    Lines and columns given to it are 1-based. Problems that leave the tree usable
    (a duplicate key) are collected in :attr:`errors`; problems that make going on
    pointless (too deep, too many nodes) raise :class:`LoadError` at once.
    """

    def __init__(self, source: str, limits: Limits) -> None:
        self.source = source
        self.limits = limits
        self.entries: dict[ModelPath, Entry] = {}
        self.errors: list[FileError] = []
        self.root: Any = None
        self.done = False
        self._stack: list[_Frame] = []
        self._items = 0

    def fail(self, path: ModelPath, line: int | None, column: int | None, message: Text) -> None:
        """Record a problem and go on."""
        self.errors.append(FileError(self.source, line, column, path, message))

    def fatal(
        self, path: ModelPath, line: int | None, column: int | None, message: Text
    ) -> LoadError:
        """Record a problem that stops reading; returns the error to raise."""
        self.fail(path, line, column, message)
        return LoadError(self.errors)

    @property
    def expecting_key(self) -> bool:
        """Whether the next scalar is a mapping key."""
        if not self._stack:
            return False
        top = self._stack[-1]
        return isinstance(top.container, dict) and top.key is _NO_KEY

    @property
    def in_list(self) -> bool:
        """Whether the innermost open container is a list."""
        return bool(self._stack) and isinstance(self._stack[-1].container, list)

    def next_path(self) -> ModelPath:
        """The path of the value that comes next."""
        if not self._stack:
            return ()
        top = self._stack[-1]
        if isinstance(top.container, dict):
            return top.path if top.key is _NO_KEY else (*top.path, str(top.key))
        return (*top.path, len(top.container))

    def _count(self, line: int, column: int) -> None:
        self._items += 1
        if self._items > self.limits.max_items:
            raise self.fatal(
                self.next_path(),
                line,
                column,
                tr(
                    "the file has more than {limit} values (Limits.max_items); refusing to "
                    "read further",
                    limit=self.limits.max_items,
                ),
            )

    def _place(self, line: int, column: int) -> ModelPath:
        """Record the position of the next value when it is a list item or the root."""
        path = self.next_path()
        if not self._stack or isinstance(self._stack[-1].container, list):
            self.entries[path] = (line, column)
        return path

    def key(self, key: str, line: int, column: int) -> None:
        """A mapping key; a repeated key is reported and its value ignored."""
        self._count(line, column)
        top = self._stack[-1]
        assert isinstance(top.container, dict)
        path = (*top.path, key)
        if key in top.container:
            first = self.entries.get(path)
            if first:
                message = tr(
                    "duplicate key {key} (first at line {line})", key=excerpt(key), line=first[0]
                )
            else:
                message = tr("duplicate key {key}", key=excerpt(key))
            self.fail(path, line, column, message)
            top.key = _Duplicate(key)
            return
        self.entries[path] = (line, column)
        top.key = key
        top.key_line = line

    def value(self, value: Any, line: int, column: int) -> None:
        """A scalar value."""
        self._count(line, column)
        self._place(line, column)
        self._attach(value)

    def start(self, container: dict[str, Any] | list[Any], line: int, column: int) -> None:
        """The start of a mapping or a list."""
        self._count(line, column)
        path = self._place(line, column)
        if len(self._stack) >= self.limits.max_depth:
            raise self.fatal(
                path[:6],  # the whole path would be as deep as the problem
                line,
                column,
                tr(
                    "nesting deeper than {limit} levels (Limits.max_depth); a model file needs "
                    "about 6",
                    limit=self.limits.max_depth,
                ),
            )
        self._stack.append(_Frame(container, path))

    def end(self) -> None:
        """The end of the innermost mapping or list."""
        frame = self._stack.pop()
        self._attach(frame.container)

    def _attach(self, value: Any) -> None:
        if not self._stack:
            self.root = value
            self.done = True
            return
        top = self._stack[-1]
        if isinstance(top.container, list):
            top.container.append(value)
            return
        if not isinstance(top.key, _Duplicate):
            top.container[str(top.key)] = value
        top.key = _NO_KEY


class _Duplicate:
    """Marks the value of a repeated key, which is dropped."""

    __slots__ = ("key",)

    def __init__(self, key: str) -> None:
        self.key = key

    def __str__(self) -> str:
        return self.key


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class Lines:
    """Turns character offsets into 1-based lines and columns in O(log n) each."""

    def __init__(self, text: str) -> None:
        self._starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def at(self, offset: int) -> tuple[int, int]:
        """The 1-based ``(line, column)`` of ``offset``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return index + 1, offset - self._starts[index] + 1
