"""One error hierarchy: bad input is exit 2 with its message; a bug is one line, exit 2."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import estrategy
from estrategy import analysis, catalogue, io, settings
from estrategy.base.errors import EstrategyError
from estrategy.cli import main
from estrategy.maturity import plugins as maturity_plugins
from estrategy.model import ModelIntegrityError, dates, validators
from estrategy.rules import Registry, RuleContext, Violation, rule

ERRORS: list[type[Exception]] = [
    io.LoadError,
    ModelIntegrityError,
    validators.FieldValueError,
    dates.DateError,
    analysis.SelectionError,
    analysis.SettingsError,
    settings.ConfigError,
    catalogue.CatalogueError,
    estrategy.rules.RuleError,
    estrategy.rules.PluginError,
    maturity_plugins.CriterionPluginError,
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: e.__name__)
def test_every_library_error_is_an_estrategy_error_and_still_a_value_error(
    error: type[Exception],
) -> None:
    assert issubclass(error, EstrategyError)
    assert issubclass(error, ValueError)


def test_the_root_error_is_exported() -> None:
    assert estrategy.EstrategyError is EstrategyError


def test_bad_input_is_exit_2_with_its_message(tmp_path: Path) -> None:
    bad = tmp_path / "plan.yaml"
    bad.write_text("schema_version: 1\nnme: x\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(bad)])
    assert result.exit_code == 2
    assert "plan.yaml:2:1" in result.output
    assert "Traceback" not in result.output


def _boom(*_: object, **__: object) -> None:
    raise RuntimeError("the engine fell over\nsecond line")


def test_a_bug_outside_the_rules_is_one_internal_error_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(settings.Config, "check", _boom)
    monkeypatch.delenv("ESTRATEGY_DEBUG", raising=False)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if "internal error" in line]
    assert len(lines) == 1
    assert "RuntimeError: the engine fell over" in lines[0]
    assert "second line" not in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    monkeypatch.setattr(settings.Config, "check", _boom)
    args = ["--debug", "check"] if how == "flag" else ["check"]
    env = {"ESTRATEGY_DEBUG": "1"} if how == "environment" else {}
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 2
    assert "Traceback" in result.output
    assert "RuntimeError: the engine fell over" in result.output


def test_a_library_error_a_command_did_not_catch_is_still_bad_input(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise analysis.SelectionError("no rule matches 'XYZ'")

    monkeypatch.setattr(settings.Config, "check", refuse)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert "error: no rule matches 'XYZ'" in result.output
    assert "internal error" not in result.output


def test_a_runtime_error_inside_a_rule_is_a_finding_of_that_rule() -> None:
    registry = Registry()

    @rule("XT901", "falls-over", "warning", registry=registry)
    def falls_over(context: RuleContext) -> Iterator[Violation]:
        """Raises, to show that the engine turns a crash into a finding."""
        raise RuntimeError("deliberate")
        yield Violation("never")

    report = estrategy.check(estrategy.load_demo(), rules=registry.rules())
    assert [f.code for f in report.findings] == ["XT901"]
    assert "RuntimeError: deliberate" in report.findings[0].message


def test_the_real_command_prints_no_traceback_for_a_missing_file(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "estrategy", "check", str(tmp_path / "missing.yaml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "missing.yaml" in result.stderr
