"""The command line skeleton: help, version, lazy commands, init, schema, python -m."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from estrategy.cli import COMMANDS, main


def test_help_lists_every_available_command_without_importing_them() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from estrategy.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print('LOADED', ' '.join(m for m in sys.modules if m.startswith('estrategy.cli.')))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "check" in result.stdout
    assert "schema" in result.stdout
    loaded = result.stdout.split("LOADED", 1)[1].split()
    # the helpers every command shares (options, translated help pages), no command
    assert all(m.endswith(("._common", "._help")) for m in loaded), loaded


def test_every_registered_command_has_a_one_line_help() -> None:
    for name, (module, attribute, help_text) in COMMANDS.items():
        assert module.startswith("estrategy.cli."), name
        assert attribute
        assert help_text.endswith(".")
        assert "\n" not in help_text


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("estrategy ")


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["frobnicate"])
    assert result.exit_code == 2


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "estrategy", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "Usage: estrategy" in result.stdout


def test_init_writes_a_starter_that_loads_and_refuses_to_overwrite(tmp_path: Path) -> None:
    from estrategy.io import load

    target = tmp_path / "plan.yaml"
    runner = CliRunner()
    first = runner.invoke(main, ["init", str(target)])
    assert first.exit_code == 0, first.output
    model = load(target)
    assert model.name == "My digital plan"
    assert model.tactics
    assert model.actions
    assert model.kpis

    target.write_text("precious", encoding="utf-8")
    second = runner.invoke(main, ["init", str(target)])
    assert second.exit_code == 2
    assert "already exists" in second.output
    assert target.read_text(encoding="utf-8") == "precious"

    forced = runner.invoke(main, ["init", "--force", str(target)])
    assert forced.exit_code == 0
    first_line, second_line = target.read_text(encoding="utf-8").splitlines()[:2]
    assert first_line == "# yaml-language-server: $schema=estrategy.schema.json"
    assert second_line.startswith("# A starter model")


def test_schema_prints_json_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.output)
    assert schema["type"] == "object"
    assert "tactics" in schema["properties"]


@pytest.mark.parametrize("name", ["demo.yaml", "starter.yaml"])
def test_packaged_models_load(name: str) -> None:
    from importlib import resources

    from estrategy.io import loads

    text = resources.files("estrategy.data").joinpath(name).read_text("utf-8")
    model = loads(text)
    assert model.schema_version == 1
