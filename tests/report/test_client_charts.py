"""The charts of the client report: inline SVG that is well formed, scoped and safe."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET

import attrs
import pytest
from tests.hostile import HOSTILE

from estrategy.io import load_demo
from estrategy.model import StrategyModel
from estrategy.report.client import render_review, review
from estrategy.report.svg import scoped_ids

INVISIBLE = {"Cc", "Cf", "Cs", "Zl", "Zp"}
SVG = "{http://www.w3.org/2000/svg}"


def _hostile_model() -> StrategyModel:
    """The demo with hostile text wherever a chart writes model text."""
    texts = ["Budget $5 and $x$ or $", r"back\slash $\alpha$", *HOSTILE.values()]
    model = load_demo()
    org = model.organization

    def named(items, field):
        return [
            attrs.evolve(item, **{field: texts[i % len(texts)]}) for i, item in enumerate(items)
        ]

    return attrs.evolve(
        model,
        tactics=named(model.tactics, "name"),
        actions=named(model.actions, "description"),
        kpis=[attrs.evolve(k, unit=texts[i % len(texts)]) for i, k in enumerate(model.kpis)],
        organization=attrs.evolve(
            org,
            name=texts[1],
            units=named(org.units, "name"),
            people=named(org.people, "name"),
        ),
    )


def test_charts_show_hostile_names_as_written_and_stay_well_formed() -> None:
    pytest.importorskip("matplotlib")
    page = render_review(review(_hostile_model()))
    charts = re.findall(r"<svg\b.*?</svg>", page, flags=re.DOTALL)
    assert len(charts) == page.count("class='chart'") >= 6
    for chart in charts:
        root = ET.fromstring(chart)
        assert root.tag == f"{SVG}svg"
        text = "".join(root.itertext())
        assert [c for c in text if c != "\n" and unicodedata.category(c) in INVISIBLE] == []
        assert root.find(f"{SVG}script") is None
    drawn = "".join("".join(ET.fromstring(c).itertext()) for c in charts)
    assert r"\u202e" in drawn  # a bidi override is shown, not obeyed
    assert "Budget $5 and $x$ or $" in drawn  # dollars are text, not mathematics


def test_ids_of_two_charts_never_meet() -> None:
    svg = '<g id="a"><clipPath id="p1"/></g><path clip-path="url(#p1)"/><use xlink:href="#a"/>'
    first, second = scoped_ids(svg, "one"), scoped_ids(svg, "two")
    ids = re.findall(r'id="([^"]+)"', first + second)
    assert len(ids) == len(set(ids)) == 4
    assert "url(#one-p1)" in first
    assert 'xlink:href="#two-a"' in second
