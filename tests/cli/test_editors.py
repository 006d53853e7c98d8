"""Editors: the schema as a file, hover text for every key and value, and init's first line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
from click.testing import CliRunner

from estrategy import io
from estrategy.cli import main


def properties(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every property of every object of the schema, with where it is."""
    for name, definition in [("(top level)", schema), *schema["$defs"].items()]:
        for key, prop in definition.get("properties", {}).items():
            yield f"{name}.{key}", prop


def test_schema_output_file_is_the_printed_schema(tmp_path: Path) -> None:
    target = tmp_path / "estrategy.schema.json"
    result = CliRunner().invoke(main, ["schema", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    printed = CliRunner().invoke(main, ["schema"]).stdout
    assert target.read_text(encoding="utf-8") == printed
    assert json.loads(printed) == io.json_schema()


def test_every_key_has_a_title_and_a_description() -> None:
    schema = io.json_schema()
    assert schema["title"] == "estrategy model file"
    for name, definition in schema["$defs"].items():
        assert definition["title"], name
        assert definition["description"], name
    for where, prop in properties(schema):
        assert prop.get("title"), where
        assert prop.get("description"), where
        assert "``" not in prop["description"], where  # Markdown, not reStructuredText


def test_every_enumeration_value_has_a_description() -> None:
    schema = io.json_schema()
    enumerated = [
        (w, p) for w, p in properties(schema) if "enum" in p and w != "(top level).schema_version"
    ]
    assert len(enumerated) >= 12
    for where, prop in enumerated:
        assert len(prop["enumDescriptions"]) == len(prop["enum"]), where
        assert all(prop["enumDescriptions"]), where
    kinds = schema["$defs"]["Tactic"]["properties"]["kind"]
    described = dict(zip(kinds["enum"], kinds["enumDescriptions"], strict=True))
    assert described["social_selling"].startswith("salespeople")


def test_init_names_the_schema_on_its_first_line_and_writes_it(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    result = CliRunner().invoke(main, ["init", str(target)])
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=estrategy.schema.json"
    schema = json.loads((tmp_path / "estrategy.schema.json").read_text(encoding="utf-8"))
    assert schema == io.json_schema()
    data = json.loads(io.dumps(io.load(target), "json"))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_init_keeps_an_existing_schema_file_unless_forced(tmp_path: Path) -> None:
    schema = tmp_path / "estrategy.schema.json"
    schema.write_text("{}", encoding="utf-8")
    CliRunner().invoke(main, ["init", str(tmp_path / "plan.yaml")])
    assert schema.read_text(encoding="utf-8") == "{}"
    CliRunner().invoke(main, ["init", "--force", str(tmp_path / "plan.yaml")])
    assert json.loads(schema.read_text(encoding="utf-8")) == io.json_schema()
