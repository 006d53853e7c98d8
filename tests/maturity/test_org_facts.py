"""The organisation facts the criteria read, on a small organisation worked out by hand."""

from __future__ import annotations

import datetime as dt

import attrs

from estrategy.maturity import CriterionScore, Evidence, assess
from estrategy.maturity.facts import build_facts
from estrategy.model import Organization, Person, StrategyModel, Tie, Tool, TransversalGroup, Unit

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
        Person(id="x", unit="a1", manager="boss", roles=["sales"]),
        Person(id="y", unit="b", roles=["community_manager"]),
        Person(id="z", unit="c", roles=["data_scientist"]),
        Person(id="w", unit="lonely", roles=["sales"]),
        Person(id="far", unit="c", manager="z", roles=["sales"]),
        Person(id="ext", unit="c", external=True, supervisor="z", roles=["sales"]),
    ],
    groups=[
        TransversalGroup(id="g", kind="community_of_practice", members=["x", "y", "far"]),
        TransversalGroup(id="h", kind="esn_community", members=["z", "far"]),
    ],
    ties=[Tie(source="y", target="w"), Tie(source="w", target="w", kind="esn")],
)
MODEL = StrategyModel(organization=ORG, tools=[Tool(id="esn", kind="esn")])
AS_OF = dt.date(2026, 11, 15)


def _criterion(model: StrategyModel, criterion_id: str) -> CriterionScore:
    return assess(model, as_of=AS_OF).dimension("organisation").criterion(criterion_id)


def test_lines() -> None:
    facts = build_facts(MODEL, AS_OF)
    assert facts.lines == {"x": "a", "y": "b", "z": "c", "w": "lonely", "far": "c", "ext": "c"}
    assert facts.line_count == 4
    assert facts.org_tables is facts.org_tables  # built once per assessment


def test_joined_pairs_through_groups_and_ties() -> None:
    # g joins a, b and c; the tie joins b and lonely: 4 of 6 pairs, no silo
    joined = Evidence("4 of 6 pairs of lines are joined", ["a", "b", "c", "lonely"])
    assert _criterion(MODEL, "transversality").evidence == (joined,)


def test_a_group_is_one_step_and_hops_cut() -> None:
    # boss 0; x 1 (manager); y and far 2 (x's group); z 3 (far's manager); w 3 (tie with y)
    item = _criterion(MODEL, "upward-paths")
    assert [e.ids for e in item.evidence] == [("far", "w", "x", "y", "z")]  # ext is external
    micro = attrs.evolve(MODEL, organization=attrs.evolve(ORG, size="micro"))
    item = _criterion(micro, "upward-paths")  # a micro company allows 2 steps
    assert [e.ids for e in item.evidence] == [("far", "x", "y"), ("w", "z")]
    assert item.score == 60.0


def test_esn_reach_names_the_unreached() -> None:
    item = _criterion(MODEL, "esn-reach")
    # far and z are in the ESN community; w's ESN tie is to themself; ext is external
    assert item.evidence[0].fact == "the ESN reaches 2 of 6 people"
    assert item.evidence[1].ids == ("boss", "w", "x", "y")


def test_genuine_groups_read_the_lines() -> None:
    item = _criterion(MODEL, "genuine-groups")
    # g spans a, b and c; h (z and far) stays in c
    assert [(e.ids, e.supports) for e in item.evidence] == [(("g",), True), (("h",), False)]
    assert item.evidence[1].fact == "h spans one line only"
