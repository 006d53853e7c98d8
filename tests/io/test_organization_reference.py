"""``organization: {from: PATH}``: an organisation read from CSV files or GraphML."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import attrs
import pytest

from estrategy import io
from estrategy.io import FileError, LoadError
from estrategy.model import Organization, Person, Unit

MODEL = """\
schema_version: 1
name: With an HR export
organization:
  from: {path}
tactics:
  - {{id: t-1, owner_unit: sales}}
actions:
  - {{id: a-1, tactic: t-1, responsible: {responsible}}}
"""


def write_export(folder: Path) -> None:
    folder.mkdir()
    (folder / "units.csv").write_text("id,name,parent\nhq,Head office,\nsales,Sales,hq\n")
    (folder / "people.csv").write_text("id,name,unit,manager\nboss,Ann,hq,\nbob,Bob,sales,boss\n")


def test_csv_folder_is_read_relative_to_the_model(tmp_path: Path) -> None:
    write_export(tmp_path / "org")
    path = tmp_path / "plan.yaml"
    path.write_text(MODEL.format(path="org/", responsible="bob"), encoding="utf-8")
    model = io.load(path)
    assert [person.id for person in model.organization.people] == ["boss", "bob"]
    assert model.organization.source == "org/"
    assert "organization:\n  from: org/\n" in io.dumps(model)
    for fmt in ("yaml", "json", "toml"):
        saved = tmp_path / f"saved.{fmt}"
        io.save(model, saved)
        assert io.load(saved) == model


def test_references_into_the_organisation_are_checked(tmp_path: Path) -> None:
    write_export(tmp_path / "org")
    path = tmp_path / "plan.yaml"
    path.write_text(MODEL.format(path="org", responsible="bobb"), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        io.load(path)
    (error,) = caught.value.errors
    assert (error.line, error.path) == (8, ("actions", 0, "responsible"))
    assert "unknown person 'bobb' (did you mean 'bob'?)" in error.message


def test_strings_resolve_against_base_dir(tmp_path: Path) -> None:
    write_export(tmp_path / "org")
    text = MODEL.format(path="org", responsible="bob")
    assert len(io.loads(text, base_dir=tmp_path).organization.people) == 2


def test_missing_folder_is_located(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(MODEL.format(path="nowhere/", responsible="bob"), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        io.load(path)
    (error,) = caught.value.errors
    assert (error.line, error.path) == (4, ("organization", "from"))
    assert "'nowhere/' not found" in error.message


def test_errors_of_the_csv_files_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "org"
    folder.mkdir()
    (folder / "people.csv").write_text("id,external\nann,maybe\n")
    path = tmp_path / "plan.yaml"
    path.write_text(MODEL.format(path="org", responsible="ann"), encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        io.load(path)
    assert any("people.csv" in error.source for error in caught.value.errors)


def test_from_takes_no_other_key(tmp_path: Path) -> None:
    text = "schema_version: 1\norganization:\n  from: org\n  name: X\n"
    with pytest.raises(LoadError) as caught:
        io.loads(text, base_dir=tmp_path)
    assert caught.value.errors[0].line == 4
    assert "takes no other key" in caught.value.errors[0].message


def test_from_must_be_a_path(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="expected a path, got the number 3"):
        io.loads("schema_version: 1\norganization: {from: 3}\n", base_dir=tmp_path)


def test_source_is_not_a_file_key() -> None:
    with pytest.raises(LoadError, match="unknown key 'source'"):
        io.loads("schema_version: 1\norganization: {source: org}\n")


def test_graphml_goes_to_the_graphml_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Path] = []

    def read_graphml(path: Path) -> Organization:
        seen.append(path)
        return Organization(units=[Unit(id="sales")], people=[Person(id="bob", unit="sales")])

    fake = types.ModuleType("estrategy.io.graphml")
    fake.read_graphml = read_graphml  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "estrategy.io.graphml", fake)
    (tmp_path / "org.graphml").write_text("<graphml/>")
    model = io.loads(MODEL.format(path="org.graphml", responsible="bob"), base_dir=tmp_path)
    assert seen == [tmp_path / "org.graphml"]
    assert model.organization.source == "org.graphml"


def test_load_error_of_the_reader_passes_through(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def read_graphml(path: Path) -> Organization:
        raise LoadError([FileError(str(path), 3, 7, (), "bad edge")])

    fake = types.ModuleType("estrategy.io.graphml")
    fake.read_graphml = read_graphml  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "estrategy.io.graphml", fake)
    with pytest.raises(LoadError, match="bad edge") as caught:
        io.loads(MODEL.format(path="org.graphml", responsible="bob"), base_dir=tmp_path)
    assert caught.value.errors[0].line == 3


def test_real_graphml_file(tmp_path: Path, lefevre_path: Path) -> None:
    from estrategy.io.graphml import write_graphml

    lefevre = io.load(lefevre_path)
    write_graphml(lefevre.organization, tmp_path / "org.graphml")
    organization = attrs.evolve(lefevre.organization, source="org.graphml")
    text = io.dumps(attrs.evolve(lefevre, organization=organization))
    assert "organization:\n  from: org.graphml\nmission:" in text
    model = io.loads(text, base_dir=tmp_path)
    assert {p.id for p in model.organization.people} == {p.id for p in lefevre.organization.people}
    assert model.organization.source == "org.graphml"
    assert model.actions == lefevre.actions
