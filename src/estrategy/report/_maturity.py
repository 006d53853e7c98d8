"""Pieces shared by the maturity renderers (private): level bars, scores, citations."""

from __future__ import annotations

from estrategy.maturity.criterion import Evidence
from estrategy.maturity.results import Overall

__all__ = ["bar", "capped", "cite", "number"]

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


def capped(overall: Overall) -> str | None:
    """The sentence that says the results held the overall score down, or ``None``."""
    if not overall.capped or overall.ceiling is None or overall.dimension_mean is None:
        return None
    return (
        f"capped by results: the dimensions average {overall.dimension_mean:.0f}, but the "
        f"weakest result ({overall.weakest_result}, {number(overall.result_score)}) allows "
        f"at most {overall.ceiling:.0f}"
    )
