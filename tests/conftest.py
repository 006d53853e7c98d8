"""Shared test configuration: hypothesis profiles and fixture paths."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

FIXTURES = Path(__file__).parent / "fixtures"

# Profiles: `dev` for the edit-test loop; `ci` where `CI` is set, sized so that the README's
# test command stays under 150 s on a 2-core machine; `thorough`, which `.ci/run` adds as
# an extra pass (`HYPOTHESIS_PROFILE=thorough`) for many more examples of every property.
# Deadlines are off everywhere: timing on a shared machine is noise, not a failure.
_COMMON = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", _COMMON, max_examples=30)
settings.register_profile("ci", _COMMON, max_examples=40)
settings.register_profile("thorough", _COMMON, max_examples=150)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
# Whole generated models cost 30 to 70 ms an example to draw and check, so the properties
# that draw them take a share of the active profile's examples (at least ten), and the
# thorough pass still gives them many (75 and 50 of its 150):
# - `@settings.get_profile("half")`: they draw a model and load, check or assess it;
# - `@settings.get_profile("few")`: a third, they assess or check it several times.
_ACTIVE = settings.default.max_examples if settings.default is not None else 30
settings.register_profile("half", settings.default, max_examples=max(10, _ACTIVE // 2))
settings.register_profile("few", settings.default, max_examples=max(10, _ACTIVE // 3))


@pytest.fixture
def fixtures() -> Path:
    """The folder of fixture files."""
    return FIXTURES


@pytest.fixture
def lefevre_path() -> Path:
    """The reference model whose header lists the findings it must produce."""
    return FIXTURES / "lefevre.yaml"


_LINE = re.compile(r"#\s+(?P<code>[A-Z]{3}\d{3})\s+(?P<subjects>.+?)(?:\s{2,}.*)?$")
_UNITS = re.compile(r"(?P<first>[\w-]+) \(units?: (?P<rest>[^)]*)\)")


def _header_findings(path: Path) -> Counter[tuple[str, tuple[str, ...]]]:
    """(code, subjects) pairs from the header: ``a, b`` is two findings; ``x (unit: y)`` one;
    ``-`` one model-wide finding (no subject)."""
    expected: Counter[tuple[str, tuple[str, ...]]] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = _LINE.match(line)
        if match is None:
            continue
        column = match["subjects"].strip()
        if column == "-":
            expected[(match["code"], ())] += 1
            continue
        grouped = _UNITS.fullmatch(column)
        if grouped:
            subjects = (grouped["first"], *(u.strip() for u in grouped["rest"].split(",")))
            expected[(match["code"], subjects)] += 1
            continue
        for subject in column.split(", "):
            expected[(match["code"], (subject.strip(),))] += 1
    return expected


@pytest.fixture
def expected_findings() -> Callable[[Path], Counter[tuple[str, tuple[str, ...]]]]:
    """Reads the findings a model file's header comment says it must produce."""
    return _header_findings


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line follows LANGUAGE/LC_ALL/LANG; tests run in English unless they ask."""
    monkeypatch.setenv("LANGUAGE", "en")
