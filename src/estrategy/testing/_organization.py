"""Strategies for the organisation: units, people, transversal groups, ties.

:func:`organizations` draws whole, valid organisations (a forest of units, a forest of
managers, externals with or without a supervisor, groups and ties between existing
people); the other functions draw one object each, with references drawn from the
strategies you pass, so you can point them at ids you already have.
"""

from __future__ import annotations

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from estrategy.catalogue import default_catalogue
from estrategy.model import (
    GroupKind,
    Organization,
    OrganizationSize,
    Person,
    RoleKind,
    Tie,
    TieKind,
    TransversalGroup,
    Unit,
)
from estrategy.model.validators import MAX_TIE_WEIGHT
from estrategy.testing._validation import check_bounds, check_count, check_strategy
from estrategy.testing._values import slugs, texts

__all__ = [
    "competences",
    "organizations",
    "people",
    "roles",
    "ties",
    "transversal_groups",
    "units",
]

_EXTRA_COMPETENCES = (
    "social_selling",
    "crm_administration",
    "web_analytics",
    "copywriting",
    "sql",
    "accounting",
)


def _known_competences() -> list[str]:
    catalogue = default_catalogue()
    found = {c for role in catalogue.roles for c in catalogue.competences(role)}
    return sorted(found | set(_EXTRA_COMPETENCES))


def competences() -> SearchStrategy[str]:
    """Competence ids: mostly those of the default role catalogue, sometimes any id.

    Returns:
        A strategy of competence ids (for ``Person.skills`` and ``Action.competences``).
    """
    return st.one_of(st.sampled_from(_known_competences()), slugs())


def roles() -> SearchStrategy[str]:
    """Role kinds: mostly the library's :class:`~estrategy.model.RoleKind`, sometimes custom.

    Returns:
        A strategy of role ids.
    """
    return st.one_of(st.sampled_from([str(r) for r in RoleKind]), slugs())


def _optional(strategy: SearchStrategy[str]) -> SearchStrategy[str | None]:
    return st.one_of(st.none(), strategy)


def _text_or_default(text: SearchStrategy[str] | None) -> SearchStrategy[str]:
    return texts() if text is None else check_strategy("text", text)


def units(
    *,
    ids: SearchStrategy[str] | None = None,
    parent_ids: SearchStrategy[str | None] | None = None,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[Unit]:
    """One :class:`~estrategy.model.Unit`.

    Args:
        ids: the unit's id (default :func:`slugs`).
        parent_ids: its parent's id, or ``None`` for a root (default: either).
        text: free text for the name.

    Returns:
        A strategy of units whose references are *not* checked against anything.
    """
    return st.builds(
        Unit,
        id=slugs() if ids is None else check_strategy("ids", ids),
        name=_text_or_default(text),
        parent=_optional(slugs())
        if parent_ids is None
        else check_strategy("parent_ids", parent_ids),
    )


@st.composite
def _person(
    draw: st.DrawFn,
    ids: SearchStrategy[str],
    unit_ids: SearchStrategy[str | None],
    manager_ids: SearchStrategy[str | None],
    supervisor_ids: SearchStrategy[str | None],
    external: SearchStrategy[bool],
    role_ids: SearchStrategy[str],
    skill_ids: SearchStrategy[str],
    text: SearchStrategy[str],
) -> Person:
    is_external = draw(external)
    return Person(
        id=draw(ids),
        name=draw(text),
        unit=draw(unit_ids),
        manager=None if is_external else draw(manager_ids),
        roles=draw(st.lists(role_ids, max_size=3, unique=True)),
        skills=draw(st.lists(skill_ids, max_size=4, unique=True)),
        external=is_external,
        supervisor=draw(supervisor_ids) if is_external else None,
        decision_maker=draw(st.booleans()),
        attributes=draw(
            st.dictionaries(st.text(min_size=1, max_size=12), st.text(max_size=12), max_size=2)
        ),
    )


def people(
    *,
    ids: SearchStrategy[str] | None = None,
    unit_ids: SearchStrategy[str | None] | None = None,
    manager_ids: SearchStrategy[str | None] | None = None,
    supervisor_ids: SearchStrategy[str | None] | None = None,
    external: SearchStrategy[bool] | None = None,
    role_ids: SearchStrategy[str] | None = None,
    skill_ids: SearchStrategy[str] | None = None,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[Person]:
    """One :class:`~estrategy.model.Person`.

    An external person has no manager and may have a supervisor; an internal one has
    no supervisor and may have a manager. Some people carry HR ``attributes``.

    Args:
        ids: the person's id.
        unit_ids: their unit, or ``None``.
        manager_ids: their manager (internal people only), or ``None``.
        supervisor_ids: their supervisor (external people only), or ``None``.
        external: whether the person is external (default: about one in five).
        role_ids: each role held (default :func:`roles`).
        skill_ids: each skill held (default :func:`competences`).
        text: free text for the name and attributes.

    Returns:
        A strategy of people whose references are *not* checked against anything.
    """
    return _person(
        slugs() if ids is None else check_strategy("ids", ids),
        _optional(slugs()) if unit_ids is None else check_strategy("unit_ids", unit_ids),
        _optional(slugs()) if manager_ids is None else check_strategy("manager_ids", manager_ids),
        _optional(slugs())
        if supervisor_ids is None
        else check_strategy("supervisor_ids", supervisor_ids),
        st.integers(0, 4).map(lambda n: n == 0)
        if external is None
        else check_strategy("external", external),
        roles() if role_ids is None else check_strategy("role_ids", role_ids),
        competences() if skill_ids is None else check_strategy("skill_ids", skill_ids),
        _text_or_default(text),
    )


def transversal_groups(
    *,
    ids: SearchStrategy[str] | None = None,
    member_ids: SearchStrategy[str] | None = None,
    objectives: SearchStrategy[str | None] | None = None,
    max_members: int = 6,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[TransversalGroup]:
    """One :class:`~estrategy.model.TransversalGroup` of any kind.

    Args:
        ids: the group's id.
        member_ids: each member's id (members are distinct).
        objectives: what the group is for (text or an objective id), or ``None``.
        max_members: the most members drawn.
        text: free text for the name.

    Returns:
        A strategy of groups, with or without objective and deadline.
    """
    check_count("max_members", max_members)
    return st.builds(
        TransversalGroup,
        id=slugs() if ids is None else check_strategy("ids", ids),
        name=_text_or_default(text),
        kind=st.sampled_from(GroupKind),
        members=st.lists(
            slugs() if member_ids is None else check_strategy("member_ids", member_ids),
            max_size=max_members,
            unique=True,
        ),
        objective=_optional(texts())
        if objectives is None
        else check_strategy("objectives", objectives),
        deadline=st.none() | st.dates(),
    )


def ties(*, person_ids: SearchStrategy[str] | None = None) -> SearchStrategy[Tie]:
    """One :class:`~estrategy.model.Tie` between two *distinct* people.

    Args:
        person_ids: where both ends are drawn from; it must be able to give two
            different ids.

    Returns:
        A strategy of ties of either kind, with a weight from 0 to
        :data:`~estrategy.model.validators.MAX_TIE_WEIGHT`.
    """
    ends = slugs() if person_ids is None else check_strategy("person_ids", person_ids)
    return st.builds(
        lambda pair, kind, weight: Tie(source=pair[0], target=pair[1], kind=kind, weight=weight),
        st.lists(ends, min_size=2, max_size=2, unique=True),
        st.sampled_from(TieKind),
        st.floats(min_value=0, max_value=MAX_TIE_WEIGHT, allow_nan=False, allow_infinity=False),
    )


@st.composite
def _organizations(
    draw: st.DrawFn,
    min_people: int,
    max_people: int,
    max_units: int,
    max_groups: int,
    max_ties: int,
    sizes: SearchStrategy[OrganizationSize],
    text: SearchStrategy[str],
) -> Organization:
    n_units = draw(st.integers(0, max_units))
    n_people = draw(st.integers(min_people, max_people))
    n_groups = draw(st.integers(0, max_groups))
    total = n_units + n_people + n_groups
    # Units, people and groups share one namespace: draw their ids together.
    ids = draw(st.lists(slugs(), min_size=total, max_size=total, unique=True))
    unit_ids, person_ids, group_ids = (
        ids[:n_units],
        ids[n_units : n_units + n_people],
        ids[n_units + n_people :],
    )

    # Each kind's strategy is built once and drawn many times (building one per item
    # would re-validate it each time); ids are set afterwards. Parents and managers are
    # drawn among earlier items only, so both relations are forests; the lists are
    # shuffled afterwards, so no order is assumed.
    unit_strategy = units(ids=st.just("u"), parent_ids=st.none(), text=text)
    unit_list = []
    for i, uid in enumerate(unit_ids):
        is_root = i == 0 or draw(st.booleans())
        parent = None if is_root else unit_ids[draw(st.integers(0, i - 1))]
        unit_list.append(attrs.evolve(draw(unit_strategy), id=uid, parent=parent))

    unit_refs = _optional(st.sampled_from(unit_ids)) if unit_ids else st.none()
    flags = [draw(st.integers(0, 4)) == 0 for _ in person_ids]
    internal = [pid for pid, ext in zip(person_ids, flags, strict=True) if not ext]
    shapes = {
        external: people(
            ids=st.just("p"),
            unit_ids=unit_refs,
            manager_ids=st.none(),
            supervisor_ids=_optional(st.sampled_from(internal)) if internal else st.none(),
            external=st.just(external),
            text=text,
        )
        for external in (False, True)
    }
    parent_of = {u.id: u.parent for u in unit_list}
    person_list = []
    earlier: list[Person] = []
    for pid, is_external in zip(person_ids, flags, strict=True):
        person = attrs.evolve(draw(shapes[is_external]), id=pid)
        if not is_external:
            if earlier and not draw(st.booleans()):
                # Mostly a manager from the same unit or the one above, as in real charts.
                near = [
                    p.id
                    for p in earlier
                    if p.unit is not None
                    and p.unit in (person.unit, parent_of.get(person.unit or ""))
                ]
                pool = near if near and not draw(st.booleans()) else [p.id for p in earlier]
                person = attrs.evolve(person, manager=pool[draw(st.integers(0, len(pool) - 1))])
            earlier.append(person)
        person_list.append(person)

    group_strategy = transversal_groups(
        ids=st.just("g"),
        member_ids=st.sampled_from(person_ids) if person_ids else st.nothing(),
        max_members=6 if person_ids else 0,
        text=text,
    )
    group_list = [attrs.evolve(draw(group_strategy), id=gid) for gid in group_ids]
    tie_list = (
        draw(st.lists(ties(person_ids=st.sampled_from(person_ids)), max_size=max_ties))
        if len(person_ids) >= 2
        else []
    )
    return Organization(
        name=draw(text),
        size=draw(sizes),
        units=draw(st.permutations(unit_list)),
        people=draw(st.permutations(person_list)),
        groups=group_list,
        ties=tie_list,
    )


def organizations(
    *,
    min_people: int = 0,
    max_people: int = 20,
    max_units: int = 8,
    max_groups: int = 4,
    max_ties: int = 20,
    sizes: SearchStrategy[OrganizationSize] | None = None,
    text: SearchStrategy[str] | None = None,
) -> SearchStrategy[Organization]:
    """Whole, valid organisations.

    What holds for every organisation drawn:

    - ids of units, people and groups are unique across the three;
    - unit parents form a forest and managers form a forest (no cycle, nobody manages
      themself); only internal people have a manager, and managers are internal;
    - some people are external, each with an internal supervisor or none;
    - every reference (unit, manager, supervisor, group member, tie end) exists;
    - ties join two distinct people; group members are distinct;
    - ``source`` is ``None`` (the organisation is inline, not read from a folder).

    Units and people come in any order (a child may precede its parent).

    Args:
        min_people: the fewest people drawn.
        max_people: the most people drawn.
        max_units: the most units drawn.
        max_groups: the most transversal groups drawn.
        max_ties: the most ties drawn.
        sizes: the organisation's size class (default: any).
        text: free text for names (default :func:`~estrategy.testing.texts`).

    Returns:
        A strategy of :class:`~estrategy.model.Organization`.

    Raises:
        hypothesis.errors.InvalidArgument: on a negative count, ``min_people`` above
            ``max_people``, or a value where a strategy is expected.

    Example:
        >>> from hypothesis import given
        >>> @given(organizations(min_people=1, max_people=5))
        ... def test_people(org):
        ...     assert 1 <= len(org.people) <= 5
    """
    check_count("min_people", min_people)
    check_count("max_people", max_people)
    check_bounds("min_people", min_people, "max_people", max_people)
    check_count("max_units", max_units)
    check_count("max_groups", max_groups)
    check_count("max_ties", max_ties)
    return _organizations(
        min_people,
        max_people,
        max_units,
        max_groups,
        max_ties,
        st.sampled_from(OrganizationSize) if sizes is None else check_strategy("sizes", sizes),
        _text_or_default(text),
    )
