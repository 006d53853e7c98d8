"""The rules' setting defaults are the shared definitions of estrategy.model.definitions."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from typing import Any

import pytest

from estrategy.analysis import resolve_settings
from estrategy.catalogue import default_catalogue
from estrategy.maturity import CriterionContext
from estrategy.maturity.facts import build_facts
from estrategy.model import (
    BACK_OFFICE_TOOL_KINDS,
    CHANGE_SUPPORT_KINDS,
    PULL_TACTIC_KINDS,
    StrategyModel,
)
from estrategy.rules import get_rule

SHARED = [
    ("CHN002", "pull_tactic_kinds", PULL_TACTIC_KINDS),
    ("ROL006", "change_support_kinds", CHANGE_SUPPORT_KINDS),
    ("TEC003", "back_tool_kinds", BACK_OFFICE_TOOL_KINDS),
]


def _context(settings: Mapping[str, Any] | None = None) -> CriterionContext:
    model = StrategyModel(name="Empty")
    as_of = dt.date(2026, 1, 1)
    return CriterionContext(
        model=model,
        size=model.organization.size,
        as_of=as_of,
        thresholds={},
        catalogue=default_catalogue(),
        facts=build_facts(model, as_of),
        settings=settings or {},
    )


@pytest.mark.parametrize(("code", "name", "definition"), SHARED)
def test_the_rule_default_is_the_shared_definition(
    code: str, name: str, definition: tuple[enum.StrEnum, ...]
) -> None:
    default = get_rule(code).settings[name]
    # Plain strings in the definition's order: what `estrategy rule CODE` shows.
    assert default == tuple(k.value for k in definition)
    assert all(type(value) is str for value in default)


@pytest.mark.parametrize(("code", "name", "definition"), SHARED)
def test_a_criterion_reads_the_rule_default_unless_configured(
    code: str, name: str, definition: tuple[enum.StrEnum, ...]
) -> None:
    assert _context().setting(name) == resolve_settings()[name] == get_rule(code).settings[name]
    assert _context({name: ("other",)}).setting(name) == ("other",)


def test_an_unknown_setting_is_a_key_error_for_a_criterion() -> None:
    with pytest.raises(KeyError, match="no rule has a setting named 'nope'"):
        _context().setting("nope")


def test_a_configured_setting_wins_over_the_maturity_threshold_it_mirrors() -> None:
    context = _context({"upward_hops": 5})
    assert context.threshold("upward_hops", 3, setting="upward_hops") == 5
    assert _context().threshold("upward_hops", 3, setting="upward_hops") == 3
    assert context.threshold("upward_hops", 3) == 3  # no setting named: the threshold only
