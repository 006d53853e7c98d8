"""The example row of each sheet of the starter workbook, which reading skips (private).

A row is skipped only while it is exactly the example: once edited, it is read like any
other row (and its references to the other examples must then resolve).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from estrategy.model import (
    KPI,
    Action,
    BusinessStake,
    Measurement,
    Objective,
    Person,
    Review,
    Strategy,
    Tactic,
    Tie,
    Tool,
    TransversalGroup,
    Unit,
)

__all__ = ["STARTER_ABOUT", "examples"]

STARTER_ABOUT: Mapping[str, Any] = {
    "schema_version": 1,
    "name": "My digital plan",
    "currency": "EUR",
    "organization.name": "My company",
    "organization.size": "small",
}
"""The About values of the starter workbook, by key."""

_NOTE = " (example: replace or delete this row)"


@functools.cache  # immutable records, built once
def examples() -> dict[str, tuple[str | None, Any]]:
    """The example of each table: the id of the row it belongs to (child tables), and it."""
    year = 2027
    return {
        "stakes": (None, BusinessStake(id="example-stake", statement="Win customers" + _NOTE)),
        "objectives": (
            None,
            Objective(
                id="example-objective",
                statement="Double the qualified leads" + _NOTE,
                stake="example-stake",
                metric="qualified_leads_per_month",
                baseline=20,
                target=40,
                deadline=dt.date(year, 12, 31),
                owner="example-person",
            ),
        ),
        "strategies": (
            None,
            Strategy(
                id="example-strategy",
                statement="Become the expert voice our prospects read" + _NOTE,
                scope="external",
                objectives=["example-objective"],
                status="retained",
                rationale="Our prospects read before they buy",
            ),
        ),
        "tactics": (
            None,
            Tactic(
                id="example-tactic",
                name="Expert blog" + _NOTE,
                kind="content_marketing",
                strategy="example-strategy",
                audience="prospects",
                owner_unit="example-unit",
            ),
        ),
        "actions": (
            None,
            Action(
                id="example-action",
                tactic="example-tactic",
                description="Publish two expert articles a month" + _NOTE,
                competences=["editorial_content"],
                responsible="example-person",
                tools=["example-tool"],
                budget=Decimal("3000.50"),
                deadline=dt.date(year, 6, 30),
            ),
        ),
        "kpis": (
            None,
            KPI(
                id="example-kpi",
                name="Qualified leads per month" + _NOTE,
                objective="example-objective",
                tactics=["example-tactic"],
                unit="leads",
                target=40,
            ),
        ),
        "measurements": ("example-kpi", Measurement(date=dt.date(year, 1, 31), value=20)),
        "reviews": (
            None,
            Review(
                date=dt.date(year, 3, 31),
                kpis=["example-kpi"],
                decisions=["Keep publishing" + _NOTE],
                lessons=["Prospects ask for case studies"],
            ),
        ),
        "tools": (
            None,
            Tool(
                id="example-tool",
                name="Website" + _NOTE,
                kind="website",
                side="front",
                licence="open_source",
            ),
        ),
        "units": (None, Unit(id="example-unit", name="Marketing" + _NOTE)),
        "people": (
            None,
            Person(
                id="example-person",
                name="Jane Doe" + _NOTE,
                unit="example-unit",
                roles=["community_manager"],
                skills=["editorial_content"],
            ),
        ),
        "groups": (
            None,
            TransversalGroup(
                id="example-group",
                name="Launch squad" + _NOTE,
                members=["example-person"],
                objective="Launch the new offer",
                deadline=dt.date(year, 6, 30),
            ),
        ),
        "ties": (None, Tie(source="example-person", target="example-person", weight=2)),
    }
