"""The text output of ``check``: findings grouped by severity, for people in a terminal.

This is the only check renderer that imports rich.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape

from estrategy.analysis import Report
from estrategy.base.escape import terminal_text
from estrategy.report._locations import Locator, counts, location
from estrategy.rules import Severity

__all__ = ["render"]


def _shown(text: str) -> str:
    """Model text made safe for a terminal and for rich markup."""
    return escape(terminal_text(text))


_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_TITLE = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Information"}


def render(
    report: Report,
    *,
    source: str | None = None,
    positions: Locator | None = None,
    color: bool = False,
) -> str:
    """The report as text: one block per severity, one line per finding, then a summary.

    Each line reads ``file:line:col CODE [name] message``; without a file, the model path
    stands for the location.

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
        console.print(f"[{_STYLE[severity]}]{_TITLE[severity]} ({len(found)})[/]")
        for f in found:
            console.print(
                f"  [bold]{_shown(location(f, source, positions))}[/] "
                f"[{_STYLE[severity]}]{f.code}[/] \\[{f.name}] {_shown(f.message)}"
            )
        console.print()
    summary = counts(report.summary)
    name = report.model_name or "model"
    if report.findings:
        console.print(f"{_shown(name)}, as of {report.as_of.isoformat()}: {summary}.")
    else:
        console.print(f"{_shown(name)}, as of {report.as_of.isoformat()}: no finding.")
    return buffer.getvalue().rstrip("\n")
