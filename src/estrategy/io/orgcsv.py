"""Read an organisation from a folder of CSV files (the shape of an HR export).

The folder holds ``units.csv`` (``id,name,parent``), ``people.csv``
(``id,name,unit,manager,roles,skills,external,supervisor,decision_maker``), and optionally
``groups.csv`` (``id,name,kind,objective,deadline``), ``memberships.csv``
(``group,person``), ``ties.csv`` (``source,target,kind,weight``) and
``organization.toml`` (``name``, ``size``). Only the id columns (and both columns of
``memberships.csv`` and ``ties.csv``) are required; an empty cell means none, lists are
separated by ``;``, booleans are ``true`` or ``false``. Columns the format does not know
are kept as attributes of the graph nodes.

Files are read in chunks straight into integer-coded numpy arrays
(:class:`~estrategy.org.tables.OrgTables`): a ten-million-row ``ties.csv`` is never held as
Python objects per cell. Every problem of the folder is reported together, as a
:class:`~estrategy.io.errors.LoadError` naming the file, line and column.

A *column mapping* renames the columns of an export to ours (a TOML table
``{our_name = "their_name"}``, or a preset: see :data:`PRESETS`). With a mapping, a
people file may come alone: its unit column (and a parent column, such as a SCIM
``division`` above a ``department``) then creates the units.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import math
import re
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import islice, repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, Literal, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from estrategy.io.errors import FileError, LoadError
from estrategy.model import (
    GroupKind,
    Organization,
    OrganizationSize,
    Person,
    Tie,
    TieKind,
    TransversalGroup,
    Unit,
)
from estrategy.org.tables import GROUP_KINDS, NONE, CodeList, OrgTables

__all__ = [
    "COLUMNS",
    "PRESETS",
    "ColumnMapping",
    "read_mapping",
    "read_organization",
    "read_tables",
    "tables_to_organization",
    "write_folder",
]

COLUMNS: Mapping[str, tuple[str, ...]] = {
    "units": ("id", "name", "parent"),
    "people": (
        "id",
        "name",
        "unit",
        "manager",
        "roles",
        "skills",
        "external",
        "supervisor",
        "decision_maker",
    ),
    "groups": ("id", "name", "kind", "objective", "deadline"),
    "memberships": ("group", "person"),
    "ties": ("source", "target", "kind", "weight"),
}
"""The columns of each file of the folder, in the order they are written."""

_REQUIRED: Mapping[str, tuple[str, ...]] = {
    "units": ("id",),
    "people": ("id",),
    "groups": ("id",),
    "memberships": ("group", "person"),
    "ties": ("source", "target"),
}

_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:@/+-]*\Z")
_CHUNK = 200_000


@attrs.frozen
class ColumnMapping:
    """How the columns of an HR export map to ours.

    Attributes:
        name: the preset's name, or ``"custom"``.
        people: our people column to theirs (``{"id": "PersonId", "manager": "ManagerId"}``).
        unit_parent: a column of the people file holding the parent of each person's
            unit (SCIM ``division`` above ``department``); units are then derived from
            the people file.
        people_file: the name of the people file in the folder.
        make_ids: turn the values of id-like columns (``id``, ``unit``, ``manager``,
            ``supervisor``, the unit parent) into valid ids: accents dropped, runs of
            other characters made one ``-`` (``"Hélène Roux"`` becomes ``Helene-Roux``).
            The ``name`` column keeps the text as it is. Exports whose ids are names
            need it.
    """

    name: str = "custom"
    people: Mapping[str, str] = attrs.field(factory=dict)
    unit_parent: str | None = None
    people_file: str = "people.csv"
    make_ids: bool = False


PRESETS: Mapping[str, ColumnMapping] = {
    "chart": ColumnMapping(
        "chart", {"id": "Name", "name": "Name", "manager": "Reports_To"}, make_ids=True
    ),
    "chart-ids": ColumnMapping(
        "chart-ids", {"id": "PersonID", "name": "Name", "manager": "SupervisorID"}
    ),
    "workplace": ColumnMapping(
        "workplace",
        {"id": "PersonId", "manager": "ManagerId", "unit": "Organization"},
        make_ids=True,
    ),
    "scim": ColumnMapping(
        "scim",
        {"id": "employeeNumber", "name": "displayName", "unit": "department", "manager": "manager"},
        unit_parent="division",
        make_ids=True,
    ),
}
"""Column mappings for common HR exports.

- ``chart``: an employee/manager chart, ``Name`` and ``Reports_To`` (the name is the id).
- ``chart-ids``: the same with ids, ``PersonID``, ``Name`` and ``SupervisorID``.
- ``workplace``: a workplace-analytics person query, ``PersonId``, ``ManagerId`` and
  ``Organization`` (the unit).
- ``scim``: SCIM enterprise-user fields, ``employeeNumber``, ``displayName``,
  ``department`` (the unit), ``division`` (the unit's parent) and ``manager``.
"""


def read_mapping(path: Path) -> ColumnMapping:
    """Read a column mapping from a TOML file.

    The file holds a ``[people]`` table of our column names to the export's, and
    optionally ``unit_parent``, ``people_file`` and ``make_ids`` at the top::

        people_file = "employees.csv"
        unit_parent = "Division"
        make_ids = true
        [people]
        id = "EmployeeID"
        manager = "ManagerID"
        unit = "Department"

    Args:
        path: the TOML file.

    Returns:
        The mapping.

    Raises:
        LoadError: the file is not valid TOML or names unknown keys or columns.
    """
    source = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LoadError([FileError(source, None, None, (), f"not valid TOML: {exc}")]) from None
    errors: list[FileError] = []
    for key in data:
        if key not in ("people", "unit_parent", "people_file", "make_ids"):
            errors.append(FileError(source, None, None, (key,), "unknown key"))
    people = data.get("people", {})
    if not isinstance(people, dict):
        errors.append(FileError(source, None, None, ("people",), "must be a table"))
        people = {}
    for ours, theirs in people.items():
        if ours not in COLUMNS["people"]:
            known = ", ".join(COLUMNS["people"])
            errors.append(
                FileError(source, None, None, ("people", ours), f"unknown column; known: {known}")
            )
        elif not isinstance(theirs, str):
            errors.append(FileError(source, None, None, ("people", ours), "must be a string"))
    for key in ("unit_parent", "people_file"):
        if key in data and not isinstance(data[key], str):
            errors.append(FileError(source, None, None, (key,), "must be a string"))
    if "make_ids" in data and not isinstance(data["make_ids"], bool):
        errors.append(FileError(source, None, None, ("make_ids",), "must be true or false"))
    if errors:
        raise LoadError(errors)
    return ColumnMapping(
        "custom",
        dict(people),
        data.get("unit_parent"),
        data.get("people_file", "people.csv"),
        data.get("make_ids", False),
    )


class _Errors:
    """Problems of one folder, by file; rows are mapped to lines at the end."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # file -> list of (data-row index or None, column or None, path, message)
        self.by_file: dict[
            str, list[tuple[int | None, int | None, tuple[str | int, ...], str]]
        ] = {}

    def add(
        self,
        file: str,
        row: int | None,
        column: int | None,
        path: tuple[str | int, ...],
        message: str,
    ) -> None:
        self.by_file.setdefault(file, []).append((row, column, path, message))

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_file.values())

    def raise_if_any(self) -> None:
        if not self.by_file:
            return
        errors: list[FileError] = []
        for file, problems in self.by_file.items():
            path = self.folder / file
            rows = {row for row, _, _, _ in problems if row is not None}
            lines = _row_lines(path, rows) if rows else {}
            for row, column, model_path, message in problems:
                line = (
                    1
                    if row is None and column is not None
                    else lines.get(row)
                    if row is not None
                    else None
                )
                errors.append(FileError(str(path), line, column, model_path, message))
        errors.sort(key=lambda e: (e.source, e.line or 0, e.column or 0))
        raise LoadError(errors)


def _row_lines(path: Path, rows: set[int]) -> dict[int, int]:
    """The physical line of each wanted data row (a second pass, only when errors exist)."""
    found: dict[int, int] = {}
    with path.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f, skipinitialspace=True)
        next(reader, None)
        index = 0
        start = reader.line_num + 1
        for row in reader:
            if row:
                if index in rows:
                    found[index] = start
                index += 1
            start = reader.line_num + 1
    return found


@attrs.define
class _Table:
    """One CSV file, read column by column in chunks."""

    file: str
    header: list[str]
    columns: dict[str, int]  # our column name -> position in the row
    extra: list[tuple[str, int]]
    rows: Iterator[list[str]]  # the csv reader, past the header


def _open_table(
    folder: Path,
    file: str,
    errors: _Errors,
    renames: Mapping[str, str],
    known: Sequence[str],
    required: Sequence[str],
    optional_file: bool,
    stack: list[object],
) -> _Table | None:
    path = folder / file
    if not path.exists():
        if not optional_file:
            errors.add(file, None, None, (), "file not found")
        return None
    handle = path.open(newline="", encoding="utf-8-sig")
    stack.append(handle)
    reader = csv.reader(handle, skipinitialspace=True)
    header = next(reader, None)
    if header is None:
        if required:
            errors.add(file, None, None, (), "empty file: the header row is missing")
        return None
    header = [h.strip() for h in header]
    columns: dict[str, int] = {}
    extra: list[tuple[str, int]] = []
    for position, name in enumerate(header):
        # one export column may feed two of ours (a chart's Name is both id and name)
        ours = [o for o, t in renames.items() if t == name]
        if not ours and name in known and name not in renames:
            ours = [name]
        if not ours:
            extra.append((name, position))
        for o in ours:
            if o in columns:
                errors.add(file, None, position + 1, (), f"column {name!r} appears twice")
            columns[o] = position
    missing = [c for c in required if c not in columns]
    if missing:
        names = ", ".join(renames.get(c, c) for c in missing)
        errors.add(
            file, None, 1, (), f"missing required column{'s' if len(missing) > 1 else ''}: {names}"
        )
        return None
    return _Table(file, header, columns, extra, reader)


def _chunks(table: _Table, width: int) -> Iterator[list[list[str]]]:
    """Rows in chunks, blank rows left out, each row padded or cut to the header's width."""
    while True:
        # islice and the checks below run at C speed: no Python code per row
        chunk = list(islice(table.rows, _CHUNK))
        if not chunk:
            return
        if [] in chunk:
            chunk = [row for row in chunk if row]
        if set(map(len, chunk)) != {width}:
            pad = [""] * width
            chunk = [row if len(row) == width else (row + pad)[:width] for row in chunk]
        if chunk:
            yield chunk


def _column(chunk: list[list[str]], position: int | None) -> list[str]:
    if position is None:
        return [""] * len(chunk)
    return list(map(itemgetter(position), chunk))


def _bad_ids(values: Sequence[str], allow_empty: bool) -> Iterator[int]:
    match = _SLUG.match
    for i, v in enumerate(values):
        if v == "":
            if not allow_empty:
                yield i
        elif match(v) is None:
            yield i


_NOT_ID = re.compile(r"[^A-Za-z0-9_.:@/+-]+")


def _make_ids(values: list[str]) -> list[str]:
    """Valid ids from free text: accents dropped, other runs of characters made ``-``."""
    import unicodedata

    out = []
    for value in values:
        if value and _SLUG.match(value) is None:
            ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
            value = _NOT_ID.sub("-", ascii_text.strip()).strip("-_.:@/+")
        out.append(value)
    return out


def _id_message(value: str) -> str:
    if value == "":
        return "missing id"
    return (
        f"{value!r} is not a valid id: use letters, digits and - _ . : @ / +, "
        "starting with a letter or digit, no spaces"
    )


_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE", ""}


def _booleans(
    values: list[str], table: _Table, column: str, offset: int, errors: _Errors
) -> npt.NDArray[np.bool_]:
    result = np.fromiter(map(_TRUE.__contains__, values), dtype=np.bool_, count=len(values))
    if set(values) <= _TRUE | _FALSE:
        return result
    bad: list[int] = []
    for i, v in enumerate(values):
        if v not in _TRUE and v not in _FALSE:
            word = v.strip().lower()
            if word in ("true", "false", ""):
                result[i] = word == "true"
            else:
                bad.append(i)
    for i in bad:
        errors.add(
            table.file,
            offset + i,
            table.columns[column] + 1,
            ("organization", table.file.removesuffix(".csv"), offset + i, column),
            f"expected true or false, got {values[i]!r}",
        )
    return result


def _ref_codes(
    values: list[str],
    index: dict[str, int],
    kind: str,
    table: _Table,
    column: str,
    offset: int,
    errors: _Errors,
    kind_of: Callable[[str], str | None],
) -> npt.NDArray[np.int32]:
    """Codes of references; the empty cell is none; unknown ids are errors."""
    # "" is never an id, so it can stand for none in the index for the time of one lookup
    index[""] = NONE
    try:
        array = np.fromiter(map(index.get, values, repeat(-2)), dtype=np.int32, count=len(values))
    finally:
        del index[""]
    for i in np.flatnonzero(array == -2).tolist():
        value = values[i]
        other = kind_of(value)
        message = f"{value!r} is a {other}, not a {kind}" if other else f"unknown {kind} {value!r}"
        errors.add(
            table.file,
            offset + i,
            table.columns[column] + 1,
            ("organization", table.file.removesuffix(".csv"), offset + i, column),
            message,
        )
    array[array == -2] = NONE
    return array


def _empty(values: list[str], codes: npt.NDArray[np.int32]) -> list[int]:
    """Rows whose required reference is empty (they are coded as none, like unknown ones)."""
    return [i for i in np.flatnonzero(codes == NONE).tolist() if values[i] == ""]


def _read_ids(
    table: _Table,
    chunk: list[list[str]],
    offset: int,
    index: dict[str, int],
    others: Mapping[str, Mapping[str, int]],
    kind: str,
    errors: _Errors,
    make_ids: bool = False,
) -> list[str]:
    """The ids of a chunk, added to ``index``; bad and duplicate ids are errors."""
    ids = _column(chunk, table.columns["id"])
    if make_ids:
        ids = _make_ids(ids)
    column = table.columns["id"] + 1
    where = table.file.removesuffix(".csv")
    for i in _bad_ids(ids, allow_empty=False):
        errors.add(
            table.file,
            offset + i,
            column,
            ("organization", where, offset + i, "id"),
            _id_message(ids[i]),
        )
    before = len(index)
    setdefault = index.setdefault
    duplicates = [i for i, v in enumerate(ids) if setdefault(v, offset + i) != offset + i]
    for i in duplicates:
        errors.add(
            table.file,
            offset + i,
            column,
            ("organization", where, offset + i, "id"),
            f"duplicate {kind} id {ids[i]!r}",
        )
    del before
    for other_kind, other in others.items():
        if not other:
            continue
        small, large = (ids, other) if len(ids) <= len(other) else (list(other), set(ids))
        clash = {v for v in small if v in large}
        for i in (i for i, v in enumerate(ids) if v in clash):
            errors.add(
                table.file,
                offset + i,
                column,
                ("organization", where, offset + i, "id"),
                f"duplicate id {ids[i]!r}: already a {other_kind} "
                "(units, people and groups share ids)",
            )
    return ids


def _cycle_errors(
    parent: npt.NDArray[np.int32],
    ids: Sequence[str],
    table: _Table,
    column: str,
    kind: str,
    errors: _Errors,
) -> None:
    """Report every cycle of a parent array once, at the line of its first member in file order."""
    on_cycle = _cycle_members(parent)
    if not on_cycle.any():
        return
    reported = np.zeros(len(parent), dtype=np.bool_)
    where = table.file.removesuffix(".csv")
    for start in np.flatnonzero(on_cycle).tolist():
        if reported[start]:
            continue
        cycle = [start]
        reported[start] = True
        node = int(parent[start])
        while node != start:
            cycle.append(node)
            reported[node] = True
            node = int(parent[node])
        chain = " -> ".join(ids[c] for c in [*cycle, start])
        errors.add(
            table.file,
            start,
            table.columns[column] + 1,
            ("organization", where, start, column),
            f"{kind} cycle: {chain}",
        )


def _cycle_members(parent: npt.NDArray[np.int32]) -> npt.NDArray[np.bool_]:
    """Which nodes lie on a cycle of ``parent`` (``-1`` = root), by pointer jumping."""
    n = len(parent)
    if n == 0:
        return np.zeros(0, dtype=np.bool_)
    nodes = np.arange(n, dtype=np.int32)
    step = np.where(parent < 0, nodes, parent).astype(np.int32)
    far = step.copy()
    for _ in range(max(1, int(n).bit_length()) + 1):
        far = far[far]
    # far is now 2^k >= n steps ahead: a root (fixed point) or a node on a cycle
    stuck = far[step[far] != far]
    members: npt.NDArray[np.bool_] = np.asarray(parent == nodes, dtype=np.bool_)  # self-loops
    if len(stuck) == 0:
        return members
    # walk each cycle from one landing node (cycles are disjoint; few and small in practice)
    for start in np.unique(stuck).tolist():
        if members[start]:
            continue
        node = start
        while not members[node]:
            members[node] = True
            node = int(step[node])
    return members


def _read_list(values: list[str]) -> list[list[str]]:
    return [[s.strip() for s in v.split(";") if s.strip()] if v else [] for v in values]


def _check_list_ids(
    rows: list[list[str]], table: _Table, column: str, offset: int, errors: _Errors
) -> None:
    match = _SLUG.match
    where = table.file.removesuffix(".csv")
    for i, row in enumerate(rows):
        for value in row:
            if match(value) is None:
                errors.add(
                    table.file,
                    offset + i,
                    table.columns[column] + 1,
                    ("organization", where, offset + i, column),
                    _id_message(value),
                )


def read_tables(
    folder: Path,
    *,
    mapping: ColumnMapping | None = None,
    attributes: bool = True,
    engine: Literal["auto", "arrow", "python"] = "auto",
) -> OrgTables:
    """Read a CSV folder into compact arrays, streaming.

    Args:
        folder: the folder holding ``people.csv`` and the other files.
        mapping: how the export's columns map to ours (see :data:`PRESETS`).
        attributes: keep the columns the format does not know (set to ``False`` to save
            memory when only the analyses are wanted).
        engine: ``"python"`` reads with the csv module, in chunks; ``"arrow"`` with
            pyarrow's multi-threaded parser (several times faster; needs pyarrow); a
            folder the Arrow engine cannot vouch for (any error, any oddity) is read
            again by the Python engine, which reports the errors. ``"auto"`` uses Arrow
            when pyarrow is installed.

    Returns:
        The organisation as :class:`~estrategy.org.tables.OrgTables`.

    Raises:
        LoadError: every problem of the folder, each with its file, line and column.
        OSError: the folder or a file cannot be read.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise LoadError([FileError(str(folder), None, None, (), "not a folder")])
    if engine not in ("auto", "arrow", "python"):
        raise ValueError(f"engine must be 'auto', 'arrow' or 'python', got {engine!r}")
    if engine == "arrow" or (engine == "auto" and _arrow_available()):
        try:
            return _read_arrow(folder, mapping, attributes)
        except _Fallback:
            pass
    errors = _Errors(folder)
    stack: list[object] = []
    # Millions of short-lived lists make the cyclic collector rescan the heap again and
    # again (a quarter of the time at a million people); nothing read here forms cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(folder, mapping, attributes, errors, stack)
    finally:
        if collecting:
            gc.enable()
        for handle in stack:
            handle.close()  # type: ignore[attr-defined]


def _read(
    folder: Path,
    mapping: ColumnMapping | None,
    keep_attributes: bool,
    errors: _Errors,
    stack: list[object],
) -> OrgTables:
    name, size = _read_meta(folder, errors)
    unit_index: dict[str, int] = {}
    person_index: dict[str, int] = {}
    group_index: dict[str, int] = {}
    indexes = {"unit": unit_index, "person": person_index, "group": group_index}

    def namespace(value: str) -> str | None:
        return next((kind for kind, index in indexes.items() if value in index), None)

    attributes: dict[str, dict[str, list[str]]] = {}
    derive_units = mapping is not None and not (folder / "units.csv").exists()

    # units
    unit_ids: list[str] = []
    unit_names: list[str] = []
    unit_parent_text: list[str] = []
    units = None
    if not derive_units:
        units = _open_table(
            folder, "units.csv", errors, {}, COLUMNS["units"], _REQUIRED["units"], True, stack
        )
    if units is not None:
        for chunk in _chunks(units, len(units.header)):
            offset = len(unit_ids)
            unit_ids += _read_ids(units, chunk, offset, unit_index, {}, "unit", errors)
            unit_names += _column(chunk, units.columns.get("name"))
            parents = _column(chunk, units.columns.get("parent"))
            for i in _bad_ids(parents, allow_empty=True):
                errors.add(
                    units.file,
                    offset + i,
                    units.columns["parent"] + 1,
                    ("organization", "units", offset + i, "parent"),
                    _id_message(parents[i]),
                )
            unit_parent_text += parents
            if keep_attributes:
                _keep(attributes, "unit", units, chunk, offset)

    # people
    renames = dict(mapping.people) if mapping is not None else {}
    people_file = mapping.people_file if mapping is not None else "people.csv"
    known = list(COLUMNS["people"])
    if derive_units and mapping is not None and mapping.unit_parent:
        renames["unit_parent"] = mapping.unit_parent
        known.append("unit_parent")
    people = _open_table(
        folder, people_file, errors, renames, known, _REQUIRED["people"], False, stack
    )
    person_ids: list[str] = []
    person_names: list[str] = []
    unit_parts: list[npt.NDArray[np.int32]] = []
    manager_text: list[list[str]] = []
    supervisor_text: list[list[str]] = []
    external_parts: list[npt.NDArray[np.bool_]] = []
    dm_parts: list[npt.NDArray[np.bool_]] = []
    role_rows: list[list[str]] = []
    skill_rows: list[list[str]] = []
    derived_parent: dict[str, str] = {}
    make = mapping is not None and mapping.make_ids

    def refs(values: list[str]) -> list[str]:
        return _make_ids(values) if make else values

    if people is not None:
        has = people.columns
        for chunk in _chunks(people, len(people.header)):
            offset = len(person_ids)
            ids = _read_ids(
                people, chunk, offset, person_index, {"unit": unit_index}, "person", errors, make
            )
            person_ids += ids
            person_names += _column(chunk, has.get("name"))
            unit_text = _column(chunk, has.get("unit"))
            unit_values = refs(unit_text)
            if derive_units:
                parent_text = _column(chunk, has.get("unit_parent"))
                _derive_units(
                    unit_values,
                    refs(parent_text),
                    unit_index,
                    unit_ids,
                    unit_names,
                    unit_parent_text,
                    derived_parent,
                    (unit_text, parent_text),
                    people,
                    offset,
                    errors,
                )
            else:
                for i in _bad_ids(unit_values, allow_empty=True):
                    errors.add(
                        people.file,
                        offset + i,
                        has["unit"] + 1,
                        ("organization", "people", offset + i, "unit"),
                        _id_message(unit_values[i]),
                    )
            unit_parts.append(
                _ref_codes(
                    unit_values, unit_index, "unit", people, "unit", offset, errors, namespace
                )
                if "unit" in has
                else np.full(len(chunk), NONE, dtype=np.int32)
            )
            # managers may appear later in the file: resolve after the last chunk
            manager_text.append(refs(_column(chunk, has.get("manager"))))
            supervisor_text.append(refs(_column(chunk, has.get("supervisor"))))
            external_parts.append(
                _booleans(_column(chunk, has["external"]), people, "external", offset, errors)
                if "external" in has
                else np.zeros(len(chunk), dtype=np.bool_)
            )
            dm_parts.append(
                _booleans(
                    _column(chunk, has["decision_maker"]), people, "decision_maker", offset, errors
                )
                if "decision_maker" in has
                else np.zeros(len(chunk), dtype=np.bool_)
            )
            if "roles" in has:
                rows = _read_list(_column(chunk, has["roles"]))
                _check_list_ids(rows, people, "roles", offset, errors)
                role_rows += rows
            else:
                role_rows += [[] for _ in chunk]
            if "skills" in has:
                rows = _read_list(_column(chunk, has["skills"]))
                _check_list_ids(rows, people, "skills", offset, errors)
                skill_rows += rows
            else:
                skill_rows += [[] for _ in chunk]
            if keep_attributes:
                _keep(attributes, "person", people, chunk, offset)
    n_people = len(person_ids)

    def person_refs(parts: list[list[str]], column: str) -> npt.NDArray[np.int32]:
        if people is None or column not in people.columns:
            return np.full(n_people, NONE, dtype=np.int32)
        out: list[npt.NDArray[np.int32]] = []
        offset = 0
        for values in parts:
            for i in _bad_ids(values, allow_empty=True):
                errors.add(
                    people.file,
                    offset + i,
                    people.columns[column] + 1,
                    ("organization", "people", offset + i, column),
                    _id_message(values[i]),
                )
            out.append(
                _ref_codes(
                    values, person_index, "person", people, column, offset, errors, namespace
                )
            )
            offset += len(values)
        return np.concatenate(out) if out else np.zeros(0, dtype=np.int32)

    person_manager = person_refs(manager_text, "manager")
    del manager_text
    person_supervisor = person_refs(supervisor_text, "supervisor")
    del supervisor_text

    # unit parents (after the units, since a parent may come later in the file)
    if units is not None:
        unit_parent = _ref_codes(
            unit_parent_text, unit_index, "unit", units, "parent", 0, errors, namespace
        )
        _cycle_errors(unit_parent, unit_ids, units, "parent", "unit parent", errors)
    else:
        unit_parent = np.asarray(
            [unit_index.get(p, NONE) if p else NONE for p in unit_parent_text], dtype=np.int32
        )
    if people is not None and "manager" in people.columns:
        _cycle_errors(person_manager, person_ids, people, "manager", "manager", errors)

    # groups
    group_ids: list[str] = []
    group_names: list[str] = []
    group_kind: list[int] = []
    group_objective: list[str | None] = []
    group_deadline: list[str | None] = []
    groups = _open_table(
        folder, "groups.csv", errors, {}, COLUMNS["groups"], _REQUIRED["groups"], True, stack
    )
    kinds = {k.value: i for i, k in enumerate(GROUP_KINDS)}
    if groups is not None:
        has = groups.columns
        for chunk in _chunks(groups, len(groups.header)):
            offset = len(group_ids)
            group_ids += _read_ids(
                groups,
                chunk,
                offset,
                group_index,
                {"unit": unit_index, "person": person_index},
                "group",
                errors,
            )
            group_names += _column(chunk, has.get("name"))
            for i, value in enumerate(_column(chunk, has.get("kind"))):
                code = kinds.get(value or GroupKind.PROJECT.value)
                if code is None:
                    errors.add(
                        groups.file,
                        offset + i,
                        has["kind"] + 1,
                        ("organization", "groups", offset + i, "kind"),
                        f"unknown group kind {value!r}; known: {', '.join(kinds)}",
                    )
                    code = 0
                group_kind.append(code)
            group_objective += [v or None for v in _column(chunk, has.get("objective"))]
            for i, value in enumerate(_column(chunk, has.get("deadline"))):
                if value:
                    try:
                        dt.date.fromisoformat(value)
                        if len(value) != 10:
                            raise ValueError(value)
                    except ValueError:
                        errors.add(
                            groups.file,
                            offset + i,
                            has["deadline"] + 1,
                            ("organization", "groups", offset + i, "deadline"),
                            f"expected a date YYYY-MM-DD, got {value!r}",
                        )
                group_deadline.append(value or None)
            if keep_attributes:
                _keep(attributes, "group", groups, chunk, offset)

    # memberships
    member_group: list[npt.NDArray[np.int32]] = []
    member_person: list[npt.NDArray[np.int32]] = []
    memberships = _open_table(
        folder,
        "memberships.csv",
        errors,
        {},
        COLUMNS["memberships"],
        _REQUIRED["memberships"],
        True,
        stack,
    )
    if memberships is not None:
        offset = 0
        for chunk in _chunks(memberships, len(memberships.header)):
            for column, index, kind, out in (
                ("group", group_index, "group", member_group),
                ("person", person_index, "person", member_person),
            ):
                values = _column(chunk, memberships.columns[column])
                codes = _ref_codes(
                    values, index, kind, memberships, column, offset, errors, namespace
                )
                for i in _empty(values, codes):
                    errors.add(
                        memberships.file,
                        offset + i,
                        memberships.columns[column] + 1,
                        ("organization", "memberships", offset + i, column),
                        f"missing {kind}",
                    )
                out.append(codes)
            offset += len(chunk)

    # ties
    tie_source: list[npt.NDArray[np.int32]] = []
    tie_target: list[npt.NDArray[np.int32]] = []
    tie_esn: list[npt.NDArray[np.bool_]] = []
    tie_weight: list[npt.NDArray[np.float64]] = []
    ties = _open_table(
        folder, "ties.csv", errors, {}, COLUMNS["ties"], _REQUIRED["ties"], True, stack
    )
    if ties is not None:
        has = ties.columns
        offset = 0
        for chunk in _chunks(ties, len(ties.header)):
            for column, out in (("source", tie_source), ("target", tie_target)):
                values = _column(chunk, has[column])
                codes = _ref_codes(
                    values, person_index, "person", ties, column, offset, errors, namespace
                )
                for i in _empty(values, codes):
                    errors.add(
                        ties.file,
                        offset + i,
                        has[column] + 1,
                        ("organization", "ties", offset + i, column),
                        f"missing {column}",
                    )
                out.append(codes)
            kinds_text = _column(chunk, has.get("kind"))
            esn = np.fromiter(map("esn".__eq__, kinds_text), dtype=np.bool_, count=len(chunk))
            known_kinds = {"esn", "collaboration", ""}
            for i, k in enumerate(kinds_text if not set(kinds_text) <= known_kinds else ()):
                if k not in known_kinds:
                    errors.add(
                        ties.file,
                        offset + i,
                        has["kind"] + 1,
                        ("organization", "ties", offset + i, "kind"),
                        f"unknown tie kind {k!r}; known: collaboration, esn",
                    )
            tie_esn.append(esn)
            tie_weight.append(_weights(_column(chunk, has.get("weight")), ties, offset, errors))
            offset += len(chunk)

    errors.raise_if_any()
    attributes_out: dict[str, dict[str, list[str]]] = attributes
    return OrgTables(
        name=name,
        size=size,
        unit_ids=tuple(unit_ids),
        unit_names=tuple(unit_names),
        unit_parent=unit_parent,
        person_ids=tuple(person_ids),
        person_names=tuple(person_names),
        person_unit=_concat(unit_parts, np.int32),
        person_manager=person_manager,
        person_supervisor=person_supervisor,
        person_external=_concat(external_parts, np.bool_),
        person_decision_maker=_concat(dm_parts, np.bool_),
        roles=CodeList.from_rows(role_rows),
        skills=CodeList.from_rows(skill_rows),
        group_ids=tuple(group_ids),
        group_names=tuple(group_names),
        group_kind=np.asarray(group_kind, dtype=np.int8),
        group_objective=tuple(group_objective),
        group_deadline=tuple(group_deadline),
        member_group=_concat(member_group, np.int32),
        member_person=_concat(member_person, np.int32),
        tie_source=_concat(tie_source, np.int32),
        tie_target=_concat(tie_target, np.int32),
        tie_esn=_concat(tie_esn, np.bool_),
        tie_weight=_concat(tie_weight, np.float64),
        attributes=attributes_out,
    )


_T = TypeVar("_T", bound=np.generic)


def _concat(parts: Sequence[npt.NDArray[_T]], dtype: type[_T]) -> npt.NDArray[_T]:
    if not parts:
        return np.zeros(0, dtype=dtype)
    return np.concatenate(parts).astype(dtype, copy=False)


def _keep(
    attributes: dict[str, dict[str, list[str]]],
    kind: str,
    table: _Table,
    chunk: list[list[str]],
    offset: int,
) -> None:
    if not table.extra:
        return
    store = attributes.setdefault(kind, {})
    for name, position in table.extra:
        column = store.setdefault(name, [""] * offset)
        column += [row[position] for row in chunk]


def _derive_units(
    unit_values: list[str],
    parent_values: list[str],
    unit_index: dict[str, int],
    unit_ids: list[str],
    unit_names: list[str],
    unit_parent_text: list[str],
    derived_parent: dict[str, str],
    labels: tuple[list[str], list[str]],
    table: _Table,
    offset: int,
    errors: _Errors,
) -> None:
    """Create the units a mapped people file names (and their parents) on first sight.

    A unit's name is the text of the export (``labels``), its id that text made an id.
    """
    rows = zip(unit_values, parent_values, *labels, strict=True)
    for i, (unit, parent, unit_label, parent_label) in enumerate(rows):
        for value, label in ((parent, parent_label), (unit, unit_label)):
            if value and value not in unit_index:
                if _SLUG.match(value) is None:
                    continue
                unit_index[value] = len(unit_ids)
                unit_ids.append(value)
                unit_names.append(label)
                unit_parent_text.append("")
        if unit and parent and unit in unit_index and parent in unit_index:
            known = derived_parent.setdefault(unit, parent)
            if known != parent:
                errors.add(
                    table.file,
                    offset + i,
                    None,
                    ("organization", "people", offset + i, "unit"),
                    f"unit {unit!r} is under {known!r} in an earlier row, under {parent!r} here",
                )
            elif unit != parent:
                unit_parent_text[unit_index[unit]] = parent


def _weights(
    values: list[str], table: _Table, offset: int, errors: _Errors
) -> npt.NDArray[np.float64]:
    try:
        weights = np.asarray([v or "1" for v in values], dtype=np.float64)
    except ValueError:
        weights = np.ones(len(values), dtype=np.float64)
        for i, v in enumerate(values):
            try:
                weights[i] = float(v or "1")
            except ValueError:
                weights[i] = math.nan
    bad = np.flatnonzero(~np.isfinite(weights) | (weights < 0))
    for i in bad.tolist():
        errors.add(
            table.file,
            offset + i,
            table.columns["weight"] + 1,
            ("organization", "ties", offset + i, "weight"),
            f"weight must be a finite number >= 0, got {values[i]!r}",
        )
    return weights


def _read_meta(folder: Path, errors: _Errors) -> tuple[str, OrganizationSize]:
    path = folder / "organization.toml"
    if not path.exists():
        return folder.name, OrganizationSize.SMALL
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        errors.add("organization.toml", None, None, (), f"not valid TOML: {exc}")
        return folder.name, OrganizationSize.SMALL
    for key in data:
        if key not in ("name", "size"):
            errors.add(
                "organization.toml",
                None,
                None,
                ("organization", key),
                "unknown key; known: name, size",
            )
    name = data.get("name", folder.name)
    if not isinstance(name, str):
        errors.add("organization.toml", None, None, ("organization", "name"), "must be a string")
        name = folder.name
    try:
        size = OrganizationSize(data.get("size", "small"))
    except ValueError:
        known = ", ".join(s.value for s in OrganizationSize)
        errors.add(
            "organization.toml",
            None,
            None,
            ("organization", "size"),
            f"unknown size {data.get('size')!r}; known: {known}",
        )
        size = OrganizationSize.SMALL
    return name, size


def tables_to_organization(tables: OrgTables, *, source: str | None = None) -> Organization:
    """Build the model's :class:`~estrategy.model.Organization` from compact arrays.

    Extra person columns become :attr:`~estrategy.model.Person.attributes` (empty cells
    are left out); extra unit and group columns have no place in the model and are dropped.

    Args:
        tables: the arrays.
        source: the path to record as the organisation's source.

    Returns:
        The organisation.
    """

    def ref(ids: Sequence[str], code: int) -> str | None:
        return None if code < 0 else ids[code]

    units = [
        Unit(id=u, name=n, parent=ref(tables.unit_ids, int(p)))
        for u, n, p in zip(
            tables.unit_ids, tables.unit_names, tables.unit_parent.tolist(), strict=True
        )
    ]
    extra = tables.attributes.get("person", {})
    people = []
    for i, pid in enumerate(tables.person_ids):
        people.append(
            Person(
                id=pid,
                name=tables.person_names[i],
                unit=ref(tables.unit_ids, int(tables.person_unit[i])),
                manager=ref(tables.person_ids, int(tables.person_manager[i])),
                roles=tables.roles.row(i),
                skills=tables.skills.row(i),
                external=bool(tables.person_external[i]),
                supervisor=ref(tables.person_ids, int(tables.person_supervisor[i])),
                decision_maker=bool(tables.person_decision_maker[i]),
                attributes=tuple((c, v[i]) for c, v in extra.items() if v[i] != ""),
            )
        )
    order = np.argsort(tables.member_group, kind="stable")
    bounds = np.searchsorted(tables.member_group[order], np.arange(tables.n_groups + 1))
    groups = []
    for g, gid in enumerate(tables.group_ids):
        members = tables.member_person[order[bounds[g] : bounds[g + 1]]]
        deadline = tables.group_deadline[g]
        groups.append(
            TransversalGroup(
                id=gid,
                name=tables.group_names[g],
                kind=GROUP_KINDS[int(tables.group_kind[g])],
                members=tuple(tables.person_ids[m] for m in members.tolist()),
                objective=tables.group_objective[g],
                deadline=None if deadline is None else dt.date.fromisoformat(deadline),
            )
        )
    ties = [
        Tie(
            source=tables.person_ids[s],
            target=tables.person_ids[t],
            kind=TieKind.ESN if e else TieKind.COLLABORATION,
            weight=w,
        )
        for s, t, e, w in zip(
            tables.tie_source.tolist(),
            tables.tie_target.tolist(),
            tables.tie_esn.tolist(),
            tables.tie_weight.tolist(),
            strict=True,
        )
    ]
    return Organization(
        name=tables.name,
        size=tables.size,
        units=units,
        people=people,
        groups=groups,
        ties=ties,
        source=source,
    )


def read_organization(folder: Path, *, mapping: ColumnMapping | None = None) -> Organization:
    r"""Read a CSV folder as the model's :class:`~estrategy.model.Organization`.

    For the analyses of a large export, prefer :func:`read_tables`, which never builds
    one object per person.

    Args:
        folder: the folder holding ``people.csv`` and the other files.
        mapping: how the export's columns map to ours (see :data:`PRESETS`).

    Returns:
        The organisation.

    Raises:
        LoadError: every problem of the folder, each with its file, line and column.

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "people.csv").write_text("id,manager\nboss,\nann,boss\n")
        >>> [p.manager for p in read_organization(folder).people]
        [None, 'boss']
    """
    return tables_to_organization(read_tables(Path(folder), mapping=mapping))


def write_folder(organization: Organization | OrgTables, folder: Path) -> None:
    """Write an organisation as a CSV folder that :func:`read_tables` reads back.

    Args:
        organization: the organisation (model or arrays).
        folder: the folder to write into (created if needed; files are replaced).
    """
    from estrategy.org.tables import tables_from_organization

    tables = (
        organization
        if isinstance(organization, OrgTables)
        else tables_from_organization(organization)
    )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)

    def ref(ids: Sequence[str], code: int) -> str:
        return "" if code < 0 else ids[code]

    def write(
        file: str, header: Sequence[str], rows: Callable[[], Iterator[Sequence[object]]]
    ) -> None:
        target = folder / file
        temporary = target.with_suffix(".csv.tmp")
        with temporary.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows())
        temporary.replace(target)

    unit_extra = list(tables.attributes.get("unit", {}).items())
    write(
        "units.csv",
        [*COLUMNS["units"], *(c for c, _ in unit_extra)],
        lambda: (
            (u, tables.unit_names[i], ref(tables.unit_ids, p), *(v[i] for _, v in unit_extra))
            for i, (u, p) in enumerate(
                zip(tables.unit_ids, tables.unit_parent.tolist(), strict=True)
            )
        ),
    )
    person_extra = list(tables.attributes.get("person", {}).items())
    flag = {True: "true", False: "false"}
    write(
        "people.csv",
        [*COLUMNS["people"], *(c for c, _ in person_extra)],
        lambda: (
            (
                pid,
                tables.person_names[i],
                ref(tables.unit_ids, u),
                ref(tables.person_ids, m),
                ";".join(tables.roles.row(i)),
                ";".join(tables.skills.row(i)),
                flag[e],
                ref(tables.person_ids, s),
                flag[d],
                *(v[i] for _, v in person_extra),
            )
            for i, (pid, u, m, e, s, d) in enumerate(
                zip(
                    tables.person_ids,
                    tables.person_unit.tolist(),
                    tables.person_manager.tolist(),
                    tables.person_external.tolist(),
                    tables.person_supervisor.tolist(),
                    tables.person_decision_maker.tolist(),
                    strict=True,
                )
            )
        ),
    )
    group_extra = list(tables.attributes.get("group", {}).items())
    write(
        "groups.csv",
        [*COLUMNS["groups"], *(c for c, _ in group_extra)],
        lambda: (
            (
                gid,
                tables.group_names[i],
                GROUP_KINDS[int(tables.group_kind[i])].value,
                tables.group_objective[i] or "",
                tables.group_deadline[i] or "",
                *(v[i] for _, v in group_extra),
            )
            for i, gid in enumerate(tables.group_ids)
        ),
    )
    write(
        "memberships.csv",
        COLUMNS["memberships"],
        lambda: (
            (tables.group_ids[g], tables.person_ids[p])
            for g, p in zip(
                tables.member_group.tolist(), tables.member_person.tolist(), strict=True
            )
        ),
    )
    write(
        "ties.csv",
        COLUMNS["ties"],
        lambda: (
            (tables.person_ids[s], tables.person_ids[t], "esn" if e else "collaboration", repr(w))
            for s, t, e, w in zip(
                tables.tie_source.tolist(),
                tables.tie_target.tolist(),
                tables.tie_esn.tolist(),
                tables.tie_weight.tolist(),
                strict=True,
            )
        ),
    )
    toml = folder / "organization.toml"
    toml.write_text(
        f'name = {_toml_string(tables.name)}\nsize = "{tables.size.value}"\n', encoding="utf-8"
    )


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


# --- the Arrow engine -------------------------------------------------------------------
#
# With pyarrow installed, clean folders are read by Arrow's multi-threaded CSV parser and
# ids are coded by its hash tables (``index_in``): several times faster than the csv
# module, and still no Python object per cell. The Arrow path only accepts what it can
# check in bulk; on the first anomaly (a bad id, an unknown reference, a ragged row, a
# mapping that derives units...) it gives up and the Python engine reads the folder
# again, so every error is reported by one implementation, with its line and column.


class _Fallback(Exception):
    """The Arrow engine met something only the Python engine reports properly."""


def _arrow_available() -> bool:
    from importlib.util import find_spec

    return find_spec("pyarrow") is not None


def _read_arrow(folder: Path, mapping: ColumnMapping | None, keep_attributes: bool) -> OrgTables:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    if mapping is not None and (mapping.make_ids or not (folder / "units.csv").exists()):
        raise _Fallback
    errors = _Errors(folder)
    name, size = _read_meta(folder, errors)
    if len(errors):
        raise _Fallback
    slug = r"^[A-Za-z0-9][A-Za-z0-9_.:@/+-]*$"

    def table(
        file: str, renames: Mapping[str, str], optional: bool
    ) -> tuple[Any, dict[str, int], list[tuple[str, int]]] | None:
        known = COLUMNS[file.removesuffix(".csv")] if file != mapping_file else COLUMNS["people"]
        required = (
            _REQUIRED[file.removesuffix(".csv")] if file != mapping_file else _REQUIRED["people"]
        )
        stack: list[object] = []
        try:
            opened = _open_table(folder, file, errors, renames, known, required, optional, stack)
        finally:
            for handle in stack:
                handle.close()  # type: ignore[attr-defined]
        if len(errors):
            raise _Fallback
        if opened is None:
            return None
        try:
            data = pacsv.read_csv(
                folder / file,
                parse_options=pacsv.ParseOptions(newlines_in_values=True),
                convert_options=pacsv.ConvertOptions(
                    column_types={h: pa.string() for h in opened.header},
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )
        except (pa.ArrowInvalid, UnicodeDecodeError):
            raise _Fallback from None
        if data.num_columns != len(opened.header):
            raise _Fallback
        columns = [data.column(i) for i in range(data.num_columns)]
        return columns, opened.columns, opened.extra

    mapping_file = mapping.people_file if mapping is not None else "people.csv"

    def column(t: tuple[Any, dict[str, int], Any], name: str) -> Any:
        columns, positions, _ = t
        position = positions.get(name)
        if position is None:
            return None
        if name in ("name", "objective"):
            # what the csv module's skipinitialspace does; ids with spaces fall back
            return pc.utf8_ltrim(columns[position], characters=" ")
        return columns[position]

    def ids_of(values: Any) -> Any:
        if values is None or pc.all(pc.match_substring_regex(values, slug)).as_py() is False:
            raise _Fallback
        if pc.count_distinct(values).as_py() != len(values):
            raise _Fallback
        return values.combine_chunks()

    def codes(values: Any, ids: Any, *, required: bool = False) -> npt.NDArray[np.int32]:
        if values is None:
            return np.zeros(0, dtype=np.int32)
        coded = pc.index_in(values, value_set=ids)
        if coded.null_count:
            # "" is never an id, so every empty cell is a null too: when the nulls
            # outnumber the empty cells, or a required cell is empty, some reference is
            # unknown or missing, for the Python engine to report
            if required or coded.null_count != pc.sum(pc.equal(values, "")).as_py():
                raise _Fallback
            coded = pc.fill_null(coded, NONE)
        return np.asarray(coded.to_numpy(zero_copy_only=False), dtype=np.int32)

    def booleans(values: Any, n: int) -> npt.NDArray[np.bool_]:
        if values is None:
            return np.zeros(n, dtype=np.bool_)
        if not set(pc.unique(values).to_pylist()) <= _TRUE | _FALSE:
            raise _Fallback
        return np.asarray(
            pc.is_in(values, value_set=pa.array(sorted(_TRUE))).to_numpy(zero_copy_only=False),
            dtype=np.bool_,
        )

    def code_list(values: Any, n: int) -> CodeList:
        if values is None:
            return CodeList((), np.zeros(n + 1, dtype=np.int64), np.zeros(0, dtype=np.int32))
        parts = pc.split_pattern(values.combine_chunks(), ";")
        flat = pc.utf8_trim_whitespace(pc.list_flatten(parts))
        owner = pc.list_parent_indices(parts).to_numpy(zero_copy_only=False)
        keep = pc.not_equal(flat, "")
        flat = pc.filter(flat, keep)
        owner = owner[np.asarray(keep.to_numpy(zero_copy_only=False), dtype=np.bool_)]
        if len(flat) and not pc.all(pc.match_substring_regex(flat, slug)).as_py():
            raise _Fallback
        encoded = pc.dictionary_encode(flat)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(owner, minlength=n), out=indptr[1:])
        return CodeList(
            tuple(encoded.dictionary.to_pylist()),
            indptr,
            np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int32),
        )

    def extras(t: tuple[Any, dict[str, int], list[tuple[str, int]]]) -> dict[str, list[str]]:
        columns, _, extra = t
        return {
            name: pc.utf8_ltrim(columns[position], characters=" ").to_pylist()
            for name, position in extra
        }

    attributes: dict[str, dict[str, list[str]]] = {}
    empty_ids = pa.array([], type=pa.string())

    units_t = table("units.csv", {}, True)
    unit_ids = ids_of(column(units_t, "id")) if units_t else empty_ids
    unit_parent = (
        codes(column(units_t, "parent"), unit_ids) if units_t else np.zeros(0, dtype=np.int32)
    )
    if units_t and column(units_t, "parent") is None:
        unit_parent = np.full(len(unit_ids), NONE, dtype=np.int32)
    if _cycle_members(unit_parent).any():
        raise _Fallback

    people_t = table(mapping_file, dict(mapping.people) if mapping else {}, False)
    if people_t is None:
        raise _Fallback
    person_ids = ids_of(column(people_t, "id"))
    n = len(person_ids)
    if len(unit_ids) and pc.any(pc.is_in(person_ids, value_set=unit_ids)).as_py():
        raise _Fallback

    def person_refs(name: str, ids: Any) -> npt.NDArray[np.int32]:
        values = column(people_t, name)
        if values is None:
            return np.full(n, NONE, dtype=np.int32)
        return codes(values, ids)

    person_unit = person_refs("unit", unit_ids)
    person_manager = person_refs("manager", person_ids)
    person_supervisor = person_refs("supervisor", person_ids)
    if _cycle_members(person_manager).any():
        raise _Fallback
    names = column(people_t, "name")

    groups_t = table("groups.csv", {}, True)
    group_kind: list[int] = []
    group_objective: list[str | None] = []
    group_deadline: list[str | None] = []
    if groups_t:
        group_ids = ids_of(column(groups_t, "id"))
        taken = pa.concat_arrays([unit_ids, person_ids])
        if len(taken) and pc.any(pc.is_in(group_ids, value_set=taken)).as_py():
            raise _Fallback
        kinds = {k.value: i for i, k in enumerate(GROUP_KINDS)}
        count = len(group_ids)
        kind_text = column(groups_t, "kind")
        for value in kind_text.to_pylist() if kind_text is not None else [""] * count:
            if (value or GroupKind.PROJECT.value) not in kinds:
                raise _Fallback
            group_kind.append(kinds[value or GroupKind.PROJECT.value])
        objective = column(groups_t, "objective")
        group_objective = (
            [v or None for v in objective.to_pylist()] if objective is not None else [None] * count
        )
        deadline = column(groups_t, "deadline")
        for value in deadline.to_pylist() if deadline is not None else [""] * count:
            if value:
                try:
                    if len(value) != 10:
                        raise ValueError(value)
                    dt.date.fromisoformat(value)
                except ValueError:
                    raise _Fallback from None
            group_deadline.append(value or None)
        group_names = column(groups_t, "name")
        group_name_list = group_names.to_pylist() if group_names is not None else [""] * count
    else:
        group_ids = empty_ids
        group_name_list = []

    member_group = member_person = np.zeros(0, dtype=np.int32)
    memberships_t = table("memberships.csv", {}, True)
    if memberships_t:
        member_group = codes(column(memberships_t, "group"), group_ids, required=True)
        member_person = codes(column(memberships_t, "person"), person_ids, required=True)

    tie_source = tie_target = np.zeros(0, dtype=np.int32)
    tie_esn = np.zeros(0, dtype=np.bool_)
    tie_weight = np.zeros(0, dtype=np.float64)
    ties_t = table("ties.csv", {}, True)
    if ties_t:
        tie_source = codes(column(ties_t, "source"), person_ids, required=True)
        tie_target = codes(column(ties_t, "target"), person_ids, required=True)
        m = len(tie_source)
        kind_text = column(ties_t, "kind")
        if kind_text is not None:
            if not set(pc.unique(kind_text).to_pylist()) <= {"esn", "collaboration", ""}:
                raise _Fallback
            tie_esn = np.asarray(
                pc.equal(kind_text, "esn").to_numpy(zero_copy_only=False), dtype=np.bool_
            )
        else:
            tie_esn = np.zeros(m, dtype=np.bool_)
        weight_text = column(ties_t, "weight")
        if weight_text is not None:
            try:
                weights = pc.cast(weight_text, pa.float64())
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                # empty weights mean 1; anything else unreadable is for the Python engine
                try:
                    weights = pc.cast(
                        pc.if_else(pc.equal(weight_text, ""), "1", weight_text), pa.float64()
                    )
                except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                    raise _Fallback from None
            tie_weight = np.asarray(weights.to_numpy(zero_copy_only=False), dtype=np.float64)
            if not (np.isfinite(tie_weight).all() and (tie_weight >= 0).all()):
                raise _Fallback
        else:
            tie_weight = np.ones(m, dtype=np.float64)

    if keep_attributes:
        for kind, t in (("unit", units_t), ("person", people_t), ("group", groups_t)):
            if t is not None and t[2]:
                attributes[kind] = extras(t)
    person_id_list = tuple(person_ids.to_pylist())
    unit_names = column(units_t, "name") if units_t else None
    return OrgTables(
        name=name,
        size=size,
        unit_ids=tuple(unit_ids.to_pylist()),
        unit_names=tuple(unit_names.to_pylist())
        if unit_names is not None
        else ("",) * len(unit_ids),
        unit_parent=unit_parent,
        person_ids=person_id_list,
        person_names=tuple(names.to_pylist()) if names is not None else ("",) * n,
        person_unit=person_unit,
        person_manager=person_manager,
        person_supervisor=person_supervisor,
        person_external=booleans(column(people_t, "external"), n),
        person_decision_maker=booleans(column(people_t, "decision_maker"), n),
        roles=code_list(column(people_t, "roles"), n),
        skills=code_list(column(people_t, "skills"), n),
        group_ids=tuple(group_ids.to_pylist()),
        group_names=tuple(group_name_list),
        group_kind=np.asarray(group_kind, dtype=np.int8),
        group_objective=tuple(group_objective),
        group_deadline=tuple(group_deadline),
        member_group=member_group,
        member_person=member_person,
        tie_source=tie_source,
        tie_target=tie_target,
        tie_esn=tie_esn,
        tie_weight=tie_weight,
        attributes=attributes,
    )
