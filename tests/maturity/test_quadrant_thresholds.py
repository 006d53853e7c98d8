"""The quadrant is drawn with the thresholds of the maturity model that placed the model."""

from __future__ import annotations

import re

import pytest

from estrategy.analysis import check
from estrategy.io import load_demo
from estrategy.maturity import MaturityModel, assess, default_maturity_model
from estrategy.maturity.loading import maturity_model_from_text
from estrategy.maturity.quadrant import quadrant_thresholds
from estrategy.report import html

THIRTY_SEVENTY = """name = "thirty-seventy"

[quadrant]
digital_threshold = 30
management_threshold = 70

[[dimensions]]
id = "plan"
criteria = ["smart-objectives", "situation-analysis"]
"""


def _custom() -> MaturityModel:
    return maturity_model_from_text(THIRTY_SEVENTY, base=default_maturity_model())


def _quadrant_lines(page: str) -> tuple[float, float]:
    """The x of the vertical threshold line and the y of the horizontal one, as fractions
    of the plot area (0 at the left and at the bottom, 1 at the right and at the top).

    Each threshold line spans the whole plot area, so the vertical one gives the area's
    top and bottom, and the horizontal one its left and right.
    """
    pytest.importorskip("matplotlib")

    def segment(gid: str) -> tuple[float, float, float, float]:
        found = re.search(
            rf'<g id="maturity-{gid}">\s*<path d="M ([\d.]+) ([\d.]+)\s*L ([\d.]+) ([\d.]+)', page
        )
        assert found is not None, gid
        x0, y0, x1, y1 = (float(v) for v in found.groups())
        return x0, y0, x1, y1

    vx, bottom, _, top = segment("threshold-x")
    left, hy, right, _ = segment("threshold-y")
    return (vx - left) / (right - left), (bottom - hy) / (bottom - top)


def test_report_draws_the_custom_thresholds() -> None:
    model = load_demo()
    spec = _custom()
    assessment = assess(model, spec)
    page = html.render(check(model), assessment=assessment, maturity_model=spec)
    digital, management = _quadrant_lines(page)
    assert digital == pytest.approx(0.30, abs=0.001)
    assert management == pytest.approx(0.70, abs=0.001)


def test_report_draws_the_default_thresholds_by_default() -> None:
    model = load_demo()
    page = html.render(check(model), assessment=assess(model))
    assert _quadrant_lines(page) == (  # type: ignore[comparison-overlap]
        pytest.approx(0.5, abs=0.001),
        pytest.approx(0.5, abs=0.001),
    )


def test_report_refuses_thresholds_of_another_model() -> None:
    model = load_demo()
    assessment = assess(model, _custom())
    with pytest.raises(ValueError, match="'thirty-seventy', not 'estrategy default'"):
        html.render(check(model), assessment=assessment)


def test_thresholds_follow_the_named_model() -> None:
    spec = _custom()
    assert quadrant_thresholds("thirty-seventy", spec) == (30.0, 70.0)
    assert quadrant_thresholds(default_maturity_model().name) == (50.0, 50.0)
    with pytest.raises(ValueError, match="made with the maturity model 'other'"):
        quadrant_thresholds("other", spec)
