"""Where a finding is in its model file, shared by the check renderers (private)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from estrategy.analysis import Report, severity_count
from estrategy.base.messages import Message, ntr, tr
from estrategy.model import ModelPath, format_path
from estrategy.rules import Finding

if TYPE_CHECKING:
    from estrategy.baseline import BaselineComparison
    from estrategy.batch import BatchReport

__all__ = [
    "Locator",
    "baseline_summary",
    "counts",
    "files_summary",
    "location",
    "position",
    "report_summary",
    "unwrap",
]


class _Position(Protocol):
    @property
    def line(self) -> int: ...

    @property
    def column(self) -> int: ...


class Locator(Protocol):
    """Anything that maps a model path to a position: :class:`estrategy.io.SourceMap`."""

    def locate(self, path: ModelPath) -> _Position | None:
        """The 1-based position of ``path`` or of its nearest known ancestor."""


def position(finding: Finding, positions: Locator | None) -> tuple[int, int] | None:
    """The 1-based ``(line, column)`` of a finding's element, when positions are known."""
    if positions is None:
        return None
    found = positions.locate(finding.path)
    return None if found is None else (found.line, found.column)


def location(finding: Finding, source: str | None, positions: Locator | None) -> str:
    """Where a finding is: ``file:line:col``, else ``file``, else the model path.

    In a workbook the position is a cell: ``plan.xlsx:Tactics!A4``.

    Example:
        >>> from estrategy.rules import Finding
        >>> f = Finding("STR001", "orphan-tactic", "error", "m", ["t"], ["tactics", 2])
        >>> location(f, None, None)
        'tactics[2]'
    """
    if source is None:
        return format_path(finding.path) or "<model>"
    found = positions.locate(finding.path) if positions is not None else None
    if found is None:
        return source
    # a position writes itself: `line:column`, or `Sheet!E7` for a workbook's cell
    return f"{source}:{found}"


def counts(summary: Mapping[str, int], lang: str = "en") -> str:
    """``1 error, 11 warnings, 1 info``: the summary of a report in words, in ``lang``.

    Example:
        >>> counts({"error": 0, "warning": 8, "info": 1}, "fr")
        '0 erreur, 8 avertissements, 1 information'
    """
    return ", ".join(severity_count(s, n).render(lang) for s, n in summary.items())


def unwrap(text: str) -> str:
    """Join the hard-wrapped lines of each paragraph (for formats that wrap themselves)."""
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def report_summary(report: Report, lang: str = "en") -> str:
    """``1 error, 2 warnings, 0 info (3 suppressed)``, or ``no finding``, in ``lang``."""
    summary = counts(report.summary, lang) if report.findings else tr("no finding").render(lang)
    if report.suppressed:
        return _with_suppressed(summary, len(report.suppressed)).render(lang)
    return summary


def _with_suppressed(summary: str | Message, n: int) -> Message:
    return ntr("{summary} ({n} suppressed)", "{summary} ({n} suppressed)", n, summary=summary)


def files_summary(batch: BatchReport, lang: str = "en") -> str:
    """The totals of a run over several files, in one sentence, in ``lang``.

    Example:
        >>> from estrategy.batch import BatchReport
        >>> print(files_summary(BatchReport(())))
        0 files checked: no finding.
        >>> print(files_summary(BatchReport(()), "fr"))
        0 fichier contrôlé\u00a0: aucun constat.
    """
    findings = sum(batch.summary.values())
    # Files the baseline knows to be unreadable were checked too, and left out as known.
    known = batch.baseline.known_unreadable if batch.baseline is not None else 0
    found = counts(batch.summary, lang) if findings else tr("no finding").render(lang)
    checked = len(batch.files) + known
    text = ntr("{n} file checked: {found}", "{n} files checked: {found}", checked, found=found)
    suppressed = sum(len(r.suppressed) for r in batch.reports)
    if suppressed:
        text = _with_suppressed(text, suppressed)
    if batch.unreadable:
        text = ntr(
            "{summary}; {n} file could not be checked",
            "{summary}; {n} files could not be checked",
            len(batch.unreadable),
            summary=text,
        )
    return tr("{summary}.", summary=text).render(lang)


def baseline_summary(comparison: BaselineComparison, lang: str = "en") -> str:
    """What is new against a baseline, and what of it no longer occurs, in ``lang``."""
    known: Message = ntr(
        "{n} known from the baseline", "{n} known from the baseline", comparison.known
    )
    if comparison.known_unreadable:
        known = ntr(
            "{known}, and {n} unreadable file",
            "{known}, and {n} unreadable files",
            comparison.known_unreadable,
            known=known,
        )
    text: Message = ntr(
        "{n} new finding ({known})", "{n} new findings ({known})", comparison.new, known=known
    )
    if comparison.new_unreadable:
        text = ntr(
            "{summary}; {n} new unreadable file",
            "{summary}; {n} new unreadable files",
            comparison.new_unreadable,
            summary=text,
        )
    gone = comparison.gone_count
    if gone:
        text = ntr(
            "{summary}; {n} baseline entry no longer occurs: tighten the baseline with "
            "--write-baseline",
            "{summary}; {n} baseline entries no longer occur: tighten the baseline with "
            "--write-baseline",
            gone,
            summary=text,
        )
    return tr("{summary}.", summary=text).render(lang)
