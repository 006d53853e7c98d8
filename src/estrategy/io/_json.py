"""JSON model files: a position-recording, non-recursive reader and a writer (private).

The standard :mod:`json` module gives no positions for values and keeps the last of two
equal keys; this small scanner gives both, and reuses ``json``'s C string scanner for
speed. Non-integral numbers become :class:`decimal.Decimal` so that budgets stay exact.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from estrategy.base.messages import Text, tr
from estrategy.io._tree import Lines, Read, TreeBuilder
from estrategy.io.errors import LoadError
from estrategy.io.limits import Limits

__all__ = ["read_json", "write_json"]

# json's C string scanner; typeshed does not declare it.
_scanstring: Callable[[str, int, bool], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_SPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_LITERALS = {"true": True, "false": False, "null": None}
_VALUE, _KEY, _AFTER = "value", "key", "after"


class _Scanner:
    """One pass over the text; containers are an explicit stack in the tree builder."""

    def __init__(self, text: str, source: str, limits: Limits) -> None:
        self.text = text
        self.lines = Lines(text)
        self.tree = TreeBuilder(source, limits)
        self.pos = 0

    def fatal(self, message: Text) -> LoadError:
        line, column = self.lines.at(self.pos)
        return self.tree.fatal(self.tree.next_path(), line, column, message)

    def skip(self) -> str:
        """Skip white space; return the next character, or ``""`` at the end."""
        match = _SPACE.match(self.text, self.pos)
        self.pos = match.end() if match else self.pos
        return self.text[self.pos : self.pos + 1]

    def expect(self, char: str, what: str) -> None:
        if self.skip() != char:
            found = self.text[self.pos : self.pos + 1]
            raise self.fatal(
                tr(
                    "JSON syntax error: expected {what}, found {found}",
                    what=what,
                    found=repr(found) if found else tr("the end"),
                )
            )
        self.pos += 1

    def string(self) -> str:
        try:
            value, self.pos = _scanstring(self.text, self.pos + 1, True)
        except json.JSONDecodeError as exc:
            self.pos = exc.pos
            raise self.fatal(tr("JSON syntax error: {detail}", detail=exc.msg)) from None
        return value

    def value(self) -> str:
        """Read one value, or open a container; return what comes next."""
        char = self.skip()
        line, column = self.lines.at(self.pos)
        if char in "{[" and char:
            self.pos += 1
            mapping = char == "{"
            self.tree.start({} if mapping else [], line, column)
            if self.skip() == ("}" if mapping else "]"):
                self.pos += 1
                self.tree.end()
                return _AFTER
            return _KEY if mapping else _VALUE
        if char == '"':
            self.tree.value(self.string(), line, column)
        elif char == "-" or char.isdigit():
            match = _NUMBER.match(self.text, self.pos)
            if match is None:
                raise self.fatal(tr("JSON syntax error: invalid number"))
            self.pos = match.end()
            text = match.group()
            try:
                number = Decimal(text) if match.group(1) or match.group(2) else int(text)
            except ValueError:  # more digits than int() accepts (sys.get_int_max_str_digits)
                raise self.fatal(
                    tr("the number {value}... has too many digits", value=text[:20])
                ) from None
            self.tree.value(number, line, column)
        else:
            for word, literal in _LITERALS.items():
                if self.text.startswith(word, self.pos):
                    self.pos += len(word)
                    self.tree.value(literal, line, column)
                    return _AFTER
            raise self.fatal(
                tr(
                    "JSON syntax error: expected a value, found {found}",
                    found=repr(char) if char else tr("the end"),
                )
            )
        return _AFTER

    def key(self) -> str:
        if self.skip() != '"':
            raise self.fatal(tr("JSON syntax error: expected a key in double quotes"))
        line, column = self.lines.at(self.pos)
        self.tree.key(self.string(), line, column)
        self.expect(":", "':' after the key")
        return _VALUE

    def after(self) -> str:
        """After a value inside a container: a comma, or the container's end."""
        char = self.skip()
        in_mapping = not self.tree.in_list
        if char == ",":
            self.pos += 1
            return _KEY if in_mapping else _VALUE
        if char == ("}" if in_mapping else "]"):
            self.pos += 1
            self.tree.end()
            return _AFTER
        closing = "'}'" if in_mapping else "']'"
        raise self.fatal(
            tr(
                "JSON syntax error: expected ',' or {closing}, found {found}",
                closing=closing,
                found=repr(char) if char else tr("the end"),
            )
        )

    def run(self) -> Read:
        if not self.skip():
            raise self.tree.fatal(
                (), 1, 1, tr("the file is empty: a model needs at least schema_version")
            )
        state = _VALUE
        while True:
            if state == _VALUE:
                state = self.value()
            elif state == _KEY:
                state = self.key()
            elif self.tree.done:
                break
            else:
                state = self.after()
        if self.skip():
            raise self.fatal(tr("JSON syntax error: extra data after the end of the document"))
        if self.tree.errors:
            raise LoadError(self.tree.errors)
        return Read(self.tree.root, self.tree.entries)


def read_json(text: str, source: str, limits: Limits) -> Read:
    """Read JSON text into plain data, recording the position of every key and item.

    Raises:
        LoadError: on a syntax error, a duplicate key or a limit exceeded.
    """
    return _Scanner(text, source, limits).run()


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return _Raw(format(value, "f"))
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class _Raw(str):
    """Number text written as is (money must not pass through a float)."""

    __slots__ = ()


# Valid raw in JSON, but line breaks to many editors (and to JavaScript before ES2019).
_BREAKS = re.compile("[\x85\u2028\u2029]")


def _quote(text: str) -> str:
    return _BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def _write(value: Any, indent: str, out: list[str]) -> None:
    value = _plain(value)
    if isinstance(value, _Raw):
        out.append(str(value))
    elif isinstance(value, dict) and value:
        inner = indent + "  "
        out.append("{")
        for index, (key, item) in enumerate(value.items()):
            out.append(("," if index else "") + "\n" + inner + _quote(key) + ": ")
            _write(item, inner, out)
        out.append("\n" + indent + "}")
    elif isinstance(value, list) and value:
        inner = indent + "  "
        out.append("[")
        for index, item in enumerate(value):
            out.append(("," if index else "") + "\n" + inner)
            _write(item, inner, out)
        out.append("\n" + indent + "]")
    elif isinstance(value, str):
        out.append(_quote(value))
    else:
        out.append(json.dumps(value, ensure_ascii=False, allow_nan=False))


def write_json(data: dict[str, Any]) -> str:
    """Write plain data as indented JSON, keys in the order given, money digits exact."""
    out: list[str] = []
    _write(data, "", out)
    out.append("\n")
    return "".join(out)
