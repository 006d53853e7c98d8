"""The text output of ``check``: findings grouped by severity, for people in a terminal.

This is the only check renderer that imports rich.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape

from estrategy.analysis import Report
from estrategy.base.escape import terminal_text
from estrategy.base.formats import Day
from estrategy.base.messages import Message, tr
from estrategy.report._locations import Locator, counts, location
from estrategy.rules import Severity

__all__ = ["render"]


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


def render(
    report: Report,
    *,
    source: str | None = None,
    positions: Locator | None = None,
    color: bool = False,
    lang: str = "en",
) -> str:
    """The report as text: one block per severity, one line per finding, then a summary.

    Each line reads ``file:line:col CODE [name] message``; without a file, the model path
    stands for the location. Headings, messages and the summary are in ``lang``.

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
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        soft_wrap=True,
        width=100,
    )
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
    name = report.model_name or tr("model").render(lang)
    if report.findings:
        line = tr(
            "{model}, as of {date}: {counts}.",
            model=name,
            date=Day(report.as_of),
            counts=counts(report.summary, lang),
        )
    else:
        line = tr("{model}, as of {date}: no finding.", model=name, date=Day(report.as_of))
    console.print(_shown(line.render(lang)))
    return buffer.getvalue().rstrip("\n")
