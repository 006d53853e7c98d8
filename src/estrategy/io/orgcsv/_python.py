"""The standard-library engine: the csv module, in chunks, every problem located.

Each file is read in chunks straight into integer-coded arrays; every problem of the
folder is collected, with its row and column, and reported at the end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import compress

import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._cycles import _cycle_errors
from estrategy.io.orgcsv._errors import _Errors, excerpt
from estrategy.io.orgcsv._files import Place
from estrategy.io.orgcsv._ids import (
    _SLUG,
    _check_ids,
    _check_list_ids,
    _make_ids,
    _read_ids,
    _ref_codes,
)
from estrategy.io.orgcsv._links import _read_groups, _read_memberships, _read_ties
from estrategy.io.orgcsv._mapping import COLUMNS, DATE, REQUIRED_COLUMNS, ColumnMapping
from estrategy.io.orgcsv._meta import _read_meta
from estrategy.io.orgcsv._notes import (
    Notes,
    added_people_note,
    latest_rows_note,
    missing_column_notes,
)
from estrategy.io.orgcsv._sections import People, Units, assemble
from estrategy.io.orgcsv._table import _chunks, _column, _concat, _keep, _open_table, _Table
from estrategy.io.orgcsv._tiepeople import added_people_rows
from estrategy.io.orgcsv._values import _flags, _read_list
from estrategy.io.orgcsv._weekly import latest_rows, row_days
from estrategy.model.tables import NONE, OrgTables


def _identity(values: list[str]) -> list[str]:
    return values


def _read(
    place: Place,
    mapping: ColumnMapping | None,
    keep_attributes: bool,
    errors: _Errors,
    stack: list[object],
    as_of: dt.date | None,
) -> OrgTables:
    notes = Notes()
    name, size = _read_meta(place, errors)
    unit_index: dict[str, int] = {}
    person_index: dict[str, int] = {}
    group_index: dict[str, int] = {}
    indexes = {"unit": unit_index, "person": person_index, "group": group_index}

    def namespace(value: str) -> str | None:
        return next((kind for kind, index in indexes.items() if value in index), None)

    attributes: dict[str, dict[str, list[str]]] = {}
    make = mapping is not None and mapping.make_ids
    refs: Callable[[list[str]], list[str]] = _make_ids if make else _identity

    # units
    unit_ids: list[str] = []
    unit_names: list[str] = []
    unit_parent_text: list[str] = []
    units = _open_table(
        place, "units.csv", errors, {}, COLUMNS["units"], REQUIRED_COLUMNS["units"], True, stack
    )
    # a mapped people file without a units file derives the units from its unit column
    derive_units = mapping is not None and units is None
    if units is not None:
        for chunk in _chunks(units, len(units.header)):
            offset = len(unit_ids)
            unit_ids += _read_ids(units, chunk, offset, unit_index, {}, "unit", errors, make)
            unit_names += _column(chunk, units.columns.get("name"))
            parents = refs(_column(chunk, units.columns.get("parent")))
            _check_ids(parents, units, "parent", offset, errors, allow_empty=True)
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
        place, people_file, errors, renames, known, REQUIRED_COLUMNS["people"], False, stack
    )
    if people is not None and mapping is not None:
        missing_column_notes(people.file, people.columns, renames, "people", notes)
        if DATE in people.columns:
            _keep_latest_rows(people, errors, as_of, notes)
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

    def read_people(table: _Table, chunk: list[list[str]]) -> None:
        has = table.columns
        offset = len(person_ids)
        ids = _read_ids(
            table, chunk, offset, person_index, {"unit": unit_index}, "person", errors, make
        )
        person_ids.extend(ids)
        person_names.extend(_column(chunk, has.get("name")))
        unit_text = _column(chunk, has.get("unit"))
        unit_values = refs(unit_text)
        if derive_units:
            parent_text = _column(chunk, has.get("unit_parent"))
            _derive_units(
                unit_values,
                refs(parent_text),
                unit_index,
                (unit_ids, unit_names, unit_parent_text),
                derived_parent,
                (unit_text, parent_text),
                table,
                offset,
                errors,
            )
        else:
            _check_ids(unit_values, table, "unit", offset, errors, allow_empty=True, where="people")
        unit_parts.append(
            _ref_codes(unit_values, unit_index, "unit", table, "unit", offset, errors, namespace)
            if "unit" in has
            else np.full(len(chunk), NONE, dtype=np.int32)
        )
        # managers may appear later in the file: resolve after the last chunk
        manager_text.append(refs(_column(chunk, has.get("manager"))))
        supervisor_text.append(refs(_column(chunk, has.get("supervisor"))))
        external_parts.append(_flags(table, chunk, "external", offset, errors))
        dm_parts.append(_flags(table, chunk, "decision_maker", offset, errors))
        for column, list_rows in (("roles", role_rows), ("skills", skill_rows)):
            if column in has:
                rows = _read_list(_column(chunk, has[column]))
                _check_list_ids(rows, table, column, offset, errors)
                list_rows += rows
            else:
                list_rows += [[] for _ in chunk]
        if keep_attributes:
            _keep(attributes, "person", table, chunk, offset)

    if people is not None:
        for chunk in _chunks(people, len(people.header)):
            read_people(people, chunk)
        if mapping is not None and mapping.tie_people == "add":
            added = added_people_rows(place, mapping, people, person_index, errors, stack)
            if added:
                notes.add(added_people_note(len(added), added[0][1][0]))
                people.added_start = len(person_ids)
                people.added_from = [origin for _, origin in added]
                read_people(people, [row for row, _ in added])
    n_people = len(person_ids)

    def person_refs(parts: list[list[str]], column: str) -> npt.NDArray[np.int32]:
        if people is None or column not in people.columns:
            return np.full(n_people, NONE, dtype=np.int32)
        out: list[npt.NDArray[np.int32]] = []
        offset = 0
        for values in parts:
            _check_ids(values, people, column, offset, errors, allow_empty=True, where="people")
            out.append(
                _ref_codes(
                    values, person_index, "person", people, column, offset, errors, namespace
                )
            )
            offset += len(values)
        return np.concatenate(out) if out else np.zeros(0, dtype=np.int32)

    person_manager = person_refs(manager_text, "manager")
    manager_text.clear()
    person_supervisor = person_refs(supervisor_text, "supervisor")
    supervisor_text.clear()

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

    groups = _read_groups(place, errors, stack, indexes, keep_attributes, attributes, make)
    memberships = _read_memberships(place, errors, stack, indexes, namespace, refs)
    ties = _read_ties(place, mapping, errors, stack, person_index, namespace, refs, as_of, notes)

    errors.raise_if_any()
    people_section = People(
        person_ids,
        person_names,
        _concat(unit_parts, np.int32),
        person_manager,
        person_supervisor,
        _concat(external_parts, np.bool_),
        _concat(dm_parts, np.bool_),
        role_rows,
        skill_rows,
    )
    return assemble(
        (name, size),
        Units(unit_ids, unit_names, unit_parent),
        people_section,
        groups,
        memberships,
        ties,
        attributes,
        notes,
    )


def _keep_latest_rows(table: _Table, errors: _Errors, as_of: dt.date | None, notes: Notes) -> None:
    """Keep only each person's latest row (up to ``as_of``) of a table with a date column.

    The id and date columns are read first, in a pass of their own; the table's rows
    are then filtered as they stream.
    """
    from estrategy.io.orgcsv._columns import read_columns

    id_text, date_text = read_columns(table, ("id", DATE), errors)
    days, bad = row_days(date_text)
    for row in bad[:100]:
        errors.add(
            table.file,
            row,
            table.columns[DATE] + 1,
            ("organization", "people", row, DATE),
            f"expected a date (YYYY-MM-DD or M/D/YYYY), got {excerpt(date_text[row])}"
            if date_text[row]
            else "missing date",
        )
    index: dict[str, int] = {}
    codes = np.fromiter(
        (index.setdefault(v, len(index)) for v in id_text), dtype=np.int64, count=len(id_text)
    )
    kept = latest_rows(codes, days, as_of)
    mask = np.zeros(len(id_text), dtype=np.bool_)
    mask[kept] = True
    table.rows = compress(filter(None, table.rows), mask.tolist())
    table.origin = kept
    if len(kept) < len(id_text):
        when = None if as_of is None else as_of.isoformat()
        notes.add(latest_rows_note(table.file, len(id_text), len(index), when))


def _derive_units(
    unit_values: list[str],
    parent_values: list[str],
    unit_index: dict[str, int],
    units: tuple[list[str], list[str], list[str]],
    derived_parent: dict[str, str],
    labels: tuple[list[str], list[str]],
    table: _Table,
    offset: int,
    errors: _Errors,
) -> None:
    """Create the units a mapped people file names (and their parents) on first sight.

    A unit's name is the text of the export (``labels``), its id that text made an id.
    """
    unit_ids, unit_names, unit_parent_text = units
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
                file, row = table.where(offset + i)
                errors.add(
                    file,
                    row,
                    None,
                    ("organization", "people", offset + i, "unit"),
                    f"unit {unit!r} is under {known!r} in an earlier row, under {parent!r} here",
                )
            elif unit != parent:
                unit_parent_text[unit_index[unit]] = parent
