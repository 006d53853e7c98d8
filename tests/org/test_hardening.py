"""Organisation sources and exports against hostile and broken files (the hardening issue).

One test (or a few) per class of problem: reading outside the folder, output injection
in Gephi CSVs, unterminated quotes, half-written multi-file exports, XML that cannot
carry a text, oversized cells and numbers, FIFOs and size limits, GraphML at scale, one
integrity check for every source, and located messages for non-UTF-8 files. Large inputs
are generated here, never committed.
"""

from __future__ import annotations

import csv
import json
import math
import os
import tracemalloc
import warnings
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from tests.hostile import HOSTILE, HOSTILE_IDS
from tests.org import hr_folder

from estrategy import io
from estrategy.base.escape import XML_FORBIDDEN
from estrategy.cli import main
from estrategy.io.errors import LoadError
from estrategy.io.graphml import (
    ExportError,
    read_graphml,
    read_graphml_tables,
    write_gephi_csv,
    write_gexf,
    write_graphml,
)
from estrategy.io.limits import Limits
from estrategy.io.orgcsv import read_mapping, read_tables, write_folder
from estrategy.model import (
    GroupKind,
    Organization,
    OrganizationSize,
    Person,
    Tie,
    TransversalGroup,
    Unit,
)
from estrategy.model.tables import build_tables
from estrategy.model.validators import MAX_TIE_WEIGHT
from estrategy.org import analyze
from estrategy.org.brokerage import structural_holes
from estrategy.org.matrix import group_matrix
from estrategy.org.transversal import line_collaboration

ENGINES = ["python", "arrow"]


def _errors(caught: pytest.ExceptionInfo[LoadError]) -> list[tuple[str, int | None, str]]:
    return [(Path(e.source).name, e.line, e.message) for e in caught.value.errors]


# 1. Reading outside what the user pointed at


def test_a_mapping_cannot_name_a_file_outside_the_folder(tmp_path: Path) -> None:
    hr_folder(tmp_path / "secret", people="id,name\np1,Ana Secret\n")
    hr = hr_folder(tmp_path / "hr", people="id\nx\n")
    for name in ("../secret/people.csv", str(tmp_path / "secret" / "people.csv")):
        mapping_file = tmp_path / "map.toml"
        mapping_file.write_text(f'people_file = "{name}"\n', encoding="utf-8")
        with pytest.raises(LoadError) as caught:
            read_tables(hr, mapping=read_mapping(mapping_file))
        [(_, _, message)] = _errors(caught)
        assert "outside the folder" in message
        assert "Ana" not in str(caught.value)
    assert read_tables(hr, mapping=read_mapping(mapping_file), allow_outside=True).person_names == (
        "Ana Secret",
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_a_symlinked_csv_file_is_not_followed_out_of_the_folder(
    tmp_path: Path, engine: str
) -> None:
    hr_folder(tmp_path / "elsewhere", people="id,name\np1,Ana\nbad id,Bo\n")
    hr = tmp_path / "hr"
    hr.mkdir()
    (hr / "people.csv").symlink_to(tmp_path / "elsewhere" / "people.csv")
    with pytest.raises(LoadError) as caught:
        read_tables(hr, engine=engine)  # type: ignore[arg-type]
    [(name, _, message)] = _errors(caught)
    assert name == "people.csv"
    assert "outside the folder" in message
    assert "Ana" not in str(caught.value)
    assert "bad id" not in str(caught.value)
    # a link inside the folder is fine
    (hr / "people.csv").unlink()
    hr_folder(hr / "data", people="id\np1\n")
    (hr / "people.csv").symlink_to(hr / "data" / "people.csv")
    assert read_tables(hr, engine=engine).person_ids == ("p1",)  # type: ignore[arg-type]


def test_a_model_from_folder_keeps_symlinked_files_inside(tmp_path: Path) -> None:
    hr_folder(tmp_path / "elsewhere", people="id,name\np1,Ana\n")
    org = tmp_path / "plans" / "org"
    org.mkdir(parents=True)
    (org / "people.csv").symlink_to(tmp_path / "elsewhere" / "people.csv")
    model = tmp_path / "plans" / "plan.yaml"
    model.write_text("schema_version: 1\nname: x\norganization:\n  from: org\n", encoding="utf-8")
    with pytest.raises(LoadError, match="outside the folder"):
        io.load(model)
    assert io.load(model, allow_outside=True).organization.people[0].name == "Ana"


@pytest.mark.parametrize("engine", ENGINES)
def test_errors_quote_a_short_escaped_excerpt_of_a_cell(tmp_path: Path, engine: str) -> None:
    cell = "\x1b]0;owned\x07" + "x" * 5_000 + "\u202e"
    hr = hr_folder(tmp_path / "hr", units="id\nhq\n")
    with (hr / "people.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "unit"], ["p1", cell], ["p2", cell]])
    with pytest.raises(LoadError) as caught:
        read_tables(hr, engine=engine)  # type: ignore[arg-type]
    text = str(caught.value)
    assert "\x1b" not in text
    assert "\u202e" not in text
    assert "\x07" not in text
    assert "\\x1b" in text
    assert len(text) < 600
    # one problem for the value, however many rows hold it
    [error] = caught.value.errors
    assert "(2 rows; the first is here)" in error.message


# 2. Output injection: Gephi's CSV for spreadsheets


def test_gephi_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    people = [Person(id=f"p{i}", name=text) for i, text in enumerate(HOSTILE.values())]
    org = Organization(units=[Unit(id="u", name="=1+1")], people=people)
    write_gephi_csv(org, tmp_path / "gephi")
    with (tmp_path / "gephi" / "nodes.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    labels = {row["Id"]: row["Label"] for row in rows}
    assert labels["u"] == "'=1+1"
    for i, (trick, text) in enumerate(HOSTILE.items()):
        label = labels[f"p{i}"]
        assert label[0] not in "=+-@\t\r\n", trick
        assert label.removeprefix("'") == text, trick  # the text itself is kept


# 4. Unterminated quotes


@pytest.mark.parametrize("engine", ENGINES)
def test_an_unterminated_quote_is_reported_where_it_opens(tmp_path: Path, engine: str) -> None:
    hr = hr_folder(
        tmp_path / "hr", people='id,name\np0,Zoe\np1,"Ana\np2,Bo\np3,Cy\np4,Dee\np5,Ed\n'
    )
    with pytest.raises(LoadError) as caught:
        read_tables(hr, engine=engine)  # type: ignore[arg-type]
    [(name, line, message)] = _errors(caught)
    assert (name, line) == ("people.csv", 3)
    assert caught.value.errors[0].column == 4
    assert "never closed" in message


@pytest.mark.parametrize("engine", ENGINES)
def test_a_quote_that_closes_rows_later_is_reported(tmp_path: Path, engine: str) -> None:
    # five rows would be read as two people: "Ana\np2,Bo\np3," then "Cy"
    hr = hr_folder(tmp_path / "hr", people='id,name\np1,"Ana\np2,Bo\np3,"Cy\np4,Dee\np5,Ed\n')
    with pytest.raises(LoadError) as caught:
        read_tables(hr, engine=engine)  # type: ignore[arg-type]
    [(_, line, message)] = _errors(caught)
    assert line == 2
    assert "closes at line 4" in message


@pytest.mark.parametrize("engine", ENGINES)
def test_quoted_line_breaks_and_doubled_quotes_still_read(tmp_path: Path, engine: str) -> None:
    hr = hr_folder(tmp_path / "hr", people='id,name\np1,"Ana ""A""\nLine"\np2,"Bo, Jr"\n')
    tables = read_tables(hr, engine=engine)  # type: ignore[arg-type]
    assert tables.person_names == ('Ana "A"\nLine', "Bo, Jr")


# 5. Multi-file exports: all or nothing


@pytest.mark.parametrize("writer", ["gephi", "folder"])
def test_a_multi_file_export_failing_half_way_leaves_the_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: str
) -> None:
    old = Organization(people=[Person(id="old")])
    new = Organization(people=[Person(id="new")])
    write = write_gephi_csv if writer == "gephi" else write_folder
    write(old, tmp_path)
    before = {f.name: f.read_bytes() for f in tmp_path.iterdir()}
    real_replace = os.replace
    moved: list[str] = []

    def second_move_fails(source: object, target: object) -> None:
        if str(source).endswith(".tmp"):
            moved.append(str(target))
            if len(moved) == 2:
                raise OSError("disk full")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", second_move_fails)
    with pytest.raises(OSError, match="disk full"):
        write(new, tmp_path)
    assert {f.name: f.read_bytes() for f in tmp_path.iterdir()} == before


def test_a_multi_file_export_refuses_a_symlink_destination(tmp_path: Path) -> None:
    (tmp_path / "target.csv").write_text("keep", encoding="utf-8")
    (tmp_path / "gephi").mkdir()
    (tmp_path / "gephi" / "nodes.csv").symlink_to(tmp_path / "target.csv")
    with pytest.raises(OSError, match="symbolic link"):
        write_gephi_csv(Organization(people=[Person(id="a")]), tmp_path / "gephi")
    assert (tmp_path / "target.csv").read_text(encoding="utf-8") == "keep"
    assert not (tmp_path / "gephi" / "edges.csv").exists()


# 6. XML exports of control characters: escaped and read back, or refused


def _carried(text: str) -> bool:
    return XML_FORBIDDEN.search(text) is None


@pytest.mark.parametrize("trick", HOSTILE_IDS)
def test_graphml_round_trips_hostile_text_or_refuses_it(tmp_path: Path, trick: str) -> None:
    text = HOSTILE[trick]
    org = Organization(
        name=text,
        units=[Unit(id="u", name=text)],
        people=[Person(id="p", name=text, unit="u", attributes=(("note", text),))],
        groups=[TransversalGroup(id="g", name=text, objective=text, members=("p",))],
    )
    path = tmp_path / "org.graphml"
    if not _carried(text):
        with pytest.raises(ExportError) as caught:
            write_graphml(org, path)
        assert "person p, name" in str(caught.value)
        assert not path.exists()
        assert os.listdir(tmp_path) == []
        with pytest.raises(ExportError):
            write_gexf(org, tmp_path / "org.gexf")
        assert os.listdir(tmp_path) == []
        return
    write_graphml(org, path)
    back = read_graphml(path)
    assert back.name == text
    assert back.units[0].name == text
    assert back.people[0].name == text
    assert back.people[0].attributes == (("note", text),)
    assert (back.groups[0].name, back.groups[0].objective) == (text, text)
    write_gexf(org, tmp_path / "org.gexf")
    gexf = nx.read_gexf(tmp_path / "org.gexf")
    assert gexf.nodes["p"]["label"] == text
    assert gexf.nodes["p"]["note"] == text


# 8. Crashes instead of exit 2


@pytest.fixture(scope="module")
def long_cell_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    hr = tmp_path_factory.mktemp("long") / "org"
    hr.mkdir()
    long_name = "x" * (csv.field_size_limit() + 10)
    (hr / "people.csv").write_text(f'id,name\np1,Ann\np2,"{long_name}"\n', encoding="utf-8")
    return hr


@pytest.mark.parametrize("engine", ENGINES)
def test_a_cell_over_the_csv_limit_is_a_located_error(long_cell_folder: Path, engine: str) -> None:
    with pytest.raises(LoadError) as caught:
        read_tables(long_cell_folder, engine=engine)  # type: ignore[arg-type]
    [(name, line, message)] = _errors(caught)
    assert (name, line) == ("people.csv", 3)
    assert "longer than 131,072 characters" in message


def test_a_long_cell_through_from_is_a_load_error(long_cell_folder: Path) -> None:
    model = long_cell_folder.parent / "plan.yaml"
    model.write_text("schema_version: 1\nname: x\norganization:\n  from: org\n", encoding="utf-8")
    with pytest.raises(LoadError, match="longer than"):
        io.load(model)
    result = CliRunner().invoke(main, ["check", str(model)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "internal error" not in result.stderr


def _graphml(path: Path, body: str, keys: str = "") -> Path:
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
        '<key id="k" for="node" attr.name="kind" attr.type="string"/>\n'
        '<key id="r" for="edge" attr.name="relation" attr.type="string"/>\n'
        '<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n'
        '<key id="o" for="edge" attr.name="order" attr.type="long"/>\n'
        f'{keys}<graph edgedefault="directed">\n{body}</graph>\n</graphml>\n',
        encoding="utf-8",
    )
    return path


_TWO = (
    '<node id="a"><data key="k">person</data></node>\n'
    '<node id="b"><data key="k">person</data></node>\n'
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ('<data key="w">' + "9" * 400 + "</data>", "weight must be a number from 0 to 1e12"),
        ('<data key="w">1e400</data>', "weight must be a number from 0 to 1e12"),
        ('<data key="w">-1</data>', "weight must be a number from 0 to 1e12"),
        ('<data key="w">1e13</data>', "weight must be a number from 0 to 1e12"),
        ('<data key="o">' + "9" * 400 + "</data>", "order must be a position"),
    ],
)
def test_huge_numbers_in_graphml_are_located_errors(
    tmp_path: Path, data: str, expected: str
) -> None:
    path = _graphml(
        tmp_path / "org.graphml",
        _TWO + f'<edge source="a" target="b"><data key="r">ties</data>{data}</edge>\n',
    )
    with pytest.raises(LoadError) as caught:
        read_graphml(path)
    [(_, line, message)] = _errors(caught)
    assert line == 10  # the edge's line
    assert message.startswith("edge a -> b: ")
    assert expected in message


@pytest.mark.parametrize("value", ["inf", "[1]", '"3"', "-1"])
def test_a_bad_upward_hops_in_the_configuration_is_an_error_naming_it(
    tmp_path: Path, value: str
) -> None:
    hr = hr_folder(tmp_path / "hr", people="id\na\n")
    (hr / "estrategy.toml").write_text(f"[settings]\nupward_hops = {value}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["org", str(hr)])
    assert result.exit_code == 2
    assert str(hr / "estrategy.toml") in result.stderr
    assert "upward_hops" in result.stderr
    assert "internal error" not in result.stderr


# 9 and 10. FIFOs and size limits for every organisation input


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
@pytest.mark.parametrize(
    "name", ["people.csv", "ties.csv", "units.csv", "organization.toml", "people.parquet"]
)
def test_no_organisation_file_may_be_a_fifo(tmp_path: Path, name: str) -> None:
    hr = tmp_path / "hr"
    hr.mkdir()
    if name != "people.csv" and name != "people.parquet":
        (hr / "people.csv").write_text("id\na\n", encoding="utf-8")
    os.mkfifo(hr / name)
    for engine in ENGINES:
        with pytest.raises(LoadError, match=r"not a regular file"):
            read_tables(hr, engine=engine)  # type: ignore[arg-type]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_graphml_or_mapping_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "org.graphml")
    with pytest.raises(LoadError, match=r"not a regular file"):
        read_graphml(tmp_path / "org.graphml")
    with pytest.raises(LoadError, match=r"not a regular file"):
        io.load_organization(tmp_path / "org.graphml")
    os.mkfifo(tmp_path / "map.toml")
    with pytest.raises(LoadError, match=r"not a regular file"):
        read_mapping(tmp_path / "map.toml")


def test_every_organisation_file_has_a_size_limit(tmp_path: Path) -> None:
    hr = hr_folder(tmp_path / "hr", people="id,name\n" + "p1,Ann\n" * 10)
    small = Limits(max_table_bytes=50)
    for engine in ENGINES:
        with pytest.raises(
            LoadError, match=r"more than the limit of 50 \(Limits.max_table_bytes\)"
        ):
            read_tables(hr, engine=engine, limits=small)  # type: ignore[arg-type]
    (hr / "people.csv").write_text("id\na\n", encoding="utf-8")
    (hr / "organization.toml").write_text('name = "' + "x" * 100 + '"\n', encoding="utf-8")
    with pytest.raises(LoadError, match=r"Limits\.max_bytes"):
        read_tables(hr, limits=Limits(max_bytes=50))
    path = write_graphml_file_of(tmp_path)
    with pytest.raises(LoadError, match=r"Limits\.max_table_bytes"):
        read_graphml(path, limits=Limits(max_table_bytes=50))
    mapping = tmp_path / "map.toml"
    mapping.write_text("# " + "x" * (21 * 1024 * 1024) + "\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"Limits\.max_bytes"):
        read_mapping(mapping)


def write_graphml_file_of(folder: Path) -> Path:
    path = folder / "org.graphml"
    write_graphml(Organization(people=[Person(id="a"), Person(id="b")]), path)
    return path


# 13. GraphML at scale and bounded columns


def test_a_csv_with_too_many_columns_is_refused_at_once(tmp_path: Path) -> None:
    header = ",".join(["id"] + [f"c{i}" for i in range(300_000)])
    (tmp_path / "people.csv").write_text(header + "\n" + "a" + "," * 300_000 + "\n")
    for engine in ENGINES:
        with pytest.raises(LoadError, match=r"300,001 columns, more than the limit of 4,096"):
            read_tables(tmp_path, engine=engine)  # type: ignore[arg-type]


def test_graphml_with_too_many_keys_or_a_dtd_is_refused(tmp_path: Path) -> None:
    keys = "".join(f'<key id="x{i}" for="node" attr.name="c{i}"/>\n' for i in range(5_000))
    with pytest.raises(LoadError, match="more than 4,096 attribute keys"):
        read_graphml(_graphml(tmp_path / "keys.graphml", _TWO, keys))
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
        '<graphml><graph><node id="a"><data key="k">&lol2;</data></node></graph></graphml>\n'
    )
    (tmp_path / "dtd.graphml").write_text(laughs, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        read_graphml(tmp_path / "dtd.graphml")
    [(_, line, message)] = _errors(caught)
    assert line == 2
    assert "DOCTYPE" in message


def _peak(read: object, path: Path) -> int:
    tracemalloc.start()
    try:
        read(path)  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_graphml_reads_as_it_streams(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    n = 1_500
    tables = build_tables(
        name="big",
        size=OrganizationSize.LARGE,
        unit_ids=[],
        unit_parent=[],
        person_ids=[f"p{i}" for i in range(n)],
        person_names=[f"Person {i}" for i in range(n)],
        person_unit=[-1] * n,
        person_manager=[-1] + [i // 2 for i in range(1, n)],
        person_supervisor=[-1] * n,
        person_external=[False] * n,
        person_decision_maker=[False] * n,
        roles=[[]] * n,
        skills=[[]] * n,
        group_ids=[],
        group_kind=[],
        group_objective=[],
        group_deadline=[],
        member_group=[],
        member_person=[],
        tie_source=list(range(n - 1)),
        tie_target=list(range(1, n)),
        tie_esn=[False] * (n - 1),
        tie_weight=[1.0] * (n - 1),
    )
    path = tmp_path / "big.graphml"
    write_graphml(tables, path)
    read_graphml_tables(path)  # imports done outside the measure
    ours = _peak(read_graphml_tables, path)
    tree = _peak(ET.parse, path)
    assert read_graphml_tables(path).n_people == n
    # the arrays of the organisation, not a tree of the document (nor a networkx graph)
    assert ours * 3 < tree, (ours, tree)


# 14. One integrity check for every source


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            _TWO + '<edge source="a" target="b"><data key="r">reports_to</data></edge>\n'
            '<edge source="b" target="a"><data key="r">reports_to</data></edge>\n',
            "manager cycle: a -> b -> a",
        ),
        (
            _TWO + '<edge source="a" target="a"><data key="r">reports_to</data></edge>\n',
            "manager cycle: a -> a",
        ),
        (
            '<node id="u"><data key="k">unit</data></node>\n'
            '<node id="v"><data key="k">unit</data></node>\n'
            '<edge source="u" target="v"><data key="r">child_of</data></edge>\n'
            '<edge source="v" target="u"><data key="r">child_of</data></edge>\n',
            "unit parent cycle: u -> v -> u",
        ),
        (
            _TWO + '<node id="u"><data key="k">unit</data></node>\n'
            '<node id="v"><data key="k">unit</data></node>\n'
            '<edge source="a" target="u"><data key="r">belongs_to</data></edge>\n'
            '<edge source="a" target="v"><data key="r">belongs_to</data></edge>\n',
            "person 'a' has two units ('u' and 'v')",
        ),
        (
            _TWO + '<node id="c"><data key="k">person</data></node>\n'
            '<edge source="a" target="b"><data key="r">reports_to</data></edge>\n'
            '<edge source="a" target="c"><data key="r">reports_to</data></edge>\n',
            "person 'a' has two managers ('b' and 'c')",
        ),
        (
            _TWO + '<node id="a"><data key="k">unit</data></node>\n',
            "node 'a': the id is already the id of a person",
        ),
    ],
)
def test_graphml_holds_to_the_integrity_every_source_does(
    tmp_path: Path, body: str, expected: str
) -> None:
    with pytest.raises(LoadError) as caught:
        read_graphml(_graphml(tmp_path / "org.graphml", body))
    assert any(expected in e.message for e in caught.value.errors), caught.value


@pytest.mark.parametrize("engine", ENGINES)
def test_parquet_holds_to_the_same_checks_as_csv(tmp_path: Path, engine: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(
        pa.table({"id": ["a", "b", "a"], "manager": ["b", "a", ""]}), tmp_path / "people.parquet"
    )
    with pytest.raises(LoadError) as caught:
        read_tables(tmp_path, engine=engine)  # type: ignore[arg-type]
    messages = sorted(e.message for e in caught.value.errors)
    assert messages == ["row 3: duplicate person id 'a'", "row 1: manager cycle: a -> b -> a"][::-1]


# 17. Messages: non-UTF-8 files and GraphML attributes


@pytest.mark.parametrize("engine", ENGINES)
def test_a_latin1_csv_names_the_file_line_and_utf8(tmp_path: Path, engine: str) -> None:
    (tmp_path / "people.csv").write_bytes("id,name\np1,Ann\np2,Amélie\n".encode("latin-1"))
    with pytest.raises(LoadError) as caught:
        read_tables(tmp_path, engine=engine)  # type: ignore[arg-type]
    [error] = caught.value.errors
    assert (Path(error.source).name, error.line, error.column) == ("people.csv", 3, 6)
    assert "not UTF-8" in error.message
    assert "0xe9" in error.message


def test_latin1_organization_toml_and_mapping_files_are_located(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text("id\na\n", encoding="utf-8")
    (tmp_path / "organization.toml").write_bytes(
        'size = "small"\nname = "Lef\xe8vre"\n'.encode("latin-1")
    )
    with pytest.raises(LoadError) as caught:
        read_tables(tmp_path)
    [error] = caught.value.errors
    assert (Path(error.source).name, error.line) == ("organization.toml", 2)
    assert "UTF-8" in error.message
    mapping = tmp_path / "map.toml"
    mapping.write_bytes('[people]\nid = "Num\xe9ro"\n'.encode("latin-1"))
    with pytest.raises(LoadError) as caught:
        read_mapping(mapping)
    [error] = caught.value.errors
    assert (error.source, error.line) == (str(mapping), 2)
    assert "UTF-8" in error.message


def test_graphml_attribute_errors_name_the_file_line_node_and_attribute(tmp_path: Path) -> None:
    body = (
        '<node id="a"><data key="k">person</data><data key="e">yes</data></node>\n'
        '<node id="g"><data key="k">group</data><data key="gk">club</data></node>\n'
    )
    keys = (
        '<key id="e" for="node" attr.name="external" attr.type="string"/>\n'
        '<key id="gk" for="node" attr.name="group_kind" attr.type="string"/>\n'
    )
    path = _graphml(tmp_path / "org.graphml", body, keys)
    with pytest.raises(LoadError) as caught:
        read_graphml(path)
    assert [(e.source, e.line, e.message) for e in caught.value.errors] == [
        (str(path), 10, "node 'a': external: expected true or false, got 'yes'"),
        (
            str(path),
            11,
            "node 'g': unknown group kind 'club'; known: " + ", ".join(k.value for k in GroupKind),
        ),
    ]


# Tie weights are bounded in every source, so that sums of weights (and of their
# squares, in Burt's constraint) over a whole organisation stay far from overflow.


@pytest.mark.parametrize("engine", ENGINES)
def test_a_csv_tie_heavier_than_a_trillion_is_a_located_error(tmp_path: Path, engine: str) -> None:
    hr = hr_folder(
        tmp_path / "hr",
        people="id\nann\nbob\n",
        ties=f"source,target,kind,weight\nann,bob,collaboration,{MAX_TIE_WEIGHT:.0f}\n"
        "bob,ann,esn,1e13\n",
    )
    with pytest.raises(LoadError) as caught:
        read_tables(hr, engine=engine)  # type: ignore[arg-type]
    assert _errors(caught) == [
        ("ties.csv", 3, "weight must be a number from 0 to 1e12, got '1e13'")
    ]


def test_the_heaviest_ties_keep_every_analysis_finite_and_silent() -> None:
    units = [Unit(id="co"), Unit(id="sales", parent="co"), Unit(id="ops", parent="co")]
    people = [Person(id=f"p{i}", unit="sales" if i < 3 else "ops") for i in range(6)]
    ties = [
        Tie(source=f"p{i}", target=f"p{j}", weight=MAX_TIE_WEIGHT)
        for i in range(6)
        for j in range(i + 1, 6)
    ]
    organization = Organization(units=units, people=people, ties=ties)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow in numpy is a RuntimeWarning
        collaboration = line_collaboration(organization)
        by_line = group_matrix(organization)
        holes = structural_holes(organization)
        json.dumps(analyze(organization).to_dict(), allow_nan=False)
    assert [line.weighted_within_share for line in collaboration.per_line] == [0.25, 0.25]
    assert [g.weighted_within_share for g in by_line.per_group] == [0.25, 0.25]
    assert all(c is not None and math.isfinite(c) for c in holes.weighted_constraint)


def _weighted_constraints(weights: list[float]) -> list[float | None]:
    people = [Person(id=f"p{i}") for i in range(5)]
    pairs = [(0, 1), (0, 2), (1, 2), (2, 3), (3, 4)]
    ties = [
        Tie(source=f"p{a}", target=f"p{b}", weight=w)
        for (a, b), w in zip(pairs, weights, strict=True)
    ]
    return list(structural_holes(Organization(people=people, ties=ties)).weighted_constraint)


def test_the_lightest_ties_keep_the_weighted_constraint_finite_and_silent() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = _weighted_constraints([5e-324, 1e-310, 1.0, MAX_TIE_WEIGHT, 3.0])
    assert all(c is not None and math.isfinite(c) for c in found)


def test_the_weighted_constraint_does_not_depend_on_the_unit_of_the_weights() -> None:
    weights = [1.0, 2.0, 0.5, 4.0, 3.0]
    assert _weighted_constraints([w * 1e9 for w in weights]) == pytest.approx(
        _weighted_constraints(weights), rel=1e-12
    )
