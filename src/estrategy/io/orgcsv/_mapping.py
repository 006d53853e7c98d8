"""The columns of each file of a CSV folder, and how an HR export's columns map to ours."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

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

REQUIRED_COLUMNS: Mapping[str, tuple[str, ...]] = {
    "units": ("id",),
    "people": ("id",),
    "groups": ("id",),
    "memberships": ("group", "person"),
    "ties": ("source", "target"),
}
"""The columns each file of the folder must have (only the people file is required)."""


TIE_PEOPLE = ("error", "add", "leave_out")
"""What to do with the people a ties file names and the people file does not have.

- ``error``: each is an unknown person (a plain CSV folder's rule);
- ``add``: they become people, with the attributes the ties file gives them (a
  collaboration query's ``PrimaryCollaborator_*`` and ``SecondaryCollaborator_*`` columns);
- ``leave_out``: they and their ties are left out, reported once with a count.
"""

Columns = Mapping[str, str | tuple[str, ...]]
"""Our column name to the export's: one name, or candidates of which the first present wins."""


def _frozen(
    value: Mapping[str, str | tuple[str, ...] | list[str]],
) -> Mapping[str, str | tuple[str, ...]]:
    return {k: v if isinstance(v, str) else tuple(v) for k, v in value.items()}


def _files(value: str | tuple[str, ...] | list[str]) -> str | tuple[str, ...]:
    return value if isinstance(value, str) else tuple(value)


@attrs.frozen
class ColumnMapping:
    """How the files and columns of an HR export map to ours.

    Attributes:
        name: the preset's name, or ``"custom"``.
        people: our people column to theirs (``{"id": "PersonId", "manager": "ManagerId"}``);
            a tuple lists candidates, the first present wins. ``date`` names a column
            giving each row's date: an export with one row per person and week (a
            workplace-analytics person query's ``MetricDate``) is read as the latest row
            of each person, up to the as-of date.
        unit_parent: a column of the people file holding the parent of each person's
            unit (SCIM ``division`` above ``department``); units are then derived from
            the people file.
        people_file: the name of the people file in the folder (or candidates; a
            ``.csv`` name also finds a ``.parquet`` file of the same stem).
        make_ids: turn the values of id-like columns into valid ids, in every file of
            the folder alike (people, units, groups, memberships, ties): accents dropped,
            runs of other characters made one ``-`` (``"Hélène Roux"`` becomes
            ``Helene-Roux``). Names keep the text as it is. Exports whose ids are names
            need it.
        ties: our tie column to theirs (``source``, ``target``, ``kind``, ``weight``,
            and ``date``: tie rows dated after the as-of date are left out).
        ties_file: the name of the ties file (or candidates).
        tie_people: what to do with people found only in the ties file (see
            :data:`TIE_PEOPLE`).
        tie_prefixes: the prefixes of the ties file's columns describing the source and
            the target person (``PrimaryCollaborator_`` and ``SecondaryCollaborator_``):
            a person added from the ties takes ``prefix + column`` for each column of
            the people file.
    """

    name: str = "custom"
    people: Columns = attrs.field(factory=dict, converter=_frozen)
    unit_parent: str | None = None
    people_file: str | tuple[str, ...] = attrs.field(default="people.csv", converter=_files)
    make_ids: bool = False
    ties: Columns = attrs.field(factory=dict, converter=_frozen)
    ties_file: str | tuple[str, ...] = attrs.field(default="ties.csv", converter=_files)
    tie_people: str = attrs.field(default="error", validator=attrs.validators.in_(TIE_PEOPLE))
    tie_prefixes: tuple[str, str] | None = None


PRESETS: Mapping[str, ColumnMapping] = {
    "chart": ColumnMapping(
        "chart", {"id": "Name", "name": "Name", "manager": "Reports_To"}, make_ids=True
    ),
    "chart-ids": ColumnMapping(
        "chart-ids", {"id": "PersonID", "name": "Name", "manager": "SupervisorID"}
    ),
    "workplace": ColumnMapping(
        "workplace",
        {
            "id": "PersonId",
            "manager": "ManagerId",
            "unit": "Organization",
            "date": "MetricDate",
        },
        people_file=("people.csv", "person_query.csv"),
        make_ids=True,
        ties={
            "source": "PrimaryCollaborator_PersonId",
            "target": "SecondaryCollaborator_PersonId",
            "weight": ("Collaboration_hours", "Meetings", "StrongTieScore"),
        },
        ties_file=("ties.csv", "collaboration_query.csv"),
        tie_people="add",
        tie_prefixes=("PrimaryCollaborator_", "SecondaryCollaborator_"),
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
- ``workplace``: a workplace-analytics person query (``people.csv`` or
  ``person_query.csv``): ``PersonId``, ``ManagerId``, ``Organization`` (the unit), one row
  per person and week (``MetricDate``, the latest row kept); and its collaboration
  (person-to-person) query as the ties (``ties.csv`` or ``collaboration_query.csv``):
  ``PrimaryCollaborator_PersonId``, ``SecondaryCollaborator_PersonId``, weighted by
  ``Collaboration_hours`` (else ``Meetings``, else ``StrongTieScore``); people found only
  there are added, with their ``PrimaryCollaborator_*``/``SecondaryCollaborator_*`` columns.
- ``scim``: SCIM enterprise-user fields, ``employeeNumber``, ``displayName``,
  ``department`` (the unit), ``division`` (the unit's parent) and ``manager``.
"""

DATE = "date"
"""The pseudo-column of a mapping naming each row's date (people and ties)."""


def read_mapping(path: Path) -> ColumnMapping:
    """Read a column mapping from a TOML file.

    The file holds a ``[people]`` table of our column names to the export's, optionally a
    ``[ties]`` table, and at the top ``unit_parent``, ``people_file``, ``make_ids``,
    ``ties_file``, ``tie_people``, ``source_prefix`` and ``target_prefix``::

        people_file = "employees.csv"
        unit_parent = "Division"
        make_ids = true
        [people]
        id = "EmployeeID"
        manager = "ManagerID"
        unit = "Department"
        date = "Week"          # several rows per person: the latest is read

    Args:
        path: the TOML file.

    Returns:
        The mapping.

    Raises:
        LoadError: the file is not valid TOML, names unknown keys or columns, or has
            a value of the wrong type; every problem located.
    """
    # the TOML reader (and cattrs behind it) only for a mapping file, not for a preset
    from estrategy.io.toml import read_toml_file, structure

    return _from_shape(structure(read_toml_file(path), _MappingFile))


def _known_columns(kind: str) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        assert isinstance(value, Mapping)
        known = (*COLUMNS[kind], DATE)
        for ours in value:
            if ours not in known:
                raise FieldValueError(
                    attribute.name,
                    f"unknown column {ours!r}{did_you_mean(ours, known)}; "
                    f"known: {', '.join(known)}",
                )

    return check


@attrs.frozen
class _MappingFile:
    """The shape of a column-mapping file, checked by cattrs like a model file."""

    people: Mapping[str, str] = attrs.field(factory=dict, validator=_known_columns("people"))
    unit_parent: str | None = None
    people_file: str = "people.csv"
    make_ids: bool = False
    ties: Mapping[str, str] = attrs.field(factory=dict, validator=_known_columns("ties"))
    ties_file: str = "ties.csv"
    tie_people: str = attrs.field(default="error", validator=attrs.validators.in_(TIE_PEOPLE))
    source_prefix: str | None = None
    target_prefix: str | None = None


def _from_shape(shape: _MappingFile) -> ColumnMapping:
    prefixes = None
    if shape.source_prefix is not None or shape.target_prefix is not None:
        prefixes = (shape.source_prefix or "", shape.target_prefix or "")
    return ColumnMapping(
        "custom",
        dict(shape.people),
        shape.unit_parent,
        shape.people_file,
        shape.make_ids,
        dict(shape.ties),
        shape.ties_file,
        shape.tie_people,
        prefixes,
    )
