"""The Markdown output of ``check``: a summary line and a table, for pull requests and wikis."""

from __future__ import annotations

from estrategy.analysis import Report
from estrategy.base.escape import markdown_cell, markdown_code
from estrategy.report._locations import Locator, counts, location

__all__ = ["render"]


def render(report: Report, *, source: str | None = None, positions: Locator | None = None) -> str:
    """The report as a Markdown section with one table row per finding.

    Example:
        >>> import datetime as dt
        >>> print(render(Report(model_name="Demo", as_of=dt.date(2026, 1, 1))))
        # estrategy check: Demo
        <BLANKLINE>
        As of 2026-01-01: no finding.
    """
    title = f"# estrategy check: {markdown_cell(report.model_name or 'model')}"
    if not report.findings:
        return f"{title}\n\nAs of {report.as_of.isoformat()}: no finding."
    lines = [
        title,
        "",
        f"As of {report.as_of.isoformat()}: {counts(report.summary)}.",
        "",
        "| severity | code | name | message | subjects | location |",
        "|---|---|---|---|---|---|",
    ]
    for f in report.findings:
        subjects = ", ".join(markdown_code(s) for s in f.subjects)
        lines.append(
            f"| {f.severity} | {markdown_cell(f.code)} | {markdown_cell(f.name)} "
            f"| {markdown_cell(f.message)} | {subjects} "
            f"| {markdown_code(location(f, source, positions))} |"
        )
    return "\n".join(lines)
