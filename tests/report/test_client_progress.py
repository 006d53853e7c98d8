"""The progress report between two reviews: what moved, said with names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from estrategy.cli import main
from estrategy.io import load, save
from estrategy.model import ActionStatus, Measurement, StrategyModel
from estrategy.report.client import Review, progress_report, review
from estrategy.report.client.progress import progress


def _later(model: StrategyModel) -> StrategyModel:
    """Three months on: the CRM is set up, the newsletter has a strategy, leads grew."""
    kpis = [
        attrs.evolve(k, measurements=[*k.measurements, Measurement(dt.date(2027, 1, 31), v)])
        for k, v in zip(model.kpis, (52.0, 47.0), strict=True)
    ]
    return attrs.evolve(
        model,
        as_of=dt.date(2027, 2, 15),
        actions=[
            attrs.evolve(a, status=ActionStatus.DONE) if a.id == "a-crm-setup" else a
            for a in model.actions
        ],
        tactics=[
            attrs.evolve(t, strategy="st-ext") if t.id == "t-newsletter" else t
            for t in model.tactics
        ],
        kpis=kpis,
    )


@pytest.fixture(scope="module")
def moved(lefevre_review: Review) -> tuple[Review, Review]:
    return lefevre_review, review(_later(lefevre_review.model))


def test_progress_finds_what_was_resolved_completed_and_moved(moved) -> None:
    before, after = moved
    found = progress(before, after)
    assert {(f.code, f.subjects) for f in found.resolved} >= {
        ("STR001", ("t-newsletter",)),
        ("ACT003", ("a-crm-setup",)),
    }
    assert found.completed == ("a-crm-setup",)
    assert found.newly_overdue == ("a-crm-training",)  # due 31 January 2027, still planned
    towards = {k.kpi: k.towards for k in found.kpis}
    assert towards == {"k-leads": True, "k-answer": False}  # 46 → 47 hours: away from 24
    assert found.remaining + len(found.resolved) == len(before.findings.findings)
    assert found.remaining + len(found.new) == len(after.findings.findings)


def test_progress_of_a_review_against_itself_is_still(lefevre_review: Review) -> None:
    found = progress(lefevre_review, lefevre_review)
    assert found.resolved == ()
    assert found.new == ()
    assert found.completed == found.added == ()
    assert all(k.towards is None for k in found.kpis)


def test_the_progress_page_names_elements(moved) -> None:
    page = progress_report(*moved, charts=False)
    for expected in (
        "Digital strategy progress review",
        "From 15 November 2026 to 15 February 2027",
        "“Monthly newsletter”",
        "Set up the CRM shared by sales and customer service (Yann Le Gall)",
        "towards the target",
    ):
        assert expected in page, expected


def test_the_command_writes_a_progress_report(
    tmp_path: Path, lefevre_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("estrategy.report.client.page.charts_available", lambda: False)
    after = tmp_path / "after.yaml"
    save(_later(load(lefevre_path)), after)
    out = tmp_path / "progress.html"
    result = CliRunner().invoke(main, ["report", str(lefevre_path), str(after), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Gaps resolved and new" in out.read_text(encoding="utf-8")
