"""The columns of each file of a CSV folder, and how an HR export's columns map to ours."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from estrategy.io.toml import read_toml_file, structure
from estrategy.model.suggest import did_you_mean
from estrategy.model.validators import FieldValueError

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
        LoadError: the file is not valid TOML, names unknown keys or columns, or has
            a value of the wrong type; every problem located.
    """
    return _from_shape(structure(read_toml_file(path), _MappingFile))


def _people_columns(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    assert isinstance(value, Mapping)
    known = COLUMNS["people"]
    for ours in value:
        if ours not in known:
            raise FieldValueError(
                attribute.name,
                f"unknown column {ours!r}{did_you_mean(ours, known)}; known: {', '.join(known)}",
            )


@attrs.frozen
class _MappingFile:
    """The shape of a column-mapping file, checked by cattrs like a model file."""

    people: Mapping[str, str] = attrs.field(factory=dict, validator=_people_columns)
    unit_parent: str | None = None
    people_file: str = "people.csv"
    make_ids: bool = False


def _from_shape(shape: _MappingFile) -> ColumnMapping:
    return ColumnMapping(
        "custom", dict(shape.people), shape.unit_parent, shape.people_file, shape.make_ids
    )
