"""GitHub Actions workflow commands: one annotation per finding, shown on the file."""

from __future__ import annotations

from estrategy.analysis import Report
from estrategy.report._locations import Locator, position
from estrategy.rules import Severity

__all__ = ["render"]

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    # Escaping of workflow-command data, as @actions/core does.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(
    report: Report,
    *,
    source: str | None = None,
    positions: Locator | None = None,
    lang: str = "en",
) -> str:
    """One ``::error``/``::warning``/``::notice`` line per finding (info becomes notice).

    The messages are in ``lang``.

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
            props.append(f"file={_property(source)}")
            where = position(f, positions)
            if where is not None:
                props.append(f"line={where[0]},col={where[1]}")
        props.append(f"title={_property(f'{f.code} {f.name}')}")
        lines.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{_data(f.message_in(lang))}")
    return "\n".join(lines)
