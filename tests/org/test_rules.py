"""ORG001-ORG005: each fires on a model that has the gap, not on a minimally different one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs

from estrategy import io
from estrategy.analysis import check
from estrategy.model import (
    GroupKind,
    Organization,
    Person,
    StrategyModel,
    Tie,
    Tool,
    ToolKind,
    TransversalGroup,
    Unit,
)


def findings(
    model: StrategyModel, code: str, **settings: object
) -> list[tuple[tuple[str, ...], str]]:
    report = check(model, select=code, settings=settings or None, as_of=dt.date(2026, 1, 1))
    return [(f.subjects, f.message) for f in report.findings]


LINES = [Unit(id="hq"), Unit(id="sales", parent="hq"), Unit(id="ops", parent="hq")]
PEOPLE = [
    Person(id="s1", unit="sales"),
    Person(id="s2", unit="sales"),
    Person(id="o1", unit="ops"),
]


def model(**organization: object) -> StrategyModel:
    fields = {"units": LINES, "people": PEOPLE, **organization}
    return StrategyModel(organization=Organization(**fields))  # type: ignore[arg-type]


def test_org001_silo() -> None:
    assert findings(model(), "ORG001") == [
        (("sales",), "line sales has no transversal group or tie with any other line"),
        (("ops",), "line ops has no transversal group or tie with any other line"),
    ]
    assert findings(model(ties=[Tie(source="s1", target="o1")]), "ORG001") == []
    assert findings(model(groups=[TransversalGroup(id="g", members=["s2", "o1"])]), "ORG001") == []


def test_org001_needs_two_lines() -> None:
    one = StrategyModel(organization=Organization(units=LINES[:2], people=PEOPLE[:2]))
    assert findings(one, "ORG001") == []


def test_org001_path_is_the_heading_unit() -> None:
    report = check(model(ties=[Tie(source="s1", target="s2")]), select="ORG001")
    assert [f.path for f in report.findings] == [
        ("organization", "units", 1),
        ("organization", "units", 2),
    ]


def test_org002_pseudo_transversal_group() -> None:
    inside = TransversalGroup(id="g", members=["s1", "s2"])
    assert findings(model(groups=[inside]), "ORG002") == [
        (("g",), "group g: every member in a line belongs to line sales"),
    ]
    across = attrs.evolve(inside, members=["s1", "o1"])
    assert findings(model(groups=[across]), "ORG002") == []


def test_org003_project_without_charter() -> None:
    bare = TransversalGroup(id="g", kind=GroupKind.PROJECT, members=["s1", "o1"])
    assert findings(model(groups=[bare]), "ORG003") == [
        (("g",), "project group g has no objective and no deadline"),
    ]
    half = attrs.evolve(bare, objective="o-1")
    assert findings(model(groups=[half]), "ORG003") == [
        (("g",), "project group g has no deadline"),
    ]
    full = attrs.evolve(half, deadline=dt.date(2027, 1, 1))
    assert findings(model(groups=[full]), "ORG003") == []
    community = attrs.evolve(bare, kind=GroupKind.COMMUNITY_OF_PRACTICE)
    assert findings(model(groups=[community]), "ORG003") == []


def chain(length: int, role: str = "community_manager") -> list[Person]:
    people = [Person(id="p0", decision_maker=True)]
    people += [Person(id=f"p{i}", manager=f"p{i - 1}") for i in range(1, length)]
    people.append(Person(id="field", manager=f"p{length - 1}", roles=[role]))
    return people


def test_org004_no_upward_path() -> None:
    far = StrategyModel(organization=Organization(people=chain(4)))
    assert findings(far, "ORG004") == [
        (
            ("field",),
            "community manager field is 4 steps from the nearest decision maker (more than 3)",
        ),
    ]
    near = StrategyModel(organization=Organization(people=chain(3)))
    assert findings(near, "ORG004") == []
    assert findings(far, "ORG004", upward_hops=4) == []


def test_org004_unreachable_and_roles() -> None:
    alone = StrategyModel(
        organization=Organization(
            people=[
                Person(id="dm", decision_maker=True),
                Person(id="ds", roles=["data_scientist", "sales"]),
            ]
        )
    )
    assert findings(alone, "ORG004") == [
        (("ds",), "data scientist and salesperson ds has no path to any decision maker"),
    ]
    external = StrategyModel(
        organization=Organization(
            people=[
                Person(id="dm", decision_maker=True),
                Person(id="ds", roles=["sales"], external=True),
            ]
        )
    )
    assert findings(external, "ORG004") == []


def test_org005_isolated_person_only_with_an_esn() -> None:
    org = Organization(
        people=[Person(id="a"), Person(id="b"), Person(id="c", manager="a")],
        ties=[Tie(source="a", target="b")],
    )
    esn = Tool(id="tool-esn", kind=ToolKind.ESN)
    with_esn = StrategyModel(organization=org, tools=[esn])
    assert findings(with_esn, "ORG005") == [
        (("c",), "person c has no tie and belongs to no group, though an ESN is deployed"),
    ]
    assert findings(StrategyModel(organization=org), "ORG005") == []
    grouped = attrs.evolve(org, groups=[TransversalGroup(id="g", members=["c"])])
    assert findings(StrategyModel(organization=grouped, tools=[esn]), "ORG005") == []


def test_lefevre_gives_exactly_its_org_findings(lefevre_path: Path) -> None:
    report = check(io.load(lefevre_path), select="ORG")
    assert [(f.code, f.subjects) for f in report.findings] == [
        ("ORG001", ("production",)),
        ("ORG002", ("g-catalogue",)),
        ("ORG004", ("p-cm",)),
    ]
    assert "4 steps" in report.findings[2].message


def test_org006_one_person_alone_joins_the_lines() -> None:
    people = [*PEOPLE, Person(id="o2", unit="ops")]
    one_bridge = model(people=people, ties=[Tie(source="s1", target="o1")])
    assert findings(one_bridge, "ORG006") == [
        (("s1",), "person s1 alone joins 1 of the 1 joined pair of lines"),
        (("o1",), "person o1 alone joins 1 of the 1 joined pair of lines"),
    ]
    # a second bridge between the same lines, by two other people
    two_bridges = model(
        people=people, ties=[Tie(source="s1", target="o1"), Tie(source="s2", target="o2")]
    )
    assert findings(two_bridges, "ORG006") == []
    # a group with two members from each line is a bridge no one person carries
    group = TransversalGroup(id="g", members=["s1", "s2", "o1", "o2"])
    assert findings(model(people=people, groups=[group]), "ORG006") == []


def test_org006_the_only_person_of_a_line_is_not_a_single_point() -> None:
    # o1 is all of ops: without them there is no line to join, not a cut
    assert [s for s, _ in findings(model(ties=[Tie(source="s1", target="o1")]), "ORG006")] == [
        ("s1",)
    ]


def test_org006_one_person_carries_the_upward_paths_of_field_roles() -> None:
    people = [
        Person(id="boss", decision_maker=True),
        Person(id="lead", manager="boss"),
        Person(id="cm", manager="lead", roles=["community_manager"]),
        Person(id="sales", manager="lead", roles=["sales"]),
    ]
    org = StrategyModel(organization=Organization(people=people))
    assert findings(org, "ORG006") == [
        (
            ("lead", "cm", "sales"),
            "person lead is on every upward path of 2 field roles (cm, sales)",
        )
    ]
    assert findings(org, "ORG006", spof_field_roles=3) == []
    # one of them reaches the boss through a community: lead carries one path only
    community = TransversalGroup(id="c", kind=GroupKind.ESN_COMMUNITY, members=["cm", "boss"])
    bridged = attrs.evolve(org, organization=attrs.evolve(org.organization, groups=[community]))
    assert findings(bridged, "ORG006") == []
    # a decision maker is where the paths lead, not a point of failure on them
    deciding = [attrs.evolve(p, decision_maker=p.id == "lead") for p in people]
    assert findings(StrategyModel(organization=Organization(people=deciding)), "ORG006") == []
