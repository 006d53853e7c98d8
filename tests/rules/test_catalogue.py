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
    return attrs.evolve(model, **{field: items})


def edit_person(model: StrategyModel, person_id: str, **changes: Any) -> StrategyModel:
    org = model.organization
    people = tuple(attrs.evolve(p, **changes) if p.id == person_id else p for p in org.people)
    return attrs.evolve(model, organization=attrs.evolve(org, people=people))


def add(model: StrategyModel, **items: list[Any]) -> StrategyModel:
    """Append items to collections (``tactics=[...]``)."""
    return attrs.evolve(
        model, **{field: (*getattr(model, field), *new) for field, new in items.items()}
    )


def drop(model: StrategyModel, field: str, item_id: str) -> StrategyModel:
    return attrs.evolve(
        model, **{field: tuple(x for x in getattr(model, field) if x.id != item_id)}
    )


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

    (With n tactics the Herfindahl index is at least 1/n, so ACT004's default 0.10 needs
    at least eleven.)
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
    ("STR009",
     lambda m: edit(add(m, objectives=[new_objective("o-new")]), "strategies", "st-alt",
                    objectives=["o-leads", "o-new"]),
     [("o-new",)],
     lambda m: edit(edit(add(m, objectives=[new_objective("o-new")]), "strategies", "st-alt",
                         objectives=["o-leads", "o-new"]),
                    "strategies", "st-ext", objectives=["o-leads", "o-new"])),
    ("ACT001", lambda m: drop(m, "actions", "a-events"), [("t-events",)],
     lambda m: edit(m, "actions", "a-events", status=ActionStatus.DROPPED)),
    ("ACT002", lambda m: edit(m, "actions", "a-social", budget=None), [("a-social",)],
     lambda m: edit(m, "actions", "a-social", budget=Decimal(0))),
    ("ACT003", lambda m: edit(m, "actions", "a-social", deadline=dt.date(2026, 11, 14)),
     [("a-social",)],
     lambda m: edit(m, "actions", "a-social", deadline=dt.date(2026, 11, 15))),
    ("ACT004", lambda m: spread_budget(m, 10000), [()], lambda m: spread_budget(m, 60000)),
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
    assert builtin - {c for c in builtin if c.startswith("ORG")} == covered


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
    assert findings(model, "ACT004", settings={"atomisation_max_hhi": 0.05}) == []
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
