"""A rule setting given to ``assess`` changes the matching criterion as it changes the rule.

``check`` and ``assess`` take the same settings (``[settings]`` of estrategy.toml); the
criteria whose notion mirrors a rule read them: ``pull_tactic_kinds`` (CHN002 and
``pull-tactics``), ``upward_hops`` (ORG004 and ``upward-paths``), ``change_support_kinds``
(ROL006 and ``change-support``), ``back_tool_kinds`` (TEC003 and ``back-serves-front``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from estrategy.analysis import SettingsError, check
from estrategy.cli import main
from estrategy.maturity import assess
from estrategy.maturity.results import CriterionScore
from estrategy.model import (
    Action,
    Objective,
    Organization,
    Person,
    Strategy,
    StrategyModel,
    StrategyScope,
    StrategyStatus,
    Tactic,
    TacticKind,
    Tie,
    Tool,
    Unit,
)
from estrategy.testing import clean_models, models, organizations

HALF = settings.get_profile("half")

AS_OF = dt.date(2026, 11, 15)


def _criterion(
    model: StrategyModel, criterion_id: str, settings: Mapping[str, Any] | None = None
) -> CriterionScore:
    result = assess(model, as_of=AS_OF, settings=settings)
    for dimension in result.dimensions:
        for item in dimension.criteria:
            if item.id == criterion_id:
                return item
    raise KeyError(criterion_id)


def _fires(model: StrategyModel, code: str, settings: Mapping[str, Any]) -> list[tuple[str, ...]]:
    return [f.subjects for f in check(model, select=code, as_of=AS_OF, settings=settings).findings]


def _gap_ids(score: CriterionScore) -> set[str]:
    return {i for e in score.evidence if not e.supports for i in e.ids}


# --- pull_tactic_kinds: CHN002 and pull-tactics -----------------------------------------


# Arbitrary models seldom have a retained external strategy with tactics; clean models
# always do, with pull tactics and others, so any choice of kinds splits them both ways.
_ANY_OR_CLEAN = st.one_of(models(max_strategies=4, max_tactics=6), clean_models(max_tactics=6))


@HALF
@given(_ANY_OR_CLEAN, st.frozensets(st.sampled_from(sorted(TacticKind))))
def test_chn002_and_the_pull_criterion_count_the_same_tactics_as_pull(
    model: StrategyModel, pull: frozenset[TacticKind]
) -> None:
    # CHN002 fires when the retained external strategies have tactics and none is pull;
    # pull-tactics scores 100 exactly when some pull tactic serves such a strategy, and
    # then cites those tactics. So, for any choice of kinds: the rule fires exactly when
    # the external volet has tactics and the criterion does not score 100.
    settings = {"pull_tactic_kinds": sorted(str(k) for k in pull)}
    external = {
        s.id
        for s in model.strategies
        if s.status == StrategyStatus.RETAINED and s.scope == StrategyScope.EXTERNAL
    }
    volet = [t for t in model.tactics if t.strategy in external]
    serving = {t.id for t in volet if t.kind in pull}

    score = _criterion(model, "pull-tactics", settings)
    fires = bool(_fires(model, "CHN002", settings))

    assert fires == (bool(volet) and score.score != 100)
    assert (score.score == 100) == bool(serving)
    if score.score == 100:
        assert {i for e in score.evidence for i in e.ids} == serving


def _external_volet(kind: TacticKind) -> StrategyModel:
    return StrategyModel(
        name="One external tactic",
        as_of=AS_OF,
        objectives=[Objective(id="o-1", statement="Grow")],
        strategies=[Strategy(id="st-ext", objectives=["o-1"], status="retained", scope="external")],
        tactics=[Tactic(id="t-1", kind=kind, strategy="st-ext", audience="prospects")],
    )


def test_naming_events_pull_turns_both_the_rule_and_the_criterion() -> None:
    model = _external_volet(TacticKind.EVENTS)
    assert _fires(model, "CHN002", {})
    assert _criterion(model, "pull-tactics").score == 0

    settings = {"pull_tactic_kinds": ["events"]}
    assert not _fires(model, "CHN002", settings)
    assert _criterion(model, "pull-tactics", settings).score == 100


# --- upward_hops: ORG004 and upward-paths -----------------------------------------------


def _chain(size: str) -> StrategyModel:
    """A salesperson two steps (a manager, then a tie) from the only decision maker."""
    return StrategyModel(
        name="Field roles",
        as_of=AS_OF,
        organization=Organization(
            size=size,
            units=[Unit(id="hq"), Unit(id="sales-unit", parent="hq")],
            people=[
                Person(id="p-boss", unit="hq", roles=["executive"], decision_maker=True),
                Person(id="p-lead", unit="sales-unit"),
                Person(id="p-sales", unit="sales-unit", roles=["sales"], manager="p-lead"),
            ],
            ties=[Tie(source="p-lead", target="p-boss")],
        ),
    )


@pytest.mark.parametrize("size", ["micro", "medium"])
def test_upward_hops_changes_the_criterion_as_it_changes_org004(size: str) -> None:
    model = _chain(size)
    for hops, flagged in ((1, True), (2, False), (5, False)):
        settings = {"upward_hops": hops}
        assert bool(_fires(model, "ORG004", settings)) is flagged
        score = _criterion(model, "upward-paths", settings)
        assert score.score == (0 if flagged else 100)
        assert _gap_ids(score) == ({"p-sales"} if flagged else set())


def test_without_the_setting_the_maturity_models_size_aware_threshold_applies() -> None:
    # micro expects 2 steps at most (estrategy/data/maturity.toml), ORG004 3 by default;
    # once the user sets upward_hops, both read that value.
    micro = StrategyModel(
        name="Three steps",
        as_of=AS_OF,
        organization=Organization(
            size="micro",
            units=[Unit(id="hq")],
            people=[
                Person(id="p-boss", unit="hq", decision_maker=True),
                Person(id="p-a", unit="hq", manager="p-boss"),
                Person(id="p-b", unit="hq", manager="p-a"),
                Person(id="p-sales", unit="hq", roles=["sales"], manager="p-b"),
            ],
        ),
    )
    assert _criterion(micro, "upward-paths").score == 0
    assert not _fires(micro, "ORG004", {})
    assert _criterion(micro, "upward-paths", {"upward_hops": 3}).score == 100


@HALF
@given(
    models(organization=organizations(max_people=20, max_units=6, max_groups=3, max_ties=20)),
    st.integers(0, 6),
)
def test_org004_and_upward_paths_flag_the_same_people_for_any_upward_hops(
    model: StrategyModel, hops: int
) -> None:
    settings = {"upward_hops": hops}
    flagged = {s[0] for s in _fires(model, "ORG004", settings)}
    score = _criterion(model, "upward-paths", settings)
    assert _gap_ids(score) == flagged
    assert (score.score is None) or (score.score == 100) == (not flagged)


# --- change_support_kinds and back_tool_kinds -------------------------------------------


def test_change_support_kinds_changes_rol006_and_the_change_support_criterion() -> None:
    model = StrategyModel(
        name="Coaching",
        as_of=AS_OF,
        organization=Organization(
            units=[Unit(id="hq")], people=[Person(id="p-1", unit="hq", decision_maker=True)]
        ),
        objectives=[Objective(id="o-1", statement="Adopt the ESN")],
        strategies=[
            Strategy(id="st-in", objectives=["o-1"], status="retained", scope="internal")
        ],
        tactics=[
            Tactic(id="t-esn", kind="enterprise_social_network", strategy="st-in",
                   audience="employees"),
            Tactic(id="t-coach", kind="transversal_structure", strategy="st-in"),
        ],
        actions=[Action(id="a-1", tactic="t-coach")],
    )  # fmt: skip
    assert _fires(model, "ROL006", {}) == [("t-esn",)]
    assert _criterion(model, "change-support").score == 0

    settings = {"change_support_kinds": ["transversal_structure"]}
    assert _fires(model, "ROL006", settings) == []
    assert _criterion(model, "change-support", settings).score == 100


def test_back_tool_kinds_changes_tec003_and_the_back_serves_front_criterion() -> None:
    model = StrategyModel(
        name="A shop and a newsletter",
        as_of=AS_OF,
        tools=[Tool(id="tool-shop", kind="eshop"), Tool(id="tool-news", kind="newsletter")],
    )
    assert _fires(model, "TEC003", {})
    assert _criterion(model, "back-serves-front").score == 0

    settings = {"back_tool_kinds": ["newsletter"]}
    assert not _fires(model, "TEC003", settings)
    assert _criterion(model, "back-serves-front", settings).score == 100


# --- settings are checked as check checks them, and reach assess from the CLI -----------


def test_assess_refuses_the_settings_check_refuses() -> None:
    model = _chain("medium")
    with pytest.raises(SettingsError, match="unknown setting 'upward_hop'"):
        assess(model, settings={"upward_hop": 2})
    with pytest.raises(SettingsError, match="at least 0"):
        assess(model, settings={"upward_hops": -1})


def test_the_defaults_given_explicitly_change_no_score() -> None:
    from estrategy.analysis import resolve_settings

    model = _chain("micro")
    given_defaults = {
        name: value
        for name, value in resolve_settings().items()
        if name != "upward_hops"  # micro's own threshold differs from ORG004's default
    }
    plain = assess(model, as_of=AS_OF).to_dict()
    explicit = assess(model, as_of=AS_OF, settings=given_defaults).to_dict()
    assert plain == explicit


def _upward_paths_json(args: list[str]) -> dict[str, Any]:
    result = CliRunner().invoke(main, ["maturity", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for dimension in data["dimensions"]:
        for item in dimension["criteria"]:
            if item["id"] == "upward-paths":
                return dict(item)
    raise KeyError("upward-paths")


def test_the_cli_reads_the_settings_of_estrategy_toml(tmp_path: Path) -> None:
    from estrategy import io

    plan = tmp_path / "plan.yaml"
    io.save(_chain("medium"), plan)
    assert _upward_paths_json([str(plan)])["score"] == 100

    (tmp_path / "estrategy.toml").write_text("[settings]\nupward_hops = 1\n", encoding="utf-8")
    assert _upward_paths_json([str(plan)])["score"] == 0
    assert _upward_paths_json(["--no-config", str(plan)])["score"] == 100
