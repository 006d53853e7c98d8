"""SARIF 2.1.0 output of ``check``, for code-scanning tools (GitHub code scanning and others).

One run, one artifact per model file. Every rule that ran is described in
``tool.driver.rules``, with its full documentation and a ``helpUri`` to its page; every
finding is a result with a physical location in its file (GitHub code scanning rejects
results without one): the element's key, or for a model-wide finding the top-level key
it concerns, else line 1. A file that could not be read is an artifact too, and a tool
execution notification (``invocations``) says why, located at the problem.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import PurePath, PurePosixPath
from typing import Any

import attrs

from estrategy.analysis import Report
from estrategy.base.escape import sarif_text
from estrategy.base.links import rule_url
from estrategy.base.messages import render_text, tr
from estrategy.base.version import VERSION
from estrategy.batch import BatchReport, FileCheck
from estrategy.io.errors import FileError
from estrategy.model import format_path
from estrategy.report._json import dumps, json_text_of
from estrategy.report._locations import Locator, position, unwrap
from estrategy.rules import Finding, Rule, Severity, registry
from estrategy.suppressions import PER_SUBJECT_IGNORES, Suppressed

__all__ = ["SARIF_SCHEMA", "render", "render_files", "to_sarif", "to_sarif_files"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(source: str) -> dict[str, str]:
    path = PurePath(source)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": PurePosixPath(*path.parts).as_posix(), "uriBaseId": "%SRCROOT%"}


def _rule(original: Rule, lang: str) -> dict[str, Any]:
    rule = original.translated(lang)
    full = "\n\n".join(unwrap(part) for part in (rule.what, rule.why) if part)
    described: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": full or rule.summary or rule.name},
        "help": {"text": original.documentation(lang), "markdown": original.documentation(lang)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [rule.prefix], "origin": rule.origin},
    }
    if rule.origin == "builtin":  # plugins' rules have no page on estrategy's site
        described["helpUri"] = rule_url(rule.code)
    return described


@attrs.frozen
class _File:
    """One model file of the run: its report, where its findings are, its artifact."""

    source: str | None
    report: Report
    positions: Locator | None
    index: int | None


def _physical(source: str, index: int | None, line: int, column: int | None) -> dict[str, Any]:
    artifact: dict[str, Any] = _uri(source)
    if index is not None:
        artifact["index"] = index
    region: dict[str, int] = {"startLine": line}
    if column is not None:
        region["startColumn"] = column
    return {"artifactLocation": artifact, "region": region}


def _result(
    finding: Finding,
    file: _File,
    rules: Mapping[str, int],
    suppressed: Suppressed | None,
    lang: str,
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "level": _LEVEL[finding.severity],
        "message": {"text": sarif_text(finding.message_in(lang))},
    }
    if finding.code in rules:
        result["ruleIndex"] = rules[finding.code]
    location: dict[str, Any] = {}
    if file.source is not None:
        # A model-wide finding points at its top-level key, or at line 1.
        line, column = position(finding, file.positions) or (1, None)
        location["physicalLocation"] = _physical(file.source, file.index, line, column)
    if finding.path:
        location["logicalLocations"] = [
            {"fullyQualifiedName": format_path(finding.path), "kind": "member"}
        ]
    if location:
        result["locations"] = [location]
    if suppressed is not None:
        kind = "external" if suppressed.by == PER_SUBJECT_IGNORES else "inSource"
        reason = suppressed.reason or tr("(no reason given)").render(lang)
        result["suppressions"] = [{"kind": kind, "justification": sarif_text(reason)}]
    result["properties"] = {"subjects": list(finding.subjects), "name": finding.name}
    return result


def _notification(error: FileError, check: FileCheck, index: int, lang: str) -> dict[str, Any]:
    line = error.line if error.line is not None else 1
    text = render_text(error.text, lang)
    message = f"{format_path(error.path)}: {text}" if error.path else text
    # A configuration file's problem is located in that file, which is no artifact.
    artifact = index if error.source == check.source else None
    return {
        "level": "error",
        "message": {"text": sarif_text(message)},
        "locations": [{"physicalLocation": _physical(error.source, artifact, line, error.column)}],
    }


def _log(
    files: Sequence[_File],
    *,
    unreadable: Iterable[tuple[FileCheck, int]] = (),
    artifacts: Sequence[str] = (),
    rules: Mapping[str, Rule] | None = None,
    show_suppressed: bool = False,
    lang: str = "en",
) -> dict[str, Any]:
    catalogue = registry() if rules is None else rules
    ran = sorted({code for file in files for code in file.report.rules})
    described = [catalogue[code] for code in ran if code in catalogue]
    index = {r.code: i for i, r in enumerate(described)}
    results = []
    for file in files:
        results += [_result(f, file, index, None, lang) for f in file.report.findings]
        if show_suppressed:
            results += [_result(s.finding, file, index, s, lang) for s in file.report.suppressed]
    unknown = (FileError(check.source, None, None, (), tr("unreadable")) for check, _ in unreadable)
    notifications = [
        _notification(error, check, position, lang)
        for (check, position), fallback in zip(unreadable, unknown, strict=True)
        for error in check.errors or (fallback,)
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "estrategy",
                "version": VERSION,
                "informationUri": "https://pypi.org/project/estrategy/",
                "rules": [_rule(r, lang) for r in described],
            }
        },
        "invocations": [
            {"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}
        ],
        "results": results,
    }
    if artifacts:
        run["artifacts"] = [{"location": _uri(source)} for source in artifacts]
    if len(files) == 1:
        report = files[0].report
        run["properties"] = {"model": report.model_name, "as_of": report.as_of.isoformat()}
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def to_sarif(
    report: Report,
    *,
    source: str | None = None,
    positions: Locator | None = None,
    rules: Mapping[str, Rule] | None = None,
    show_suppressed: bool = False,
    lang: str = "en",
) -> dict[str, Any]:
    """The report as a SARIF 2.1.0 log (a JSON-ready dict), its texts in ``lang``.

    Args:
        report: the check report.
        source: the model file, as the user named it (relative paths stay relative to
            ``%SRCROOT%``, the repository root for code scanning); without it, results
            have no physical location.
        positions: where each model path is in the file.
        rules: the rule catalogue (the registry by default), for the rules' metadata.
        show_suppressed: add the suppressed findings, each with its ``suppressions``.
        lang: the language of the messages and of the rules' documentation.
    """
    file = _File(source, report, positions, 0 if source is not None else None)
    return _log(
        [file],
        artifacts=[source] if source is not None else [],
        rules=rules,
        show_suppressed=show_suppressed,
        lang=lang,
    )


def to_sarif_files(
    batch: BatchReport,
    *,
    rules: Mapping[str, Rule] | None = None,
    show_suppressed: bool = False,
    lang: str = "en",
) -> dict[str, Any]:
    """Several files as one SARIF run: one artifact per file, in the batch's order.

    A file that could not be read has no result; a tool execution notification per
    problem says why, and the run is marked ``executionSuccessful: false``.
    """
    files = [
        _File(check.source, check.report, check.positions, i)
        for i, check in enumerate(batch.files)
        if check.report is not None
    ]
    unreadable = [(check, i) for i, check in enumerate(batch.files) if check.report is None]
    return _log(
        files,
        unreadable=unreadable,
        artifacts=[check.source for check in batch.files],
        rules=rules,
        show_suppressed=show_suppressed,
        lang=lang,
    )


render = json_text_of(
    to_sarif,
    """The log of :func:`to_sarif` as indented JSON text (byte-identical from run to run).

    It takes the arguments of :func:`to_sarif`.
    """,
)


def render_files(
    batch: BatchReport,
    *,
    rules: Mapping[str, Rule] | None = None,
    show_suppressed: bool = False,
    lang: str = "en",
    **_: Any,
) -> str:
    """Several files as one SARIF log in indented JSON text (see :func:`to_sarif_files`)."""
    return dumps(to_sarif_files(batch, rules=rules, show_suppressed=show_suppressed, lang=lang))
