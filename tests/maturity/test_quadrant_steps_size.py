"""The quadrant, the eight steps and size-aware expectations."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from estrategy.maturity import assess
from estrategy.maturity.quadrant import quadrant_name
from estrategy.model import Objective, Person, StrategyModel, Tactic, Tool

from .builders import AS_OF, fashionista, method_follower


@pytest.mark.parametrize("size", ["micro", "small", "medium", "mid_cap", "large"])
def test_many_tools_without_method_is_fashionista(size: str) -> None:
    result = assess(fashionista(size))
    assert result.quadrant.name == "fashionista"
    assert result.quadrant.digital_intensity >= 50
    assert result.quadrant.management_intensity < 50


@pytest.mark.parametrize("size", ["micro", "small", "medium", "mid_cap", "large"])
def test_method_with_moderate_tools_is_digirati(size: str) -> None:
    result = assess(method_follower(size))
    assert result.quadrant.name == "digirati"


def test_method_without_digital_is_conservative() -> None:
    model = method_follower()
    model = attrs.evolve(
        model,
        tactics=[t for t in model.tactics if t.id == "t-train"],
        actions=[a for a in model.actions if a.tactic == "t-train"],
        kpis=[attrs.evolve(model.kpis[0], tactics=["t-train"])],
        tools=[t for t in model.tools if t.id == "tool-crm"],
    )
    assert assess(model).quadrant.name == "conservative"


def test_empty_model_is_beginner() -> None:
    result = assess(StrategyModel(name="nothing", as_of=AS_OF))
    assert result.quadrant.name == "beginner"
    assert result.quadrant.digital_intensity == 0
    assert result.quadrant.management_intensity == 0


def test_quadrant_names() -> None:
    assert [quadrant_name(d, m) for m in (False, True) for d in (False, True)] == [
        "beginner",
        "fashionista",
        "conservative",
        "digirati",
    ]


def test_fashionista_jumped_the_first_steps() -> None:
    result = assess(fashionista())
    assert result.step("tactics").status == "partial"
    assert {"situation", "objectives", "strategy"} <= set(result.jumped)


def test_empty_model_misses_every_step_without_jumping() -> None:
    result = assess(StrategyModel(name="nothing", as_of=AS_OF))
    assert {s.status for s in result.steps} == {"missing"}
    assert result.jumped == ()


def test_tools_alone_jump_the_objectives() -> None:
    model = StrategyModel(name="toys", as_of=AS_OF, tools=[Tool(id="tool-x", kind="crm")])
    assert "objectives" in assess(model).jumped


def test_method_follower_evidences_all_steps() -> None:
    result = assess(method_follower())
    assert [s.status for s in result.steps] == ["evidenced"] * 8
    assert [s.number for s in result.steps] == list(range(1, 9))


def test_step_one_needs_the_digital_shift_named() -> None:
    model = method_follower()
    plain = attrs.evolve(
        model,
        situation=attrs.evolve(
            model.situation, opportunities=["A new motorway"], threats=["Rising costs"]
        ),
        stakes=[attrs.evolve(model.stakes[0], statement="Grow")],
    )
    assert assess(model).step("new-rules").status == "evidenced"
    assert assess(plain).step("new-rules").status == "partial"


def test_step_three_partial_then_missing() -> None:
    model = method_follower()
    vague = Objective(id="o-vague", statement="Be better")
    some = attrs.evolve(model, objectives=[*model.objectives, vague])
    assert assess(some).step("objectives").status == "partial"
    none_smart = attrs.evolve(
        model,
        objectives=[vague],
        strategies=[attrs.evolve(s, objectives=["o-vague"]) for s in model.strategies],
        kpis=[attrs.evolve(model.kpis[0], objective="o-vague")],
    )
    assert assess(none_smart).step("objectives").status == "missing"
    assert "objectives" in assess(none_smart).jumped


def test_controls_need_recent_regular_reviews() -> None:
    model = method_follower()
    late = attrs.evolve(model, as_of=dt.date(2027, 6, 1))
    result = assess(late)
    assert result.step("controls").status == "partial"
    assert result.dimension("measurement").criterion("regular-reviews").score == pytest.approx(60)


def _without_lead(size: str) -> StrategyModel:
    model = method_follower(size)
    people = [
        attrs.evolve(p, roles=[r for r in p.roles if r != "digital_lead"])
        for p in model.organization.people
    ]
    return attrs.evolve(model, organization=attrs.evolve(model.organization, people=people))


def test_micro_is_not_judged_on_a_digital_lead() -> None:
    micro = assess(_without_lead("micro")).dimension("people")
    large = assess(_without_lead("large")).dimension("people")
    assert micro.criterion("digital-lead").weight == 0
    assert micro.criterion("digital-lead").score == 0
    assert micro.score == 100
    assert large.score is not None
    assert large.score < 100


def test_micro_is_judged_on_efficiency_large_on_esn_reach() -> None:
    micro = assess(method_follower("micro"))
    large = assess(method_follower("large"))
    assert micro.dimension("tools").criterion("efficiency").weight == 3
    assert large.dimension("tools").criterion("efficiency").weight == 1
    assert micro.dimension("organisation").criterion("esn-reach").weight == 0
    assert large.dimension("organisation").criterion("esn-reach").weight == 3
    assert micro.dimension("organisation").level == 5
    assert large.dimension("organisation").level == 2


def test_review_interval_depends_on_size() -> None:
    model = attrs.evolve(method_follower("micro"), as_of=dt.date(2027, 3, 15))  # 135 days
    assert assess(model).step("controls").status == "evidenced"
    medium = attrs.evolve(model, organization=attrs.evolve(model.organization, size="medium"))
    assert assess(medium).step("controls").status == "partial"


def test_presupposed_role_missing_is_cited() -> None:
    model = method_follower()
    model = attrs.evolve(
        model,
        tactics=[
            *model.tactics,
            Tactic(id="t-auto", kind="marketing_automation", strategy="st-ext"),
        ],
    )
    criterion = assess(model).dimension("people").criterion("presupposed-roles")
    assert criterion.score == 50
    assert [e.ids for e in criterion.evidence if not e.supports] == [("t-auto",)]


def test_external_expert_supervision() -> None:
    model = method_follower()
    expert = Person(id="x-1", external=True, roles=["external_expert"])
    supervised = attrs.evolve(expert, supervisor="p-lead")
    for person, score in ((expert, 0), (supervised, 100)):
        org = attrs.evolve(model.organization, people=[*model.organization.people, person])
        result = assess(attrs.evolve(model, organization=org))
        assert result.dimension("people").criterion("expert-supervision").score == score
