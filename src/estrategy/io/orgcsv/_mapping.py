"""The columns of each file of a CSV folder, and how an HR export's columns map to ours."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path

import attrs

from estrategy.io.errors import FileError, LoadError

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
