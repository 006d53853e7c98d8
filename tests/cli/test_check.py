"""``estrategy check``, ``estrategy rules`` and ``estrategy rule``: formats, exit codes, config."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from estrategy.cli import main
from estrategy.rules import registry

FIXTURE = Path(__file__).parents[1] / "fixtures" / "lefevre.yaml"


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    if cwd is None:
        result = runner.invoke(main, list(args))
    else:
        with runner.isolated_filesystem(temp_dir=cwd):
            result = runner.invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def model(tmp_path: Path) -> Path:
    """A copy of the reference model in a folder of its own (for configuration files)."""
    target = tmp_path / "plan.yaml"
    shutil.copy(FIXTURE, target)
    return target


def test_findings_at_or_above_error_exit_1(model: Path) -> None:
    code, out, _ = run("check", str(model))
    assert code == 1
    assert f"{model}:122:5 STR001 [orphan-tactic]" in out


def test_warnings_alone_exit_0_unless_fail_on_warning(model: Path) -> None:
    assert run("check", str(model), "--select", "ROL004")[0] == 0
    assert run("check", str(model), "--select", "ROL004", "--fail-on", "warning")[0] == 1
    assert run("check", str(model), "--select", "TEC001", "--fail-on", "warning")[0] == 0
    assert run("check", str(model), "--select", "TEC001", "--fail-on", "info")[0] == 1


def test_select_and_ignore_accept_commas_and_repeats(model: Path) -> None:
    code, out, _ = run(
        "check", str(model), "--format", "json", "--select", "ACT,MES", "--select", "STR001",
        "--ignore", "ACT001",
    )  # fmt: skip
    codes = {f["code"] for f in json.loads(out)["findings"]}
    assert codes == {"ACT002", "ACT003", "MES001", "STR001"}
    assert code == 1


def test_every_format_is_available(model: Path) -> None:
    for fmt, marker in [
        ("json", '"version": 1'),
        ("sarif", '"version": "2.1.0"'),
        ("markdown", "| severity | code |"),
        ("github", "::error file="),
        ("text", "Errors (1)"),
    ]:
        code, out, _ = run("check", str(model), "--format", fmt)
        assert code == 1, fmt
        assert marker in out, fmt


def test_severity_override_changes_the_exit_code(model: Path) -> None:
    assert run("check", str(model), "--select", "ROL004", "--severity", "ROL=error")[0] == 1
    assert run("check", str(model), "--select", "STR001", "--severity", "STR001=info")[0] == 0


def test_settings_from_the_command_line(model: Path) -> None:
    _, out, _ = run("check", str(model), "--select", "MES003", "--format", "json")
    assert json.loads(out)["findings"] == []
    _, out, _ = run(
        "check", str(model), "--select", "MES003", "--format", "json",
        "--set", "review_interval_days=10",
    )  # fmt: skip
    assert [f["code"] for f in json.loads(out)["findings"]] == ["MES003"]


def test_as_of_flag_overrides_the_models_date(model: Path) -> None:
    _, out, _ = run("check", str(model), "--select", "ACT003", "--as-of", "2026-10-01")
    assert "ACT003" not in out
    assert "as of 2026-10-01" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--select", "XYZ"], "select 'XYZ' matches no rule"),
        (["--set", "review_intervals=3"], "did you mean 'review_interval_days'"),
        (["--set", "review_interval_days=soon"], "expects a value like 90"),
        (["--set", "novalue"], "--set expects NAME=VALUE"),
        (["--severity", "ACT=fatal"], "not one of error, warning, info"),
    ],
)
def test_usage_errors_exit_2_with_a_message(model: Path, args: list[str], message: str) -> None:
    code, out, err = run("check", str(model), *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in out + err


def test_bad_model_file_exits_2_naming_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nname: X\ntactics:\n  - {id: t-1, strategi: s}\n")
    code, _, err = run("check", str(bad))
    assert code == 2
    assert f"{bad}:4:" in err
    assert "strategi" in err


def test_missing_file_exits_2(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "nowhere.yaml"))
    assert code == 2
    assert "nowhere.yaml" in err


def test_no_file_checks_the_demo_and_says_so() -> None:
    code, out, err = run("check", "--format", "json")
    assert "embedded demo model" in err
    data = json.loads(out)
    assert data["model"]
    assert code in (0, 1)


def test_configuration_file_in_the_models_folder(model: Path) -> None:
    (model.parent / "estrategy.toml").write_text(
        'select = ["ROL", "MES003"]\nfail-on = "warning"\n'
        '[severity]\nROL004 = "info"\n[settings]\nreview_interval_days = 10\n'
    )
    code, out, _ = run("check", str(model), "--format", "json")
    found = {(f["code"], f["severity"]) for f in json.loads(out)["findings"]}
    assert found == {("ROL004", "info"), ("MES003", "warning")}
    assert code == 1  # fail-on warning, from the file
    # flags win over the file
    assert run("check", str(model), "--fail-on", "error")[0] == 0
    # --no-config ignores it
    code, out, _ = run("check", str(model), "--format", "json", "--no-config")
    assert len(json.loads(out)["findings"]) > 2


def test_pyproject_tool_table_is_read(model: Path) -> None:
    (model.parent / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.estrategy]\nselect = ["TEC001"]\n'
    )
    _, out, _ = run("check", str(model), "--format", "json")
    assert {f["code"] for f in json.loads(out)["findings"]} == {"TEC001"}


def test_explicit_config_and_broken_config(model: Path, tmp_path: Path) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text("[tool.estrategy]\nselect = ['ACT003']\n")
    _, out, _ = run("check", str(model), "--format", "json", "--config", str(config))
    assert {f["code"] for f in json.loads(out)["findings"]} == {"ACT003"}
    config.write_text("selct = ['ACT003']\n")
    code, _, err = run("check", str(model), "--config", str(config))
    assert code == 2
    assert "unknown key 'selct' (did you mean 'select'?)" in err
    config.write_text("select = [\n")
    code, _, err = run("check", str(model), "--config", str(config))
    assert code == 2
    assert str(config) in err


def test_rules_lists_the_whole_catalogue() -> None:
    code, out, _ = run("rules")
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines()]
    assert listed == list(registry())
    assert "STR001  orphan-tactic" in out
    _, out, _ = run("rules", "--format", "json")
    assert [r["code"] for r in json.loads(out)] == list(registry())
    _, out, _ = run("rules", "--format", "markdown")
    assert "| MES003 | irregular-reviews | warning |" in out


def test_rule_prints_the_documentation() -> None:
    code, out, _ = run("rule", "mes003")
    assert code == 0
    assert out.startswith("# irregular-reviews (MES003)")
    for heading in ("## What it checks", "## Why it matters", "## How to fix", "## Settings"):
        assert heading in out
    _, out, _ = run("rule", "MES003", "--format", "json")
    assert json.loads(out)["settings"] == {"review_interval_days": 90, "review_window_days": 365}


def test_unknown_rule_exits_2_with_a_suggestion() -> None:
    code, _, err = run("rule", "STR0011")
    assert code == 2
    assert "did you mean" in err
