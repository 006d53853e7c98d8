"""A model reads only inside its own folder, and only regular files.

A model shared by someone else must not make estrategy read, and print, an organisation
elsewhere on disk (``from: ../../hr``, an absolute path, a symlink); ``allow_outside``
widens that. A FIFO given as any input would block forever: it is refused.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from estrategy.catalogue import Catalogue, CatalogueError
from estrategy.io import LoadError, load, load_organization
from estrategy.io.toml import read_toml_file
from estrategy.maturity import load_maturity_model
from estrategy.settings import ConfigError, load_config

PEOPLE = "id,name\np1,Ana\np2,Bo\n"


def _model(folder: Path, reference: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "plan.yaml"
    path.write_text(f"schema_version: 1\nname: x\norganization:\n  from: {reference}\n")
    return path


def _hr(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "people.csv").write_text(PEOPLE, encoding="utf-8")
    return folder


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    return _hr(tmp_path / "elsewhere" / "hr")


@pytest.mark.parametrize("how", ["relative", "absolute", "symlink"])
def test_a_model_cannot_read_an_organisation_outside_its_folder(
    tmp_path: Path, outside: Path, how: str
) -> None:
    folder = tmp_path / "shared" / "plans"
    folder.mkdir(parents=True)
    reference = {"relative": "../../elsewhere/hr", "absolute": str(outside), "symlink": "hr"}[how]
    if how == "symlink":
        (folder / "hr").symlink_to(outside, target_is_directory=True)
    model = _model(folder, reference)
    with pytest.raises(LoadError) as caught:
        load(model)
    (error,) = caught.value.errors
    assert error.path == ("organization", "from")
    assert error.line == 4
    assert "outside the model's folder" in error.message
    assert "--allow-outside" in error.message
    assert "Ana" not in str(caught.value)  # nothing of the file is shown


def test_allow_outside_reads_it(tmp_path: Path, outside: Path) -> None:
    model = _model(tmp_path / "shared" / "plans", "../../elsewhere/hr")
    assert [p.id for p in load(model, allow_outside=True).organization.people] == ["p1", "p2"]
    tables = load_organization(model, allow_outside=True)
    assert tables.n_people == 2


def test_load_organization_keeps_the_model_inside_its_folder(tmp_path: Path, outside: Path) -> None:
    model = _model(tmp_path / "shared" / "plans", "../../elsewhere/hr")
    with pytest.raises(LoadError, match="outside the model's folder"):
        load_organization(model)


def test_an_organisation_inside_the_folder_is_read(tmp_path: Path) -> None:
    _hr(tmp_path / "plans" / "hr")
    model = _model(tmp_path / "plans", "hr")
    assert len(load(model).organization.people) == 2


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    return path


def test_no_reader_opens_a_fifo(fifo: Path) -> None:
    # Each of these would block forever on open() if the FIFO were not refused first.
    readers: list[tuple[Callable[[Path], object], type[Exception]]] = [
        (load, LoadError),
        (read_toml_file, LoadError),
        (load_config, ConfigError),
        (Catalogue.from_toml, CatalogueError),
        (load_maturity_model, LoadError),
    ]
    for read, error in readers:
        with pytest.raises(error, match="not a regular file"):
            read(fifo)


def test_a_fifo_named_by_from_is_refused(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    folder = tmp_path / "plans"
    folder.mkdir()
    os.mkfifo(folder / "org.graphml")
    with pytest.raises(LoadError, match="not a regular file"):
        load(_model(folder, "org.graphml"))
