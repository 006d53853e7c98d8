"""Maturity weighs results: a plan complete on paper that does not deliver is not mature.

The acceptance fixture is ``tests/fixtures/lefevre-clean.yaml`` (the reference model with
every gap closed) and its copy whose KPIs fall far behind and half of whose actions are
late (:func:`builders.fall_behind`); ``tests/fixtures/furniture.yaml`` is the furniture
maker that scored 87 when maturity measured only how complete the plan was written.
docs/maturity.md holds the calibration table these tests pin.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estrategy.analysis import check
from estrategy.io import load
from estrategy.maturity import Assessment, assess, default_maturity_model
from estrategy.maturity.assessment import results_ceiling
from estrategy.maturity.loading import maturity_model_from_text
from estrategy.model import (
    Action,
    ActionStatus,
    Measurement,
    Objective,
    StrategyModel,
    Tie,
    Tool,
)
from estrategy.testing import clean_models

from .builders import AS_OF, fall_behind, fashionista, method_follower
from .conftest import FIXTURES

FEW = settings.get_profile("few")


@pytest.fixture(scope="module")
def clean() -> StrategyModel:
    return load(FIXTURES / "lefevre-clean.yaml")


# -- the acceptance fixture -------------------------------------------------------------------


def test_the_clean_reference_model_gives_no_finding(clean: StrategyModel) -> None:
    assert check(clean).findings == ()


def test_the_clean_model_fallen_behind_scores_far_lower(clean: StrategyModel) -> None:
    behind = fall_behind(clean)
    codes = Counter(f.code for f in check(behind).findings)
    assert codes["MES005"] == len(clean.kpis)  # every KPI far behind its line
    assert codes["ACT003"] == (len(clean.actions) + 1) // 2  # half the actions late
    before, after = assess(clean), assess(behind)
    assert after.overall.score <= before.overall.score - 15
    assert after.dimension("measurement").level != 5
    assert after.overall.level <= 3
    assert after.overall.capped
    assert after.overall.weakest_result == "kpis-on-track"


@FEW
@given(clean_models())
def test_any_clean_model_fallen_behind_scores_at_least_15_points_lower(
    model: StrategyModel,
) -> None:
    before, after = assess(model), assess(fall_behind(model))
    assert after.overall.score <= before.overall.score - 15
    assert after.dimension("measurement").level != 5
    assert after.overall.level <= 3


def _mostly_off_track(model: StrategyModel, n: int) -> StrategyModel:
    """``model`` with its first ``n`` KPIs (by id) far behind their planned lines."""
    behind = {k.id: k for k in fall_behind(model).kpis}
    chosen = sorted(behind)[:n]
    return attrs.evolve(model, kpis=[behind[k.id] if k.id in chosen else k for k in model.kpis])


@FEW
@given(clean_models())
def test_a_plan_whose_kpis_are_mostly_off_track_is_neither_level_5_nor_above_3(
    model: StrategyModel,
) -> None:
    more_than_half = len(model.kpis) // 2 + 1
    result = assess(_mostly_off_track(model, more_than_half))
    level = result.dimension("measurement").level
    assert level is not None
    assert level <= 4
    assert result.overall.level <= 3


# -- the calibration table of docs/maturity.md ------------------------------------------------

CALIBRATION = {
    # model: (overall, level, measurement level, quadrant)
    "demo": (80, 4, 5, "digirati"),
    "lefevre": (77, 4, 4, "digirati"),
    "lefevre-clean": (95, 5, 5, "digirati"),
    "lefevre-clean fallen behind": (50, 3, 3, "digirati"),
    "furniture": (62, 3, 4, "digirati"),
    "method follower": (94, 5, 5, "digirati"),
    "fashionista": (20, 1, 1, "fashionista"),
}


def _calibration_models() -> dict[str, Callable[[], StrategyModel]]:
    from estrategy.io import load_demo

    return {
        "demo": load_demo,
        "lefevre": lambda: load(FIXTURES / "lefevre.yaml"),
        "lefevre-clean": lambda: load(FIXTURES / "lefevre-clean.yaml"),
        "lefevre-clean fallen behind": lambda: fall_behind(load(FIXTURES / "lefevre-clean.yaml")),
        "furniture": lambda: load(FIXTURES / "furniture.yaml"),
        "method follower": method_follower,
        "fashionista": fashionista,
    }


@pytest.mark.parametrize("name", sorted(CALIBRATION))
def test_the_calibration_table(name: str) -> None:
    result = assess(_calibration_models()[name]())
    score, level, measurement, quadrant = CALIBRATION[name]
    assert round(result.overall.score) == score
    assert result.overall.level == level
    assert result.dimension("measurement").level == measurement
    assert result.quadrant.name == quadrant


def test_the_furniture_maker_gives_exactly_the_findings_of_its_header(
    expected_findings: Callable[[Path], Counter[tuple[str, tuple[str, ...]]]],
) -> None:
    path = FIXTURES / "furniture.yaml"
    actual = Counter((f.code, f.subjects) for f in check(load(path)).findings)
    assert actual == expected_findings(path)


def test_the_furniture_maker_is_defined_not_integrated() -> None:
    result = assess(load(FIXTURES / "furniture.yaml"))
    overall = result.overall
    assert overall.dimension_mean is not None
    assert overall.dimension_mean > 90  # on paper
    assert overall.capped
    assert overall.level_name == "defined"
    on_track = result.dimension("measurement").criterion("kpis-on-track")
    assert {i for e in on_track.evidence if not e.supports for i in e.ids} == {
        "k-eshop-sales",
        "k-quote-days",
    }


# -- the ceiling ---------------------------------------------------------------------------------


@given(st.floats(0, 100), st.floats(0, 100))
def test_the_ceiling_rises_from_its_base_to_100(result: float, base: float) -> None:
    ceiling = results_ceiling(result, base)
    assert min(base, 100.0) - 1e-9 <= ceiling <= 100.0 + 1e-9
    assert results_ceiling(100.0, base) == pytest.approx(100.0)
    assert results_ceiling(0.0, base) == pytest.approx(base)


def test_a_weakest_result_under_50_keeps_the_overall_below_75() -> None:
    assert results_ceiling(49.9, 50) < 75 <= results_ceiling(50, 50)


def test_a_maturity_model_without_a_base_does_not_cap(clean: StrategyModel) -> None:
    default = default_maturity_model()
    thresholds = tuple((k, v) for k, v in default.thresholds if k != "results_cap_base")
    uncapped = attrs.evolve(default, thresholds=thresholds)
    behind = fall_behind(clean)
    result = assess(behind, uncapped)
    assert result.overall.ceiling is None
    assert not result.overall.capped
    assert result.overall.score == pytest.approx(assess(behind).overall.dimension_mean)


def test_a_delivery_criterion_of_weight_0_does_not_cap(clean: StrategyModel) -> None:
    text = (
        "[[dimensions]]\nid = 'results'\n"
        "criteria = [{ id = 'kpis-on-track', weight = 0 }, 'smart-objectives']\n"
    )
    spec = maturity_model_from_text(text, base=default_maturity_model())
    result = assess(fall_behind(clean), spec)
    assert result.overall.weakest_result is None
    assert result.overall.score == 100


def test_the_json_output_says_why_the_score_is_capped(clean: StrategyModel) -> None:
    data = assess(fall_behind(clean)).to_dict()["overall"]
    assert data["capped"] is True
    assert data["weakest_result"] == "kpis-on-track"
    assert (data["result_score"], data["ceiling"], data["score"]) == (0.0, 50.0, 50.0)
    assert data["dimension_mean"] > 80


def test_the_text_output_says_why_the_score_is_capped(clean: StrategyModel) -> None:
    from estrategy.report import maturity_text

    text = maturity_text.render(assess(fall_behind(clean)))
    assert "capped by results: the dimensions average 86, but the weakest result " in text
    assert "(kpis-on-track, 0) allows at most 50" in text


# -- the delivery criteria -----------------------------------------------------------------------


def _criterion(model: StrategyModel, dimension: str, criterion: str) -> float | None:
    return assess(model).dimension(dimension).criterion(criterion).score


def _kpi_at(model: StrategyModel, value: float) -> StrategyModel:
    """method_follower's k-leads (11 on 2026-09-30, target 20) read ``value`` on 2026-10-31."""
    kpi = attrs.evolve(
        model.kpis[0],
        measurements=[
            Measurement(date=dt.date(2026, 9, 30), value=11),
            Measurement(date=dt.date(2026, 10, 31), value=value),
        ],
    )
    return attrs.evolve(model, kpis=[kpi])


def test_kpis_on_track_follows_mes005() -> None:
    # the line expects 12.0 on 2026-10-31; 20 % of the change of 9 is 1.8
    assert _criterion(_kpi_at(method_follower(), 10.3), "measurement", "kpis-on-track") == 100
    assert _criterion(_kpi_at(method_follower(), 10.1), "measurement", "kpis-on-track") == 0
    assert check(_kpi_at(method_follower(), 10.1), select="MES005").findings


def test_kpis_on_track_does_not_apply_without_a_line() -> None:
    model = attrs.evolve(
        method_follower(), kpis=[attrs.evolve(method_follower().kpis[0], target=None)]
    )
    assert _criterion(model, "measurement", "kpis-on-track") is None


def _due(model: StrategyModel, value: float) -> StrategyModel:
    """method_follower with o-leads due 2026-10-31 and k-leads at ``value`` on that day."""
    objective = attrs.evolve(model.objectives[0], deadline=dt.date(2026, 10, 31))
    return attrs.evolve(_kpi_at(model, value), objectives=[objective])


def test_objectives_achieved_reads_the_kpis_by_the_deadline() -> None:
    assert _criterion(_due(method_follower(), 20), "measurement", "objectives-achieved") == 100
    assert _criterion(_due(method_follower(), 19), "measurement", "objectives-achieved") == 0
    late = attrs.evolve(
        _due(method_follower(), 19),
        kpis=[
            attrs.evolve(
                _due(method_follower(), 19).kpis[0],
                measurements=[
                    *_due(method_follower(), 19).kpis[0].measurements,
                    Measurement(date=dt.date(2026, 11, 10), value=25),  # after the deadline
                ],
            )
        ],
    )
    assert _criterion(late, "measurement", "objectives-achieved") == 0


def test_objectives_achieved_counts_a_target_reached_early_and_waits_for_the_others() -> None:
    assert _criterion(method_follower(), "measurement", "objectives-achieved") is None
    early = _kpi_at(method_follower(), 21)
    assert _criterion(early, "measurement", "objectives-achieved") == 100


def test_objectives_achieved_needs_a_kpi_to_show_it() -> None:
    model = attrs.evolve(
        method_follower(),
        objectives=[
            *method_follower().objectives,
            Objective(id="o-done", statement="x", deadline=dt.date(2026, 6, 30), target=1),
        ],
    )
    assert _criterion(model, "measurement", "objectives-achieved") == 0


def test_adoption_reads_the_esn_reach_and_the_digital_tactics() -> None:
    model = method_follower()
    assert _criterion(model, "tools", "adoption") == 100
    with_esn = attrs.evolve(model, tools=[*model.tools, Tool(id="tool-esn", kind="esn")])
    assert _criterion(with_esn, "tools", "adoption") == pytest.approx(50)  # nobody on it
    org = attrs.evolve(
        model.organization,
        ties=[
            Tie(source="p-ceo", target="p-lead", kind="esn"),
            Tie(source="p-cm", target="p-lead", kind="esn"),
        ],
    )
    reached = attrs.evolve(with_esn, organization=org)
    assert _criterion(reached, "tools", "adoption") == 100
    behind = _kpi_at(model, 10.1)
    assert _criterion(behind, "tools", "adoption") == 0


def test_adoption_does_not_apply_without_esn_or_measured_digital_tactic() -> None:
    model = attrs.evolve(method_follower(), kpis=[], reviews=[])
    assert _criterion(model, "tools", "adoption") is None


def test_on_schedule_is_a_result_that_caps() -> None:
    model = method_follower()
    late = attrs.evolve(
        model,
        actions=[
            attrs.evolve(a, deadline=dt.date(2026, 10, 1))
            if a.id in ("a-content", "a-mail", "a-crm")
            else a
            for a in model.actions
        ],
    )
    result = assess(late)
    assert result.overall.weakest_result == "on-schedule"
    assert result.overall.ceiling == pytest.approx(50 + 25 / 2)
    done = attrs.evolve(
        late, actions=[attrs.evolve(a, status=ActionStatus.DONE) for a in late.actions]
    )
    assert not assess(done).overall.capped


# -- the quadrant weighs use -----------------------------------------------------------------------


def _digital(result: Assessment) -> dict[str, float | None]:
    return dict(result.quadrant.digital_components)


def _counts(result: Assessment) -> tuple[float, float]:
    """The tool-kinds and digital-tactic-kinds components (both always apply)."""
    components = _digital(result)
    tools, kinds = components["tool_kinds"], components["digital_tactic_kinds"]
    assert tools is not None
    assert kinds is not None
    return tools, kinds


def test_a_tool_nobody_uses_and_a_tactic_without_action_add_no_digital_intensity() -> None:
    model = method_follower()
    before = _counts(assess(model))
    unused = attrs.evolve(
        model,
        tools=[*model.tools, Tool(id="tool-shop", kind="eshop")],
        tactics=[
            *model.tactics,
            attrs.evolve(model.tactics[0], id="t-ads", kind="online_advertising"),
        ],
    )
    assert _counts(assess(unused)) == before
    used = attrs.evolve(
        unused,
        actions=[*unused.actions, Action(id="a-ads", tactic="t-ads", tools=["tool-shop"])],
    )
    tools, kinds = _counts(assess(used))
    assert tools > before[0]
    assert kinds > before[1]


def test_measured_use_and_adoption_deepen_digital_intensity() -> None:
    model = method_follower()
    unmeasured = attrs.evolve(model, kpis=[attrs.evolve(model.kpis[0], tactics=["t-train"])])
    components = _digital(assess(unmeasured))
    assert components["measured_use"] == 0
    assert components["adoption"] is None  # no digital tactic measured against a line
    assert assess(unmeasured).quadrant.digital_intensity < assess(model).quadrant.digital_intensity
    behind = _digital(assess(_kpi_at(model, 10.1)))
    assert (behind["measured_use"], behind["adoption"]) == (100, 0)


def test_an_empty_model_has_no_digital_intensity() -> None:
    result = assess(StrategyModel(name="nothing", as_of=AS_OF))
    assert _digital(result)["measured_use"] is None
    assert result.quadrant.digital_intensity == 0


# -- check and assess judge the shared notions alike -----------------------------------------------


def _cited(score_id: str, result: Assessment, dimension: str, *, gaps: bool) -> set[str]:
    item = result.dimension(dimension).criterion(score_id)
    return {i for e in item.evidence if e.supports != gaps for i in e.ids}


@FEW
@given(st.one_of(clean_models(), st.builds(fall_behind, clean_models())))
def test_kpis_on_track_cites_behind_exactly_what_mes005_flags(model: StrategyModel) -> None:
    flagged = {f.subjects[0] for f in check(model, select="MES005").findings}
    result = assess(model)
    behind = {
        i
        for e in result.dimension("measurement").criterion("kpis-on-track").evidence
        if e.fact.startswith("KPIs behind")
        for i in e.ids
    }
    assert behind == flagged


def test_the_review_window_changes_mes003_and_regular_reviews_alike() -> None:
    # reviewed every two months over the last year, and once before that, in 2023
    review = method_follower().reviews[-1]
    days = [dt.date(2023, 1, 31), dt.date(2025, 11, 30)] + [
        dt.date(2026, m, 28) for m in (1, 3, 5, 7, 9)
    ]
    old_gap = attrs.evolve(
        method_follower(),
        reviews=[*(attrs.evolve(review, date=d) for d in days), review],
    )
    assert check(old_gap, select="MES003").findings == ()
    assert _criterion(old_gap, "measurement", "regular-reviews") == 100
    wide = {"review_window_days": 3650}
    assert check(old_gap, select="MES003", settings=wide).findings
    score = assess(old_gap, settings=wide).dimension("measurement").criterion("regular-reviews")
    assert score.score == 60
    assert assess(old_gap, settings=wide).step("controls").status == "partial"
    assert assess(old_gap).step("controls").status == "evidenced"


@FEW
@given(clean_models(max_tactics=12), st.integers(1, 4))
def test_budget_focus_is_short_of_full_exactly_when_act004_fires(
    model: StrategyModel, spread: int
) -> None:
    # equal budgets on a share of the tactics: atomised or not, depending on the count
    tactics = [t.id for t in model.tactics][: max(1, len(model.tactics) // spread)]
    actions = [attrs.evolve(a, budget=1000 if a.tactic in tactics else 0) for a in model.actions]
    model = attrs.evolve(model, actions=actions)
    settings = {"atomisation_min_tactics": 3}
    fires = bool(check(model, select="ACT004", settings=settings).findings)
    score = assess(model, settings=settings).dimension("execution").criterion("budget-focus")
    assert fires == (score.score is not None and score.score < 100)
