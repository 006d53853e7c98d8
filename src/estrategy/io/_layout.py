"""The model as tables: sheets of a workbook and pandas frames, derived from the classes (private).

Nothing here is written by hand per field, so a field added to the model gets its column
everywhere (workbook, frames, documentation) with no other change:

- every list of objects (``actions``, ``organization.units``) is a **table**, one row
  per object and one column per field, in the class's field order;
- the scalar fields of the model and of its single objects (``name``,
  ``organization.size``, ``situation.strengths``) are the rows of the **About** table;
- a list of objects inside a row (a KPI's ``measurements``) is its own table when it is
  declared in :data:`CHILD_TABLES` (one row per measurement, a ``kpi`` column naming its
  KPI); any other (a list of small records) is written in one cell.

Example:
    >>> [table.title for table in layout().tables][:4]
    ['Stakes', 'Objectives', 'Strategies', 'Tactics']
    >>> [column.key for column in layout().table("measurements").columns]
    ['kpi', 'date', 'value']
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs

from estrategy.io._convert import HIDDEN_FIELDS, file_key
from estrategy.io.schema import _docs as class_docs  # one reader of the Attributes docstrings
from estrategy.model import (
    KPI,
    Action,
    Objective,
    Organization,
    Person,
    Review,
    Strategy,
    StrategyModel,
    Tactic,
    Tie,
    TransversalGroup,
    Unit,
)

__all__ = ["CHILD_TABLES", "Column", "Kind", "Layout", "Table", "layout"]


class Kind(enum.Enum):
    """What a column holds, which decides how a cell is written and read."""

    TEXT = "text"
    INTEGER = "whole number"
    NUMBER = "number"
    MONEY = "money"
    BOOLEAN = "true/false"
    DATE = "date"
    CHOICE = "choice"
    LIST = "list"
    MAPPING = "mapping"
    RECORDS = "records"


CHILD_TABLES: Mapping[tuple[type, str], str] = {(KPI, "measurements"): "kpi"}
"""Lists of objects inside a row that get a table of their own, with the name of the
column that names the row they belong to."""

# Which collection each reference field names: the drop-down lists of a workbook offer
# those ids. (The integrity check of the model is what enforces them.)
_REFERENCES: Mapping[tuple[type, str], str] = {
    (Objective, "stake"): "stakes",
    (Objective, "owner"): "people",
    (KPI, "objective"): "objectives",
    (KPI, "tactics"): "tactics",
    (Action, "tactic"): "tactics",
    (Action, "responsible"): "people",
    (Action, "tools"): "tools",
    (Tactic, "strategy"): "strategies",
    (Strategy, "objectives"): "objectives",
    (Review, "kpis"): "kpis",
    (Tactic, "owner_unit"): "units",
    (Unit, "parent"): "units",
    (Person, "unit"): "units",
    (Person, "manager"): "people",
    (Person, "supervisor"): "people",
    (TransversalGroup, "members"): "people",
    (Tie, "source"): "people",
    (Tie, "target"): "people",
}
# Titles of tables whose name does not simply take a capital.
_TITLES: Mapping[str, str] = {"kpis": "KPIs"}

# An organisation read from elsewhere is written as this one key (see the YAML format).
_REFERENCE_KEY = "from"


@attrs.frozen
class Column:
    """One column of a table, or one row of the About table.

    Attributes:
        key: the header (the field's key in model files; dotted in the About table).
        path: where the value goes in the model's plain data, from the row (or root).
        attribute: the attribute names that lead to the value, from the row (or model).
        kind: what the column holds.
        item: for a list, what each item is.
        required: the field has no default.
        optional: ``None`` is a value of the field.
        default: the field's default (``None`` when required).
        choices: the allowed values of a choice, or of a list of choices.
        choice_name: the enumeration's name, for a choice.
        refers_to: the table whose ids the column names, if any.
        fields: the columns of the records held in one cell (records and lists thereof).
        description: what the field means, from the class's docstring.
    """

    key: str
    path: tuple[str, ...]
    attribute: tuple[str, ...]
    kind: Kind
    item: Kind | None = None
    required: bool = False
    optional: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    choice_name: str | None = None
    refers_to: str | None = None
    fields: tuple[Column, ...] = ()
    description: str = ""


@attrs.frozen
class Table:
    """One table: a sheet of a workbook, a pandas frame.

    Attributes:
        name: the frame's key, the collection's field name (``actions``, ``units``).
        title: the sheet's name (``Actions``, ``KPIs``).
        path: where its list is in the plain data, from the root (``organization``,
            ``units``), or from a row of the parent table.
        cls: the class of its rows.
        columns: its columns, in field order (a child table starts with its parent's).
        parent: the table whose rows own its rows (``kpis`` for measurements).
        description: what one row is.
    """

    name: str
    title: str
    path: tuple[str, ...]
    cls: type
    columns: tuple[Column, ...]
    parent: str | None = None
    description: str = ""

    def column(self, key: str) -> Column:
        """The column named ``key``."""
        return next(column for column in self.columns if column.key == key)


@attrs.frozen
class Layout:
    """The About table's rows and every table, in the order a workbook shows them.

    Attributes:
        about: the scalar fields of the model and of its single objects.
        tables: the tables, plan first, then the organisation.
    """

    about: tuple[Column, ...]
    tables: tuple[Table, ...]

    def table(self, name: str) -> Table:
        """The table named ``name``."""
        return next(table for table in self.tables if table.name == name)


def _unwrap_optional(type_: Any) -> tuple[Any, bool]:
    args = typing.get_args(type_)
    if typing.get_origin(type_) in (typing.Union, types.UnionType) and type(None) in args:
        inner = [arg for arg in args if arg is not type(None)]
        return inner[0], True
    return type_, False


def _scalar_kind(type_: Any) -> Kind | None:
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return Kind.CHOICE
    simple = {
        str: Kind.TEXT,
        bool: Kind.BOOLEAN,
        int: Kind.INTEGER,
        float: Kind.NUMBER,
        Decimal: Kind.MONEY,
        dt.date: Kind.DATE,
    }
    return simple.get(type_)


def _list_of(type_: Any) -> Any:
    args = typing.get_args(type_)
    if typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


def _default(field: attrs.Attribute[Any]) -> Any:
    default: Any = field.default
    if default is attrs.NOTHING:
        return None
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return default


def _column(
    cls: type,
    field: attrs.Attribute[Any],
    type_: Any,
    prefix: tuple[tuple[str, str], ...] = (),
) -> Column:
    """The column of one field that fits in a cell (``prefix``: keys and attributes above)."""
    inner, optional = _unwrap_optional(type_)
    described = class_docs(cls)[1].get(field.name, "")
    path = (*(key for key, _ in prefix), file_key(field))
    common: dict[str, Any] = {
        "key": ".".join(path),
        "path": path,
        "attribute": (*(name for _, name in prefix), field.name),
        "required": field.default is attrs.NOTHING,
        "optional": optional,
        "default": _default(field),
        "refers_to": _REFERENCES.get((cls, field.name)),
        "description": described,
    }
    kind = _scalar_kind(inner)
    if kind is not None:
        return Column(kind=kind, **common, **_choices(inner))
    item = _list_of(inner)
    if item == tuple[str, str]:
        return Column(kind=Kind.MAPPING, **common)
    if item is not None and attrs.has(item):
        return Column(kind=Kind.RECORDS, fields=_record_columns(item), **common)
    item_kind = _scalar_kind(item)
    if item_kind is not None:
        return Column(kind=Kind.LIST, item=item_kind, **common, **_choices(item))
    raise TypeError(f"{cls.__name__}.{field.name}: no cell form for {type_!r}")


def _choices(type_: Any) -> dict[str, Any]:
    if isinstance(type_, type) and issubclass(type_, enum.Enum):
        return {
            "choices": tuple(str(member.value) for member in type_),
            "choice_name": type_.__name__,
        }
    return {}


def _fields(cls: type) -> list[tuple[attrs.Attribute[Any], Any]]:
    hints = typing.get_type_hints(cls)
    hidden = HIDDEN_FIELDS.get(cls, frozenset())
    return [(field, hints[field.name]) for field in attrs.fields(cls) if field.name not in hidden]


def _record_columns(cls: type) -> tuple[Column, ...]:
    return tuple(_column(cls, field, type_) for field, type_ in _fields(cls))


def _title(name: str) -> str:
    return _TITLES.get(name, name[:1].upper() + name[1:])


class _Builder:
    def __init__(self) -> None:
        self.about: list[Column] = []
        self.plan: list[Table] = []
        self.nested: list[Table] = []

    def table(self, cls: type, name: str, path: tuple[str, ...], out: list[Table]) -> None:
        columns: list[Column] = []
        children: list[Table] = []
        for field, type_ in _fields(cls):
            key = file_key(field)
            item = _list_of(type_)
            parent_key = CHILD_TABLES.get((cls, field.name))
            if parent_key is not None and item is not None:
                children.append(self._child(cls, name, key, item, parent_key))
            else:
                columns.append(_column(cls, field, type_))
        out.append(Table(name, _title(name), path, cls, tuple(columns), None, class_docs(cls)[0]))
        out.extend(children)

    def _child(self, parent: type, parent_name: str, key: str, cls: type, column: str) -> Table:
        owner = Column(
            key=column,
            path=(),
            attribute=(),
            kind=Kind.TEXT,
            required=True,
            refers_to=parent_name,
            description=f"id of the {parent.__name__} it belongs to.",
        )
        own = _record_columns(cls)
        return Table(key, _title(key), (key,), cls, (owner, *own), parent_name, class_docs(cls)[0])

    def scalars(self, cls: type, prefix: tuple[tuple[str, str], ...], nested: bool) -> None:
        for field, type_ in _fields(cls):
            key = file_key(field)
            path = (*(k for k, _ in prefix), key)
            item = _list_of(type_)
            if item is not None and attrs.has(item):
                self.table(item, key, path, self.nested if nested else self.plan)
            elif attrs.has(type_):
                self.scalars(type_, (*prefix, (key, field.name)), nested=True)
                if type_ is Organization:
                    self.about.append(
                        Column(
                            key=".".join((*path, _REFERENCE_KEY)),
                            path=(*path, _REFERENCE_KEY),
                            attribute=(*(n for _, n in prefix), field.name, "source"),
                            kind=Kind.TEXT,
                            optional=True,
                            description="a folder of CSV files or a .graphml file holding "
                            "the organisation, relative to the workbook (the organisation's "
                            "sheets then stay empty).",
                        )
                    )
            else:
                self.about.append(_column(cls, field, type_, prefix))


@functools.cache  # derived from the classes, which do not change while running
def layout() -> Layout:
    """The tables of :class:`~estrategy.model.StrategyModel`, derived from its classes."""
    builder = _Builder()
    builder.scalars(StrategyModel, (), nested=False)
    return Layout(tuple(builder.about), (*builder.plan, *builder.nested))
