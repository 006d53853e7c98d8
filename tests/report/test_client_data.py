"""What the client report computes before it draws: budget, roadmap, trajectories,
the organisation picture, names and the recommendations; checked against brute force."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estrategy.analysis import check
from estrategy.catalogue import default_catalogue
from estrategy.io import load_demo
from estrategy.model import StrategyModel, is_live, is_overdue
from estrategy.org import analyze
from estrategy.report.client import Review, Voice, review
from estrategy.report.client.budget import budget_breakdown
from estrategy.report.client.gaps import gap_themes, theme_of
from estrategy.report.client.kpis import kpi_trajectories
from estrategy.report.client.names import Names
from estrategy.report.client.organisation import MAX_NODES, org_picture
from estrategy.report.client.roadmap import roadmap
from estrategy.report.client.summary import recommendations
from estrategy.rules import Severity
from estrategy.testing import models, organizations

HALF = settings.get_profile("half")

AS_OF = dt.date(2026, 11, 15)


# One drawn model serves both checks: drawing models is the costly part.
@HALF
@given(models(), st.dates(dt.date(2025, 1, 1), dt.date(2028, 1, 1)))
def test_budget_and_roadmap_agree_with_brute_force(model: StrategyModel, as_of: dt.date) -> None:
    budget = budget_breakdown(model)
    live = [a for a in model.actions if is_live(a)]
    total = sum((a.budget for a in live if a.budget is not None), Decimal(0))
    assert budget.total == total
    for breakdown in (budget.tactics, budget.strategies, budget.channels):
        assert sum((line.amount for line in breakdown), Decimal(0)) == total
        amounts = [line.amount for line in breakdown]
        assert amounts == sorted(amounts, reverse=True)
    assert budget.unfunded_actions == tuple(a.id for a in live if a.budget is None)
    catalogue = default_catalogue()
    kinds = {t.id: t.kind for t in model.tactics}
    for line in budget.tactics:
        assert line.channel == str(catalogue.channel(kinds[line.id or ""]))
    per_tactic: dict[str, Decimal] = {}
    for a in live:
        if a.budget is not None:
            per_tactic[a.tactic] = per_tactic.get(a.tactic, Decimal(0)) + a.budget
    assert {line.id: line.amount for line in budget.tactics} == {
        t: v for t, v in per_tactic.items() if v > 0
    }
    funded = [v for v in per_tactic.values() if v > 0]
    if total:
        n = len(funded)
        plain = sum((float(v / total) ** 2 for v in funded), 0.0)
        brute = 1.0 if n < 2 else max(0.0, (plain - 1 / n) / (1 - 1 / n))
        assert budget.hhi == pytest.approx(brute)
    else:
        assert budget.hhi is None
    items = roadmap(model, as_of)
    assert sorted(i.action for i in items) == sorted(a.id for a in model.actions)
    dated = [i.deadline for i in items if i.deadline is not None]
    assert dated == sorted(dated)
    assert all(i.deadline is None for i in items[len(dated) :])
    actions = {a.id: a for a in model.actions}
    assert all(i.overdue == is_overdue(actions[i.action], as_of) for i in items)


def test_budget_of_the_reference_model(lefevre_review: Review) -> None:
    budget = budget_breakdown(lefevre_review.model)
    assert budget.total == Decimal(48000)
    assert [(line.id, line.amount) for line in budget.tactics] == [
        ("t-crm", Decimal(30000)),
        ("t-social-selling", Decimal(12000)),
        ("t-training", Decimal(6000)),
    ]
    assert [line.id for line in budget.channels] == ["internal", "digital"]
    assert budget.unfunded_actions == ("a-shoot",)


# check() on every drawn model is the costly part: half the profile's examples suffice.
@HALF
@given(models())
def test_trajectories_agree_with_the_off_track_rule(model: StrategyModel) -> None:
    findings = check(model, as_of=AS_OF).findings
    found = kpi_trajectories(model, findings)
    assert [t.kpi for t in found] == [k.id for k in model.kpis]
    off = {f.subjects[0] for f in findings if f.code == "MES005"}
    assert {t.kpi for t in found if t.off_track} == off
    for t in found:
        if t.missing:
            continue
        target, deadline = t.goal()
        first = t.measurements[0]
        if deadline <= first.date:  # no line to draw: the deadline came first
            continue
        # the line is computed in floats: allow for the rounding of the planned change
        tolerance = 1e-9 * (abs(target) + abs(first.value)) + 1e-12
        assert t.planned(first.date) == pytest.approx(first.value, abs=tolerance)
        assert t.planned(deadline) == pytest.approx(target, abs=tolerance)


def test_the_demo_has_one_indicator_off_track() -> None:
    model = load_demo()
    found = kpi_trajectories(model, check(model).findings)
    assert [t.kpi for t in found if t.off_track] == ["k-esn-adoption"]


@HALF
@given(organizations(max_people=30, max_units=16), st.integers(2, MAX_NODES))
def test_the_organisation_picture_stays_small_and_loses_nobody(organization, most) -> None:
    analysis = analyze(organization)
    picture = org_picture(analysis, max_nodes=most)
    assert len(picture.nodes) <= max(most, 1)
    in_lines = int((analysis.lines.person_line >= 0).sum())
    assert sum(n.people for n in picture.nodes) == in_lines
    assert sum(n.merged for n in picture.nodes) == len(analysis.lines)
    for a, b, groups, ties in picture.links:
        assert a < b < len(picture.nodes)
        assert groups + ties > 0
        assert not picture.nodes[a].silo
        assert not picture.nodes[b].silo


def test_the_reference_picture_shows_the_silo(lefevre_review: Review) -> None:
    picture = org_picture(lefevre_review.org)
    assert [(n.name, n.people, n.silo) for n in picture.nodes] == [
        ("Marketing", 5, False),
        ("Ventes", 2, False),
        ("Production", 2, True),
        ("Informatique", 1, False),
    ]
    assert picture.links == ((0, 1, 1, 0), (1, 3, 0, 1))


ids = st.from_regex(r"[a-z][a-z0-9]{0,4}(-[a-z0-9]{1,3}){0,2}", fullmatch=True)


@given(st.lists(ids, min_size=1, max_size=4, unique=True), st.text(max_size=20))
def test_names_replace_whole_ids_only(element_ids: list[str], filler: str) -> None:
    names = Names({i: ("tactic", f"<{i.upper()}>") for i in element_ids})
    longer = [f"{i}-x" for i in element_ids]
    text = " ".join(element_ids + longer) + filler.replace("-", "")
    out = names.humanise(text, element_ids)
    for i in element_ids:
        assert f"“<{i.upper()}>”" in out
    for word in longer:
        assert word in out
    assert names.humanise(filler, []) == filler


def test_recommendations_rank_severity_then_weakness(lefevre_review: Review) -> None:
    themes = gap_themes(lefevre_review.findings.findings)
    found = recommendations(themes, lefevre_review.assessment, Voice())
    assert 3 <= len(found) <= 5
    assert found[0].anchor == "gap-STR001"
    assert found[0].subjects == ("t-newsletter",)
    severities = [r.severity for r in found if r.severity is not None]
    assert severities == sorted(severities, key=lambda s: -s.rank)
    per_theme = [r.theme for r in found]
    assert all(per_theme.count(t) <= 2 for t in per_theme)
    # among warnings, the weakest dimension (organisation, 43/100) comes first
    assert theme_of(found[1].anchor.removeprefix("gap-")) == "organisation"


def test_fixing_the_first_gap_removes_its_recommendation(lefevre_review: Review) -> None:
    model = lefevre_review.model
    fixed = attrs.evolve(
        model,
        tactics=[
            attrs.evolve(t, strategy="st-ext") if t.id == "t-newsletter" else t
            for t in model.tactics
        ],
    )
    again = review(fixed)
    found = recommendations(gap_themes(again.findings.findings), again.assessment, Voice())
    assert "gap-STR001" not in [r.anchor for r in found]
    assert all(r.severity != Severity.ERROR for r in found)


def test_a_clean_plan_gets_no_gap_recommendation() -> None:
    assert recommendations((), None, Voice()) == ()


def test_the_matrix_of_ties_withholds_small_lines_and_adds_up(lefevre_review: Review) -> None:
    from estrategy.report.client.line_matrix import line_matrix

    model = load_demo()
    matrix = line_matrix(analyze(model))
    assert matrix is not None
    shown = [not w for w in matrix.withheld]
    assert shown.count(True) >= 2
    for i, row in enumerate(matrix.ties):
        for j, value in enumerate(row):
            assert (value is None) == (matrix.withheld[i] or matrix.withheld[j])
            assert value == matrix.ties[j][i]
    small = line_matrix(lefevre_review.org)
    assert small is not None
    assert small.withheld.count(False) < 2  # too small: the report draws no matrix


def test_key_people_are_those_whose_departure_breaks_something(lefevre_review: Review) -> None:
    from estrategy.report.client.key_people import key_people

    found = key_people(lefevre_review.org)
    assert found
    assert all(k.total > 0 for k in found)
    # the social-selling training rests on Sophie Roux alone
    assert any(k.person == "p-sales-dir" and "a-train-linkedin" in k.actions for k in found)
