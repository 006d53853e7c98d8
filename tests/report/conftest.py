"""The reference model's review and client report, computed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from estrategy.io import load_document
from estrategy.report.client import Review, render_review, review

LEFEVRE = Path(__file__).parent.parent / "fixtures" / "lefevre.yaml"


@pytest.fixture(scope="session")
def lefevre_review() -> Review:
    """The reference model checked, assessed and analysed, with its positions."""
    document = load_document(LEFEVRE)
    return review(document.model, source=str(LEFEVRE), positions=document.positions)


@pytest.fixture(scope="session")
def lefevre_page(lefevre_review: Review) -> str:
    """Its client report, with charts when matplotlib is installed."""
    return render_review(lefevre_review)
