"""Configuration files: where they are found and what they may say."""

from __future__ import annotations

from pathlib import Path

import pytest

from estrategy.rules import Severity
from estrategy.settings import Config, ConfigError, find_config, load_config


def test_find_config_walks_up_and_prefers_estrategy_toml(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (tmp_path / "pyproject.toml").write_text("[tool.estrategy]\nselect = ['STR']\n")
    assert find_config(nested / "plan.yaml") == (tmp_path / "pyproject.toml").resolve()
    (tmp_path / "a" / "estrategy.toml").write_text("select = ['ACT']\n")
    assert find_config(nested) == (tmp_path / "a" / "estrategy.toml").resolve()


def test_a_pyproject_without_our_table_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    found = find_config(tmp_path)
    assert found is None or found.parent != tmp_path.resolve()


def test_load_config_reads_every_key(tmp_path: Path) -> None:
    path = tmp_path / "estrategy.toml"
    path.write_text(
        "select = ['str', 'ACT003']\nignore = 'STR005'\nfail-on = 'warning'\n"
        "catalogue = 'cat.toml'\n[severity]\nact = 'INFO'\n[settings]\nupward_hops = 2\n"
    )
    config = load_config(path)
    assert config.select == ("STR", "ACT003")
    assert config.ignore == ("STR005",)
    assert config.fail_on is Severity.WARNING
    assert config.catalogue == tmp_path / "cat.toml"
    assert dict(config.severities) == {"ACT": Severity.INFO}
    assert dict(config.settings) == {"upward_hops": 2}
    assert config.source == path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fail_on = 'error'\n", "did you mean 'fail-on'"),
        ("fail-on = 'fatal'\n", "not a severity"),
        ("select = [1]\n", r"estrategy.toml:1:1: select: expected a list of codes"),
        ("severity = 3\n", r"estrategy.toml:1:1: severity: expected a table"),
        ("[tool]\nestrategy = 3\n", "must be a table"),
        ("select = [\n", "estrategy.toml"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "estrategy.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_flags_override_the_file() -> None:
    file = Config(select=("STR",), severities={"ACT": Severity.INFO}, settings={"a": 1})
    flags = Config(ignore=("STR001",), severities={"ACT003": Severity.ERROR}, settings={"a": 2})
    merged = file.merged(flags)
    assert merged.select == ("STR",)
    assert merged.ignore == ("STR001",)
    assert dict(merged.severities) == {"ACT": Severity.INFO, "ACT003": Severity.ERROR}
    assert dict(merged.settings) == {"a": 2}
