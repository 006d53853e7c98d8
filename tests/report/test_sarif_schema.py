"""SARIF output against the official SARIF 2.1.0 JSON Schema, as GitHub code scanning reads it.

The schema is the OASIS errata file, shipped beside this test (``sarif-schema-2.1.0.json``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from estrategy import io
from estrategy.analysis import Report, check
from estrategy.base.links import DOCUMENTATION_URL
from estrategy.batch import CheckOptions, check_files
from estrategy.report import check_sarif
from estrategy.rules import Finding
from estrategy.suppressions import Suppressed

SCHEMA = json.loads((Path(__file__).parent / "sarif-schema-2.1.0.json").read_text("utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA)
FIXTURES = Path(__file__).parents[1] / "fixtures"


def valid(log: dict[str, Any]) -> dict[str, Any]:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(log)]
    assert not errors, errors[:5]
    return log


def results(log: dict[str, Any]) -> list[dict[str, Any]]:
    (run,) = log["runs"]
    found: list[dict[str, Any]] = run["results"]
    return found


@pytest.fixture(scope="module")
def batch_log(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("models")
    for name in ("lefevre.yaml", "bad/typo-key.yaml", "bad/syntax-error.yaml"):
        (folder / Path(name).name).write_bytes((FIXTURES / name).read_bytes())
    batch = check_files(sorted(folder.iterdir()), CheckOptions(no_config=True), jobs=1)
    return valid(check_sarif.to_sarif_files(batch, show_suppressed=True))


def test_one_model_is_a_valid_log(lefevre_path: Path) -> None:
    document = io.load_document(lefevre_path)
    log = check_sarif.to_sarif(
        check(document.model), source="plan.yaml", positions=document.positions
    )
    valid(log)


def test_several_files_and_unreadable_ones_are_a_valid_log(batch_log: dict[str, Any]) -> None:
    (run,) = batch_log["runs"]
    assert [a["location"]["uri"].rsplit("/", 1)[-1] for a in run["artifacts"]] == [
        "lefevre.yaml",
        "syntax-error.yaml",
        "typo-key.yaml",
    ]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert {n["locations"][0]["physicalLocation"]["artifactLocation"]["index"] for n in notes} == {
        1,
        2,
    }


def test_every_result_has_a_physical_location_in_its_artifact(batch_log: dict[str, Any]) -> None:
    (run,) = batch_log["runs"]
    for result in run["results"]:
        physical = result["locations"][0]["physicalLocation"]
        index = physical["artifactLocation"]["index"]
        assert physical["artifactLocation"]["uri"] == run["artifacts"][index]["location"]["uri"]
        assert physical["region"]["startLine"] >= 1


def test_a_model_wide_finding_points_at_its_top_level_key_or_line_1() -> None:
    text = "schema_version: 1\nname: Demo\nsituation:\n  threats: [x]\n"
    document = io.loads_document(text)
    report = check(document.model, select=["STR008"])
    log = valid(check_sarif.to_sarif(report, source="p.yaml", positions=document.positions))
    (result,) = results(log)
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 1,
    }
    bare = io.loads_document("schema_version: 1\n")  # no situation key at all
    report = check(bare.model, select=["STR008"])
    log = valid(check_sarif.to_sarif(report, source="p.yaml", positions=bare.positions))
    assert results(log)[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_rules_carry_help_and_a_help_uri_to_their_page(batch_log: dict[str, Any]) -> None:
    rules = batch_log["runs"][0]["tool"]["driver"]["rules"]
    assert rules
    for rule in rules:
        assert rule["helpUri"] == f"{DOCUMENTATION_URL}/rules/{rule['id']}/"
        assert rule["help"]["text"].startswith(f"# {rule['name']} ({rule['id']})")


def test_suppressed_findings_carry_their_justification() -> None:
    tactic = Finding("STR001", "orphan-tactic", "error", "m", ["t"], ["tactics", 0])
    report = Report(
        model_name="M",
        as_of=check(io.loads("schema_version: 1\n")).as_of,
        suppressed=[Suppressed(tactic, "a one-off fair", "tactics[0].ignore[0]")],
    )
    assert results(valid(check_sarif.to_sarif(report, source="p.yaml"))) == []
    (result,) = results(valid(check_sarif.to_sarif(report, source="p.yaml", show_suppressed=True)))
    assert result["suppressions"] == [{"kind": "inSource", "justification": "a one-off fair"}]


def test_the_schema_rejects_what_code_scanning_would(batch_log: dict[str, Any]) -> None:
    broken = json.loads(json.dumps(batch_log))
    del broken["runs"][0]["results"][0]["message"]
    assert not VALIDATOR.is_valid(broken)
    broken = json.loads(json.dumps(batch_log))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert not VALIDATOR.is_valid(broken)
