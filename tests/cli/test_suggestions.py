"""Every "did you mean" of the CLI, settings and rule lookup comes from one helper."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from estrategy.analysis import SelectionError, select_rules
from estrategy.cli import main
from estrategy.rules import get_rule, registry
from estrategy.settings import ConfigError, config_from_mapping

FIXTURE = Path(__file__).parents[1] / "fixtures" / "lefevre.yaml"


def test_unknown_setting_suggests_whatever_the_case() -> None:
    result = CliRunner().invoke(main, ["check", str(FIXTURE), "--set", "REVIEW_INTERVALS=3"])
    assert result.exit_code == 2
    assert "unknown setting 'REVIEW_INTERVALS' (did you mean 'review_interval_days'?)" in (
        result.stderr
    )


def test_unknown_config_key_suggests_the_dashed_spelling_whatever_the_case() -> None:
    with pytest.raises(ConfigError) as caught:
        config_from_mapping({"FAIL_ON": "error"}, "estrategy.toml")
    assert str(caught.value).splitlines()[1] == (
        "  estrategy.toml: FAIL_ON: unknown key 'FAIL_ON' (did you mean 'fail-on'?)"
    )


def test_unknown_selector_suggests_one_code_unquoted() -> None:
    with pytest.raises(SelectionError) as caught:
        select_rules(registry(), select=["STR0011"])
    assert str(caught.value) == "select 'STR0011' matches no rule (did you mean STR001?)"


def test_unknown_rule_suggests_one_close_code() -> None:
    with pytest.raises(KeyError) as caught:
        get_rule("ACT030")
    message = caught.value.args[0]
    assert message.startswith("no rule 'ACT030' (did you mean ACT00")
    assert message.count("ACT") == 2


def test_nothing_close_gives_no_hint() -> None:
    with pytest.raises(KeyError) as caught:
        get_rule("zzzzzz")
    assert caught.value.args[0] == "no rule 'zzzzzz'"
