"""The file-format reference, generated from the JSON Schema and the catalogues.

Each function gives the Markdown of one table of ``docs/file-format.md`` or
``docs/org.md``, asked for by a ``<!-- generated: NAME -->`` line; the site fills them in
when it is built, so the reference cannot drift from the code.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from estrategy.catalogue import default_catalogue
from estrategy.io import json_schema
from estrategy.model import TacticKind

__all__ = [
    "csv_folder",
    "mapping_presets",
    "markdown_table",
    "model_keys",
    "role_catalogue",
    "tactic_kinds",
    "workbook_sheets",
]

_ROLE = re.compile(r":\w+:`~?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")


def _markdown(text: str) -> str:
    """A docstring phrase as Markdown: ``x`` and :func:`x` become code spans."""
    return _LITERAL.sub(r"`\1`", _ROLE.sub(r"`\1`", text))


def _codes(items: Iterable[str]) -> str:
    """Words as code spans, comma-separated; a dash when there is none."""
    return ", ".join(f"`{item}`" for item in items) or "—"


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """The lines of a Markdown table.

    Example:
        >>> markdown_table(("a", "b"), [("1", "2")])
        ['| a | b |', '|---|---|', '| 1 | 2 |']
    """
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def _anchor(name: str) -> str:
    return f"[{name}](#{name.lower()})"


def _type(prop: Mapping[str, Any]) -> str:
    """How a property is written, in the words of the page's *Types* paragraph."""
    if "$ref" in prop:
        return _anchor(prop["$ref"].rsplit("/", 1)[1])
    if "anyOf" in prop:
        return " or ".join(_type(p) for p in prop["anyOf"])
    if "enum" in prop:
        values = [v for v in prop["enum"] if v is not None]
        if len(values) == 1 and not isinstance(values[0], str):
            return str(values[0])
        return "one of " + ", ".join(f"`{v}`" for v in values)
    kinds = prop.get("type", [])
    kinds = {kinds} if isinstance(kinds, str) else set(kinds)
    kinds.discard("null")
    if "array" in kinds:
        items = prop.get("items", {})
        inner = _type(items)
        return f"list of {inner}"
    if "object" in kinds:
        return f"mapping of {_type(prop.get('additionalProperties', {}))}"
    if prop.get("format") == "date":
        return "date"
    if "boolean" in kinds:
        return "true/false"
    if "string" in kinds:
        return "text"
    if kinds & {"number", "integer"}:
        return "number"
    return "any"


def _default(name: str, prop: Mapping[str, Any], required: Iterable[str]) -> str:
    if name in required:
        return "**required**"
    if "default" not in prop:
        container = "$ref" in prop or "anyOf" in prop or prop.get("type") in ("array", "object")
        return "empty" if container else "none"
    value = prop["default"]
    if value in ("", [], {}):
        return "empty"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    return f"`{value}`"


def _table(schema: Mapping[str, Any], required: Iterable[str] = ()) -> list[str]:
    required = set(schema.get("required", ())) | set(required)
    rows = [
        (
            f"`{name}`",
            _type(prop),
            _default(name, prop, required),
            _markdown(prop.get("description", "")).replace("|", "\\|"),
        )
        for name, prop in schema.get("properties", {}).items()
    ]
    return markdown_table(("key", "type", "default", "meaning"), rows)


def _refs(prop: Any) -> list[str]:
    """The definitions a property refers to, in the order it names them."""
    if isinstance(prop, Mapping):
        if "$ref" in prop:
            return [prop["$ref"].rsplit("/", 1)[1]]
        return [name for value in prop.values() for name in _refs(value)]
    if isinstance(prop, list):
        return [name for value in prop for name in _refs(value)]
    return []


def _reading_order(schema: Mapping[str, Any]) -> list[str]:
    """The definitions as a reader meets them: each key's kinds, then what those hold."""
    definitions = schema["$defs"]
    order: list[str] = []

    def visit(prop: Any) -> None:
        found = [name for name in dict.fromkeys(_refs(prop)) if name not in order]
        order.extend(found)
        for name in found:
            for child in definitions[name].get("properties", {}).values():
                visit(child)

    for prop in schema["properties"].values():
        visit(prop)
    return order + [name for name in definitions if name not in order]


def model_keys(lang: str) -> str:
    """Every key of a model file: the top level, then one table per kind of object.

    Example:
        >>> print(model_keys("en").splitlines()[0])
        ### The top level
    """
    del lang  # the reference is in English, like the keys
    schema = json_schema()
    lines = [
        "### The top level",
        "",
        _markdown(schema["description"]),
        "",
        *_table(schema, required=["schema_version"]),
    ]
    for name in _reading_order(schema):
        definition = schema["$defs"][name]
        lines += ["", f"### {name}", "", _markdown(definition.get("description", "")), ""]
        lines += _table(definition)
    return "\n".join(lines) + "\n"


def tactic_kinds(lang: str) -> str:
    """The tactic catalogue: each kind's channel and the roles it presupposes.

    Example:
        >>> "| `content_marketing` | digital | `community_manager` |" in tactic_kinds("en")
        True
    """
    del lang
    catalogue = default_catalogue()
    rows = [
        (f"`{k}`", str(catalogue.channel(k)), _codes(catalogue.presupposes(k))) for k in TacticKind
    ]
    return "\n".join(markdown_table(("kind", "channel", "presupposes"), rows)) + "\n"


def role_catalogue(lang: str) -> str:
    """The role catalogue: the competences expected of each role, and the other competences.

    Example:
        >>> "| `data_scientist` |" in role_catalogue("en")
        True
    """
    del lang
    catalogue = default_catalogue()
    roles = sorted(catalogue.known_roles())
    rows = [(f"`{r}`", _codes(catalogue.competences(r))) for r in roles]
    lines = markdown_table(("role", "expected competences"), rows)
    expected = {c for role in catalogue.known_roles() for c in catalogue.competences(role)}
    others = sorted(set(catalogue.known_competences()) - expected)
    lines += [
        "",
        f"Other competences the catalogue knows: {_codes(others)}.",
    ]
    return "\n".join(lines) + "\n"


def csv_folder(lang: str) -> str:
    """The files of an HR-export folder, their columns and which ones are required.

    Example:
        >>> print(csv_folder("en").splitlines()[2])
        | `people.csv` | `id`, `name`, `unit`, `manager`, `roles`, `skills`, \
`external`, `supervisor`, `decision_maker` | yes; column `id` |
    """
    from estrategy.io.orgcsv import COLUMNS, REQUIRED_COLUMNS

    del lang
    order = ["people", *(name for name in COLUMNS if name != "people")]
    rows = [
        (
            f"`{name}.csv`",
            _codes(COLUMNS[name]),
            ("yes" if name == "people" else "no")
            + f"; column{'s' if len(REQUIRED_COLUMNS[name]) > 1 else ''} "
            + _codes(REQUIRED_COLUMNS[name]),
        )
        for name in order
    ]
    return "\n".join(markdown_table(("file", "columns", "required"), rows)) + "\n"


def _described(module: str, name: str) -> dict[str, str]:
    """The ``- ``key``: text`` items of a module constant's docstring, by key."""
    source = inspect.getsource(importlib.import_module(module))
    body = ast.parse(source).body
    for node, following in itertools.pairwise(body):
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        if any(isinstance(t, ast.Name) and t.id == name for t in targets) and isinstance(
            following, ast.Expr
        ):
            text = " ".join(str(ast.literal_eval(following.value)).split())
            return dict(re.findall(r"- ``([\w-]+)``: (.*?)(?= - ``|$)", text))
    return {}


def _columns_read(columns: Mapping[str, str | tuple[str, ...]]) -> str:
    def theirs(value: str | tuple[str, ...]) -> str:
        names = (value,) if isinstance(value, str) else value
        return ", else ".join(f"`{n}`" for n in names)

    return ", ".join(f"`{ours}` ← {theirs(value)}" for ours, value in columns.items()) or "—"


def _file_names(value: str | tuple[str, ...]) -> str:
    return " or ".join(f"`{n}`" for n in ((value,) if isinstance(value, str) else value))


def mapping_presets(lang: str) -> str:
    """The column mappings shipped for common HR exports (``--mapping NAME``).

    Example:
        >>> "| `scim` |" in mapping_presets("en")
        True
    """
    from estrategy.io.orgcsv import PRESETS

    del lang
    shapes = _described("estrategy.io.orgcsv._mapping", "PRESETS")
    rows = []
    for name, preset in PRESETS.items():
        people = dict(preset.people)
        if preset.unit_parent:
            people["unit_parent"] = preset.unit_parent
        files = _file_names(preset.people_file)
        if preset.ties:
            files += "; " + _file_names(preset.ties_file)
        rows.append(
            (
                f"`{name}`",
                # the first words of the preset's description: what export it reads
                _markdown(re.split(r"[,:(]", shapes.get(name, ""))[0].strip()),
                files,
                _columns_read(people),
                _columns_read(preset.ties),
                "yes" if preset.make_ids else "no",
                f"`{preset.tie_people}`",
            )
        )
    header = (
        "preset",
        "export",
        "files",
        "people columns (ours ← theirs)",
        "ties columns",
        "ids made from text",
        "people only in the ties",
    )
    return "\n".join(markdown_table(header, rows)) + "\n"


def workbook_sheets(lang: str) -> str:
    """The sheets of an Excel workbook and their columns (``sheet_reference()``)."""
    from estrategy.io.excel import sheet_reference

    del lang
    return sheet_reference() + "\n"
