"""The fast analyses give exactly what the brute-force reference gives, on random organisations."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from estrategy.model import Organization
from estrategy.org import (
    brokerage_roles,
    brokers,
    esn_reach,
    esn_unreached,
    group_transversality,
    hierarchical_lines,
    hierarchy_shape,
    isolates,
    line_collaboration,
    silos,
    steps_to_decision_makers,
    structural_holes,
    tables_from_organization,
    transversality,
    upward_reach,
)

from . import reference
from .strategies import dense_lines, small_organizations


@given(small_organizations())
def test_lines(org: Organization) -> None:
    heads, person_line = reference.lines(org)
    lines = hierarchical_lines(org)
    assert list(lines.heads) == heads
    got = {
        p.id: (lines.heads[x] if x >= 0 else None)
        for p, x in zip(org.people, lines.person_line, strict=True)
    }
    assert got == person_line


@given(small_organizations())
def test_group_transversality(org: Organization) -> None:
    expected = reference.group_lines(org)
    spans = group_transversality(org)
    assert {g.group: set(g.lines) for g in spans.groups} == expected
    heads, _ = reference.lines(org)
    one_line = [g for g, s in expected.items() if len(s) == 1] if len(heads) >= 2 else []
    assert [g.group for g in spans.single_line()] == one_line
    assert {g.group: g.members for g in spans.groups} == {
        g: len(m) for g, m in reference.members(org).items()
    }


@given(small_organizations())
def test_transversality_and_silos(org: Organization) -> None:
    expected = reference.links(org)
    result = transversality(org)
    assert {(x.a, x.b): (x.groups, x.ties) for x in result.links} == expected
    heads, _ = reference.lines(org)
    if len(heads) >= 2:
        assert result.share == pytest.approx(len(expected) / math.comb(len(heads), 2))
    else:
        assert result.share is None
    assert list(silos(org).lines) == reference.silos(org)
    matrix = result.matrix()
    assert (matrix == matrix.T).all()
    assert int(matrix.sum()) == 2 * sum(k + t for k, t in expected.values())


@given(small_organizations())
def test_collaboration(org: Organization) -> None:
    expected = reference.collaboration(org)
    result = line_collaboration(org)
    assert {x.line: (x.internal, x.external) for x in result.per_line} == expected
    for x in result.per_line:
        assert x.internal is not None
        assert x.external is not None
        total = x.internal + x.external
        assert (x.ei_index is None) == (total == 0)
        if total:
            assert x.ei_index == pytest.approx((x.external - x.internal) / total)
    diagonal = result.matrix().diagonal().tolist()
    assert diagonal == [expected[h][0] for h in result.lines]


@given(small_organizations())
def test_isolates_and_esn(org: Organization) -> None:
    assert list(isolates(org).people) == reference.isolates(org)
    internal, reached = reference.esn_reached(org)
    result = esn_reach(org)
    assert (result.internal_people, result.reached) == (internal, reached)
    connected = reference.esn_connected(org)
    unreached = [p for p in reference.internal_people(org) if p not in connected]
    assert list(esn_unreached(org)) == unreached


@given(small_organizations())
def test_steps_to_decision_makers(org: Organization) -> None:
    expected = reference.steps(org)
    got = steps_to_decision_makers(org).tolist()
    assert {p.id: (None if s < 0 else s) for p, s in zip(org.people, got, strict=True)} == expected
    reach = upward_reach(org)
    holders = [
        p.id
        for p in org.people
        if not p.external and set(p.roles) & {"community_manager", "data_scientist", "sales"}
    ]
    assert [h.person for h in reach.holders] == holders
    assert all(h.steps == expected[h.person] for h in reach.holders)


@given(small_organizations())
def test_brokers(org: Organization) -> None:
    expected = reference.broker_pairs(org)
    result = brokers(org, top=len(org.people))
    assert {b.person: b.pairs for b in result.top} == {p: k for p, k in expected.items() if k}
    assert result.brokering == sum(1 for k in expected.values() if k)
    pairs = [b.pairs for b in result.top]
    assert pairs == sorted(pairs, reverse=True)


@given(st.one_of(small_organizations(), dense_lines()))
def test_structural_holes_match_networkx(org: Organization) -> None:
    graph = reference.simple_tie_graph(org)
    holes = structural_holes(org)
    assert list(holes.people) == [p.id for p in org.people]
    if graph.number_of_edges() == 0:
        assert set(holes.effective_size) <= {None}
        return
    expected_size = nx.effective_size(graph)
    expected_constraint = nx.constraint(graph)
    for person, size, constraint in zip(
        holes.people, holes.effective_size, holes.constraint, strict=True
    ):
        if graph.degree(person) == 0:
            assert size is None
            assert constraint is None
        else:
            assert size == pytest.approx(expected_size[person])
            assert constraint == pytest.approx(expected_constraint[person])


@pytest.mark.parametrize("directed", [False, True])
@given(org=st.one_of(small_organizations(), dense_lines()))
def test_brokerage_roles(org: Organization, directed: bool) -> None:
    expected = reference.brokerage_roles(org, directed)
    roles = brokerage_roles(org, directed=directed)
    assert roles.directed is directed
    got = {
        p: counts
        for p, *counts in zip(
            roles.people,
            roles.coordinator,
            roles.itinerant,
            roles.representative,
            roles.gatekeeper,
            roles.liaison,
            strict=True,
        )
    }
    assert {p: tuple(c) for p, c in got.items()} == expected


@given(small_organizations())
def test_hierarchy_shape(org: Organization) -> None:
    spans, depths = reference.spans_and_depths(org)
    shape = hierarchy_shape(org)
    assert shape.managers == len(spans)
    assert shape.max_span == (max(spans) if spans else 0)
    assert shape.max_depth == (max(depths) if depths else 0)
    assert sum(c for _, c in shape.span_histogram) == len(spans)
    assert sum(d * c for d, c in shape.depth_histogram) == sum(depths)


@given(small_organizations())
def test_tables_keep_every_relation(org: Organization) -> None:
    tables = tables_from_organization(org)
    assert tables.n_people == len(org.people)
    assert len(tables.tie_source) == len(org.ties)
    assert len(tables.member_group) == sum(len(g.members) for g in org.groups)


@given(small_organizations())
def test_analysis_is_plain_data(org: Organization) -> None:
    import json

    from estrategy.org import analyze

    data = analyze(org).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["people"] == len(org.people)
    assert data["isolates"]["count"] == len(reference.isolates(org))
