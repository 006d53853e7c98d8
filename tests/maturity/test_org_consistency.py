"""Maturity's own organisation facts agree with ``estrategy.org``'s analyses.

Maturity computes lines, joined pairs of lines, steps to a decision maker and ESN reach
itself (so it does not depend on the organisation package); these tests keep both readings
of DESIGN's definitions the same.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from estrategy.maturity import _org, assess
from estrategy.model import Organization, StrategyModel, Tool
from estrategy.testing import organizations

org = pytest.importorskip("estrategy.org")

_SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


@_SETTINGS
@given(organizations())
def test_lines_and_transversality_agree(organization: Organization) -> None:
    lines = org.hierarchical_lines(organization)
    assert set(_org.line_heads(organization)) == set(lines.heads)
    theirs = {
        p.id: lines.heads[code]
        for p, code in zip(organization.people, lines.person_line.tolist(), strict=True)
        if code >= 0
    }
    assert _org.lines_of_people(organization) == theirs
    joined = _org.joined_line_pairs(organization, theirs)
    links = org.transversality(organization).links
    assert joined == {tuple(sorted((link.a, link.b))) for link in links}


@_SETTINGS
@given(organizations())
def test_upward_steps_agree(organization: Organization) -> None:
    reach = org.upward_reach(organization)
    sources = [h.person for h in reach.holders]
    makers = frozenset(p.id for p in organization.people if p.decision_maker)
    mine = _org.steps_to_nearest(organization, sources, makers)
    assert mine == {h.person: h.steps for h in reach.holders}


@_SETTINGS
@given(organizations(min_people=1))
def test_esn_reach_agrees(organization: Organization) -> None:
    theirs = org.esn_reach(organization)
    if theirs.internal_people == 0:
        return
    model = StrategyModel(organization=organization, tools=[Tool(id="esn", kind="esn")])
    item = assess(model).dimension("organisation").criterion("esn-reach")
    assert item.evidence[0].fact == (
        f"the ESN reaches {theirs.reached} of {theirs.internal_people} people"
    )


def test_lefevre_agrees(lefevre: StrategyModel) -> None:
    organization = lefevre.organization
    assert org.transversality(organization).share == pytest.approx(2 / 6)
    assert set(org.hierarchical_lines(organization).heads) == set(_org.line_heads(organization))
    assert {"production"} == {
        h
        for h in _org.line_heads(organization)
        if all(
            h not in pair
            for pair in _org.joined_line_pairs(organization, _org.lines_of_people(organization))
        )
    }
