"""The self-contained HTML report and its inline SVG charts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from estrategy.analysis import check
from estrategy.cli import main
from estrategy.io import load_demo
from estrategy.maturity import assess
from estrategy.org import analyze
from estrategy.report import html
from estrategy.report.svg import quadrant_svg, radar_svg


def test_report_holds_every_finding_the_maturity_and_the_organisation() -> None:
    model = load_demo()
    report = check(model)
    page = html.render(report, assessment=assess(model), org=analyze(model.organization))
    for finding in report.findings:
        assert finding.code in page
        assert all(subject in page for subject in finding.subjects)
    assert "Digital maturity" in page
    assert "The eight steps" in page
    assert "Organisation" in page
    assert page.count("<svg") == 2


def test_report_is_self_contained_and_escapes_model_text() -> None:
    model = attrs.evolve(load_demo(), name="<script>alert('x')</script> & co")
    page = html.render(check(model))
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page
    assert not re.search(r"(src|href)\s*=\s*['\"]?https?:", page)


def test_charts_are_well_formed_svg() -> None:
    radar = radar_svg([("a", 10.0), ("b", None), ("c & d", 100.0)])
    quadrant = quadrant_svg(80.0, 20.0, "fashionista")
    for svg in (radar, quadrant):
        root = ET.fromstring(svg)
        assert root.tag.endswith("svg")
    assert "c &amp; d (100)" in radar
    assert "b (n/a)" in radar


def test_quadrant_point_lies_in_the_named_quadrant() -> None:
    svg = quadrant_svg(80.0, 20.0, "fashionista", size=320)
    circle = ET.fromstring(svg).find("{http://www.w3.org/2000/svg}circle")
    assert circle is not None
    x, y = float(circle.attrib["cx"]), float(circle.attrib["cy"])
    assert x > 160  # right half: high digital intensity
    assert y > 160  # lower half: low management intensity


def test_radar_needs_three_axes() -> None:
    with pytest.raises(ValueError, match="three axes"):
        radar_svg([("a", 1.0), ("b", 2.0)])


def test_report_command_writes_one_file(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    result = CliRunner().invoke(main, ["report", "-o", str(target)])
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Brasserie Kerlann" in page
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_report_command_on_a_file_gives_positions(tmp_path: Path, lefevre_path: Path) -> None:
    target = tmp_path / "lefevre.html"
    result = CliRunner().invoke(main, ["report", str(lefevre_path), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert f"{lefevre_path}:122:5" in target.read_text(encoding="utf-8")


def test_report_command_bad_input_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nname: x\ntactics: 3\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(bad), "-o", str(tmp_path / "o.html")])
    assert result.exit_code == 2
    assert "bad.yaml:3" in result.output
    assert not (tmp_path / "o.html").exists()


def test_report_reads_the_configuration_of_the_model_folder(
    tmp_path: Path, lefevre_path: Path
) -> None:
    model = tmp_path / "plan.yaml"
    model.write_text(lefevre_path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "estrategy.toml").write_text('ignore = ["STR"]\n', encoding="utf-8")
    out = tmp_path / "r.html"
    runner = CliRunner()
    assert runner.invoke(main, ["report", str(model), "-o", str(out)]).exit_code == 0
    assert "STR001" not in out.read_text(encoding="utf-8")
    assert runner.invoke(main, ["report", str(model), "-o", str(out), "--no-config"]).exit_code == 0
    assert "STR001" in out.read_text(encoding="utf-8")


def test_report_refuses_a_broken_catalogue_like_check(tmp_path: Path, lefevre_path: Path) -> None:
    model = tmp_path / "plan.yaml"
    model.write_text(lefevre_path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "estrategy.toml").write_text('catalogue = "missing.toml"\n', encoding="utf-8")
    runner = CliRunner()
    for args in (["check", str(model)], ["report", str(model), "-o", str(tmp_path / "r.html")]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2, (args, result.output)
        assert "missing.toml" in result.output
    assert not (tmp_path / "r.html").exists()
