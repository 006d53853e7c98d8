"""Small models for the maturity tests: a fashionista, a method follower, and a plan behind."""

from __future__ import annotations

import datetime as dt

import attrs

from estrategy.model import (
    KPI,
    Action,
    ActionStatus,
    BusinessStake,
    Direction,
    Measurement,
    Objective,
    Organization,
    Person,
    Review,
    SituationAnalysis,
    Strategy,
    StrategyModel,
    Tactic,
    Tool,
    Unit,
)

AS_OF = dt.date(2026, 11, 15)


def fashionista(size: str = "medium") -> StrategyModel:
    """Many tools and tactics, all busy, but no situation, no SMART objective, no KPI, no review."""
    kinds = [
        "social_selling",
        "content_marketing",
        "social_media_marketing",
        "web_marketing",
        "email_marketing",
        "online_advertising",
        "marketing_automation",
        "enterprise_social_network",
    ]
    audiences = ["prospects", "customers", "partners", "employees"]
    tools = [
        Tool(id=f"tool-{k}", kind=k)
        for k in ("crm", "website", "social_account", "newsletter", "marketing_automation", "esn")
    ]
    tactics = [
        Tactic(id=f"t-{i}", kind=k, audience=audiences[i % len(audiences)])
        for i, k in enumerate(kinds)
    ]
    actions = [
        Action(id=f"a-{i}-{j}", tactic=t.id, tools=[tools[(i + j) % len(tools)].id])
        for i, t in enumerate(tactics)
        for j in range(2)
    ]
    return StrategyModel(
        name="Gadgets everywhere",
        as_of=AS_OF,
        organization=Organization(
            name="Shiny",
            size=size,
            units=[Unit(id="hq")],
            people=[Person(id="p-boss", unit="hq", roles=["executive"], decision_maker=True)],
        ),
        objectives=[Objective(id="o-vague", statement="Be more digital")],
        tactics=tactics,
        actions=actions,
        tools=tools,
    )


def method_follower(size: str = "medium") -> StrategyModel:
    """A plan that follows the eight steps with a moderate set of tools."""
    people = [
        Person(id="p-ceo", unit="hq", roles=["executive"], decision_maker=True),
        Person(
            id="p-lead",
            unit="sales",
            manager="p-ceo",
            roles=["digital_lead"],
            skills=[
                "vision",
                "business_models",
                "listening",
                "project_management",
                "negotiation",
                "pedagogy",
                "change_management",
            ],
        ),
        Person(
            id="p-cm",
            unit="sales",
            manager="p-lead",
            roles=["community_manager"],
            skills=[
                "editorial_content",
                "community_animation",
                "social_platforms",
                "e_reputation",
                "seo",
            ],
        ),
    ]
    deadline = dt.date(2027, 6, 30)
    return StrategyModel(
        name="By the book",
        as_of=AS_OF,
        organization=Organization(
            name="Book",
            size=size,
            units=[Unit(id="hq"), Unit(id="sales", parent="hq")],
            people=people,
        ),
        mission="Serve our customers wherever they look for us",
        stakes=[BusinessStake(id="s-online", statement="Customers now buy online")],
        situation=SituationAnalysis(
            strengths=["Loyal customers"],
            weaknesses=["No customer data"],
            opportunities=["Buyers compare suppliers online"],
            threats=["Digital-native competitors"],
            competitors=["Rival"],
        ),
        objectives=[
            Objective(
                id="o-leads",
                statement="More leads",
                stake="s-online",
                metric="leads",
                baseline=10,
                target=20,
                deadline=deadline,
                owner="p-lead",
            )
        ],
        strategies=[
            Strategy(id="st-ext", scope="external", objectives=["o-leads"], status="retained"),
            Strategy(id="st-int", scope="internal", objectives=["o-leads"], status="retained"),
            Strategy(id="st-alt", scope="external", objectives=["o-leads"], status="rejected"),
        ],
        tactics=[
            Tactic(
                id="t-content", kind="content_marketing", strategy="st-ext", audience="prospects"
            ),
            Tactic(id="t-mail", kind="email_marketing", strategy="st-ext", audience="customers"),
            Tactic(id="t-crm", kind="crm_deployment", strategy="st-int", audience="employees"),
            Tactic(id="t-train", kind="training", strategy="st-int", audience="employees"),
        ],
        actions=[
            Action(
                id=f"a-{t}",
                tactic=f"t-{t}",
                competences=[skill],
                responsible=who,
                tools=[tool],
                budget=1000,
                deadline=deadline,
            )
            for t, skill, who, tool in (
                ("content", "editorial_content", "p-cm", "tool-site"),
                ("mail", "editorial_content", "p-cm", "tool-crm"),
                ("crm", "project_management", "p-lead", "tool-crm"),
                ("train", "pedagogy", "p-lead", "tool-crm"),
            )
        ],
        kpis=[
            KPI(
                id="k-leads",
                objective="o-leads",
                tactics=["t-content", "t-mail", "t-crm", "t-train"],
                target=20,
                measurements=[
                    Measurement(date=dt.date(2026, 9, 30), value=11),
                    Measurement(date=dt.date(2026, 10, 31), value=13),
                ],
            )
        ],
        reviews=[
            Review(date=dt.date(2026, 9, 30), kpis=["k-leads"], decisions=["Go on"]),
            Review(
                date=dt.date(2026, 10, 31),
                kpis=["k-leads"],
                decisions=["Add a webinar"],
                lessons=["Prospects answer case studies best"],
            ),
        ],
        tools=[
            Tool(id="tool-crm", kind="crm", side="back"),
            Tool(id="tool-site", kind="website", side="front"),
        ],
    )


def fall_behind(model: StrategyModel) -> StrategyModel:
    """A copy whose KPIs are all far behind their planned lines and half of whose actions are late.

    Every KPI with a target and measurements gets a latest value, on the as-of date, that
    went the wrong way by half the planned change (behind the line by at least half of
    it, far past MES005's 20 %); the first half of the actions, by id (rounded up), are
    planned and were due 30 days before the as-of date.
    """
    assert model.as_of is not None
    as_of = model.as_of
    kpis = []
    for kpi in model.kpis:
        if kpi.target is None or not kpi.measurements:
            kpis.append(kpi)
            continue
        first = min(kpi.measurements, key=lambda m: (m.date, m.value))
        change = kpi.target - first.value or (1.0 if kpi.direction == Direction.INCREASE else -1.0)
        kept = [m for m in kpi.measurements if m.date < as_of]
        worse = Measurement(date=as_of, value=first.value - change / 2)
        kpis.append(attrs.evolve(kpi, measurements=[*kept, worse]))
    ordered = sorted(model.actions, key=lambda a: a.id)
    late = {a.id for a in ordered[: (len(ordered) + 1) // 2]}
    due = as_of - dt.timedelta(days=30)
    actions = [
        attrs.evolve(a, status=ActionStatus.PLANNED, deadline=due) if a.id in late else a
        for a in model.actions
    ]
    return attrs.evolve(model, kpis=kpis, actions=actions)
