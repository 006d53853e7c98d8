"""The renderers of check reports, each against a stored expected output.

Set ``ESTRATEGY_REGENERATE=1`` to rewrite the expected files after a deliberate change
(and review the diff).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from estrategy import io
from estrategy.analysis import Report, check
from estrategy.report import check_github as github
from estrategy.report import check_json as json_report
from estrategy.report import check_markdown as markdown
from estrategy.report import check_sarif as sarif
from estrategy.report import check_text as text
from estrategy.rules import Finding

EXPECTED = Path(__file__).parent / "expected"
SOURCE = "tests/fixtures/lefevre.yaml"
FAMILIES = "STR,ACT,MES,ROL,TEC,CHN"  # the ORG rules have their own tests


@pytest.fixture(scope="module")
def lefevre() -> tuple[Report, io.ModelDocument]:
    document = io.load_document(Path(__file__).parents[1] / "fixtures" / "lefevre.yaml")
    return check(document.model, select=FAMILIES), document


RENDERERS: dict[str, Callable[[Report, io.ModelDocument], str]] = {
    "lefevre.txt": lambda r, d: text.render(r, source=SOURCE, positions=d.positions),
    "lefevre.json": lambda r, d: json_report.render(r),
    "lefevre.sarif": lambda r, d: sarif.render(r, source=SOURCE, positions=d.positions),
    "lefevre.md": lambda r, d: markdown.render(r, source=SOURCE, positions=d.positions),
    "lefevre.github": lambda r, d: github.render(r, source=SOURCE, positions=d.positions),
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_output_matches_the_stored_one(name: str, lefevre: tuple[Report, io.ModelDocument]) -> None:
    rendered = RENDERERS[name](*lefevre) + "\n"
    path = EXPECTED / name
    if os.environ.get("ESTRATEGY_REGENERATE"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_output_is_byte_identical_from_run_to_run(
    name: str, lefevre: tuple[Report, io.ModelDocument]
) -> None:
    report, document = lefevre
    again = check(document.model, select=FAMILIES)
    assert RENDERERS[name](report, document) == RENDERERS[name](again, document)


def test_text_output_groups_by_severity_and_locates_each_finding(
    lefevre: tuple[Report, io.ModelDocument],
) -> None:
    out = RENDERERS["lefevre.txt"](*lefevre)
    assert out.index("Errors (1)") < out.index("Warnings (11)") < out.index("Information (1)")
    assert f"{SOURCE}:122:5 STR001 [orphan-tactic] tactic t-newsletter" in out


def test_text_output_escapes_rich_markup() -> None:
    finding = Finding("XY001", "thing", "error", "value [bold]x[/bold] kept", ["t"], [])
    report = Report(model_name="[red]M", as_of=dt.date(2026, 1, 1), findings=[finding])
    out = text.render(report)
    assert "value [bold]x[/bold] kept" in out
    assert "[red]M, as of" in out


def test_text_output_in_colour_uses_ansi_codes(
    lefevre: tuple[Report, io.ModelDocument],
) -> None:
    report, document = lefevre
    assert "\x1b[" in text.render(report, source=SOURCE, positions=document.positions, color=True)


def test_json_output_is_the_contract(lefevre: tuple[Report, io.ModelDocument]) -> None:
    data = json.loads(RENDERERS["lefevre.json"](*lefevre))
    assert list(data) == ["version", "model", "as_of", "findings", "suppressed", "summary"]
    assert data["version"] == 1
    assert data["as_of"] == "2026-11-15"
    for finding in data["findings"]:
        assert list(finding) == ["code", "name", "severity", "message", "subjects", "path"]
    tec004 = next(f for f in data["findings"] if f["code"] == "TEC004")
    assert tec004["subjects"] == ["prospects", "marketing"]
    assert data["summary"] == {"error": 1, "warning": 11, "info": 1}


def test_sarif_output_is_a_valid_sarif_log(lefevre: tuple[Report, io.ModelDocument]) -> None:
    log = json.loads(RENDERERS["lefevre.sarif"](*lefevre))
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "estrategy"
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    for rule in rules:
        assert rule["fullDescription"]["text"]
        assert rule["help"]["markdown"].startswith(f"# {rule['name']} ({rule['id']})")
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in {"error", "warning", "note"}
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": SOURCE, "uriBaseId": "%SRCROOT%", "index": 0}
        assert physical["region"]["startLine"] >= 1
        assert physical["region"]["startColumn"] >= 1
    orphan = next(r for r in run["results"] if r["ruleId"] == "STR001")
    assert orphan["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 122,
        "startColumn": 5,
    }
    assert orphan["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "tactics[2]"


def test_sarif_uses_a_file_uri_for_an_absolute_path() -> None:
    finding = Finding("STR001", "orphan-tactic", "error", "m", ["t"], ["tactics", 0])
    report = Report(model_name="M", as_of=dt.date(2026, 1, 1), findings=[finding])
    log = sarif.to_sarif(report, source="/srv/plan.yaml")
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "file:///srv/plan.yaml", "index": 0}
    assert location["region"] == {"startLine": 1}  # no positions known: the first line


def test_github_annotations_escape_their_data() -> None:
    finding = Finding("XY001", "thing", "warning", "50% done\nnext, line", [], [])
    report = Report(model_name="M", as_of=dt.date(2026, 1, 1), findings=[finding])
    out = github.render(report, source="a,b:c.yaml")
    assert out == "::warning file=a%2Cb%3Ac.yaml,title=XY001 thing::50%25 done%0Anext, line"


def test_github_info_findings_are_notices(lefevre: tuple[Report, io.ModelDocument]) -> None:
    lines = RENDERERS["lefevre.github"](*lefevre).splitlines()
    assert lines[0].startswith(f"::error file={SOURCE},line=122,col=5,title=STR001")
    assert any(line.startswith("::notice ") and "TEC001" in line for line in lines)


def test_markdown_escapes_pipes_in_cells() -> None:
    finding = Finding("XY001", "thing", "info", "a | b", ["x"], ["tactics", 0])
    report = Report(model_name="M", as_of=dt.date(2026, 1, 1), findings=[finding])
    assert "a \\| b" in markdown.render(report)


def test_renderers_without_a_file_fall_back_to_model_paths() -> None:
    finding = Finding("XY001", "thing", "info", "m", ["x"], ["tactics", 0])
    report = Report(model_name="M", as_of=dt.date(2026, 1, 1), findings=[finding])
    assert "tactics[0] XY001" in text.render(report)
    assert "`tactics[0]`" in markdown.render(report)
    assert github.render(report) == "::notice title=XY001 thing::m"
