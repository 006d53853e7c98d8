"""Small models for the maturity tests: a fashionista and a method follower."""

from __future__ import annotations

import datetime as dt

from estrategy.model import (
    KPI,
    Action,
    BusinessStake,
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
