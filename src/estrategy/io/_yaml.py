"""YAML model files: a safe, position-recording reader and a deterministic writer (private).

The reader consumes ruamel.yaml's *parse events* rather than its composed node graph:
events come one at a time from an iterative parser, so the depth limit stops a hostile
file after a few dozen events, where composing would recurse first. Anchors, aliases and
any tag outside the YAML 1.2 core schema are refused; no object is ever constructed.
Timestamps stay text, and the converter parses the ones that must be dates.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import io
import json
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, NoReturn

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import Reader, ReaderError
from ruamel.yaml.resolver import VersionedResolver

from estrategy.base.messages import tr
from estrategy.io._tree import Read, TreeBuilder, line_column
from estrategy.io.errors import LoadError
from estrategy.io.limits import Limits

__all__ = ["read_yaml", "write_yaml"]

_CORE = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT = (
    f"{_CORE}{name}" for name in ("str", "null", "bool", "int", "float")
)
_TIMESTAMP = f"{_CORE}timestamp"
_MAP, _SEQ = f"{_CORE}map", f"{_CORE}seq"


class _Bad(Exception):
    """A scalar that cannot be read; the message says why."""


def _clip(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag


def _tag(event: Event) -> str | None:
    tag = getattr(event, "tag", None)
    return None if tag in (None, "!") else str(tag)


def _integer(text: str) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if digits.lower().startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits, 10)


def _number(text: str) -> Decimal:
    special = text.lower().lstrip("+")
    if special in (".inf", "-.inf", ".nan"):
        return Decimal({".inf": "Infinity", "-.inf": "-Infinity", ".nan": "NaN"}[special])
    return Decimal(text.replace("_", ""))


def _scalar(event: ScalarEvent, resolve: Callable[[str], str]) -> Any:
    """The plain value of a scalar: str, int, Decimal, bool or None."""
    text: str = event.value
    tag = _tag(event)
    if tag is None:
        plain = bool(event.implicit and event.implicit[0])
        tag = resolve(text) if plain else _STR
    try:
        if tag in (_STR, _TIMESTAMP):
            return text
        if tag == _NULL:
            if text not in ("", "~", "null", "Null", "NULL"):
                raise _Bad(f"{_clip(text)!r} is not null")
            return None
        if tag == _BOOL:
            if text.lower() not in ("true", "false"):
                raise _Bad(f"{_clip(text)!r} is not true or false")
            return text.lower() == "true"
        if tag == _INT:
            return _integer(text)
        if tag == _FLOAT:
            return _number(text)
    except (ValueError, InvalidOperation):
        raise _Bad(f"{_clip(text)!r} is not a valid {_short(tag)} value") from None
    raise _Bad(_refused(tag))


def _refused(tag: str) -> str:
    return (
        f"the tag {_short(tag)} is not allowed: model files use plain YAML values only "
        "(text, numbers, true/false, null, dates, lists and mappings)"
    )


def _events(text: str, *, pure: bool) -> Any:
    yaml = YAML(typ="safe", pure=pure)
    return yaml.parse(io.StringIO(text))


# libyaml's C parser (ruamel.yaml.clib) gives the same events twenty times faster than
# the pure-Python one, which matters for a repository of models. It only ever reads text
# the pure reader accepts character by character, and any problem it meets is reported
# by reading again with the pure parser, so messages are the same with or without it.
_FAST = importlib.util.find_spec("_ruamel_yaml") is not None


def read_yaml(text: str, source: str, limits: Limits) -> Read:
    """Read YAML text into plain data, recording the position of every key and item.

    Raises:
        LoadError: on a syntax error, an anchor or alias, a tag outside the core
            schema, a duplicate key, more than one document, or a limit exceeded.
    """
    if _FAST and Reader.NON_PRINTABLE.search(text) is None:
        try:
            return _read_yaml(text, source, limits, pure=False)
        except Exception:  # whatever went wrong, the pure parser says it the usual way
            pass
    return _read_yaml(text, source, limits, pure=True)


def _read_yaml(text: str, source: str, limits: Limits, *, pure: bool) -> Read:
    tree = TreeBuilder(source, limits)
    resolver = VersionedResolver()

    @functools.lru_cache(maxsize=4096)
    def resolve(text: str) -> str:  # model files repeat kinds and ids: resolve each once
        return str(resolver.resolve(ScalarNode, text, (True, False)))

    documents = 0
    try:
        for event in _events(text, pure=pure):
            line, column = event.start_mark.line + 1, event.start_mark.column + 1
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise tree.fatal(
                        (), line, column, tr("more than one YAML document (---) in a model file")
                    )
                continue
            if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
                name = getattr(event, "anchor", None) or ""
                raise tree.fatal(
                    tree.next_path(),
                    line,
                    column,
                    tr(
                        "anchors and aliases ({anchor}, {alias}) are not allowed in model files: "
                        "write the value out where it is used",
                        anchor=f"&{name}",
                        alias=f"*{name}",
                    ),
                )
            if isinstance(event, ScalarEvent):
                if tree.expecting_key:
                    if _tag(event) not in (None, _STR):
                        tree.fail(
                            tree.next_path(), line, column, tr("a mapping key must be a plain name")
                        )
                    tree.key(str(event.value), line, column)
                    continue
                try:
                    value = _scalar(event, resolve)
                except _Bad as exc:
                    tree.fail(tree.next_path(), line, column, str(exc))
                    value = None
                tree.value(value, line, column)
            elif isinstance(event, CollectionStartEvent):
                if tree.expecting_key:
                    raise tree.fatal(
                        tree.next_path(), line, column, tr("a mapping key must be a plain name")
                    )
                expected = _MAP if isinstance(event, MappingStartEvent) else _SEQ
                tag = _tag(event)
                if tag is not None and tag != expected:
                    tree.fail(tree.next_path(), line, column, _refused(tag))
                container: dict[str, Any] | list[Any] = (
                    {} if isinstance(event, MappingStartEvent) else []
                )
                tree.start(container, line, column)
            elif isinstance(event, MappingEndEvent | SequenceEndEvent):
                tree.end()
    except YAMLError as exc:
        if not isinstance(exc, MarkedYAMLError | ReaderError):  # pragma: no cover
            raise tree.fatal((), None, None, f"YAML error: {exc}") from None
        _syntax_error(tree, text, exc)
    if documents == 0 or not tree.done:
        raise tree.fatal((), 1, 1, tr("the file is empty: a model needs at least schema_version"))
    if tree.errors:
        raise LoadError(tree.errors)
    return Read(tree.root, tree.entries)


def _syntax_error(tree: TreeBuilder, text: str, exc: MarkedYAMLError | ReaderError) -> NoReturn:
    """Raise the located error of a syntax error or of a character YAML refuses."""
    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(part for part in (exc.context, exc.problem) if part) or str(exc)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        raise tree.fatal(
            tree.next_path(), line, column, tr("YAML syntax error: {detail}", detail=message)
        ) from None
    line, column = line_column(text, exc.position)
    raise tree.fatal(
        (),
        line,
        column,
        tr(
            "not a text file: character {character} ({reason})",
            character=repr(exc.character),
            reason=str(exc.reason),
        ),
    ) from None


# A conservative plain scalar: starts with a letter, holds no YAML indicator that
# matters mid-scalar (": ", " #"), no trailing space. Anything else is double-quoted.
_PLAIN = re.compile(r"[^\W\d][\w .,;()/+'&%@!?=~*-]*(?<! )\Z")
# Characters JSON leaves raw but YAML would fold, drop or refuse: escaped as \xXX / \uXXXX.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02X}" if code <= 0xFF else f"\\u{code:04X}"


class _Emitter:
    """Block-style YAML for plain data; one line per scalar, keys in the order given.

    Written by hand rather than with ruamel's emitter: the data is simple (mappings,
    lists, scalars), the output must be byte-stable, and it is forty times faster.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        resolver = VersionedResolver()
        self._resolves_to_str = functools.lru_cache(maxsize=4096)(
            lambda text: str(resolver.resolve(ScalarNode, text, (True, False))) == _STR
        )

    def scalar(self, value: Any) -> str:
        if value is None:
            return "null"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, Decimal):
            return format(value, "f")
        if isinstance(value, float):
            return repr(value)
        if isinstance(value, dt.date):
            return value.isoformat()
        text = str(value)
        if _PLAIN.match(text) and self._resolves_to_str(text):
            return text
        return _UNSAFE.sub(_escape, json.dumps(text, ensure_ascii=False))

    def mapping(self, data: dict[str, Any], indent: int, lead: str | None = None) -> None:
        pad = " " * indent
        for key, value in data.items():
            prefix = f"{lead if lead is not None else pad}{self.scalar(key)}:"
            lead = None
            if isinstance(value, dict) and value:
                self.lines.append(prefix)
                self.mapping(value, indent + 2)
            elif isinstance(value, list) and value:
                self.lines.append(prefix)
                self.sequence(value, indent + 2)
            else:
                self.lines.append(f"{prefix} {self.collection_or_scalar(value)}")

    def sequence(self, items: list[Any], indent: int) -> None:
        pad = " " * indent
        for item in items:
            if isinstance(item, dict) and item:
                self.mapping(item, indent + 2, lead=f"{pad}- ")
            elif isinstance(item, list) and item:
                self.lines.append(f"{pad}-")
                self.sequence(item, indent + 2)
            else:
                self.lines.append(f"{pad}- {self.collection_or_scalar(item)}")

    def collection_or_scalar(self, value: Any) -> str:
        if isinstance(value, dict):
            return "{}"
        if isinstance(value, list):
            return "[]"
        return self.scalar(value)


def write_yaml(data: dict[str, Any]) -> str:
    """Write plain data as block-style YAML, keys in the order given."""
    emitter = _Emitter()
    emitter.mapping(data, 0)
    return "\n".join(emitter.lines) + "\n" if emitter.lines else "{}\n"
