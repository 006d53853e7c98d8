"""Every output file goes through one atomic writer: mode, fsync, clean-up on failure."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from estrategy import io
from estrategy.io.atomic import atomic_path
from estrategy.io.graphml import write_gephi_csv, write_gexf, write_graphml
from estrategy.io.orgcsv import write_folder
from estrategy.model import Organization, Person


def _org(name: str = "x") -> Organization:
    return Organization(name=name, people=[Person(id="a", name="A")])


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_a_new_exported_graph_is_0644(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"org{suffix}"
    (write_graphml if suffix == ".graphml" else write_gexf)(_org(), path)
    assert _mode(path) == 0o644
    assert os.listdir(tmp_path) == [path.name]


def test_new_csv_exports_are_0644(tmp_path: Path) -> None:
    write_gephi_csv(_org(), tmp_path / "gephi")
    write_folder(_org(), tmp_path / "csv")
    files = [*(tmp_path / "gephi").iterdir(), *(tmp_path / "csv").iterdir()]
    assert files
    assert {f.suffix for f in files} == {".csv", ".toml"}
    assert {_mode(f) for f in files} == {0o644}


def test_an_existing_export_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "org.graphml"
    write_graphml(_org(), path)
    path.chmod(0o600)
    write_graphml(_org("y"), path)
    assert _mode(path) == 0o600


def test_a_failed_graph_export_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "org.graphml"
    write_graphml(_org(), path)
    before = path.read_bytes()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("writer failed")

    monkeypatch.setattr("estrategy.io._graphml_write._stream", broken)
    with pytest.raises(RuntimeError):
        write_graphml(_org("other"), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["org.graphml"]


def test_a_failed_csv_folder_write_leaves_the_old_files_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_folder(_org(), tmp_path)
    before = {f.name: f.read_bytes() for f in tmp_path.iterdir()}

    def no_rename(_src: object, _dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(OSError, match="disk full"):
        write_folder(_org("other"), tmp_path)
    assert {f.name: f.read_bytes() for f in tmp_path.iterdir()} == before


def test_atomic_path_flushes_to_disk_and_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    with atomic_path(tmp_path / "out.txt") as temporary:
        assert temporary.parent == tmp_path
        temporary.write_text("hello", encoding="utf-8")
    assert synced
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "hello"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_atomic_path_removes_the_temporary_when_the_block_fails(tmp_path: Path) -> None:
    (tmp_path / "out.txt").write_text("old", encoding="utf-8")

    def write_then_fail() -> None:
        with atomic_path(tmp_path / "out.txt") as temporary:
            temporary.write_text("new", encoding="utf-8")
            raise ValueError("stop")

    with pytest.raises(ValueError, match="stop"):
        write_then_fail()
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_io_save_still_writes_through_the_same_writer(tmp_path: Path) -> None:
    from estrategy.model import StrategyModel

    io.save(StrategyModel(name="x"), tmp_path / "plan.yaml")
    assert _mode(tmp_path / "plan.yaml") == 0o644
