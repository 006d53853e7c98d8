"""GitHub Actions workflow commands: one annotation per finding, shown on the file."""

from __future__ import annotations

from typing import Any

from estrategy.analysis import Report
from estrategy.base.escape import github_data, github_property
from estrategy.base.messages import render_text, tr
from estrategy.batch import BatchReport
from estrategy.io.errors import FileError
from estrategy.model import format_path
from estrategy.report._locations import Locator, position
from estrategy.rules import Severity

__all__ = ["render", "render_files"]

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _lines(report: Report, source: str | None, positions: Locator | None, lang: str) -> list[str]:
    lines = []
    for f in report.findings:
        props = []
        if source is not None:
            props.append(f"file={github_property(source)}")
            where = position(f, positions)
            if where is not None:
                props.append(f"line={where[0]},col={where[1]}")
        props.append(f"title={github_property(f'{f.code} {f.name}')}")
        lines.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{github_data(f.message_in(lang))}")
    return lines


def _error(error: FileError, lang: str) -> str:
    props = [f"file={github_property(error.source)}"]
    if error.line is not None:
        props.append(f"line={error.line}" + (f",col={error.column}" if error.column else ""))
    title = tr("estrategy could not check this file").render(lang)
    props.append(f"title={github_property(title)}")
    where = format_path(error.path)
    text = render_text(error.text, lang)
    message = f"{where}: {text}" if where else text
    return f"::error {','.join(props)}::{github_data(message)}"


def render(
    report: Report,
    *,
    source: str | None = None,
    positions: Locator | None = None,
    lang: str = "en",
) -> str:
    """One ``::error``/``::warning``/``::notice`` line per finding (info becomes notice).

    The messages are in ``lang``.

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
    return "\n".join(_lines(report, source, positions, lang))


def render_files(batch: BatchReport, *, lang: str = "en", **_: Any) -> str:
    """Every file's annotations, and one ``::error`` per problem of an unreadable file."""
    lines = []
    for check in batch.files:
        if check.report is None:
            lines += [_error(error, lang) for error in check.errors]
        else:
            lines += _lines(check.report, check.source, check.positions, lang)
    return "\n".join(lines)
