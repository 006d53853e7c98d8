"""Where a finding is in its model file, shared by the check renderers (private)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

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
    "plural",
    "position",
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


def counts(summary: Mapping[str, int]) -> str:
    """``1 error, 11 warnings, 1 info``: the summary of a report in words."""
    plural = {"error": "errors", "warning": "warnings", "info": "info"}
    return ", ".join(
        f"{n} {severity if n == 1 else plural.get(severity, severity)}"
        for severity, n in summary.items()
    )


def unwrap(text: str) -> str:
    """Join the hard-wrapped lines of each paragraph (for formats that wrap themselves)."""
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 file``, ``3 files``: a count and its noun.

    Example:
        >>> plural(1, "file"), plural(0, "entry", "entries")
        ('1 file', '0 entries')
    """
    return f"{count} {word if count == 1 else many or word + 's'}"


def files_summary(batch: BatchReport) -> str:
    """The totals of a run over several files, in one sentence."""
    findings = sum(batch.summary.values())
    # Files the baseline knows to be unreadable were checked too, and left out as known.
    known = batch.baseline.known_unreadable if batch.baseline is not None else 0
    text = f"{plural(len(batch.files) + known, 'file')} checked: "
    text += counts(batch.summary) if findings else "no finding"
    suppressed = sum(len(r.suppressed) for r in batch.reports)
    if suppressed:
        text += f" ({suppressed} suppressed)"
    if batch.unreadable:
        text += f"; {plural(len(batch.unreadable), 'file')} could not be checked"
    return text + "."


def baseline_summary(comparison: BaselineComparison) -> str:
    """What is new against a baseline, and what of it no longer occurs."""
    text = f"{plural(comparison.new, 'new finding')} ({comparison.known} known from the baseline"
    if comparison.known_unreadable:
        text += f", and {plural(comparison.known_unreadable, 'unreadable file')}"
    text += ")"
    if comparison.new_unreadable:
        text += f"; {plural(comparison.new_unreadable, 'new unreadable file')}"
    gone = comparison.gone_count
    if gone:
        text += (
            f"; {plural(gone, 'baseline entry', 'baseline entries')} no longer "
            f"{'occurs' if gone == 1 else 'occur'}: tighten the baseline with --write-baseline"
        )
    return text + "."
