"""Every edge case of the definitions, each on a small hand-built organisation."""

from __future__ import annotations

import pytest

from estrategy.model import GroupKind, Organization, Person, Tie, TieKind, TransversalGroup, Unit
from estrategy.org import (
    analyze,
    brokers,
    esn_reach,
    group_transversality,
    hierarchical_lines,
    hierarchy_shape,
    isolates,
    line_collaboration,
    silos,
    transversality,
    upward_reach,
)


def units(*pairs: tuple[str, str | None]) -> list[Unit]:
    return [Unit(id=u, parent=p) for u, p in pairs]


def test_several_roots_each_head_their_children() -> None:
    org = Organization(
        units=units(("r1", None), ("a", "r1"), ("b", "r1"), ("r2", None), ("c", "r2"), ("c1", "c"))
    )
    lines = hierarchical_lines(org)
    assert lines.heads == ("a", "b", "c")
    assert lines.unit_line.tolist() == [-1, 0, 1, -1, 2, 2]


def test_root_without_children_is_a_line_of_its_own() -> None:
    org = Organization(
        units=units(("hq", None), ("a", "hq"), ("lab", None)),
        people=[Person(id="x", unit="lab"), Person(id="y", unit="hq")],
    )
    lines = hierarchical_lines(org)
    assert lines.heads == ("a", "lab")
    assert lines.person_line.tolist() == [1, -1]


def test_people_of_a_root_or_without_unit_belong_to_no_line() -> None:
    org = Organization(
        units=units(("hq", None), ("a", "hq"), ("b", "hq")),
        people=[Person(id="ceo", unit="hq"), Person(id="free"), Person(id="x", unit="a")],
        groups=[TransversalGroup(id="g", members=["ceo", "free", "x"])],
    )
    assert hierarchical_lines(org).person_line.tolist() == [-1, -1, 0]
    span = group_transversality(org).groups[0]
    assert (span.members, span.members_in_lines, span.lines) == (3, 1, ("a",))


def test_no_units_no_lines() -> None:
    org = Organization(people=[Person(id="a"), Person(id="b")], ties=[Tie(source="a", target="b")])
    assert len(hierarchical_lines(org)) == 0
    assert transversality(org).share is None
    assert silos(org).lines == ()
    assert line_collaboration(org).per_line == ()


def test_empty_organization() -> None:
    result = analyze(Organization())
    assert result.people == 0
    assert result.isolates.share == 0.0
    assert result.esn_reach.share == 0.0
    assert result.hierarchy.max_depth == 0
    assert result.to_dict()["people"] == 0


TWO_LINES = units(("hq", None), ("a", "hq"), ("b", "hq"))


def test_one_line_has_no_silo() -> None:
    org = Organization(units=units(("hq", None), ("a", "hq")), people=[Person(id="x", unit="a")])
    assert silos(org).lines == ()
    assert (
        group_transversality(
            Organization(
                units=units(("hq", None), ("a", "hq")),
                people=[Person(id="x", unit="a")],
                groups=[TransversalGroup(id="g", members=["x"])],
            )
        ).single_line()
        == ()
    )


def test_self_ties_join_nothing_and_do_not_count() -> None:
    org = Organization(
        units=TWO_LINES,
        people=[Person(id="x", unit="a"), Person(id="y", unit="b")],
        ties=[Tie(source="x", target="x", kind=TieKind.ESN)],
    )
    assert silos(org).lines == ("a", "b")
    assert isolates(org).people == ("x", "y")
    assert esn_reach(org).reached == 0
    assert line_collaboration(org).per_line[0].internal == 0


def test_duplicate_ties_count_once() -> None:
    org = Organization(
        units=TWO_LINES,
        people=[Person(id="x", unit="a"), Person(id="y", unit="b"), Person(id="z", unit="a")],
        ties=[
            Tie(source="x", target="y"),
            Tie(source="y", target="x", kind=TieKind.ESN),
            Tie(source="x", target="y"),
            Tie(source="x", target="z"),
            Tie(source="z", target="x"),
        ],
    )
    link = transversality(org).links[0]
    assert (link.a, link.b, link.groups, link.ties) == ("a", "b", 0, 1)
    a, b = line_collaboration(org).per_line
    assert (a.internal, a.external, b.internal, b.external) == (1, 1, 0, 1)
    assert a.within_share == pytest.approx(0.5)
    assert a.ei_index == pytest.approx(0.0)
    assert b.ei_index == pytest.approx(1.0)


def test_empty_group_spans_nothing_and_is_not_single_line() -> None:
    org = Organization(
        units=TWO_LINES,
        people=[Person(id="x", unit="a")],
        groups=[TransversalGroup(id="g")],
    )
    spans = group_transversality(org)
    assert spans.groups[0].lines == ()
    assert spans.single_line() == ()


def test_group_counts_as_one_step_however_large() -> None:
    people = [Person(id="boss", decision_maker=True)] + [Person(id=f"m{i}") for i in range(20)]
    people.append(Person(id="cm", roles=["community_manager"]))
    group = TransversalGroup(id="g", members=["boss", *(f"m{i}" for i in range(20)), "cm"])
    reach = upward_reach(Organization(people=people, groups=[group]))
    assert [(h.person, h.steps) for h in reach.holders] == [("cm", 1)]


def test_steps_go_both_ways_and_through_supervision_and_ties() -> None:
    org = Organization(
        people=[
            Person(id="dm", decision_maker=True),
            Person(id="lead", manager="dm"),
            Person(id="x", external=True, supervisor="lead"),
            Person(id="ds", roles=["data_scientist"]),
            Person(id="boss", roles=["sales"]),
            Person(id="under", manager="boss", decision_maker=True),
        ],
        ties=[Tie(source="x", target="ds")],
    )
    steps = {h.person: h.steps for h in upward_reach(org).holders}
    assert steps == {"ds": 3, "boss": 1}


def test_unreachable_and_external_holders() -> None:
    org = Organization(
        people=[
            Person(id="dm", decision_maker=True),
            Person(id="cm", roles=["community_manager"]),
            Person(id="agency", roles=["community_manager"], external=True),
        ]
    )
    reach = upward_reach(org)
    assert [(h.person, h.steps) for h in reach.holders] == [("cm", None)]
    assert reach.beyond(3) == reach.holders


def test_no_decision_maker_at_all() -> None:
    org = Organization(people=[Person(id="s", roles=["sales"])])
    assert upward_reach(org).holders[0].steps is None


def test_decision_maker_holding_a_field_role_is_zero_steps_away() -> None:
    org = Organization(people=[Person(id="s", roles=["sales"], decision_maker=True)])
    assert upward_reach(org).holders[0].steps == 0


def test_a_holder_lists_their_field_roles_once_in_their_order() -> None:
    org = Organization(
        people=[
            Person(id="a", roles=["x", "sales", "community_manager", "sales"]),
            Person(id="b", roles=["y"]),
            Person(id="c", roles=["data_scientist", "z"], decision_maker=True),
        ]
    )
    assert [(h.person, h.roles) for h in upward_reach(org).holders] == [
        ("a", ("sales", "community_manager")),
        ("c", ("data_scientist",)),
    ]


def test_span_and_depth() -> None:
    org = Organization(
        people=[
            Person(id="a"),
            Person(id="b", manager="a"),
            Person(id="c", manager="a"),
            Person(id="d", manager="b"),
            Person(id="e"),
        ]
    )
    shape = hierarchy_shape(org)
    assert (shape.managers, shape.max_span, shape.median_span) == (2, 2, 1.5)
    assert shape.span_histogram == ((1, 1), (2, 1))
    assert (shape.max_depth, shape.depth_histogram) == (2, ((0, 2), (1, 2), (2, 1)))
    assert shape.to_dict()["span_histogram"] == [[1, 1], [2, 1]]


def test_brokers_rank_by_pairs_of_lines() -> None:
    org = Organization(
        units=units(("hq", None), ("a", "hq"), ("b", "hq"), ("c", "hq")),
        people=[
            Person(id="x", unit="a"),
            Person(id="y", unit="b"),
            Person(id="z", unit="c"),
            Person(id="w", unit="a"),
        ],
        groups=[TransversalGroup(id="g", members=["x", "y", "z"], kind=GroupKind.PROJECT)],
        ties=[Tie(source="w", target="y")],
    )
    result = brokers(org)
    assert [(b.person, b.pairs, b.lines) for b in result.top] == [
        ("x", 3, ("a", "b", "c")),
        ("y", 3, ("a", "b", "c")),
        ("z", 3, ("a", "b", "c")),
        ("w", 1, ("a", "b")),
    ]
    assert result.brokering == 4
    assert brokers(org, top=1).top[0].person == "x"
    with pytest.raises(ValueError, match="top"):
        brokers(org, top=-1)


def test_esn_reach_counts_internal_people_only() -> None:
    org = Organization(
        people=[Person(id="a"), Person(id="b"), Person(id="c"), Person(id="x", external=True)],
        groups=[TransversalGroup(id="g", kind=GroupKind.ESN_COMMUNITY, members=["c"])],
        ties=[Tie(source="a", target="x", kind=TieKind.ESN)],
    )
    reach = esn_reach(org)
    assert (reach.internal_people, reach.reached) == (3, 2)
    assert reach.share == pytest.approx(2 / 3)


def test_results_convert_to_plain_data() -> None:
    import json

    org = Organization(
        units=TWO_LINES,
        people=[Person(id="x", unit="a", roles=["sales"]), Person(id="y", unit="b")],
        groups=[TransversalGroup(id="g", members=["x", "y"])],
    )
    data = analyze(org).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["transversality"]["share"] == 1.0
    assert transversality(org).matrix("groups").tolist() == [[0, 1], [1, 0]]
    with pytest.raises(ValueError, match="what"):
        transversality(org).matrix("people")


def test_results_display_in_notebooks_and_convert_to_frames() -> None:
    org = Organization(
        units=TWO_LINES,
        people=[Person(id="x", unit="a", roles=["sales"]), Person(id="y", unit="b")],
        ties=[Tie(source="x", target="y")],
    )
    result = analyze(org, min_group_size=None)
    page = result._repr_html_()
    assert page.startswith("<div><strong>OrgAnalysis</strong><table>")
    assert "<td>a</td>" in transversality(org)._repr_html_()
    assert result.transversality._rows() == [{"a": "a", "b": "b", "groups": 0, "ties": 1}]
    assert [row["person"] for row in result.upward_reach._rows()] == ["x"]


def test_to_frame_hands_the_rows_to_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    fake = types.ModuleType("pandas")

    class DataFrame:
        @staticmethod
        def from_records(rows: list[dict[str, object]]) -> list[dict[str, object]]:
            return rows

    fake.DataFrame = DataFrame  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pandas", fake)
    org = Organization(people=[Person(id="x"), Person(id="y")])
    assert isolates(org).to_frame() == [{"person": "x"}, {"person": "y"}]
    assert esn_reach(org).to_frame() == [{"internal_people": 2, "reached": 0, "share": 0.0}]


def test_hand_built_tables_are_checked() -> None:
    import attrs as _attrs
    import numpy as np

    from estrategy.org import tables_from_organization

    tables = tables_from_organization(
        Organization(people=[Person(id="a"), Person(id="b", manager="a")])
    )
    fields = {f.name: getattr(tables, f.name) for f in _attrs.fields(type(tables)) if f.init}
    with pytest.raises(ValueError, match=r"person_manager holds codes outside 0\.\.1"):
        type(tables)(**{**fields, "person_manager": np.array([-1, 7], dtype=np.int32)})
    with pytest.raises(ValueError, match="person_unit has 1 items, expected 2"):
        type(tables)(**{**fields, "person_unit": np.array([-1], dtype=np.int32)})


@pytest.mark.parametrize(
    "column",
    [
        "unit_names",
        "unit_parent",
        "person_names",
        "person_decision_maker",
        "group_kind",
        "group_deadline",
        "member_person",
        "tie_target",
        "tie_esn",
        "tie_weight",
    ],
)
def test_a_column_longer_than_its_table_is_refused_by_name(column: str) -> None:
    import attrs as _attrs
    import numpy as np

    from estrategy.model.tables import as_tables

    tables = as_tables(
        Organization(
            units=[Unit(id="u")],
            people=[Person(id="a", unit="u"), Person(id="b", manager="a")],
            groups=[TransversalGroup(id="g", members=["a", "b"])],
            ties=[Tie(source="a", target="b")],
        )
    )
    fields = {f.name: getattr(tables, f.name) for f in _attrs.fields(type(tables)) if f.init}
    values = fields[column]
    n = len(values)
    if isinstance(values, np.ndarray):
        longer = np.append(values, values[:1])
    else:
        longer = values[:1] + values
    with pytest.raises(ValueError, match=rf"{column} has {n + 1} items, expected {n}"):
        type(tables)(**{**fields, column: longer})


def test_lines_a_caller_builds_get_their_own_counts_not_those_kept_for_the_hierarchy() -> None:
    import attrs
    import numpy as np

    from estrategy.model.tables import as_tables
    from estrategy.org.brokerage import line_masks
    from estrategy.org.hierarchy import hierarchical_lines
    from estrategy.org.transversal import line_collaboration

    org = Organization(
        units=TWO_LINES,
        people=[Person(id=p, unit=u) for p, u in [("x", "a"), ("y", "b"), ("z", "b")]],
        ties=[Tie(source="x", target="y"), Tie(source="y", target="z")],
    )
    tables = as_tables(org)
    own = hierarchical_lines(tables)
    assert hierarchical_lines(tables) is own  # computed once per tables
    # everybody in line a: another grouping of the same people
    merged = attrs.evolve(own, person_line=np.zeros_like(own.person_line))
    first = line_collaboration(tables, lines=own)
    other = line_collaboration(tables, lines=merged)
    assert [t.internal for t in first.per_line] == [0, 1]
    assert [t.internal for t in other.per_line] == [2, 0]
    masks = line_masks(tables, lines=merged)
    assert masks is not None
    assert masks.tolist() == [1, 1, 1]
    assert line_collaboration(tables, lines=own) == first
