"""GitHub Actions workflow commands: one annotation per finding, shown on the file."""

from __future__ import annotations

from estrategy.analysis import Report
from estrategy.base.escape import github_data, github_property
from estrategy.report._locations import Locator, position
from estrategy.rules import Severity

__all__ = ["render"]

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(report: Report, *, source: str | None = None, positions: Locator | None = None) -> str:
    """One ``::error``/``::warning``/``::notice`` line per finding (info becomes notice).

    Model text is escaped for the log (:func:`estrategy.base.escape.github_data`): a line
    break in a message never starts a line of its own, so it cannot issue a command.

    Example:
        >>> import datetime as dt
        >>> from estrategy.rules import Finding
        >>> f = Finding("STR001", "orphan-tactic", "error", "tactic t implements no strategy")
        >>> print(render(Report(model_name="M", as_of=dt.date(2026, 1, 1), findings=[f]),
        ...              source="plan.yaml"))
        ::error file=plan.yaml,title=STR001 orphan-tactic::tactic t implements no strategy
    """
    lines = []
    for f in report.findings:
        props = []
        if source is not None:
            props.append(f"file={github_property(source)}")
            where = position(f, positions)
            if where is not None:
                props.append(f"line={where[0]},col={where[1]}")
        props.append(f"title={github_property(f'{f.code} {f.name}')}")
        lines.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{github_data(f.message)}")
    return "\n".join(lines)
