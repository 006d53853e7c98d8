"""The organisation that carries the strategy out: units, people, groups, ties."""

from __future__ import annotations

import datetime as dt

import attrs

from estrategy.model._convert import to_pairs, to_tuple
from estrategy.model._memo import Memo
from estrategy.model.enums import GroupKind, OrganizationSize, TieKind
from estrategy.model.suppression import Suppression
from estrategy.model.validators import (
    is_date,
    optional_slug,
    slug,
    slugs,
    tie_weight,
)

__all__ = ["Organization", "Person", "Tie", "TransversalGroup", "Unit"]


@attrs.frozen
class Unit:
    """A unit of the hierarchy (a direction, a department, a team).

    Attributes:
        id: unique among the organisation's units, people and groups.
        name: human-readable name.
        parent: id of the enclosing unit; ``None`` for a root unit.
        ignore: findings accepted on purpose about this element, each with its reason.
    """

    id: str = attrs.field(validator=slug)
    name: str = ""
    parent: str | None = attrs.field(default=None, validator=optional_slug)
    ignore: tuple[Suppression, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen
class Person:
    """A member of the organisation, or an external expert working for it.

    Attributes:
        id: unique among the organisation's units, people and groups.
        name: human-readable name.
        unit: the unit the person belongs to, if any.
        manager: the person's hierarchical manager, if any.
        roles: role kinds held (``community_manager``, ``digital_lead``, … or custom).
        skills: competence ids the person has (matched against actions and the role catalogue).
        external: an outside expert, agency or consultant rather than an employee.
        supervisor: for an external person, the internal person who supervises the work.
        decision_maker: whether field information reaching this person reaches a decision.
        attributes: extra facts kept from an HR export (column name to text).
        ignore: findings accepted on purpose about this element, each with its reason.

    Example:
        >>> Person(id="p-cm", name="Hugo", roles=["community_manager"]).roles
        ('community_manager',)
    """

    id: str = attrs.field(validator=slug)
    name: str = ""
    unit: str | None = attrs.field(default=None, validator=optional_slug)
    manager: str | None = attrs.field(default=None, validator=optional_slug)
    roles: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=slugs)
    skills: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=slugs)
    external: bool = False
    supervisor: str | None = attrs.field(default=None, validator=optional_slug)
    decision_maker: bool = False
    attributes: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=to_pairs)
    ignore: tuple[Suppression, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen
class TransversalGroup:
    """A group that gathers people across hierarchical lines.

    Attributes:
        id: unique among the organisation's units, people and groups.
        name: human-readable name.
        kind: project, community of practice, product/market/region direction, …
        members: ids of the people in the group.
        objective: what the group is for (free text, or the id of an objective).
        deadline: when a project group is due.
        ignore: findings accepted on purpose about this element, each with its reason.
    """

    id: str = attrs.field(validator=slug)
    name: str = ""
    kind: GroupKind = attrs.field(default=GroupKind.PROJECT, converter=GroupKind)
    members: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=slugs)
    objective: str | None = None
    deadline: dt.date | None = attrs.field(default=None, validator=is_date)
    ignore: tuple[Suppression, ...] = attrs.field(default=(), converter=to_tuple)


@attrs.frozen
class Tie:
    """A working tie between two people outside the hierarchy.

    Attributes:
        source: id of one person.
        target: id of the other person (ties are read as undirected by the analyses).
        kind: ``collaboration`` or ``esn`` (a tie through the enterprise social network).
        weight: strength of the tie (for example messages per week); 1 by default, at
            most :data:`~estrategy.model.validators.MAX_TIE_WEIGHT` (10¹²).
    """

    source: str = attrs.field(validator=slug)
    target: str = attrs.field(validator=slug)
    kind: TieKind = attrs.field(default=TieKind.COLLABORATION, converter=TieKind)
    weight: float = attrs.field(default=1.0, validator=tie_weight)


@attrs.frozen
class Organization(Memo):
    """The organisation that carries the strategy out.

    Attributes:
        name: the company's name.
        size: micro, small, medium, mid_cap or large.
        units: the units of the hierarchy.
        people: employees and external experts.
        groups: transversal groups.
        ties: ties between people.
        source: when the organisation was read from a folder of CSV files or a GraphML
            file, that path as written in the model file (relative to it), so that
            saving the model writes the reference back rather than the whole organisation.
    """

    name: str = ""
    size: OrganizationSize = attrs.field(default=OrganizationSize.SMALL, converter=OrganizationSize)
    units: tuple[Unit, ...] = attrs.field(default=(), converter=to_tuple)
    people: tuple[Person, ...] = attrs.field(default=(), converter=to_tuple)
    groups: tuple[TransversalGroup, ...] = attrs.field(default=(), converter=to_tuple)
    ties: tuple[Tie, ...] = attrs.field(default=(), converter=to_tuple)
    source: str | None = None
    # Derived data computed once per organisation (the analyses' compact arrays), shared by
    # check, assess and the org analyses of one run. Not part of the value: excluded from
    # equality, hashing and repr, and fresh in every evolved copy.
    _derived: dict[str, object] = attrs.field(
        factory=dict, init=False, eq=False, hash=False, repr=False
    )
