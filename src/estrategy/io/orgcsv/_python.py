"""The standard-library engine: the csv module, in chunks, every problem located.

Each file is read in chunks straight into integer-coded arrays; every problem of the
folder is collected, with its row and column, and reported at the end.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._cycles import _cycle_errors
from estrategy.io.orgcsv._errors import _Errors
from estrategy.io.orgcsv._ids import (
    _SLUG,
    _check_ids,
    _check_list_ids,
    _make_ids,
    _read_ids,
    _ref_codes,
)
from estrategy.io.orgcsv._links import _read_groups, _read_memberships, _read_ties
from estrategy.io.orgcsv._mapping import _REQUIRED, COLUMNS, ColumnMapping
from estrategy.io.orgcsv._meta import _read_meta
from estrategy.io.orgcsv._sections import People, Units, assemble
from estrategy.io.orgcsv._table import _chunks, _column, _concat, _keep, _open_table, _Table
from estrategy.io.orgcsv._values import (
    _flags,
    _read_list,
)
from estrategy.model.tables import NONE, OrgTables


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
                _check_ids(
                    unit_values, people, "unit", offset, errors, allow_empty=True, where="people"
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
            external_parts.append(_flags(people, chunk, "external", offset, errors))
            dm_parts.append(_flags(people, chunk, "decision_maker", offset, errors))
            for column, list_rows in (("roles", role_rows), ("skills", skill_rows)):
                if column in has:
                    rows = _read_list(_column(chunk, has[column]))
                    _check_list_ids(rows, people, column, offset, errors)
                    list_rows += rows
                else:
                    list_rows += [[] for _ in chunk]
            if keep_attributes:
                _keep(attributes, "person", people, chunk, offset)
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

    groups = _read_groups(folder, errors, stack, indexes, keep_attributes, attributes)
    memberships = _read_memberships(folder, errors, stack, indexes, namespace)
    ties = _read_ties(folder, errors, stack, person_index, namespace)

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
    )


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
