"""The organisation facts maturity computes itself (lines, joined lines, steps)."""

from __future__ import annotations

from estrategy.maturity import _org
from estrategy.model import Organization, Person, Tie, TransversalGroup, Unit

ORG = Organization(
    units=[
        Unit(id="root"),
        Unit(id="a", parent="root"),
        Unit(id="a1", parent="a"),
        Unit(id="b", parent="root"),
        Unit(id="c", parent="root"),
        Unit(id="lonely"),  # a root without children is a line of its own
    ],
    people=[
        Person(id="boss", unit="root", decision_maker=True),
        Person(id="x", unit="a1", manager="boss"),
        Person(id="y", unit="b"),
        Person(id="z", unit="c"),
        Person(id="w", unit="lonely"),
        Person(id="far", unit="c", manager="z"),
    ],
    groups=[TransversalGroup(id="g", members=["x", "y", "far"])],
    ties=[Tie(source="y", target="w")],
)


def test_lines() -> None:
    lines = _org.lines_of_people(ORG)
    assert lines == {"x": "a", "y": "b", "z": "c", "w": "lonely", "far": "c"}
    assert _org.line_count(ORG) == 4


def test_joined_pairs_through_groups_and_ties() -> None:
    pairs = _org.joined_line_pairs(ORG, _org.lines_of_people(ORG))
    assert pairs == {("a", "b"), ("a", "c"), ("b", "c"), ("b", "lonely")}


def test_a_group_is_one_step_and_limit_cuts() -> None:
    makers = frozenset({"boss"})
    sources = ["x", "y", "far", "z", "w", "boss"]
    assert _org.steps_to_nearest(ORG, sources, makers) == {
        "boss": 0,
        "x": 1,  # manager link
        "y": 2,  # x's group
        "far": 2,  # same group
        "z": 3,  # far's manager
        "w": 3,  # tie with y
    }
    limited = _org.steps_to_nearest(ORG, sources, makers, limit=2)
    assert limited["z"] is None
    assert limited["far"] == 2
