"""GraphML attributes are read with the CSV reader's value rules, and bad ones reported."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from estrategy.io.errors import LoadError
from estrategy.io.graphml import read_graphml


def _person(path: Path, **attributes: object) -> Path:
    graph = nx.MultiDiGraph()
    graph.add_node("ann", kind="person", **attributes)
    nx.write_graphml(graph, path)
    return path


@pytest.mark.parametrize("key", ["external", "decision_maker"])
@pytest.mark.parametrize("value", ["yes", "1", "no", "vrai"])
def test_an_ambiguous_flag_is_an_error_naming_file_and_node(
    tmp_path: Path, key: str, value: str
) -> None:
    path = _person(tmp_path / "org.graphml", **{key: value})
    with pytest.raises(LoadError) as caught:
        read_graphml(path)
    [error] = caught.value.errors
    assert error.source == str(path)
    assert error.message == f"node 'ann': {key}: expected true or false, got {value!r}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("TRUE", True), (" True ", True), ("false", False), ("", False)],
)
def test_flags_read_like_csv_cells(tmp_path: Path, value: str, expected: bool) -> None:
    path = _person(tmp_path / "org.graphml", external=value, decision_maker=value)
    [person] = read_graphml(path).people
    assert (person.external, person.decision_maker) == (expected, expected)


def test_typed_boolean_attributes_are_kept(tmp_path: Path) -> None:
    path = _person(tmp_path / "org.graphml", external=True, decision_maker=False)
    [person] = read_graphml(path).people
    assert (person.external, person.decision_maker) == (True, False)


def test_lists_read_like_csv_cells(tmp_path: Path) -> None:
    path = _person(tmp_path / "org.graphml", roles=" sales ; it;;", skills="")
    [person] = read_graphml(path).people
    assert (person.roles, person.skills) == (("sales", "it"), ())


def test_every_bad_node_is_reported_together(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("ann", kind="person", external="yes")
    graph.add_node("bob", kind="person", decision_maker="maybe")
    path = tmp_path / "org.graphml"
    nx.write_graphml(graph, path)
    with pytest.raises(LoadError) as caught:
        read_graphml(path)
    assert [e.message.split(":")[0] for e in caught.value.errors] == ["node 'ann'", "node 'bob'"]
