"""Pieces shared by the maturity renderers (private): level bars, scores, citations."""

from __future__ import annotations

from estrategy.maturity.criterion import Evidence

__all__ = ["bar", "cite", "number"]

_LEVELS = 5


def bar(level: int | None, width: int = _LEVELS) -> str:
    """A level as a bar of full and empty blocks; dots when not assessed.

    Example:
        >>> bar(2), bar(None)
        ('██░░░', '·····')
    """
    if level is None:
        return "·" * width
    return "█" * level + "░" * (width - level)


def number(value: float | None) -> str:
    """A score rounded to a whole number, or ``n/a``."""
    return "n/a" if value is None else f"{value:.0f}"


def cite(evidence: Evidence) -> str:
    """One piece of evidence: its fact, then the ids it is about."""
    ids = f" ({', '.join(evidence.ids)})" if evidence.ids else ""
    return f"{evidence.fact}{ids}"
