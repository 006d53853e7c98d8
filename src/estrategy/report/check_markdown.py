"""The Markdown output of ``check``: a summary line and a table, for pull requests and wikis."""

from __future__ import annotations

from estrategy.analysis import Report
from estrategy.base.escape import markdown_cell, markdown_code
from estrategy.base.formats import Day
from estrategy.base.messages import tr
from estrategy.report._locations import Locator, counts, location

__all__ = ["render"]


def render(
    report: Report,
    *,
    source: str | None = None,
    positions: Locator | None = None,
    lang: str = "en",
) -> str:
    """The report as a Markdown section with one table row per finding, in ``lang``.

    Example:
        >>> import datetime as dt
        >>> print(render(Report(model_name="Demo", as_of=dt.date(2026, 1, 1))))
        # estrategy check: Demo
        <BLANKLINE>
        As of 2026-01-01: no finding.
    """
    name = markdown_cell(report.model_name or tr("model").render(lang))
    title = "# " + tr("estrategy check: {model}", model=name).render(lang)
    date = Day(report.as_of)
    if not report.findings:
        return f"{title}\n\n" + tr("As of {date}: no finding.", date=date).render(lang)
    header = tr("| severity | code | name | message | subjects | location |").render(lang)
    lines = [
        title,
        "",
        tr("As of {date}: {counts}.", date=date, counts=counts(report.summary, lang)).render(lang),
        "",
        header,
        "|---|---|---|---|---|---|",
    ]
    for f in report.findings:
        subjects = ", ".join(markdown_code(s) for s in f.subjects)
        lines.append(
            f"| {f.severity.label.render(lang)} | {markdown_cell(f.code)} "
            f"| {markdown_cell(f.name)} "
            f"| {markdown_cell(f.message_in(lang))} | {subjects} "
            f"| {markdown_code(location(f, source, positions))} |"
        )
    return "\n".join(lines)
