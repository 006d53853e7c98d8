"""A lone surrogate escape is refused with its place, never a crash while printing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from estrategy.io import LoadError, loads

YAML = 'schema_version: 1\nname: "\\ud800"\n'
JSON = '{"schema_version": 1, "tactics": [{"id": "t", "name": "a\\udfffb"}]}'
TOML = 'schema_version = 1\nmission = "\\ud800"\n'


@pytest.mark.parametrize(
    ("text", "fmt", "path"),
    [(YAML, "yaml", ("name",)), (JSON, "json", ("tactics", 0, "name"))],
)
def test_lone_surrogates_are_load_errors(text: str, fmt: str, path: tuple[object, ...]) -> None:
    with pytest.raises(LoadError, match="lone surrogate") as caught:
        loads(text, fmt)
    assert [e.path for e in caught.value.errors] == [path]


def test_toml_refuses_surrogate_escapes_itself() -> None:
    with pytest.raises(LoadError, match="Unicode scalar value"):
        loads(TOML, "toml")


def test_cli_exits_2_without_traceback(tmp_path: Path) -> None:
    model = tmp_path / "s.yaml"
    model.write_text(YAML, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "estrategy", "check", str(model)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "s.yaml:2:" in result.stderr


def test_json_surrogate_pairs_read_as_yaml_give_the_character() -> None:
    text = '{"schema_version": 1, "name": "beer \\ud83c\\udf7a"}'
    assert loads(text, "yaml").name == "beer \U0001f37a"
    assert loads(text, "json").name == "beer \U0001f37a"
