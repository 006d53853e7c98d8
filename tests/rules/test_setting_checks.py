"""Settings that would silently disable or break a rule are refused, where they are written.

``off_track_tolerance = nan`` made every comparison false, so MES005 never fired; kinds
with a typo matched no tactic; ``inf`` crashed ``org``. Each is refused by
:func:`estrategy.resolve_settings`, and a configuration file reports every bad setting
at its line; a catalogue refuses tactic and tool kinds that do not exist.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from estrategy.analysis import SettingsError, check, resolve_settings, setting_problems
from estrategy.catalogue import Catalogue, CatalogueError
from estrategy.cli import main
from estrategy.model import StrategyModel, TacticKind, ToolKind
from estrategy.rules import Registry, Rule, RuleContext, RuleError, Violation, rule
from estrategy.settings import ConfigError, load_config

FIXTURE = Path(__file__).parents[1] / "fixtures" / "lefevre.yaml"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("off_track_tolerance", math.nan, "must be a finite number, got nan"),
        ("off_track_tolerance", math.inf, "must be a finite number, got inf"),
        ("atomisation_max_hhi", 10**400, "is out of range, got a number of about 401 digits"),
        ("upward_hops", 10**18, "is out of range, got 1000000000000000000"),
        ("upward_hops", math.inf, "expects a value like 3, got inf"),
        ("upward_hops", [1], "expects a value like 3, got [1]"),
        (
            "pull_tactic_kinds",
            ["content_marketin"],
            "'content_marketin' is not one of its values (did you mean 'content_marketing'?)",
        ),
        ("back_tool_kinds", ["crn"], "'crn' is not one of its values (did you mean 'crm'?)"),
        ("change_support_kinds", ["trainning"], "(did you mean 'training'?)"),
    ],
)
def test_a_setting_that_would_mislead_a_rule_is_refused(
    name: str, value: Any, message: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        resolve_settings({name: value})
    assert message in str(caught.value)
    with pytest.raises(SettingsError):
        check(StrategyModel(name="x"), settings={name: value})


def test_a_nan_tolerance_no_longer_silences_mes005() -> None:
    # the value that used to disable the rule is refused; a finite one keeps it working
    assert resolve_settings({"off_track_tolerance": 0.5})["off_track_tolerance"] == 0.5
    with pytest.raises(SettingsError):
        resolve_settings({"off_track_tolerance": float("nan")})


def test_every_bad_setting_is_reported_at_its_line(tmp_path: Path) -> None:
    config = tmp_path / "estrategy.toml"
    config.write_text(
        "[settings]\n"
        "off_track_tolerance = nan\n"
        "upward_hops = inf\n"
        'pull_tactic_kinds = ["content_marketin", "events"]\n'
        "review_interval_dys = 3\n"
    )
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert [(e.source, e.line, e.path) for e in caught.value.errors] == [
        (str(config), 2, ("settings", "off_track_tolerance")),
        (str(config), 3, ("settings", "upward_hops")),
        (str(config), 4, ("settings", "pull_tactic_kinds", 0)),
        (str(config), 5, ("settings", "review_interval_dys")),
    ]
    assert "did you mean 'review_interval_days'?" in caught.value.errors[-1].message


def test_pyproject_settings_are_located_in_their_table(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[project]\nname = 'x'\n\n[tool.estrategy.settings]\nupward_hops = -1\n")
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    ((error),) = caught.value.errors
    assert (error.line, error.path) == (5, ("tool", "estrategy", "settings", "upward_hops"))


@pytest.mark.parametrize("command", ["check", "org", "maturity", "report"])
def test_every_command_names_the_configuration_file(tmp_path: Path, command: str) -> None:
    config = tmp_path / "estrategy.toml"
    config.write_text("[settings]\nupward_hops = inf\n")
    result = CliRunner().invoke(main, [command, str(FIXTURE), "--config", str(config)])
    assert result.exit_code == 2, result.output
    assert f"{config}:2:1: settings.upward_hops:" in result.output
    assert "Traceback" not in result.output


def test_set_on_the_command_line_is_checked_too() -> None:
    result = CliRunner().invoke(
        main, ["check", str(FIXTURE), "--no-config", "--set", "off_track_tolerance=nan"]
    )
    assert result.exit_code == 2
    assert "setting 'off_track_tolerance' must be a finite number, got nan" in result.output


def test_setting_problems_reports_every_item() -> None:
    problems = setting_problems({"back_tool_kinds": ["crn", "erp", "xyz"], "upward_hops": 2})
    assert [path for path, _ in problems] == [("back_tool_kinds", 0), ("back_tool_kinds", 2)]


def test_rules_declare_the_choices_of_their_kind_settings() -> None:
    registry = Registry()

    def check_nothing(context: RuleContext) -> Iterator[Violation]:
        """Nothing."""
        yield from ()

    with pytest.raises(RuleError, match="declares choices for nope"):
        rule("ACME001", "a-rule", settings={"acme_kinds": ("a",)}, choices={"nope": ["a"]},
             registry=registry)(check_nothing)  # fmt: skip
    with pytest.raises(RuleError, match="holds 'b', not among its choices"):
        rule("ACME002", "b-rule", settings={"acme_kinds": ("b",)}, choices={"acme_kinds": ["a"]},
             registry=registry)(check_nothing)  # fmt: skip
    found = rule("ACME003", "c-rule", settings={"acme_kinds": ("a",)},
                 choices={"acme_kinds": ["a", "b"]}, registry=registry)(check_nothing)  # fmt: skip
    assert found.choices == {"acme_kinds": ("a", "b")}
    with pytest.raises(SettingsError, match="'c' is not one of its values"):
        resolve_settings({"acme_kinds": ["c"]}, rules=[found])


def _kinds_seen(context: RuleContext) -> Iterator[Violation]:
    """Reports the kinds it is set to."""
    yield Violation(", ".join(context.settings["acme_kinds"]))


def _declare(code: str, **declared: Any) -> Rule:
    """A rule of a plugin, in a registry of its own, declaring its settings as given."""
    return rule(code, f"rule-{code.lower()}", registry=Registry(), **declared)(_kinds_seen)


def test_an_enumeration_default_stores_its_values_and_implies_its_choices() -> None:
    found = _declare("ACME004", settings={"acme_kinds": (TacticKind.EVENTS, TacticKind.TRAINING)})
    assert found.origin == __name__
    # configuration files, JSON and criteria see plain text, as with a default of values
    assert found.settings == {"acme_kinds": ("events", "training")}
    assert {type(kind) for kind in found.settings["acme_kinds"]} == {str}
    assert found.choices == {"acme_kinds": tuple(kind.value for kind in TacticKind)}
    assert "`acme_kinds` (default `('events', 'training')`)" in found.documentation()
    report = check(
        StrategyModel(name="x"),
        rules=[found],
        settings={"acme_kinds": ["crm_deployment", "events"]},
        as_of=dt.date(2026, 1, 1),
    )
    assert [f.message for f in report.findings] == ["crm_deployment, events"]


def test_the_choices_an_enumeration_implies_refuse_a_typo_as_declared_choices_do() -> None:
    inferred = _declare("ACME005", settings={"acme_kinds": [ToolKind.CRM]})
    declared = _declare(
        "ACME006",
        settings={"acme_kinds": ("crm",)},
        choices={"acme_kinds": [kind.value for kind in ToolKind]},
    )
    messages = []
    for found in (inferred, declared):
        with pytest.raises(SettingsError) as caught:
            resolve_settings({"acme_kinds": ["crn"]}, rules=[found])
        messages.append(str(caught.value))
    assert messages[0] == messages[1]
    assert "'crn' is not one of its values (did you mean 'crm'?)" in messages[0]


def test_declared_choices_narrow_the_choices_an_enumeration_implies() -> None:
    found = _declare(
        "ACME007", settings={"acme_kinds": (ToolKind.CRM,)}, choices={"acme_kinds": ["crm", "erp"]}
    )
    assert found.choices == {"acme_kinds": ("crm", "erp")}
    with pytest.raises(SettingsError, match="'esn' is not one of its values"):
        resolve_settings({"acme_kinds": ["esn"]}, rules=[found])


class _Level(enum.Enum):
    LOW = 1
    HIGH = 2


@pytest.mark.parametrize(
    ("default", "message"),
    [
        ((TacticKind.EVENTS, "training"), "holds values of more than one type"),
        ((TacticKind.EVENTS, ToolKind.CRM), "holds values of more than one type"),
        ((_Level.LOW,), "holds members of _Level, whose values are not all text"),
    ],
)
def test_an_enumeration_default_is_one_enumeration_of_text(default: Any, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        _declare("ACME008", settings={"acme_kinds": default})


@pytest.mark.parametrize(
    ("text", "line", "path", "hint"),
    [
        ('[tactics.evnts]\nchannel = "digital"\n', 1, ("tactics", "evnts"), "'events'"),
        ('[tool_sides]\ncrn = "back"\n', 2, ("tool_sides", "crn"), "'crm'"),
    ],
)
def test_a_catalogue_refuses_a_kind_with_a_typo(
    tmp_path: Path, text: str, line: int, path: tuple[str, ...], hint: str
) -> None:
    catalogue = tmp_path / "catalogue.toml"
    catalogue.write_text(text)
    with pytest.raises(CatalogueError) as caught:
        Catalogue.from_toml(catalogue)
    ((error),) = caught.value.errors
    assert (error.source, error.line, error.path) == (str(catalogue), line, path)
    assert f"(did you mean {hint}?)" in error.message


def test_a_catalogue_reports_a_bad_kind_and_a_bad_value_together(tmp_path: Path) -> None:
    catalogue = tmp_path / "catalogue.toml"
    catalogue.write_text('[tactics.evnts]\nchannel = "digitl"\n')
    with pytest.raises(CatalogueError) as caught:
        Catalogue.from_toml(catalogue)
    assert [(e.line, e.path) for e in caught.value.errors] == [
        (1, ("tactics", "evnts")),
        (2, ("tactics", "evnts", "channel")),
    ]
