"""Finding model files in folders: by name, by a top-level schema_version, never others."""

from __future__ import annotations

from pathlib import Path

import pytest

from estrategy.io import DEFAULT_LIMITS, Limits
from estrategy.io.discovery import find_model_files, is_model_file

MODEL = "schema_version: 1\nname: x\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("plan.estrategy.yaml", "anything: at all\n", True),  # the name says so
        ("plan.estrategy.YML", "", True),
        ("plan.yaml", MODEL, True),
        ("plan.yml", "# a comment\nname: x\nschema_version: 1\n", True),
        ("plan.yaml", "name: x\nnested:\n  schema_version: 1\n", False),  # not top level
        ("plan.json", '{"name": "x", "schema_version": 1}', True),
        ("plan.json", '{"nested": {"schema_version": 1}}', False),
        ("plan.json", '{"schema_version": ', False),  # broken JSON is skipped, not fatal
        ("plan.toml", "schema_version = 1\n[organization]\n", True),
        ("plan.toml", "[tool]\nschema_version = 1\n", False),  # inside a table
        ("estrategy.toml", "select = ['STR']\n", False),
        ("notes.txt", MODEL, False),
        ("package.json", '{"name": "app"}', False),
    ],
)
def test_what_counts_as_a_model_file(tmp_path: Path, name: str, text: str, expected: bool) -> None:
    assert is_model_file(write(tmp_path / name, text)) is expected


def test_a_file_too_big_to_sniff_is_skipped_unless_named(tmp_path: Path) -> None:
    small = Limits(max_bytes=20)
    assert not is_model_file(write(tmp_path / "big.yaml", MODEL + "#" * 40), limits=small)
    assert is_model_file(write(tmp_path / "big.estrategy.yaml", MODEL * 40), limits=small)
    assert is_model_file(write(tmp_path / "ok.yaml", MODEL), limits=DEFAULT_LIMITS)


def test_folders_are_searched_recursively_in_path_order(tmp_path: Path) -> None:
    write(tmp_path / "b" / "plan.yaml", MODEL)
    write(tmp_path / "a.estrategy.json", "{}")
    write(tmp_path / "notes.yaml", "title: notes\n")
    write(tmp_path / ".git" / "plan.yaml", MODEL)  # hidden folders are skipped
    write(tmp_path / "node_modules" / "x" / "plan.yaml", MODEL)
    found = find_model_files([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "a.estrategy.json",
        "b/plan.yaml",
    ]


def test_exclude_matches_names_and_relative_paths(tmp_path: Path) -> None:
    write(tmp_path / "clients" / "acme" / "archive" / "old.yaml", MODEL)
    write(tmp_path / "clients" / "acme" / "plan.yaml", MODEL)
    write(tmp_path / "clients" / "acme" / "plan.draft.yaml", MODEL)
    found = find_model_files([tmp_path], exclude=["clients/*/archive", "*.draft.yaml"])
    assert [p.name for p in found] == ["plan.yaml"]
    everything = find_model_files([tmp_path], exclude=[], default_excludes=False)
    assert len(everything) == 3


def test_named_files_are_kept_and_duplicates_dropped(tmp_path: Path) -> None:
    plan = write(tmp_path / "plan.yaml", MODEL)
    other = tmp_path / "missing.yaml"  # loading will say it does not exist
    notes = write(tmp_path / "notes.txt", "not a model")  # named: checked all the same
    found = find_model_files([plan, tmp_path, other, notes, plan])
    assert found == tuple(sorted({plan, other, notes}, key=lambda p: p.as_posix()))


def test_a_workbook_is_a_model_by_its_name_only(tmp_path: Path) -> None:
    assert is_model_file(write(tmp_path / "plan.estrategy.xlsx", "PK"))
    assert not is_model_file(write(tmp_path / "budget.xlsx", "PK schema_version"))
