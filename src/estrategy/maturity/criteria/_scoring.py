"""Scoring helpers shared by the built-in criteria of every dimension."""

from __future__ import annotations

from collections.abc import Sequence

from estrategy.base.messages import Text, tr
from estrategy.maturity.criterion import CriterionResult, Evidence
from estrategy.model.labels import label

__all__ = ["lacking", "pct", "signals"]


def pct(part: float, whole: float) -> float:
    """``part`` as a percentage of ``whole``; 0 when ``whole`` is 0.

    Example:
        >>> pct(1, 4), pct(3, 0)
        (25.0, 0.0)
    """
    return 100.0 * part / whole if whole else 0.0


def signals(*checks: tuple[Text, Text, Sequence[str]]) -> CriterionResult:
    """Score the share of signals present: ``(fact if present, gap if absent, ids)`` each.

    Present signals come first as supporting evidence, then the gaps, in the given order.
    The built-in criteria pass messages (``tr(...)``), which the reports translate; plain
    strings are shown as they are in every language.

    Example:
        >>> result = signals(("a CRM", "no CRM", ["crm"]), ("an ERP", "no ERP", []))
        >>> result.score, [e.fact for e in result.evidence]
        (50.0, ['a CRM', 'no ERP'])
    """
    present = [Evidence(fact, ids) for fact, _, ids in checks if ids]
    gaps = [Evidence(gap, supports=False) for _, gap, ids in checks if not ids]
    return CriterionResult(pct(len(present), len(checks)), [*present, *gaps])


def lacking(item: str, parts: Sequence[str]) -> Evidence:
    """The gap of an item that lacks some of its parts, named in words.

    The parts are field names (an action's ``budget``, an objective's ``deadline``…).

    Example:
        >>> lacking("a-shoot", ["budget", "deadline"]).fact
        'a-shoot lacks budget, deadline'
    """
    return Evidence(
        tr("{item} lacks {parts}", item=item, parts=[label(p) for p in parts]),
        [item],
        supports=False,
    )
