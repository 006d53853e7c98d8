"""Where a finding is in its model file, shared by the check renderers (private)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from estrategy.model import ModelPath, format_path
from estrategy.rules import Finding

__all__ = ["Locator", "counts", "location", "position", "unwrap"]


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
