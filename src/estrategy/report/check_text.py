"""The text output of ``check``: findings grouped by severity, for people in a terminal.

This is the only check renderer that imports rich.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape

from estrategy.analysis import Report
from estrategy.base.escape import terminal_text
from estrategy.base.formats import Day
from estrategy.base.messages import Message, tr
from estrategy.batch import BatchReport, FileCheck, Statistic
from estrategy.report._locations import (
    Locator,
    baseline_summary,
    files_summary,
    location,
    report_summary,
)
from estrategy.rules import Severity

__all__ = ["render", "render_files", "render_statistics"]


def _shown(text: str) -> str:
    """Model text made safe for a terminal and for rich markup."""
    return escape(terminal_text(text))


_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _title(severity: Severity, n: int) -> Message:
    if severity == Severity.ERROR:
        return tr("Errors ({n})", n=n)
    if severity == Severity.WARNING:
        return tr("Warnings ({n})", n=n)
    return tr("Information ({n})", n=n)


def _console(buffer: io.StringIO, color: bool) -> Console:
    return Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        soft_wrap=True,
        width=100,
    )


def render(
    report: Report,
    *,
    source: str | None = None,
    positions: Locator | None = None,
    color: bool = False,
    show_suppressed: bool = False,
    lang: str = "en",
) -> str:
    """The report as text: one block per severity, one line per finding, then a summary.

    Each line reads ``file:line:col CODE [name] message``; without a file, the model path
    stands for the location. Suppressed findings are counted in the summary, and listed
    with their reasons when ``show_suppressed`` is true. Headings, messages and the
    summary are in ``lang``.

    Example:
        >>> import datetime as dt
        >>> from estrategy.rules import Finding
        >>> f = Finding("STR001", "orphan-tactic", "error", "tactic t implements no strategy",
        ...             ["t"], ["tactics", 0])
        >>> print(render(Report(model_name="M", as_of=dt.date(2026, 1, 1), findings=[f])))
        Errors (1)
          tactics[0] STR001 [orphan-tactic] tactic t implements no strategy
        <BLANKLINE>
        M, as of 2026-01-01: 1 error, 0 warnings, 0 info.
    """
    buffer = io.StringIO()
    console = _console(buffer, color)
    for severity in Severity:
        found = [f for f in report.findings if f.severity == severity]
        if not found:
            continue
        title = _title(severity, len(found)).render(lang)
        console.print(f"[{_STYLE[severity]}]{title}[/]")
        for f in found:
            console.print(
                f"  [bold]{_shown(location(f, source, positions))}[/] "
                f"[{_STYLE[severity]}]{f.code}[/] \\[{f.name}] {_shown(f.message_in(lang))}"
            )
        console.print()
    if show_suppressed and report.suppressed:
        heading = tr("Suppressed ({n})", n=len(report.suppressed)).render(lang)
        console.print(f"[dim]{heading}[/]")
        for s in report.suppressed:
            f = s.finding
            reason = _shown(s.reason) if s.reason.strip() else tr("(no reason given)").render(lang)
            console.print(
                f"  [bold]{_shown(location(f, source, positions))}[/] {f.code} \\[{f.name}] "
                f"{_shown(f.message_in(lang))} [dim]— {reason} ({_shown(s.by)})[/]"
            )
        console.print()
    name = report.model_name or tr("model").render(lang)
    line = tr(
        "{model}, as of {date}: {summary}.",
        model=name,
        date=Day(report.as_of),
        summary=report_summary(report, lang),
    )
    console.print(_shown(line.render(lang)))
    return buffer.getvalue().rstrip("\n")


def _unreadable(check: FileCheck, lang: str) -> str:
    lines = [_shown(tr("{file}: could not be checked", file=check.source).render(lang))]
    lines += [f"  {_shown(error.render(lang))}" for error in check.errors]
    return "\n".join(lines)


def render_files(
    batch: BatchReport,
    *,
    single: bool = False,
    color: bool = False,
    show_suppressed: bool = False,
    lang: str = "en",
) -> str:
    """Several files as text: each file with findings (or that could not be read), then totals.

    Files without findings print nothing of their own; the last lines count the files,
    the findings and, when a baseline was given, what is new against it. With
    ``single``, one named file, the totals line is left out (the file's own summary
    says it).
    """
    blocks = []
    for check in batch.files:
        if check.report is None:
            blocks.append(_unreadable(check, lang))
        elif check.report.findings or (show_suppressed and check.report.suppressed) or single:
            blocks.append(
                render(
                    check.report,
                    source=check.source,
                    positions=check.positions,
                    color=color,
                    show_suppressed=show_suppressed,
                    lang=lang,
                )
            )
    tail = []
    if not single:
        tail.append(files_summary(batch, lang))
    if batch.baseline is not None:
        tail.append(baseline_summary(batch.baseline, lang))
    return "\n\n".join([*blocks, "\n".join(tail)] if tail else blocks)


def render_statistics(statistics: Sequence[Statistic], *, lang: str = "en") -> str:
    """Findings per rule, most frequent first: ``count  CODE  name`` per line.

    Example:
        >>> print(render_statistics([Statistic("STR001", "orphan-tactic", 12)]))
        12  STR001  orphan-tactic
    """
    if not statistics:
        return tr("No finding.").render(lang)
    width = max(len(str(s.count)) for s in statistics)
    code_width = max(len(s.code) for s in statistics)
    return "\n".join(f"{s.count:>{width}}  {s.code:<{code_width}}  {s.name}" for s in statistics)
