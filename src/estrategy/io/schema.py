"""The JSON Schema of model files, generated from the model's attrs classes.

The schema is derived, never written by hand, so it cannot drift from the model: each
attrs class becomes a ``$defs`` entry (``additionalProperties: false``, required = the
fields without a default), enumerations list their values, dates are ``format: date``
text, and each property's description comes from its class's *Attributes* docstring.
Editors show it as you type: every class and property has a ``title`` and a
``description``, and every enumeration value a description (``enumDescriptions``, the
keyword VS Code and the YAML language server read), from the enumeration's docstring.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import inspect
import re
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from estrategy.io._convert import HIDDEN_FIELDS
from estrategy.model import SCHEMA_VERSIONS, Organization, StrategyModel

__all__ = ["json_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_ATTRIBUTE = re.compile(r"(\w+): (.*)")
_REFERENCE = "OrganizationReference"
# Words a title writes otherwise than capitalised field names would.
_TITLE_WORDS = {"id": "ID", "kpis": "KPIs", "kpi": "KPI", "of": "of"}


def _title(name: str) -> str:
    """A title for a field or class name: ``owner_unit`` → ``Owner unit``.

    Example:
        >>> _title("owner_unit"), _title("kpis"), _title("BusinessStake"), _title("KPI")
        ('Owner unit', 'KPIs', 'Business stake', 'KPI')
    """
    if name.isupper():
        return name
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name).lower().split("_")
    text = " ".join(_TITLE_WORDS.get(word, word) for word in words if word)
    return text[:1].upper() + text[1:]


def _docs(cls: type[Any]) -> tuple[str, dict[str, str]]:
    """The summary of a class docstring and the descriptions of its *Attributes*."""
    doc = inspect.getdoc(cls) or ""
    summary = doc.split("\n\n", 1)[0].replace("\n", " ").strip()
    fields: dict[str, str] = {}
    lines = doc.splitlines()
    if "Attributes:" not in lines:
        return _markdown(summary), fields
    current: str | None = None
    for line in lines[lines.index("Attributes:") + 1 :]:
        if line and not line.startswith(" "):
            break  # the next section (Example:, …)
        text = line.strip()
        match = (
            _ATTRIBUTE.fullmatch(text)
            if line.startswith("    ") and not line.startswith("      ")
            else None
        )
        if match:
            current = match.group(1)
            fields[current] = match.group(2)
        elif current and text:
            fields[current] += " " + text
    # Editors render descriptions as Markdown: reST's ``literal`` becomes `literal`.
    return _markdown(summary), {name: _markdown(text) for name, text in fields.items()}


def _markdown(text: str) -> str:
    return text.replace("``", "`")


def _simple(kind: str | list[str], **extra: Any) -> dict[str, Any]:
    return {"type": kind, **extra}


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, Any] = {}

    def type_schema(self, type_: Any) -> dict[str, Any]:
        """The schema of one annotated type."""
        if isinstance(type_, types.UnionType) or typing.get_origin(type_) is typing.Union:
            options = [arg for arg in typing.get_args(type_) if arg is not type(None)]
            inner = self.type_schema(options[0])
            if "type" in inner and "$ref" not in inner:
                kinds = inner["type"] if isinstance(inner["type"], list) else [inner["type"]]
                return {**inner, "type": [*kinds, "null"]}
            return {"anyOf": [inner, {"type": "null"}]}
        if typing.get_origin(type_) is tuple:
            item = typing.get_args(type_)[0]
            if item == tuple[str, str]:  # extra HR facts: a mapping of names to text
                return _simple("object", additionalProperties={"type": ["string", "number"]})
            return _simple("array", items=self.type_schema(item))
        if isinstance(type_, type) and issubclass(type_, enum.Enum):
            _, described = _docs(type_)
            return _simple(
                "string",
                enum=[str(member.value) for member in type_],
                enumDescriptions=[described.get(member.name, "") for member in type_],
            )
        if type_ is bool:
            return _simple("boolean")
        if type_ is int:
            return _simple("integer")
        if type_ in (float, Decimal):
            return _simple("number")
        if type_ is str:
            return _simple(["string", "integer"])  # ids such as 42 may be unquoted
        if type_ is dt.date:
            return _simple("string", format="date")
        if attrs.has(type_):
            name = type_.__name__
            if name not in self.defs:
                self.defs[name] = {}  # reserve: classes may refer to each other
                self.defs[name] = self.class_schema(type_)
            reference = {"$ref": f"#/$defs/{name}"}
            if type_ is Organization:
                return {"anyOf": [reference, {"$ref": f"#/$defs/{_REFERENCE}"}]}
            return reference
        raise TypeError(f"no JSON Schema for {type_!r}")  # pragma: no cover - model types only

    def class_schema(self, cls: type[Any]) -> dict[str, Any]:
        """The schema of one attrs class: its fields, in model order."""
        summary, described = _docs(cls)
        hints = typing.get_type_hints(cls)
        hidden = HIDDEN_FIELDS.get(cls, frozenset())
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if field.name in hidden:
                continue
            schema = self.type_schema(hints[field.name])
            if field.name in described:
                schema = {"description": described[field.name], **schema}
            schema = {"title": _title(field.name), **schema}
            default = field.default
            if default is attrs.NOTHING:
                required.append(field.name)
            elif isinstance(default, enum.Enum):
                schema["default"] = str(default.value)
            elif isinstance(default, bool | int | float | str):
                schema["default"] = default
            properties[field.name] = schema
        result: dict[str, Any] = {"type": "object", "title": _title(cls.__name__)}
        result["description"] = summary
        result["properties"] = properties
        if required:
            result["required"] = required
        result["additionalProperties"] = False
        return result


@functools.cache
def _schema() -> dict[str, Any]:
    builder = _Builder()
    root = builder.class_schema(StrategyModel)
    root["properties"]["schema_version"] = {
        **root["properties"]["schema_version"],
        "enum": list(SCHEMA_VERSIONS),
    }
    root["required"] = ["schema_version", *root.get("required", [])]
    builder.defs[_REFERENCE] = {
        "type": "object",
        "title": "Organization reference",
        "description": (
            "An organisation read from a folder of CSV files or a GraphML file, "
            "by a path relative to the model file."
        ),
        "properties": {
            "from": {
                "title": "From",
                "type": "string",
                "description": "folder of CSV files, or a .graphml file",
            }
        },
        "required": ["from"],
        "additionalProperties": False,
    }
    return {
        "$schema": _DIALECT,
        **root,
        "title": "estrategy model file",
        "$defs": dict(sorted(builder.defs.items())),
    }


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of model files, for editors and validators.

    Returns:
        A new dict each time (callers may change it), equal from call to call.

    Example:
        >>> schema = json_schema()
        >>> schema["properties"]["tactics"]["items"]
        {'$ref': '#/$defs/Tactic'}
        >>> schema["$defs"]["Tactic"]["additionalProperties"]
        False
    """
    import copy

    return copy.deepcopy(_schema())
