"""Every built-in rule: a model that triggers it, and a minimally different one that does not.

All models derive from ``base()``, a small model that follows the method everywhere and
produces no finding at all; each case changes one thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from estrategy.analysis import check
from estrategy.model import (
    KPI,
    Action,
    ActionStatus,
    Audience,
    BusinessStake,
    Direction,
    GroupKind,
    Measurement,
    Objective,
    Organization,
    OrganizationSize,
    Person,
    Review,
    SituationAnalysis,
    Strategy,
    StrategyModel,
    StrategyScope,
    Tactic,
    TacticKind,
    Tie,
    Tool,
    ToolKind,
    ToolSide,
    TransversalGroup,
    Unit,
)
from estrategy.rules import registry

AS_OF = dt.date(2026, 11, 15)
DUE = dt.date(2027, 3, 31)
DIGITAL_LEAD = [
    "vision",
    "business_models",
    "listening",
    "project_management",
    "negotiation",
    "pedagogy",
    "change_management",
]
CM = ["editorial_content", "community_animation", "social_platforms", "e_reputation", "seo"]
DS = ["data_analysis", "behavioural_profiling", "targeting"]


def base() -> StrategyModel:
    """A small model that follows the method everywhere (no finding)."""
    return StrategyModel(
        name="Base",
        as_of=AS_OF,
        organization=Organization(
            name="Base Co",
            size=OrganizationSize.MEDIUM,
            units=[
                Unit(id="dg"),
                Unit(id="sales", parent="dg"),
                Unit(id="marketing", parent="dg"),
            ],
            people=[
                Person(id="p-ceo", unit="dg", roles=["executive"], decision_maker=True),
                Person(
                    id="p-lead",
                    unit="marketing",
                    manager="p-ceo",
                    roles=["digital_lead"],
                    skills=DIGITAL_LEAD,
                    decision_maker=True,
                ),
                Person(
                    id="p-cm",
                    unit="marketing",
                    manager="p-lead",
                    roles=["community_manager"],
                    skills=CM,
                ),
                Person(
                    id="p-ds",
                    unit="marketing",
                    manager="p-lead",
                    roles=["data_scientist"],
                    skills=DS,
                ),
                Person(
                    id="p-sales",
                    unit="sales",
                    manager="p-ceo",
                    roles=["sales"],
                    skills=["social_selling", "negotiation"],
                    decision_maker=True,
                ),
                Person(
                    id="x-expert", external=True, roles=["external_expert"], supervisor="p-lead"
                ),
            ],
            groups=[
                TransversalGroup(
                    id="g-project",
                    kind=GroupKind.PROJECT,
                    members=["p-lead", "p-sales"],
                    objective="o-leads",
                    deadline=dt.date(2027, 6, 30),
                )
            ],
            ties=[Tie(source="p-cm", target="p-sales")],
        ),
        stakes=[BusinessStake(id="s-growth", statement="Grow abroad")],
        situation=SituationAnalysis(
            strengths=["quality"], weaknesses=["no shared data"], competitors=["Rival"]
        ),
        objectives=[
            Objective(
                id="o-leads",
                statement="Double qualified leads",
                stake="s-growth",
                metric="leads_per_month",
                baseline=40,
                target=80,
                deadline=dt.date(2027, 12, 31),
                owner="p-sales",
            )
        ],
        strategies=[
            Strategy(id="st-ext", scope="external", objectives=["o-leads"], status="retained"),
            Strategy(id="st-int", scope="internal", objectives=["o-leads"], status="retained"),
            Strategy(id="st-alt", scope="external", objectives=["o-leads"], status="rejected"),
        ],
        tactics=[
            Tactic(
                id="t-social",
                kind="social_selling",
                strategy="st-ext",
                audience="prospects",
                owner_unit="sales",
            ),
            Tactic(
                id="t-content",
                kind="content_marketing",
                strategy="st-ext",
                audience="prospects",
                owner_unit="marketing",
            ),
            Tactic(
                id="t-events",
                kind="events",
                strategy="st-ext",
                audience="customers",
                owner_unit="sales",
            ),
            Tactic(
                id="t-crm",
                kind="crm_deployment",
                strategy="st-int",
                audience="employees",
                owner_unit="marketing",
            ),
            Tactic(
                id="t-training",
                kind="training",
                strategy="st-int",
                audience="employees",
                owner_unit="marketing",
            ),
        ],
        actions=[
            _action("a-social", "t-social", ["social_selling"], "p-sales", 10000),
            _action(
                "a-content",
                "t-content",
                ["editorial_content"],
                "p-cm",
                8000,
                tools=["tool-crm", "tool-site"],
            ),
            _action("a-events", "t-events", ["negotiation"], "p-sales", 5000),
            _action("a-crm", "t-crm", ["project_management"], "p-lead", 20000),
            _action("a-training", "t-training", ["pedagogy"], "p-lead", 3000),
        ],
        kpis=[
            KPI(
                id="k-leads",
                objective="o-leads",
                tactics=["t-social", "t-content", "t-events", "t-crm", "t-training"],
                target=80,
                direction=Direction.INCREASE,
                measurements=[
                    Measurement(date=dt.date(2026, 9, 30), value=40),
                    Measurement(date=dt.date(2026, 10, 31), value=45),
                ],
            )
        ],
        reviews=[
            Review(date=dt.date(2026, 9, 30), kpis=["k-leads"]),
            Review(date=dt.date(2026, 11, 1), kpis=["k-leads"]),
        ],
        tools=[
            Tool(id="tool-crm", kind=ToolKind.CRM, side=ToolSide.BACK),
            Tool(id="tool-site", kind=ToolKind.WEBSITE),
        ],
    )


def _action(
    id: str,
    tactic: str,
    competences: list[str],
    responsible: str,
    budget: int,
    tools: list[str] | None = None,
) -> Action:
    return Action(
        id=id,
        tactic=tactic,
        competences=competences,
        responsible=responsible,
        tools=tools or ["tool-crm"],
        budget=Decimal(budget),
        deadline=DUE,
    )


# -- small editing helpers: each returns a new model ------------------------------------


def edit(model: StrategyModel, field: str, item_id: str, **changes: Any) -> StrategyModel:
    """Change the item with ``item_id`` in the collection ``field``."""
    items = tuple(
        attrs.evolve(x, **changes) if getattr(x, "id", None) == item_id else x
        for x in getattr(model, field)
    )
    replaced: dict[str, Any] = {field: items}
    return attrs.evolve(model, **replaced)


def edit_person(model: StrategyModel, person_id: str, **changes: Any) -> StrategyModel:
    org = model.organization
    people = tuple(attrs.evolve(p, **changes) if p.id == person_id else p for p in org.people)
    return attrs.evolve(model, organization=attrs.evolve(org, people=people))


def add(model: StrategyModel, **items: list[Any]) -> StrategyModel:
    """Append items to collections (``tactics=[...]``)."""
    extended: dict[str, Any] = {f: (*getattr(model, f), *new) for f, new in items.items()}
    return attrs.evolve(model, **extended)


def drop(model: StrategyModel, field: str, item_id: str) -> StrategyModel:
    kept: dict[str, Any] = {field: tuple(x for x in getattr(model, field) if x.id != item_id)}
    return attrs.evolve(model, **kept)


def with_tactic(
    model: StrategyModel, tactic: Tactic, budget: int = 1000, measured: bool = True
) -> StrategyModel:
    """Add a tactic with one complete action, measured by k-leads (unless told not to)."""
    model = add(
        model,
        tactics=[tactic],
        actions=[_action(f"a-{tactic.id}", tactic.id, ["negotiation"], "p-sales", budget)],
    )
    if measured:
        kpi = model.kpis[0]
        model = edit(model, "kpis", kpi.id, tactics=(*kpi.tactics, tactic.id))
    return model


def findings(model: StrategyModel, code: str, **kwargs: Any) -> list[tuple[str, ...]]:
    report = check(model, select=[code], **kwargs)
    assert all(f.code == code for f in report.findings)
    return [f.subjects for f in report.findings]


def test_the_base_model_produces_no_finding() -> None:
    assert check(base()).findings == ()


def new_objective(id: str) -> Objective:
    return attrs.evolve(base().objectives[0], id=id)


def spread_budget(model: StrategyModel, dominant: int) -> StrategyModel:
    """Thirteen funded tactics of 10,000 each, but t-social which holds ``dominant``.

    ACT004 reads the normalised Herfindahl index: 0 for equal shares, whatever the count.
    """
    for n in range(8):
        model = with_tactic(
            model,
            Tactic(id=f"t-more{n}", kind="web_marketing", strategy="st-ext",
                   audience="prospects", owner_unit="sales"),
            budget=10000,
        )  # fmt: skip
    for action in ("a-content", "a-events", "a-crm", "a-training"):
        model = _set_budget(model, action, 10000)
    return _set_budget(model, "a-social", dominant)


def _set_budget(model: StrategyModel, action_id: str, budget: int) -> StrategyModel:
    return edit(model, "actions", action_id, budget=Decimal(budget))


Case = tuple[str, Callable[[StrategyModel], StrategyModel], list[tuple[str, ...]],
             Callable[[StrategyModel], StrategyModel]]  # fmt: skip

CASES: list[Case] = [
    # code, trigger, expected subjects, minimally different non-trigger
    ("STR001", lambda m: edit(m, "tactics", "t-social", strategy=None), [("t-social",)],
     lambda m: m),
    ("STR002", lambda m: edit(m, "strategies", "st-int", objectives=[]), [("st-int",)],
     lambda m: edit(m, "strategies", "st-alt", objectives=[])),
    ("STR003",
     lambda m: add(m, strategies=[Strategy(id="st-new", objectives=["o-leads"],
                                           status="retained")]),
     [("st-new",)],
     lambda m: add(m, strategies=[Strategy(id="st-new", objectives=["o-leads"],
                                           status="candidate")])),
    ("STR004", lambda m: edit(m, "objectives", "o-leads", deadline=None), [("o-leads",)],
     lambda m: edit(m, "objectives", "o-leads", baseline=None)),
    ("STR005",
     lambda m: edit(add(m, objectives=[new_objective("o-new")]), "strategies", "st-ext",
                    objectives=["o-leads", "o-new"]),
     [("o-new",)],
     lambda m: edit(edit(add(m, objectives=[new_objective("o-new")]), "strategies", "st-ext",
                         objectives=["o-leads", "o-new"]),
                    "strategies", "st-alt", objectives=["o-leads", "o-new"])),
    ("STR006", lambda m: edit(m, "strategies", "st-int", scope=StrategyScope.EXTERNAL), [()],
     lambda m: edit(m, "strategies", "st-alt", scope=StrategyScope.INTERNAL)),
    ("STR007",
     lambda m: edit(add(m, objectives=[new_objective("o-int")]), "strategies", "st-int",
                    objectives=["o-int"]),
     [()],
     lambda m: edit(add(m, objectives=[new_objective("o-int")]), "strategies", "st-int",
                    objectives=["o-int", "o-leads"])),
    ("STR008", lambda m: attrs.evolve(m, situation=SituationAnalysis(threats=["x"])), [()],
     lambda m: attrs.evolve(m, situation=SituationAnalysis(competitors=["x"]))),
    ("STR010", lambda m: edit(m, "tactics", "t-events", strategy="st-alt"),
     [("t-events", "st-alt")],
     lambda m: edit(m, "strategies", "st-alt", status="retained")),
    ("STR009",
     lambda m: edit(add(m, objectives=[new_objective("o-new")]), "strategies", "st-alt",
                    objectives=["o-leads", "o-new"]),
     [("o-new",)],
     lambda m: edit(edit(add(m, objectives=[new_objective("o-new")]), "strategies", "st-alt",
                         objectives=["o-leads", "o-new"]),
                    "strategies", "st-ext", objectives=["o-leads", "o-new"])),
    ("ACT001", lambda m: edit(m, "actions", "a-events", status=ActionStatus.DROPPED),
     [("t-events",)],
     lambda m: edit(m, "actions", "a-events", status=ActionStatus.DONE)),
    ("ACT002", lambda m: edit(m, "actions", "a-social", budget=None), [("a-social",)],
     lambda m: edit(m, "actions", "a-social", budget=Decimal(0))),
    ("ACT003", lambda m: edit(m, "actions", "a-social", deadline=dt.date(2026, 11, 14)),
     [("a-social",)],
     lambda m: edit(m, "actions", "a-social", deadline=dt.date(2026, 11, 15))),
    ("ACT004", lambda m: spread_budget(m, 10000), [()], lambda m: spread_budget(m, 100000)),
    ("MES001", lambda m: with_tactic(m, Tactic(id="t-new", strategy="st-ext"), measured=False),
     [("t-new",)], lambda m: with_tactic(m, Tactic(id="t-new", strategy="st-ext"))),
    ("MES002", lambda m: edit(m, "kpis", "k-leads", measurements=[]), [("k-leads",)],
     lambda m: edit(m, "kpis", "k-leads",
                    measurements=[Measurement(date=dt.date(2026, 9, 30), value=40)])),
    ("MES003",
     lambda m: attrs.evolve(m, reviews=[Review(date=dt.date(2026, 8, 16))]), [()],
     lambda m: attrs.evolve(m, reviews=[Review(date=dt.date(2026, 8, 17))])),
    ("MES004", lambda m: edit(m, "kpis", "k-leads", objective=None), [("k-leads",)],
     lambda m: m),
    ("MES005",
     lambda m: edit(m, "kpis", "k-leads", measurements=[
         Measurement(date=dt.date(2026, 9, 30), value=40),
         Measurement(date=dt.date(2026, 10, 31), value=34)]),
     [("k-leads",)],
     lambda m: edit(m, "kpis", "k-leads", measurements=[
         Measurement(date=dt.date(2026, 9, 30), value=40),
         Measurement(date=dt.date(2026, 10, 31), value=35)])),
    ("MES006", lambda m: edit(m, "kpis", "k-leads", direction=Direction.DECREASE),
     [("k-leads",)],
     lambda m: edit(m, "kpis", "k-leads", direction=Direction.DECREASE, target=40)),
    ("ROL007", lambda m: edit_person(m, "p-cm", roles=["community-manager"]), [("p-cm",)],
     lambda m: edit_person(m, "p-cm", roles=["community_manager", "moderator"])),
    ("ROL008", lambda m: edit_person(m, "p-cm", skills=[*CM[:4], "SEO"]), [("p-cm",)],
     lambda m: edit_person(m, "p-cm", skills=[*CM, "knitting"])),
    ("ROL001", lambda m: edit_person(m, "p-cm", external=True, supervisor="p-lead"), [()],
     lambda m: edit_person(m, "p-ds", external=True, supervisor="p-lead")),
    ("ROL002",
     lambda m: edit_person(with_tactic(m, Tactic(id="t-data", kind="data_analytics",
                                                 strategy="st-ext")), "p-ds", roles=[]),
     [()],
     lambda m: edit_person(with_tactic(m, Tactic(id="t-data", kind="data_analytics",
                                                 strategy="st-ext")), "p-ds", external=True,
                           supervisor="p-lead")),
    ("ROL003", lambda m: edit_person(m, "p-lead", external=True), [()],
     lambda m: edit_person(
         attrs.evolve(m, organization=attrs.evolve(m.organization,
                                                   size=OrganizationSize.MICRO)),
         "p-lead", external=True)),
    ("ROL004", lambda m: edit_person(m, "x-expert", supervisor=None), [("x-expert",)],
     lambda m: edit_person(m, "x-expert", supervisor="p-ceo")),
    ("ROL005", lambda m: edit(m, "actions", "a-social", competences=["seo"]), [("a-social",)],
     lambda m: edit(m, "actions", "a-social", competences=["negotiation"])),
    ("ROL006", lambda m: edit(m, "tactics", "t-training", kind=TacticKind.OTHER),
     [("t-crm",), ("t-training",)],
     lambda m: edit(m, "tactics", "t-training", kind=TacticKind.CHANGE_MANAGEMENT)),
    ("TEC001", lambda m: add(m, tools=[Tool(id="tool-x")]), [("tool-x",)],
     lambda m: edit(add(m, tools=[Tool(id="tool-x")]), "actions", "a-social",
                    tools=["tool-crm", "tool-x"])),
    ("TEC002", lambda m: edit(m, "tools", "tool-crm", kind=ToolKind.ERP), [()],
     lambda m: edit(edit(m, "tools", "tool-crm", kind=ToolKind.ERP), "tools", "tool-site",
                    kind=ToolKind.CRM)),
    ("TEC003", lambda m: edit(m, "tools", "tool-crm", kind=ToolKind.OTHER), [()],
     lambda m: edit(m, "tools", "tool-crm", kind=ToolKind.ANALYTICS)),
    ("TEC004", lambda m: edit(m, "actions", "a-content", tools=["tool-site"]),
     [("prospects", "marketing")],
     lambda m: edit(edit(m, "actions", "a-content", tools=["tool-site"]), "tactics",
                    "t-content", owner_unit="sales")),
    ("CHN001",
     lambda m: edit(add(m, objectives=[new_objective("o-fair")],
                        strategies=[Strategy(id="st-fair", objectives=["o-fair"],
                                             status="rejected")]),
                    "tactics", "t-events", strategy="st-fair"),
     [()],
     lambda m: edit(add(m, objectives=[new_objective("o-fair")],
                        strategies=[Strategy(id="st-fair", objectives=["o-fair", "o-leads"],
                                             status="rejected")]),
                    "tactics", "t-events", strategy="st-fair")),
    ("CHN002",
     lambda m: edit(edit(m, "tactics", "t-social", kind=TacticKind.WEB_MARKETING), "tactics",
                    "t-content", kind=TacticKind.ONLINE_ADVERTISING),
     [()],
     lambda m: edit(m, "tactics", "t-social", kind=TacticKind.WEB_MARKETING)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("code", "trigger", "subjects", "near_miss"), CASES, ids=[c[0] for c in CASES]
)
def test_rule_fires_on_its_trigger_and_not_on_a_near_miss(
    code: str,
    trigger: Callable[[StrategyModel], StrategyModel],
    subjects: list[tuple[str, ...]],
    near_miss: Callable[[StrategyModel], StrategyModel],
) -> None:
    assert findings(trigger(base()), code) == subjects
    assert findings(near_miss(base()), code) == []


def test_every_builtin_non_org_rule_has_a_case() -> None:
    covered = {c[0] for c in CASES}
    builtin = {code for code, r in registry().items() if r.origin == "builtin"}
    # ORG and SUP rules have their own tests (tests/org, tests/rules/test_suppressions.py).
    assert builtin - {c for c in builtin if c.startswith(("ORG", "SUP"))} == covered


def test_tec002_fires_only_for_customer_facing_tactics() -> None:
    no_crm = edit(base(), "tools", "tool-crm", kind=ToolKind.ERP)
    internal_only = attrs.evolve(
        no_crm,
        tactics=tuple(
            attrs.evolve(t, audience=Audience.PARTNERS) if t.audience != "employees" else t
            for t in no_crm.tactics
        ),
    )
    assert findings(internal_only, "TEC002") == []


def test_str004_lists_the_failing_letters() -> None:
    model = edit(
        base(), "objectives", "o-leads", statement="", metric=None, baseline=80, stake=None
    )
    (finding,) = check(model, select="STR004").findings
    assert "S (no statement)" in finding.message
    assert "M (no metric)" in finding.message
    assert "A (target equals baseline)" in finding.message
    assert "R (no stake)" in finding.message
    assert "T (" not in finding.message


def test_act002_lists_what_is_missing() -> None:
    model = edit(base(), "actions", "a-social", competences=[], responsible=None, deadline=None)
    (finding,) = check(model, select="ACT002").findings
    assert (
        finding.message == "action a-social has no competences, no responsible person, no deadline"
    )


def test_act003_uses_the_given_as_of_date_before_the_models() -> None:
    model = edit(base(), "actions", "a-social", deadline=dt.date(2026, 11, 1))
    assert findings(model, "ACT003") == [("a-social",)]
    assert findings(model, "ACT003", as_of=dt.date(2026, 10, 1)) == []
    assert findings(attrs.evolve(model, as_of=None), "ACT003", as_of=dt.date(2026, 11, 2)) == [
        ("a-social",)
    ]


def test_mes003_fires_on_a_long_gap_between_reviews() -> None:
    reviews = [Review(date=dt.date(2026, 5, 1)), Review(date=dt.date(2026, 11, 1))]
    model = attrs.evolve(base(), reviews=reviews)
    (finding,) = check(model, select="MES003").findings
    assert "2026-05-01 to 2026-11-01" in finding.message
    assert findings(model, "MES003", settings={"review_interval_days": 200}) == []


def test_mes003_fires_without_any_review_and_ignores_planned_ones() -> None:
    planned = attrs.evolve(base(), reviews=[Review(date=dt.date(2026, 12, 1))])
    assert findings(planned, "MES003") == [()]


def test_mes005_reads_a_decreasing_kpi_the_other_way() -> None:
    model = edit(
        base(),
        "kpis",
        "k-leads",
        direction=Direction.DECREASE,
        target=0,
        measurements=[
            Measurement(date=dt.date(2026, 9, 30), value=40),
            Measurement(date=dt.date(2026, 10, 31), value=47),
        ],
    )
    assert findings(model, "MES005") == [("k-leads",)]
    assert findings(model, "MES005", settings={"off_track_tolerance": 0.5}) == []


def test_mes005_is_independent_of_the_order_of_measurements() -> None:
    kpi = base().kpis[0]
    late = [Measurement(date=dt.date(2026, 10, 31), value=30), *kpi.measurements[:1]]
    model = edit(base(), "kpis", "k-leads", measurements=late)
    assert findings(model, "MES005") == [("k-leads",)]


def test_rol005_flags_a_role_holder_lacking_more_than_half_the_competences() -> None:
    assert findings(edit_person(base(), "p-cm", skills=CM[:2]), "ROL005") == [("p-cm",)]
    assert findings(edit_person(base(), "p-cm", skills=CM[:3]), "ROL005") == []


def test_rol001_uses_the_catalogue_presuppositions() -> None:
    from estrategy.catalogue import Catalogue, default_catalogue

    model = edit_person(base(), "p-cm", roles=[])
    assert findings(model, "ROL001") == [()]
    relaxed = Catalogue.from_mapping(
        {"tactics": {"content_marketing": {"channel": "digital", "presupposes": []}}},
        base=default_catalogue(),
    )
    assert findings(model, "ROL001", catalogue=relaxed) == []


def test_rol006_fires_for_an_employee_tactic_without_strategy() -> None:
    model = edit(base(), "tactics", "t-crm", strategy=None)
    assert findings(model, "ROL006") == [("t-crm",)]


def test_act004_threshold_is_a_setting() -> None:
    model = spread_budget(base(), 10000)
    assert findings(model, "ACT004", settings={"atomisation_min_tactics": 14}) == []
    assert findings(model, "ACT004", settings={"atomisation_max_hhi": 0.0}) == []
    dominant = spread_budget(base(), 100000)
    assert findings(dominant, "ACT004", settings={"atomisation_max_hhi": 0.5}) == [()]


def test_tec004_names_every_unit_without_a_crm() -> None:
    model = edit(base(), "actions", "a-content", tools=["tool-site"])
    model = edit(model, "actions", "a-social", tools=["tool-site"])
    assert findings(model, "TEC004") == [("prospects", "marketing", "sales")]


def test_chn002_ignores_an_external_volet_without_tactics() -> None:
    model = attrs.evolve(
        base(),
        tactics=tuple(t for t in base().tactics if t.strategy != "st-ext"),
        actions=tuple(a for a in base().actions if a.tactic in {"t-crm", "t-training"}),
        kpis=(attrs.evolve(base().kpis[0], tactics=["t-crm", "t-training"]),),
    )
    assert findings(model, "CHN002") == []


# -- fixes of the rules review: each test failed before its fix --------------------------


def test_act001_fires_on_a_tactic_with_no_action_at_all() -> None:
    assert findings(drop(base(), "actions", "a-events"), "ACT001") == [("t-events",)]


def _kpi_line(target: float, *values: tuple[dt.date, float], **changes: Any) -> StrategyModel:
    """Base with o-leads due 2026-12-31 and k-leads holding ``values`` (no direction given)."""
    model = edit(base(), "objectives", "o-leads", deadline=dt.date(2026, 12, 31))
    return edit(
        model,
        "kpis",
        "k-leads",
        target=target,
        measurements=[Measurement(date=d, value=v) for d, v in values],
        **changes,
    )


def test_mes005_follows_the_planned_line_down_when_the_target_is_below_the_start() -> None:
    start = (dt.date(2026, 1, 1), 100.0)
    june = dt.date(2026, 6, 1)
    # Direction defaults to increase, but the line goes from 100 down to 50.
    past_target = _kpi_line(50, start, (june, 40.0))
    assert findings(past_target, "MES005", as_of=june) == []
    no_progress = _kpi_line(50, start, (june, 100.0))
    assert findings(no_progress, "MES005", as_of=june) == [("k-leads",)]


def test_mes005_direction_settles_a_flat_line() -> None:
    start = (dt.date(2026, 1, 1), 50.0)
    june = dt.date(2026, 6, 1)
    lower = _kpi_line(50, start, (june, 45.0), direction=Direction.INCREASE)
    assert findings(lower, "MES005", as_of=june) == [("k-leads",)]
    assert findings(_kpi_line(50, start, (june, 55.0)), "MES005", as_of=june) == []
    decrease = _kpi_line(50, start, (june, 45.0), direction=Direction.DECREASE)
    assert findings(decrease, "MES005", as_of=june) == []


@given(
    first=st.integers(-1000, 1000),
    target=st.integers(-1000, 1000),
    latest=st.integers(-2000, 2000),
)
def test_mes005_reads_the_line_not_the_declared_direction(
    first: int, target: int, latest: int
) -> None:
    june = dt.date(2026, 6, 1)
    values = ((dt.date(2026, 1, 1), float(first)), (june, float(latest)))
    up, down = (
        findings(_kpi_line(target, *values, direction=d), "MES005", as_of=june)
        for d in (Direction.INCREASE, Direction.DECREASE)
    )
    if target != first:
        assert up == down
    # Reaching or passing the target is never off track.
    if (target - first) * (latest - target) >= 0 and target != first:
        assert up == []


def _bypass(item: Any, **values: Any) -> Any:
    """``item`` with fields set to plain values, past the model's converters.

    Stands for a caller whose object holds a plain string where the model has an enum.
    """
    for name, value in values.items():
        object.__setattr__(item, name, value)
    return item


def test_org003_reads_a_group_kind_given_as_a_string() -> None:
    org = base().organization
    group = attrs.evolve(org.groups[0], deadline=None)
    model = attrs.evolve(base(), organization=attrs.evolve(org, groups=[group]))
    assert findings(model, "ORG003") == [("g-project",)]
    plain = attrs.evolve(group)
    _bypass(plain, kind="project")
    as_string = attrs.evolve(base(), organization=attrs.evolve(org, groups=[plain]))
    assert type(as_string.organization.groups[0].kind) is str
    assert findings(as_string, "ORG003") == [("g-project",)]


def test_org005_reads_an_esn_tool_kind_given_as_a_string() -> None:
    with_esn = add(base(), tools=[Tool(id="tool-esn", kind=ToolKind.ESN)])
    expected = findings(with_esn, "ORG005")
    assert expected  # p-ceo, p-ds and x-expert have no tie and no group
    as_string = add(base(), tools=[_bypass(Tool(id="tool-esn"), kind="esn")])
    assert findings(as_string, "ORG005") == expected


def test_an_esn_tie_given_as_a_string_counts_as_an_esn_tie() -> None:
    from estrategy.model.tables import tables_from_organization

    tie = _bypass(Tie(source="p-cm", target="p-sales"), kind="esn")
    org = attrs.evolve(base().organization, ties=[tie])
    assert tables_from_organization(org).tie_esn.tolist() == [True]


@pytest.mark.parametrize("code", ["ACT003", "MES003"])
def test_a_datetime_as_of_counts_as_its_day(code: str) -> None:
    model = edit(base(), "actions", "a-social", deadline=dt.date(2026, 11, 1))
    model = attrs.evolve(model, reviews=[Review(date=dt.date(2026, 5, 1))])
    by_date = check(model, select=code, as_of=dt.date(2026, 11, 15))
    by_datetime = check(model, select=code, as_of=dt.datetime(2026, 11, 15, 18, 30))
    assert by_datetime.findings == by_date.findings
    assert by_datetime.findings
    assert "failed" not in by_datetime.findings[0].message
    assert by_datetime.as_of == dt.date(2026, 11, 15)


@pytest.mark.parametrize("value", ["2026-11-15", 20261115])
def test_an_as_of_that_is_no_date_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="as_of must be a date"):
        check(base(), as_of=value)  # type: ignore[arg-type]


def test_str004_reads_a_missing_statement_as_empty() -> None:
    model = edit(base(), "objectives", "o-leads", statement=None)
    (finding,) = check(model, select="STR004").findings
    assert finding.message == "objective o-leads is not SMART: S (no statement)"


def _drop_action(model: StrategyModel, action_id: str) -> StrategyModel:
    return edit(model, "actions", action_id, status=ActionStatus.DROPPED)


def test_rol006_needs_an_action_that_is_not_dropped() -> None:
    model = _drop_action(base(), "a-training")
    # the training is the support itself: only the CRM deployment lacks support
    assert findings(model, "ROL006") == [("t-crm",)]
    assert findings(edit(model, "actions", "a-training", status="done"), "ROL006") == []


def test_tec001_ignores_dropped_actions() -> None:
    model = edit(add(base(), tools=[Tool(id="tool-x")]), "actions", "a-social",
                 tools=["tool-crm", "tool-x"])  # fmt: skip
    assert findings(model, "TEC001") == []
    assert findings(_drop_action(model, "a-social"), "TEC001") == [("tool-x",)]


def test_tec004_ignores_a_dropped_action_that_uses_the_crm() -> None:
    # a-content (marketing, prospects) is the only marketing action using the CRM.
    assert findings(_drop_action(base(), "a-content"), "TEC004") == [("prospects", "marketing")]


def test_act002_and_rol005_skip_dropped_actions() -> None:
    incomplete = edit(base(), "actions", "a-social", budget=None, competences=["seo"])
    assert findings(incomplete, "ACT002") == [("a-social",)]
    assert findings(incomplete, "ROL005") == [("a-social",)]
    assert findings(_drop_action(incomplete, "a-social"), "ACT002") == []
    assert findings(_drop_action(incomplete, "a-social"), "ROL005") == []


def test_act004_counts_the_budgets_of_live_actions_only() -> None:
    spread = spread_budget(base(), 10000)
    assert findings(spread, "ACT004") == [()]
    # A dropped 100,000 would have concentrated the budget; it no longer counts.
    big = _action("a-big", "t-social", ["negotiation"], "p-sales", 100000)
    assert findings(add(spread, actions=[big]), "ACT004") == []
    dropped = attrs.evolve(big, status=ActionStatus.DROPPED)
    assert findings(add(spread, actions=[dropped]), "ACT004") == [()]


@pytest.mark.parametrize(
    ("name", "value", "least"),
    [
        ("review_interval_days", -5, 1),
        ("review_interval_days", 0, 1),
        ("upward_hops", -1, 0),
        ("off_track_tolerance", -1, 0.0),
        ("atomisation_min_tactics", 0, 1),
        ("atomisation_max_hhi", -0.1, 0.0),
    ],
)
def test_a_setting_below_its_minimum_is_a_settings_error(
    name: str, value: float, least: float
) -> None:
    from estrategy.analysis import SettingsError

    with pytest.raises(SettingsError, match=f"setting '{name}' must be at least {least!r}"):
        check(base(), settings={name: value})
    assert check(base(), settings={name: least}).findings is not None


def test_the_cli_rejects_a_setting_below_its_minimum(tmp_path: Any) -> None:
    from click.testing import CliRunner

    from estrategy.cli import main

    result = CliRunner().invoke(main, ["check", "--set", "review_interval_days=-5"])
    assert result.exit_code == 2
    assert "review_interval_days" in result.output
    assert "Traceback" not in result.output


def test_org004_counts_one_step_and_names_a_repeated_role_once() -> None:
    model = edit_person(base(), "p-cm", roles=["community_manager", "community_manager"])
    report = check(model, select="ORG004", settings={"upward_hops": 0})
    messages = [f.message for f in report.findings]
    expected = "community manager p-cm is 1 step from the nearest decision maker (more than 0)"
    assert expected in messages


def test_org004_names_the_roles_in_a_fixed_order() -> None:
    def message(roles: list[str]) -> str:
        model = edit_person(base(), "p-cm", roles=roles)
        report = check(model, select="ORG004", settings={"upward_hops": 0})
        return next(f.message for f in report.findings if f.subjects == ("p-cm",))

    both = "community manager and data scientist p-cm is 1 step"
    assert message(["data_scientist", "community_manager"]).startswith(both)
    assert message(["community_manager", "data_scientist"]).startswith(both)


def test_mes003_agrees_with_a_single_gap() -> None:
    reviews = [Review(date=dt.date(2026, 5, 1)), Review(date=dt.date(2026, 11, 1))]
    (finding,) = check(attrs.evolve(base(), reviews=reviews), select="MES003").findings
    assert "1 gap between reviews exceeds 90 days" in finding.message
    reviews.insert(0, Review(date=dt.date(2025, 11, 1)))
    (finding,) = check(attrs.evolve(base(), reviews=reviews), select="MES003").findings
    assert "2 gaps between reviews exceed 90 days" in finding.message


def test_rol006_says_plainly_that_a_tactic_has_no_strategy() -> None:
    model = edit(base(), "tactics", "t-crm", strategy=None)
    (finding,) = check(model, select="ROL006").findings
    assert finding.message == (
        "tactic t-crm addresses employees but implements no strategy, so no training or "
        "change-management tactic supports it"
    )
