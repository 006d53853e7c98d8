"""From a model to table rows and back, shared by workbooks and data frames (private).

Writing: :func:`plain` turns a field's value into plain Python (text for choices, lists,
dicts), which a workbook then writes in one cell and a frame keeps as it is.

Reading: :class:`Assembler` collects the About values and the rows of every table, each
value with where it came from (a *locator*: a sheet's cell, a frame's row and column),
and builds the plain data a model file would hold, the place of every value, and the
problems found on the way; :func:`estrategy.io._build.build_model` then checks it as
strictly as a YAML file.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from decimal import Decimal
from pathlib import Path
from typing import Any, Generic, TypeVar

import attrs

from estrategy.base.escape import excerpt
from estrategy.io._data import object_data
from estrategy.io._layout import Column, Kind, Table, layout
from estrategy.io.errors import FileError, LoadError, SourceMap
from estrategy.model import ModelPath, StrategyModel
from estrategy.model.suggest import Suggestions

__all__ = [
    "MISSING",
    "Assembler",
    "CellProblem",
    "Problem",
    "Row",
    "about_value",
    "as_date",
    "attribute",
    "build_checked",
    "number_from_text",
    "plain",
    "table_rows",
    "text_value",
]

L = TypeVar("L", bound=Hashable)

MISSING: Any = type("Missing", (), {"__repr__": lambda _self: "MISSING"})()
"""An empty cell: the key is left out of the plain data (its default applies)."""

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\Z")
_TRUE_FALSE = {"true": True, "false": False}


class CellProblem(ValueError):
    """A cell holds something that cannot stand for its column's value."""


def number_from_text(text: str) -> Decimal | int | None:
    """The number a text spells in plain notation (``1500.50``, ``-3``, ``1E+3``), or ``None``.

    Example:
        >>> number_from_text("1500.50"), number_from_text("1 500,50")
        (Decimal('1500.50'), None)
    """
    text = text.strip()
    if not _NUMBER.match(text):
        return None
    if text.lstrip("+-").isdigit():
        return int(text)
    return Decimal(text)


def text_value(kind: Kind, text: str) -> Any:
    """The plain value a text stands for in a column of ``kind``, as a model file has it.

    Text that does not fit is returned as it is, so that the model's converter reports
    it with the message every format shares.
    """
    if kind in (Kind.INTEGER, Kind.NUMBER, Kind.MONEY):
        number = number_from_text(text)
        return text if number is None else number
    if kind is Kind.BOOLEAN:
        return _TRUE_FALSE.get(text.strip().lower(), text)
    return text


def _scalar(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_scalar(item) for item in value]
    return value


def plain(column: Column, value: Any) -> Any:
    """A field's value as plain Python.

    ``None`` when not given, text for a choice, a list for a list, a dict for a mapping,
    a list of dicts for records.
    """
    if value is None:
        return None
    if column.kind is Kind.MAPPING:
        return dict(value)
    if column.kind is Kind.RECORDS:
        return [object_data(item) for item in value]
    return _scalar(value)


def attribute(obj: Any, column: Column) -> Any:
    """The value of ``column`` in ``obj`` (a row's object, or the model for About)."""
    for name in column.attribute:
        obj = getattr(obj, name)
    return obj


def about_value(model: StrategyModel, column: Column) -> Any:
    """The plain value of an About row.

    An organisation read from elsewhere (``organization.from``) has no other value of
    its own, as in a YAML file.
    """
    elsewhere = model.organization.source is not None and column.path[0] == "organization"
    if elsewhere and column.path[-1] != "from":
        return None
    return plain(column, attribute(model, column))


Row = tuple[Any, ModelPath, Any]
"""A table's row: the id of the row it belongs to (child tables), its path, its object."""


def table_rows(model: StrategyModel, table: Table) -> list[Row]:
    """The objects of ``table`` in ``model``, in model order.

    An organisation read from elsewhere (``organization.from``) has no rows here.
    """
    if table.parent is not None:
        return [
            (owner.id, (*path, table.path[-1], index), item)
            for _, path, owner in table_rows(model, layout().table(table.parent))
            for index, item in enumerate(getattr(owner, table.path[-1]))
        ]
    if table.path[0] == "organization" and model.organization.source is not None:
        return []
    holder: Any = model
    for key in table.path[:-1]:
        holder = getattr(holder, key)
    return [
        (None, (*table.path, i), item) for i, item in enumerate(getattr(holder, table.path[-1]))
    ]


@attrs.frozen
class Problem(Generic[L]):
    """A problem found while reading a table, before the model is built.

    Attributes:
        path: the model path of the value.
        where: the locator of its cell.
        message: what is wrong.
    """

    path: ModelPath
    where: L
    message: str


@attrs.define
class _ChildRow(Generic[L]):
    owner: Any
    owner_where: L
    where: L
    values: dict[str, Any]
    cells: dict[str, L]
    problems: list[tuple[str, L, str | None]]


class Assembler(Generic[L]):
    """Builds a model's plain data from the About values and table rows.

    Locators are whatever the reader uses to say where a value is; they end up in
    :attr:`entries`, keyed by model path.
    """

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.entries: dict[ModelPath, L] = {}
        self.problems: list[Problem[L]] = []
        self.unread: set[ModelPath] = set()
        self._children: dict[str, list[_ChildRow[L]]] = {}
        self._hints = Suggestions()

    def place(self, path: ModelPath, where: L) -> None:
        """Record where ``path`` is (the first place given wins)."""
        self.entries.setdefault(path, where)

    def fail(self, path: ModelPath, where: L, message: str, *, unread: bool = True) -> None:
        """Record a problem; ``unread``: the value at ``path`` was left out of the data."""
        self.problems.append(Problem(path, where, message))
        if unread:
            self.unread.add(path)

    def about(self, column: Column, value: Any, where: L) -> None:
        """One value of the About table."""
        self.place(column.path, where)
        if value is MISSING:
            return
        target = self.data
        for key in column.path[:-1]:
            target = target.setdefault(key, {})
        target[column.path[-1]] = value

    def table(self, table: Table, where: L) -> None:
        """A table that is present (even without rows): it is placed at ``where``.

        A child table's rows are in their owners' lists; its own name stands for it
        (``("measurements",)``) in the problems about which owner a row has.
        """
        if table.parent is None:
            self.place(table.path, where)  # an empty table is left out: its default
        else:
            self.place((table.name,), where)

    def _rows(self, table: Table) -> list[dict[str, Any]]:
        target = self.data
        for key in table.path[:-1]:
            target = target.setdefault(key, {})
        rows: list[dict[str, Any]] = target.setdefault(table.path[-1], [])
        return rows

    def row(
        self,
        table: Table,
        values: Mapping[str, Any],
        where: L,
        cells: Mapping[str, L],
        problems: Iterable[tuple[str, L, str | None]] = (),
    ) -> None:
        """One row of ``table``: its decoded values by column key, and their places.

        Args:
            table: the row's table.
            values: each column's value (:data:`MISSING` for an empty cell).
            where: where the row is (its first cell).
            cells: where each column's cell is.
            problems: values left out: the key, the place, and the message (``None``
                when the problem is reported elsewhere, once for every row).
        """
        kept = {key: value for key, value in values.items() if value is not MISSING}
        if table.parent is not None:
            owner_key = table.columns[0].key
            owner = kept.pop(owner_key, MISSING)
            self._children.setdefault(table.name, []).append(
                _ChildRow(owner, cells[owner_key], where, kept, dict(cells), list(problems))
            )
            return
        rows = self._rows(table)
        path: ModelPath = (*table.path, len(rows))
        rows.append(kept)
        self._place_row(path, where, cells, problems)

    def _place_row(
        self,
        path: ModelPath,
        where: L,
        cells: Mapping[str, L],
        problems: Iterable[tuple[str, L, str | None]],
    ) -> None:
        self.place(path, where)
        for key, cell in cells.items():
            self.place((*path, key), cell)
        for key, cell, message in problems:
            if message is None:
                self.unread.add((*path, key))
            else:
                self.fail((*path, key), cell, message)

    def finish(self) -> dict[str, Any]:
        """The plain data, once every row is in: child rows join their owners."""
        for name, children in self._children.items():
            self._attach(layout().table(name), children)
        return self.data

    def _attach(self, table: Table, children: list[_ChildRow[L]]) -> None:
        parent = layout().table(table.parent or "")
        owners = self._rows(parent)
        index: dict[str, int] = {}
        for position, row in enumerate(owners):
            index.setdefault(str(row.get("id")), position)
        owner_key = table.columns[0].key
        for child in children:
            if child.owner is MISSING:
                self.fail(
                    (table.name,),
                    child.owner_where,
                    f"the {owner_key} this row belongs to is missing",
                )
                continue
            position_of = index.get(str(child.owner))
            if position_of is None:
                hint = self._hints.did_you_mean(str(child.owner), index, key=parent.name)
                self.fail(
                    (table.name,),
                    child.owner_where,
                    f"unknown {owner_key} {excerpt(child.owner)}{hint}",
                )
                continue
            items: list[dict[str, Any]] = owners[position_of].setdefault(table.path[-1], [])
            path: ModelPath = (*parent.path, position_of, *table.path, len(items))
            items.append(child.values)
            self._place_row(path, child.where, child.cells, child.problems)


def _under(path: ModelPath, unread: AbstractSet[ModelPath]) -> bool:
    return any(path[:end] in unread for end in range(len(path) + 1))


def build_checked(
    data: Mapping[str, Any],
    source: str,
    positions: SourceMap,
    *,
    problems: Iterable[FileError],
    unread: AbstractSet[ModelPath],
    order: Callable[[FileError], Any],
    base_dir: Path | None = None,
    allow_outside: bool = False,
    relocate: Callable[[FileError], FileError] = lambda error: error,
) -> StrategyModel:
    """Build the model of a table reader's data; report its problems with the model's.

    The model's own problems about a value the reader left out (``unread``, and below)
    are consequences of the reader's, and dropped.

    Args:
        data: the plain data.
        source: the name errors give the source.
        positions: where each path is.
        problems: what the reader could not read.
        unread: the paths of the values it left out.
        order: the sort key of the problems, all together.
        base_dir: the folder ``organization.from`` is relative to.
        allow_outside: let ``organization.from`` read outside ``base_dir``.
        relocate: what becomes of each of the model's problems (frames give them their
            row and column).

    Raises:
        LoadError: every problem, in order.
    """
    from estrategy.io._build import build_model

    found = list(problems)
    try:
        model = build_model(data, source, positions, base_dir, allow_outside=allow_outside)
    except LoadError as failed:
        kept = [relocate(error) for error in failed.errors if not _under(error.path, unread)]
        raise LoadError(sorted([*found, *kept], key=order)) from None
    if found:
        raise LoadError(sorted(found, key=order))
    return model


def as_date(value: dt.datetime) -> dt.date | dt.datetime:
    """A spreadsheet date-time at midnight is a date; another stays a date-time."""
    return value.date() if value.time() == dt.time() and value.tzinfo is None else value
