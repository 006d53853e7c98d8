"""SARIF 2.1.0 output of ``check``, for code-scanning tools (GitHub code scanning and others).

Every rule that ran is described in ``tool.driver.rules`` (with its full documentation);
every finding is a result located in the model file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePath, PurePosixPath
from typing import Any

from estrategy.analysis import Report
from estrategy.base.escape import sarif_text
from estrategy.base.version import VERSION
from estrategy.model import format_path
from estrategy.report._json import dumps
from estrategy.report._locations import Locator, position, unwrap
from estrategy.rules import Rule, Severity, registry

__all__ = ["SARIF_SCHEMA", "render", "to_sarif"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(source: str) -> dict[str, str]:
    path = PurePath(source)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": PurePosixPath(*path.parts).as_posix(), "uriBaseId": "%SRCROOT%"}


def _rule(rule: Rule) -> dict[str, Any]:
    full = "\n\n".join(unwrap(part) for part in (rule.what, rule.why) if part)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": full or rule.summary or rule.name},
        "help": {"text": rule.documentation(), "markdown": rule.documentation()},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [rule.prefix], "origin": rule.origin},
    }


def to_sarif(
    report: Report,
    *,
    source: str | None = None,
    positions: Locator | None = None,
    rules: Mapping[str, Rule] | None = None,
) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log (a JSON-ready dict).

    Args:
        report: the check report.
        source: the model file, as the user named it (relative paths stay relative to
            ``%SRCROOT%``, the repository root for code scanning).
        positions: where each model path is in the file.
        rules: the rule catalogue (the registry by default), for the rules' metadata.
    """
    catalogue = registry() if rules is None else rules
    described = [catalogue[code] for code in report.rules if code in catalogue]
    index = {r.code: i for i, r in enumerate(described)}
    results = []
    for f in report.findings:
        result: dict[str, Any] = {
            "ruleId": f.code,
            "level": _LEVEL[f.severity],
            "message": {"text": sarif_text(f.message)},
        }
        if f.code in index:
            result["ruleIndex"] = index[f.code]
        location: dict[str, Any] = {}
        if source is not None:
            physical: dict[str, Any] = {"artifactLocation": _uri(source)}
            where = position(f, positions)
            if where is not None:
                physical["region"] = {"startLine": where[0], "startColumn": where[1]}
            location["physicalLocation"] = physical
        if f.path:
            location["logicalLocations"] = [
                {"fullyQualifiedName": format_path(f.path), "kind": "member"}
            ]
        if location:
            result["locations"] = [location]
        result["properties"] = {"subjects": list(f.subjects), "name": f.name}
        results.append(result)
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "estrategy",
                "version": VERSION,
                "informationUri": "https://pypi.org/project/estrategy/",
                "rules": [_rule(r) for r in described],
            }
        },
        "results": results,
        "properties": {"model": report.model_name, "as_of": report.as_of.isoformat()},
    }
    if source is not None:
        run["artifacts"] = [{"location": _uri(source)}]
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def render(
    report: Report,
    *,
    source: str | None = None,
    positions: Locator | None = None,
    rules: Mapping[str, Rule] | None = None,
) -> str:
    """The SARIF log as indented JSON text (byte-identical from run to run)."""
    log = to_sarif(report, source=source, positions=positions, rules=rules)
    return dumps(log)
