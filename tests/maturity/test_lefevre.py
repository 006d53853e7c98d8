"""The reference model: levels, quadrant, steps and the evidence a consultant would cite.

docs/maturity.md explains each expected level.
"""

from __future__ import annotations

import pytest

from estrategy.maturity import Assessment, assess
from estrategy.model import StrategyModel

EXPECTED_LEVELS = {
    "strategy": 4,  # 81: SMART and challenged choices are the gaps (o-brand; o-leads, o-brand)
    "execution": 4,  # 78: two tactics without actions, a-shoot incomplete, a-crm-setup late
    "measurement": 4,  # 87: two tactics and o-brand unmeasured; reviews regular, KPIs on track
    "people": 4,  # 88: the digital lead and the field roles are there; x-agency unsupervised
    "tools": 4,  # 89: the chatbot serves nothing; no analytics; what is used is adopted
    "organisation": 2,  # 43: production is a silo, g-catalogue is not transversal, no ESN
    "customer": 4,  # 75: marketing reaches prospects without CRM; customers via t-newsletter only
}


@pytest.fixture(scope="module")
def result(lefevre: StrategyModel) -> Assessment:
    return assess(lefevre)


def _gaps(result: Assessment, dimension: str, criterion: str) -> list[tuple[str, tuple[str, ...]]]:
    item = result.dimension(dimension).criterion(criterion)
    return [(e.fact, e.ids) for e in item.evidence if not e.supports]


def _cited(result: Assessment, dimension: str, criterion: str) -> set[str]:
    item = result.dimension(dimension).criterion(criterion)
    return {i for e in item.evidence for i in e.ids}


def test_levels(result: Assessment) -> None:
    assert result.levels == EXPECTED_LEVELS
    assert result.overall.level_name == "integrated"
    assert (result.overall.strongest, result.overall.weakest) == ("tools", "organisation")
    assert result.overall.spread == pytest.approx(89 - 43, abs=1)


def test_results_do_not_cap_a_plan_that_delivers(result: Assessment) -> None:
    # a-crm-setup is the one late action of three with a deadline: the weakest result
    overall = result.overall
    assert overall.weakest_result == "on-schedule"
    assert overall.result_score == pytest.approx(200 / 3)
    assert overall.ceiling == pytest.approx(50 + 100 / 3)
    assert not overall.capped
    assert overall.score == pytest.approx(overall.dimension_mean)
    assert result.dimension("measurement").criterion("kpis-on-track").score == 100


def test_quadrant_is_digirati(result: Assessment) -> None:
    # in use: three digital tactic kinds of four, two tool kinds of four (the chatbot
    # serves nothing), prospects and employees, three live actions of six; every digital
    # tactic in use measured, and k-leads on its line
    assert result.quadrant.name == "digirati"
    assert dict(result.quadrant.digital_components) == pytest.approx(
        {
            "digital_tactic_kinds": 75.0,
            "tool_kinds": 50.0,
            "audiences": 200 / 3,
            "digital_actions": 50.0,
            "measured_use": 100.0,
            "adoption": 100.0,
        }
    )
    assert result.quadrant.digital_intensity == pytest.approx(73.6, abs=0.1)
    assert result.quadrant.management_intensity == pytest.approx(90.0)


def test_steps(result: Assessment) -> None:
    statuses = {s.id: s.status for s in result.steps}
    assert statuses == {
        "new-rules": "evidenced",
        "situation": "evidenced",
        "objectives": "partial",
        "strategy": "partial",
        "tactics": "partial",
        "indicators": "partial",
        "controls": "evidenced",
        "lessons": "evidenced",
    }
    assert result.jumped == ()


@pytest.mark.parametrize(
    ("dimension", "criterion", "ids"),
    [
        ("strategy", "smart-objectives", {"o-brand"}),
        ("strategy", "challenged-strategies", {"o-brand", "o-leads"}),
        ("strategy", "tactics-serve-strategy", {"t-newsletter"}),
        ("execution", "tactics-with-actions", {"t-newsletter", "t-trade-show"}),
        ("execution", "complete-actions", {"a-shoot"}),
        ("execution", "on-schedule", {"a-crm-setup"}),
        ("measurement", "tactics-measured", {"t-newsletter", "t-trade-show"}),
        ("measurement", "objectives-measured", {"o-brand"}),
        ("people", "expert-supervision", {"x-agency"}),
        ("tools", "tools-with-purpose", {"tool-chatbot"}),
        ("organisation", "transversality", {"production"}),
        ("organisation", "genuine-groups", {"g-catalogue"}),
        ("organisation", "upward-paths", {"p-cm"}),
        ("customer", "coordinated-contacts", {"prospects", "marketing"}),
    ],
)
def test_gaps_cite_what_a_consultant_would(
    result: Assessment, dimension: str, criterion: str, ids: set[str]
) -> None:
    cited = {i for _, gap_ids in _gaps(result, dimension, criterion) for i in gap_ids}
    assert cited == ids


def test_strengths_are_cited_too(result: Assessment) -> None:
    assert _cited(result, "people", "digital-lead") == {"p-cmo"}
    assert {"o-leads", "o-collab"} <= _cited(result, "strategy", "smart-objectives")
    assert _cited(result, "tools", "crm-backbone") == {"tool-crm"}
    assert "lessons" in " ".join(
        e.fact for e in result.dimension("measurement").criterion("lessons-learned").evidence
    )


def test_smart_gap_names_the_missing_letters(result: Assessment) -> None:
    facts = [fact for fact, _ in _gaps(result, "strategy", "smart-objectives")]
    assert facts == ["o-brand lacks metric, target, deadline"]


def test_step_evidence_quotes_the_digital_shift(result: Assessment) -> None:
    step = result.step("new-rules")
    text = " ".join(e.fact for e in step.evidence)
    assert "Online-native competitors" in text
    assert {"s-retention"} <= {i for e in step.evidence for i in e.ids}
