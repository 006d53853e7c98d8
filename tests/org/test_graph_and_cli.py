"""The networkx graph, GraphML/GEXF/Gephi exports, the synthetic HR export and ``estrategy org``."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from estrategy import io
from estrategy.cli import main
from estrategy.io.errors import LoadError
from estrategy.io.graphml import read_graphml, write_gephi_csv, write_gexf, write_graphml
from estrategy.io.orgcsv import read_tables
from estrategy.model import Organization, Person, Tie
from estrategy.org import RELATIONS, analyze, org_graph, sampled_betweenness, tie_graph
from estrategy.testing.hr_export import write_hr_export

from .strategies import small_organizations


def test_graph_kinds_and_relations(lefevre_path: Path) -> None:
    org = io.load(lefevre_path).organization
    g = org_graph(org)
    kinds = {k for _, k in g.nodes(data="kind")}
    assert kinds == {"person", "unit", "group"}
    assert g.number_of_nodes() == len(org.units) + len(org.people) + len(org.groups)
    relations = {r for _, _, r in g.edges(data="relation")}
    assert relations <= set(RELATIONS)
    assert g.has_edge("p-cm", "p-web-coord")
    assert g["p-cm"]["p-web-coord"][0]["relation"] == "reports_to"
    assert g["web"]["marketing"][0]["relation"] == "child_of"
    assert g.nodes["p-ceo"]["decision_maker"] is True


def test_documented_scripting_examples(lefevre_path: Path) -> None:
    org = io.load(lefevre_path).organization
    g = org_graph(org)
    path = nx.shortest_path(g.to_undirected(as_view=True), "production", "sales")
    assert path[0] == "production"
    assert path[-1] == "sales"
    centrality = nx.degree_centrality(tie_graph(org))
    assert centrality["p-it"] > 0
    assert set(sampled_betweenness(org, k=None)) == {p.id for p in org.people}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=20)
@given(small_organizations())
def test_graphml_round_trip(tmp_path_factory: pytest.TempPathFactory, org: Organization) -> None:
    path = tmp_path_factory.mktemp("g") / "org.graphml"
    write_graphml(org, path)
    assert read_graphml(path) == attrs.evolve(org, source=None)


def test_graph_keeps_every_tie_as_given() -> None:
    org = Organization(
        people=[Person(id="a"), Person(id="b")],
        ties=[
            Tie(source="a", target="b"),
            Tie(source="a", target="b"),
            Tie(source="a", target="a"),
        ],
    )
    ties = [(u, v) for u, v, r in org_graph(org).edges(data="relation") if r == "ties"]
    assert sorted(ties) == [("a", "a"), ("a", "b"), ("a", "b")]
    assert sorted(tie_graph(org).edges()) == [("a", "b")]


def test_gexf_and_gephi_exports(tmp_path: Path, lefevre_path: Path) -> None:
    org = io.load(lefevre_path).organization
    write_gexf(org, tmp_path / "org.gexf")
    graph = nx.read_gexf(tmp_path / "org.gexf")
    assert graph.number_of_nodes() == 20
    write_gephi_csv(org, tmp_path / "gephi")
    nodes = (tmp_path / "gephi" / "nodes.csv").read_text().splitlines()
    edges = (tmp_path / "gephi" / "edges.csv").read_text().splitlines()
    assert nodes[0] == "Id,Label,kind,unit,external,decision_maker,roles"
    assert len(nodes) == 21
    assert "p-cm,p-web-coord,Directed,reports_to,1" in edges
    assert len(edges) - 1 == org_graph(org).number_of_edges()


def test_bad_graphml(tmp_path: Path) -> None:
    path = tmp_path / "bad.graphml"
    path.write_text("<graphml><oops", encoding="utf-8")
    with pytest.raises(LoadError, match="not valid GraphML"):
        read_graphml(path)
    g = nx.MultiDiGraph()
    g.add_node("a", kind="person")
    g.add_node("b", kind="robot")
    g.add_edge("a", "a", relation="likes")
    nx.write_graphml(g, path)
    with pytest.raises(LoadError) as caught:
        read_graphml(path)
    messages = [e.message for e in caught.value.errors]
    assert messages == [
        "node 'b': kind must be person, unit or group, got 'robot'",
        "edge a -> a: unknown relation 'likes'",
    ]


def test_hr_export_is_seeded_and_readable(tmp_path: Path) -> None:
    first = write_hr_export(tmp_path / "a", people=300, ties_per_person=3, seed=7)
    write_hr_export(tmp_path / "b", people=300, ties_per_person=3, seed=7)
    for name in ("people.csv", "ties.csv", "memberships.csv", "units.csv", "groups.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    tables = read_tables(tmp_path / "a", engine="python")
    assert (tables.n_people, len(tables.tie_source)) == (300, first.ties) == (300, 900)
    result = analyze(tables)
    assert len(result.lines) == 8
    assert result.upward_reach.holders
    with pytest.raises(ValueError, match="people"):
        write_hr_export(tmp_path / "c", people=3)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_on_a_model(lefevre_path: Path) -> None:
    code, out, _ = run("org", str(lefevre_path))
    assert code == 0
    assert "silos: production" in out
    assert "p-cm" in out
    code, out, _ = run("org", str(lefevre_path), "--format", "json")
    data = json.loads(out)
    assert data["version"] == 1
    assert data["silos"] == ["production"]
    assert [h["person"] for h in data["upward_reach"]["beyond"]] == ["p-cm"]
    assert [g["group"] for g in data["single_line_groups"]] == ["g-catalogue"]


def test_cli_on_a_folder_with_export(tmp_path: Path) -> None:
    write_hr_export(tmp_path / "hr", people=200, ties_per_person=2, seed=3)
    code, out, err = run("org", str(tmp_path / "hr"), "--export", str(tmp_path / "o.graphml"))
    assert code == 0, err
    assert "200 people" in out
    assert read_graphml(tmp_path / "o.graphml").people[0].attributes == (("site", "site-0"),)
    code, _, _ = run("org", str(tmp_path / "hr"), "--export", str(tmp_path / "gephi"))
    assert (tmp_path / "gephi" / "edges.csv").exists()


def test_cli_with_a_preset(tmp_path: Path) -> None:
    (tmp_path / "hr").mkdir()
    (tmp_path / "hr" / "people.csv").write_text("Name,Reports_To\nAnn,\nBob,Ann\n")
    code, out, _ = run("org", str(tmp_path / "hr"), "--mapping", "chart")
    assert code == 0
    assert "Span of control: 1 managers" in out
    code, _, err = run("org", str(tmp_path / "hr"), "--mapping", "nope")
    assert code == 2
    assert "neither a preset" in err


def test_cli_bad_folder_exits_2_without_traceback(tmp_path: Path) -> None:
    (tmp_path / "hr").mkdir()
    (tmp_path / "hr" / "people.csv").write_text("id,manager\nann,zed\n")
    code, _, err = run("org", str(tmp_path / "hr"))
    assert code == 2
    assert "people.csv:2:2: organization.people[0].manager: unknown person 'zed'" in err
    assert "Traceback" not in err


def test_cli_with_no_source_uses_the_demo() -> None:
    code, out, err = run("org")
    assert code == 0
    assert "demo" in err
    assert "Hierarchical lines" in out


def test_backend_is_passed_through_to_networkx(lefevre_path: Path) -> None:
    org = io.load(lefevre_path).organization
    exact = sampled_betweenness(org, k=None)
    assert sampled_betweenness(org, k=None, backend="networkx") == exact
    with pytest.raises(ImportError, match="no-such-backend"):
        sampled_betweenness(org, k=None, backend="no-such-backend")
    sampled = sampled_betweenness(org, k=5, seed=1)
    assert sampled == sampled_betweenness(tie_graph(org), k=5, seed=1)


def test_cli_refuses_an_unknown_export_format_before_reading(tmp_path: Path) -> None:
    code, _, err = run("org", str(tmp_path), "--export", str(tmp_path / "graph.txt"))
    assert code == 2
    assert "expected a .graphml or .gexf file, or a folder" in err
