"""``load_organization`` decides what a source is; ``export_organization`` what to write."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from estrategy import io
from estrategy.io.graphml import read_graphml
from estrategy.io.organization import (
    OrganizationSourceError,
    check_export_target,
    resolve_mapping,
)
from estrategy.io.orgcsv import PRESETS, ColumnMapping, write_folder
from estrategy.model.tables import as_tables


def test_a_model_file_gives_its_organisation(lefevre_path: Path) -> None:
    tables = io.load_organization(lefevre_path)
    assert tables.person_ids == as_tables(io.load(lefevre_path).organization).person_ids


def test_no_source_is_the_demo() -> None:
    assert (
        io.load_organization(None).person_ids == as_tables(io.load_demo().organization).person_ids
    )


def test_a_folder_and_a_graphml_file_give_the_same_people(
    lefevre_path: Path, tmp_path: Path
) -> None:
    organization = io.load(lefevre_path).organization
    write_folder(organization, tmp_path / "hr")
    io.export_organization(organization, tmp_path / "org.graphml")
    from_folder = io.load_organization(tmp_path / "hr")
    from_graphml = io.load_organization(str(tmp_path / "org.graphml"))
    assert from_folder.person_ids == from_graphml.person_ids == as_tables(organization).person_ids


def test_a_mapping_is_a_preset_a_file_or_an_object(tmp_path: Path) -> None:
    (tmp_path / "hr").mkdir()
    (tmp_path / "hr" / "people.csv").write_text("Name,Reports_To\nAnn,\nBob,Ann\n")
    by_name = io.load_organization(tmp_path / "hr", mapping="chart")
    by_object = io.load_organization(tmp_path / "hr", mapping=PRESETS["chart"])
    assert by_name.person_ids == by_object.person_ids
    assert by_name.person_manager.tolist() == [-1, 0]
    mapping = ColumnMapping()
    assert resolve_mapping(mapping) is mapping


def test_an_unknown_preset_is_a_load_error(tmp_path: Path) -> None:
    (tmp_path / "hr").mkdir()
    with pytest.raises(io.LoadError, match="neither a preset"):
        io.load_organization(tmp_path / "hr", mapping="nope")


def test_a_mapping_on_a_model_file_is_refused(lefevre_path: Path) -> None:
    with pytest.raises(OrganizationSourceError, match="folder of CSV files only") as caught:
        io.load_organization(lefevre_path, mapping="chart")
    assert caught.value.errors[0].source == str(lefevre_path)
    with pytest.raises(OrganizationSourceError, match="folder of CSV files only"):
        io.load_organization(None, mapping="chart")


def test_the_error_survives_pickling() -> None:
    error = OrganizationSourceError("hr", "bad")
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == "bad"
    assert again.errors == error.errors


@pytest.mark.parametrize(
    ("name", "written"), [("o.graphml", "o.graphml"), ("o.GEXF", "o.GEXF"), ("gephi", "gephi")]
)
def test_export_by_suffix(lefevre_path: Path, tmp_path: Path, name: str, written: str) -> None:
    check_export_target(tmp_path / name)
    io.export_organization(io.load_organization(lefevre_path), tmp_path / name)
    assert (tmp_path / written).exists()
    if name == "gephi":
        assert (tmp_path / "gephi" / "nodes.csv").exists()
    if name.endswith("graphml"):
        assert read_graphml(tmp_path / name).people


def test_an_unknown_export_suffix_is_refused() -> None:
    with pytest.raises(io.LoadError, match=r"expected a \.graphml or \.gexf file"):
        check_export_target("graph.txt")
