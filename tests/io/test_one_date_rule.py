"""One date rule (``YYYY-MM-DD`` only) in model files, CSV folders, GraphML and ``--as-of``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from estrategy import io
from estrategy.cli import main
from estrategy.io.errors import LoadError
from estrategy.io.graphml import read_graphml
from estrategy.io.orgcsv import read_tables

FIXTURE = Path(__file__).parents[1] / "fixtures" / "lefevre.yaml"
REFUSED = ["2026-W01-1", "2026W011", "2026-001", "20260101", "2026-01-01T00:00"]


@pytest.mark.parametrize("text", REFUSED)
def test_as_of_refuses_other_iso_forms(text: str) -> None:
    result = CliRunner().invoke(main, ["check", str(FIXTURE), "--as-of", text])
    assert result.exit_code == 2
    assert f"{text!r} is not a date (YYYY-MM-DD)" in result.stderr
    assert "Traceback" not in result.output


def test_as_of_still_reads_a_plain_date() -> None:
    result = CliRunner().invoke(main, ["check", str(FIXTURE), "--as-of", "2026-10-01"])
    assert result.exit_code in (0, 1), result.output
    assert "as of 2026-10-01" in result.stdout


@pytest.mark.parametrize("engine", ["python", "arrow"])
@pytest.mark.parametrize("text", REFUSED)
def test_csv_deadline_refuses_other_iso_forms(tmp_path: Path, engine: str, text: str) -> None:
    (tmp_path / "people.csv").write_text("id\nann\n", encoding="utf-8")
    (tmp_path / "groups.csv").write_text(f"id,kind,deadline\ng,project,{text}\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        read_tables(tmp_path, engine=engine)  # type: ignore[arg-type]
    [(name, line, column, message)] = [
        (Path(e.source).name, e.line, e.column, e.message) for e in caught.value.errors
    ]
    assert (name, line, column) == ("groups.csv", 2, 3)
    assert message == f"expected a date YYYY-MM-DD, got {text!r}"


def _graphml_group(path: Path, deadline: str) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("ann", kind="person")
    graph.add_node("g", kind="group", group_kind="project", deadline=deadline)
    graph.add_edge("ann", "g", relation="member_of")
    nx.write_graphml(graph, path)


@pytest.mark.parametrize("text", REFUSED)
def test_graphml_deadline_refuses_other_iso_forms(tmp_path: Path, text: str) -> None:
    path = tmp_path / "org.graphml"
    _graphml_group(path, text)
    with pytest.raises(LoadError) as caught:
        read_graphml(path)
    [error] = caught.value.errors
    assert error.source == str(path)
    assert error.message == f"node 'g': expected a date (YYYY-MM-DD), got {text!r}"


def test_graphml_deadline_reads_a_plain_date(tmp_path: Path) -> None:
    path = tmp_path / "org.graphml"
    _graphml_group(path, "2027-06-30")
    [group] = read_graphml(path).groups
    assert group.deadline == dt.date(2027, 6, 30)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-W01-1", "expected a date (YYYY-MM-DD), got the text '2026-W01-1'"),
        ("2026-02-30", "2026-02-30 is not a calendar date (day is out of range for month)"),
    ],
)
def test_model_file_date_messages_are_unchanged(text: str, message: str) -> None:
    with pytest.raises(io.LoadError) as caught:
        io.from_data({"schema_version": 1, "name": "x", "as_of": text})
    [error] = caught.value.errors
    assert error.path == ("as_of",)
    assert error.message == message
