"""Shared test configuration: hypothesis profiles and fixture paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

FIXTURES = Path(__file__).parent / "fixtures"

# A fast profile for the edit-test loop, a thorough one for CI (`CI` is set there).
settings.register_profile(
    "dev", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def fixtures() -> Path:
    """The folder of fixture files."""
    return FIXTURES


@pytest.fixture
def lefevre_path() -> Path:
    """The reference model whose header lists the findings it must produce."""
    return FIXTURES / "lefevre.yaml"
