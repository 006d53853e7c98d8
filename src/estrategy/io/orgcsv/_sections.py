"""What each file of a folder contributes to the tables, and the one builder both engines end with.

Both engines (Arrow and the csv module) read the same files into the same sections;
:func:`assemble` turns the sections into :class:`~estrategy.model.tables.OrgTables`
through :func:`~estrategy.model.tables.build_tables`, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._notes import Notes
from estrategy.model import OrganizationSize
from estrategy.model.tables import CodeList, OrgTables, build_tables

I32 = npt.NDArray[np.int32]


class Units(NamedTuple):
    """``units.csv`` (or the units a mapped people file derives): ids, names, parents."""

    ids: Sequence[str]
    names: Sequence[str] | None
    parent: I32


class People(NamedTuple):
    """The people file: ids, names, unit, manager and supervisor codes, flags, lists."""

    ids: Sequence[str]
    names: Sequence[str] | None
    unit: I32
    manager: I32
    supervisor: I32
    external: npt.NDArray[np.bool_]
    decision_maker: npt.NDArray[np.bool_]
    roles: CodeList | Sequence[Sequence[str]]
    skills: CodeList | Sequence[Sequence[str]]


class Groups(NamedTuple):
    """``groups.csv``: ids, names, kind codes, objectives and deadlines."""

    ids: Sequence[str]
    names: Sequence[str] | None
    kind: Sequence[int]
    objective: Sequence[str | None]
    deadline: Sequence[str | None]


class Memberships(NamedTuple):
    """``memberships.csv``: the group and person code of each membership."""

    group: I32
    person: I32


class Ties(NamedTuple):
    """``ties.csv``: source and target codes, ESN flags and weights."""

    source: I32
    target: I32
    esn: npt.NDArray[np.bool_]
    weight: npt.NDArray[np.float64]


NO_GROUPS = Groups((), (), (), (), ())
"""The sections of a folder without ``groups.csv``."""


def assemble(
    meta: tuple[str, OrganizationSize],
    units: Units,
    people: People,
    groups: Groups,
    memberships: Memberships,
    ties: Ties,
    attributes: Mapping[str, Mapping[str, Sequence[str]]],
    notes: Notes,
) -> OrgTables:
    """The tables of a folder, from what each of its files gave, and the notes of its read."""
    name, size = meta
    return build_tables(
        name=name,
        size=size,
        unit_ids=units.ids,
        unit_names=units.names,
        unit_parent=units.parent,
        person_ids=people.ids,
        person_names=people.names,
        person_unit=people.unit,
        person_manager=people.manager,
        person_supervisor=people.supervisor,
        person_external=people.external,
        person_decision_maker=people.decision_maker,
        roles=people.roles,
        skills=people.skills,
        group_ids=groups.ids,
        group_names=groups.names,
        group_kind=groups.kind,
        group_objective=groups.objective,
        group_deadline=groups.deadline,
        member_group=memberships.group,
        member_person=memberships.person,
        tie_source=ties.source,
        tie_target=ties.target,
        tie_esn=ties.esn,
        tie_weight=ties.weight,
        attributes=attributes,
        notes=tuple(notes),
        not_given=frozenset(notes.missing),
    )
