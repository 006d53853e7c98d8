r"""One value in one spreadsheet cell: lists, records and mappings as text (private).

A spreadsheet cell holds one scalar, so a list, a list of small records or a mapping is
written as text that people can read and type, and that reads back to exactly what was
written:

- a **list**: items separated by ``;`` (``p-cm; p-sales``);
- a **mapping**: ``key=value`` pairs separated by ``,`` (``site=Brest, desk=12``);
- a **list of records**: records separated by ``;``, each a mapping of its fields
  (``code=STR001, reason=kept on purpose; code=ACT003, reason=pilot``).

Spaces around items, keys and values are ignored, and so are empty items (a trailing
``;``). A backslash makes the next character ordinary: ``\;``, ``\,``, ``\=``, ``\\``, and
``\␣`` for a space that must be kept at either end. A list with an empty item cannot be
written that way, so it is written as a JSON array instead (``["", "x"]``): a list or
records cell that starts with ``[`` (a mapping cell, with ``{``) is read as JSON, and a
first item that starts with one of those is written ``\[`` or ``\{``.

Separately, every text cell carries characters that XML cannot hold (control characters,
U+FFFE, U+FFFF, and the carriage return that XML turns into a line feed) as
``_xHHHH_``, the escape of Office Open XML that Excel and LibreOffice read too, and a
literal ``_xHHHH_`` as ``_x005F_xHHHH_``.

Example:
    >>> write_list(["p-cm", "a;b", " x"])
    'p-cm; a\\;b; \\ x'
    >>> read_list(write_list(["p-cm", "a;b", " x"]))
    ['p-cm', 'a;b', ' x']
    >>> write_records([{"code": "STR001", "reason": "kept, on purpose"}])
    'code=STR001, reason=kept\\, on purpose'
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from estrategy.base.escape import excerpt

__all__ = [
    "CellSyntaxError",
    "escape_xml_text",
    "read_list",
    "read_mapping",
    "read_records",
    "unescape_xml_text",
    "write_list",
    "write_mapping",
    "write_records",
]

_OOXML_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")
_NOT_IN_XML = re.compile("[\x00-\x08\x0b-\x0d\x0e-\x1f\ufffe\uffff]")


class CellSyntaxError(ValueError):
    """A cell's text is not a well-formed list, mapping or list of records."""


def escape_xml_text(text: str) -> str:
    r"""Text as a workbook cell holds it: ``_xHHHH_`` for what XML cannot carry.

    Example:
        >>> escape_xml_text("a\rb _x0041_")
        'a_x000D_b _x005F_x0041_'
    """
    text = _OOXML_ESCAPE.sub(lambda match: "_x005F" + match.group(0), text)
    return _NOT_IN_XML.sub(lambda match: f"_x{ord(match.group(0)):04X}_", text)


def unescape_xml_text(text: str) -> str:
    r"""The text a workbook cell stands for: each ``_xHHHH_`` read as its character.

    Example:
        >>> unescape_xml_text("a_x000D_b _x005F_x0041_")
        'a\rb _x0041_'
    """
    if "_x" not in text:
        return text
    return _OOXML_ESCAPE.sub(lambda match: chr(int(match.group(0)[2:6], 16)), text)


# --- writing ---------------------------------------------------------------------------


def _escape(text: str, specials: str) -> str:
    """``text`` with backslashes before specials, and before a space at either end."""
    out = ["\\" + char if char == "\\" or char in specials else char for char in text]
    if text[:1].isspace():
        out[0] = "\\" + out[0]
    if len(text) > 1 and text[-1].isspace():
        out[-1] = "\\" + out[-1]
    return "".join(out)


def _guard_start(text: str) -> str:
    # a first character that would make the cell read as JSON is made ordinary
    return "\\" + text if text[:1] in ("[", "{") else text


def write_list(items: Sequence[str]) -> str:
    """A list as one cell: ``a; b; c``, or a JSON array when an item is empty.

    Args:
        items: the items, as text.

    Returns:
        The cell's text; ``""`` for an empty list.
    """
    if any(item == "" for item in items):
        return json.dumps(list(items), ensure_ascii=False)
    return _guard_start("; ".join(_escape(item, ";") for item in items))


def write_mapping(pairs: Mapping[str, str]) -> str:
    r"""A mapping as one cell: ``key=value, key=value``.

    Example:
        >>> print(write_mapping({"site": "Brest", "a=b": ""}))
        site=Brest, a\=b=
    """
    text = ", ".join(
        f"{_escape(key, ';,=')}={_escape(value, ';,=')}" for key, value in pairs.items()
    )
    return _guard_start(text)


def write_records(records: Sequence[Mapping[str, str]]) -> str:
    """A list of records as one cell: ``k=v, k=v; k=v``, or JSON when a record is empty."""
    if any(not record for record in records):
        return json.dumps([dict(record) for record in records], ensure_ascii=False)
    return _guard_start("; ".join(write_mapping(record) for record in records))


# --- reading ---------------------------------------------------------------------------


def _split(text: str, separator: str) -> list[str]:
    """Split on each ``separator`` not escaped by a backslash; escapes are kept."""
    parts: list[str] = []
    start = index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == separator:
            parts.append(text[start:index])
            start = index + 1
        index += 1
    parts.append(text[start:])
    return parts


def _leaf(raw: str) -> str:
    """An item, key or value: outer spaces stripped unless escaped, escapes resolved."""
    text = raw.lstrip()
    stripped = text.rstrip()
    if len(stripped) < len(text):
        backslashes = len(stripped) - len(stripped.rstrip("\\"))
        if backslashes % 2:  # the last stripped space was escaped: keep it
            stripped += text[len(stripped)]
    text = stripped
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\\":
            if index + 1 == len(text):
                raise CellSyntaxError(
                    "a backslash at the end escapes nothing (write \\\\ for a backslash)"
                )
            out.append(text[index + 1])
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _json(text: str, what: str) -> Any:
    def no_constant(name: str) -> Any:
        raise CellSyntaxError(f"{name} is not a value")

    try:
        return json.loads(text, parse_float=Decimal, parse_constant=no_constant)
    except (ValueError, RecursionError) as exc:
        detail = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise CellSyntaxError(
            f"a cell that starts with {text[0]!r} is read as JSON {what}, and this is not "
            f"valid JSON ({detail}); write \\{text[0]} to start with that character"
        ) from None


def _scalars(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list) or any(isinstance(item, dict | list) for item in value):
        raise CellSyntaxError(f"expected a JSON array of {what}")
    return value


def read_list(text: str) -> list[Any]:
    """The items of a list cell (see the module's documentation).

    Raises:
        CellSyntaxError: a JSON array that does not parse, or a dangling backslash.
    """
    if text.lstrip().startswith("["):
        return _scalars(_json(text.strip(), "array"), "values")
    return [_leaf(part) for part in _split(text, ";") if part.strip()]


def _pairs(text: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for part in _split(text, ","):
        if not part.strip():
            continue
        pieces = _split(part, "=")
        if len(pieces) == 1:
            raise CellSyntaxError(
                f"expected key=value, got {excerpt(_leaf(part))} (write \\= or \\, for those "
                "characters)"
            )
        key = _leaf(pieces[0])
        if key in pairs:
            raise CellSyntaxError(f"{excerpt(key)} is given twice")
        pairs[key] = _leaf("=".join(pieces[1:]))
    return pairs


def read_mapping(text: str) -> dict[str, Any]:
    """The pairs of a mapping cell: ``key=value, key=value`` or a JSON object.

    Raises:
        CellSyntaxError: a pair without ``=``, a key given twice, or JSON that does not
            parse.
    """
    if text.lstrip().startswith("{"):
        value = _json(text.strip(), "object")
        if not isinstance(value, dict):
            raise CellSyntaxError("expected a JSON object")
        return value
    return _pairs(text)


def read_records(text: str) -> list[dict[str, Any]]:
    """The records of a records cell: ``k=v, k=v; k=v`` or a JSON array of objects.

    Raises:
        CellSyntaxError: as :func:`read_mapping`, for any of the records.
    """
    if text.lstrip().startswith("["):
        value = _json(text.strip(), "array")
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise CellSyntaxError("expected a JSON array of objects")
        return value
    return [_pairs(part) for part in _split(text, ";") if part.strip()]
