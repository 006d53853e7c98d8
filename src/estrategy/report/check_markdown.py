"""The Markdown output of ``check``: a summary line and a table, for pull requests and wikis."""

from __future__ import annotations

from typing import Any

from estrategy.analysis import Report
from estrategy.base.escape import markdown_cell, markdown_code
from estrategy.base.formats import Day
from estrategy.base.messages import tr
from estrategy.batch import BatchReport
from estrategy.report._locations import (
    Locator,
    baseline_summary,
    files_summary,
    location,
    report_summary,
)
from estrategy.rules import Finding

__all__ = ["render", "render_files"]


def _header(lang: str) -> list[str]:
    return [
        tr("| severity | code | name | message | subjects | location |").render(lang),
        "|---|---|---|---|---|---|",
    ]


def _row(
    finding: Finding,
    source: str | None,
    positions: Locator | None,
    lang: str,
    note: str | None = None,
) -> str:
    subjects = ", ".join(markdown_code(s) for s in finding.subjects)
    message = finding.message_in(lang)
    if note is not None:
        message = tr("{message} (suppressed: {reason})", message=message, reason=note).render(lang)
    return (
        f"| {finding.severity.label.render(lang)} | {markdown_cell(finding.code)} "
        f"| {markdown_cell(finding.name)} | {markdown_cell(message)} | {subjects} "
        f"| {markdown_code(location(finding, source, positions))} |"
    )


def _suppressed_rows(
    report: Report, source: str | None, positions: Locator | None, lang: str
) -> list[str]:
    no_reason = tr("no reason given").render(lang)
    return [
        _row(s.finding, source, positions, lang, s.reason or no_reason) for s in report.suppressed
    ]


def render(
    report: Report,
    *,
    source: str | None = None,
    positions: Locator | None = None,
    show_suppressed: bool = False,
    lang: str = "en",
) -> str:
    """The report as a Markdown section with one table row per finding, in ``lang``.

    Suppressed findings are counted, and listed in a table of their own with
    ``show_suppressed``.

    Example:
        >>> import datetime as dt
        >>> print(render(Report(model_name="Demo", as_of=dt.date(2026, 1, 1))))
        # estrategy check: Demo
        <BLANKLINE>
        As of 2026-01-01: no finding.
    """
    name = markdown_cell(report.model_name or tr("model").render(lang))
    title = "# " + tr("estrategy check: {model}", model=name).render(lang)
    summary = tr(
        "As of {date}: {summary}.", date=Day(report.as_of), summary=report_summary(report, lang)
    )
    lines = [title, "", summary.render(lang)]
    if report.findings:
        lines += ["", *_header(lang)]
        lines += [_row(f, source, positions, lang) for f in report.findings]
    if show_suppressed and report.suppressed:
        lines += ["", "## " + tr("Suppressed").render(lang), "", *_header(lang)]
        lines += _suppressed_rows(report, source, positions, lang)
    return "\n".join(lines)


def render_files(
    batch: BatchReport,
    *,
    single: bool = False,
    show_suppressed: bool = False,
    lang: str = "en",
    **_: Any,
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
            lang=lang,
        )
        if batch.baseline is not None:
            text += f"\n\n{baseline_summary(batch.baseline, lang)}"
        return text
    lines = ["# " + tr("estrategy check").render(lang), "", files_summary(batch, lang)]
    if batch.baseline is not None:
        lines += ["", baseline_summary(batch.baseline, lang)]
    rows = [
        _row(f, check.source, check.positions, lang)
        for check in batch.files
        if check.report is not None
        for f in check.report.findings
    ]
    if rows:
        lines += ["", *_header(lang), *rows]
    if show_suppressed:
        hidden = [
            row
            for check in batch.files
            if check.report is not None
            for row in _suppressed_rows(check.report, check.source, check.positions, lang)
        ]
        if hidden:
            lines += ["", "## " + tr("Suppressed").render(lang), "", *_header(lang), *hidden]
    if batch.unreadable:
        lines += ["", "## " + tr("Could not be checked").render(lang), ""]
        lines += [
            f"- {markdown_cell(error.render(lang))}"
            for check in batch.unreadable
            for error in check.errors
        ]
    return "\n".join(lines)
