"""Random small organisations with every edge case the definitions must handle.

Several roots, childless roots, people without unit, externals, empty groups, self-ties
and duplicate ties (both directions, both kinds) all occur.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from estrategy.model import GroupKind, Organization, Person, Tie, TieKind, TransversalGroup, Unit

ROLES = ("community_manager", "data_scientist", "sales", "it")


@st.composite
def small_organizations(draw: st.DrawFn, max_people: int = 14) -> Organization:
    n_units = draw(st.integers(0, 7))
    units = []
    for i in range(n_units):
        parent = draw(st.one_of(st.none(), st.integers(0, i - 1))) if i else None
        units.append(
            Unit(id=f"u{i}", name=f"Unit {i}", parent=None if parent is None else f"u{parent}")
        )
    n = draw(st.integers(0, max_people))
    people = []
    for i in range(n):
        unit = draw(st.one_of(st.none(), st.integers(0, n_units - 1))) if n_units else None
        manager = draw(st.one_of(st.none(), st.integers(0, i - 1))) if i else None
        external = draw(st.booleans())
        supervisor = draw(st.one_of(st.none(), st.integers(0, n - 1))) if external else None
        people.append(
            Person(
                id=f"p{i}",
                unit=None if unit is None else f"u{unit}",
                manager=None if manager is None else f"p{manager}",
                roles=draw(st.lists(st.sampled_from(ROLES), max_size=2, unique=True)),
                external=external,
                supervisor=None if supervisor is None else f"p{supervisor}",
                decision_maker=draw(st.booleans()) and draw(st.booleans()),
            )
        )
    groups = []
    for g in range(draw(st.integers(0, 4))):
        chosen = draw(st.lists(st.integers(0, n - 1), max_size=6, unique=True)) if n else []
        groups.append(
            TransversalGroup(
                id=f"g{g}",
                kind=draw(st.sampled_from(GroupKind)),
                members=[f"p{m}" for m in chosen],
                objective=draw(st.one_of(st.none(), st.just("win"))),
                deadline=draw(st.one_of(st.none(), st.just(dt.date(2027, 1, 1)))),
            )
        )
    ties = []
    if n:
        for _ in range(draw(st.integers(0, 20))):
            a, b = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
            ties.append(Tie(source=f"p{a}", target=f"p{b}", kind=draw(st.sampled_from(TieKind))))
            if draw(st.integers(0, 5)) == 0:  # a duplicate, reversed
                ties.append(Tie(source=f"p{b}", target=f"p{a}"))
    return Organization(name="random", units=units, people=people, groups=groups, ties=ties)


@st.composite
def dense_lines(draw: st.DrawFn) -> Organization:
    """Few lines, most people in one, many ties: brokerage roles of every kind occur."""
    n_lines = draw(st.integers(1, 4))
    units = [Unit(id="hq")] + [Unit(id=f"l{i}", parent="hq") for i in range(n_lines)]
    n = draw(st.integers(3, 10))
    people = [
        Person(id=f"p{i}", unit=draw(st.sampled_from([u.id for u in units[1:]] + ["hq"])))
        for i in range(n)
    ]
    pairs = draw(
        st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), min_size=3, max_size=30)
    )
    ties = [Tie(source=f"p{a}", target=f"p{b}") for a, b in pairs]
    return Organization(units=units, people=people, ties=ties)


@st.composite
def weighted_organizations(draw: st.DrawFn) -> Organization:
    """Small organisations whose ties have weights, and people an attribute (``team``)."""
    import attrs

    org = draw(small_organizations())
    ties = [attrs.evolve(t, weight=float(draw(st.integers(0, 9)))) for t in org.ties]
    people = [
        attrs.evolve(p, attributes=(("team", draw(st.sampled_from(["", "a", "b", "c"]))),))
        for p in org.people
    ]
    return attrs.evolve(org, ties=ties, people=people)
