"""The Markdown output of ``check``: a summary line and a table, for pull requests and wikis."""

from __future__ import annotations

from typing import Any

from estrategy.analysis import Report
from estrategy.base.escape import markdown_cell, markdown_code
from estrategy.batch import BatchReport
from estrategy.report._locations import (
    Locator,
    baseline_summary,
    counts,
    files_summary,
    location,
)
from estrategy.rules import Finding

__all__ = ["render", "render_files"]

_HEADER = [
    "| severity | code | name | message | subjects | location |",
    "|---|---|---|---|---|---|",
]


def _row(finding: Finding, source: str | None, positions: Locator | None, note: str = "") -> str:
    subjects = ", ".join(markdown_code(s) for s in finding.subjects)
    message = finding.message + (f" (suppressed: {note})" if note else "")
    return (
        f"| {finding.severity} | {markdown_cell(finding.code)} | {markdown_cell(finding.name)} "
        f"| {markdown_cell(message)} | {subjects} "
        f"| {markdown_code(location(finding, source, positions))} |"
    )


def _suppressed_rows(report: Report, source: str | None, positions: Locator | None) -> list[str]:
    return [
        _row(s.finding, source, positions, s.reason or "no reason given") for s in report.suppressed
    ]


def render(
    report: Report,
    *,
    source: str | None = None,
    positions: Locator | None = None,
    show_suppressed: bool = False,
) -> str:
    """The report as a Markdown section with one table row per finding.

    Suppressed findings are counted, and listed in a table of their own with
    ``show_suppressed``.

    Example:
        >>> import datetime as dt
        >>> print(render(Report(model_name="Demo", as_of=dt.date(2026, 1, 1))))
        # estrategy check: Demo
        <BLANKLINE>
        As of 2026-01-01: no finding.
    """
    title = f"# estrategy check: {markdown_cell(report.model_name or 'model')}"
    summary = counts(report.summary) if report.findings else "no finding"
    if report.suppressed:
        summary += f" ({len(report.suppressed)} suppressed)"
    lines = [title, "", f"As of {report.as_of.isoformat()}: {summary}."]
    if report.findings:
        lines += ["", *_HEADER]
        lines += [_row(f, source, positions) for f in report.findings]
    if show_suppressed and report.suppressed:
        lines += ["", "## Suppressed", "", *_HEADER]
        lines += _suppressed_rows(report, source, positions)
    return "\n".join(lines)


def render_files(
    batch: BatchReport, *, single: bool = False, show_suppressed: bool = False, **_: Any
) -> str:
    """Several files as one Markdown section: totals, then one table of every finding.

    The files that could not be read follow, with their problems. With ``single`` (one
    file named), the file's own section, as :func:`render` gives it.
    """
    if single and len(batch.files) == 1 and batch.files[0].report is not None:
        check = batch.files[0]
        assert check.report is not None
        text = render(
            check.report,
            source=check.source,
            positions=check.positions,
            show_suppressed=show_suppressed,
        )
        if batch.baseline is not None:
            text += f"\n\n{baseline_summary(batch.baseline)}"
        return text
    lines = ["# estrategy check", "", files_summary(batch)]
    if batch.baseline is not None:
        lines += ["", baseline_summary(batch.baseline)]
    rows = [
        _row(f, check.source, check.positions)
        for check in batch.files
        if check.report is not None
        for f in check.report.findings
    ]
    if rows:
        lines += ["", *_HEADER, *rows]
    if show_suppressed:
        hidden = [
            row
            for check in batch.files
            if check.report is not None
            for row in _suppressed_rows(check.report, check.source, check.positions)
        ]
        if hidden:
            lines += ["", "## Suppressed", "", *_HEADER, *hidden]
    if batch.unreadable:
        lines += ["", "## Could not be checked", ""]
        lines += [
            f"- {markdown_cell(str(error))}" for check in batch.unreadable for error in check.errors
        ]
    return "\n".join(lines)
