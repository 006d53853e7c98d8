"""Fixtures of the maturity tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from estrategy.model import StrategyModel

FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.fixture(scope="session")
def lefevre() -> StrategyModel:
    from estrategy.io import load

    return load(FIXTURES / "lefevre.yaml")
