"""Pieces shared by the maturity renderers (private): level bars, scores, citations."""

from __future__ import annotations

from estrategy.base.formats import Number
from estrategy.base.messages import Message, tr
from estrategy.base.translations import translate
from estrategy.maturity import Assessment
from estrategy.maturity.criterion import Evidence
from estrategy.maturity.results import Overall

__all__ = ["bar", "capped", "cite", "dimension_name", "number"]

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
    """A score rounded to a whole number, or ``n/a`` (scores are 0-100: no separators)."""
    return "n/a" if value is None else f"{value:.0f}"


def cite(evidence: Evidence, lang: str = "en") -> str:
    """One piece of evidence in ``lang``: its fact, then the ids it is about."""
    ids = f" ({', '.join(evidence.ids)})" if evidence.ids else ""
    return f"{evidence.fact_in(lang)}{ids}"


def dimension_name(assessment: Assessment, dimension_id: str | None, lang: str) -> str:
    """A dimension's name in ``lang``, from its id (``-`` for none)."""
    if not dimension_id:
        return "-"
    names = {d.id: d.name for d in assessment.dimensions}
    return translate(names.get(dimension_id, dimension_id), lang)


def capped(overall: Overall) -> Message | None:
    """The sentence that says the results held the overall score down, or ``None``."""
    if not overall.capped or overall.ceiling is None or overall.dimension_mean is None:
        return None
    return tr(
        "capped by results: the dimensions average {mean}, but the weakest result ({result}, "
        "{score}) allows at most {ceiling}",
        mean=Number(overall.dimension_mean, 0),
        result=overall.weakest_result,
        score=number(overall.result_score),
        ceiling=Number(overall.ceiling, 0),
    )
