"""SUP rules: suppressions that give no reason, or that suppress nothing.

An element accepts a finding on purpose with ``ignore: [{code, reason}]``
(:class:`estrategy.model.Suppression`). These rules keep such decisions honest, as
ruff's unused-noqa does for ``# noqa`` comments. SUP findings cannot themselves be
suppressed; turn the rules off with ``ignore = ["SUP"]`` if you must.

SUP002 judges the findings of every other rule, so :func:`estrategy.check` runs it last
and records in the run's context, under :data:`UNUSED_SUPPRESSIONS`, the suppressions
that matched no finding; run on its own, it finds nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from estrategy.base.messages import tr
from estrategy.model import SuppressionSite, suppressions_of
from estrategy.rules._engine import RuleContext, Violation, rule

__all__ = [
    "RUN_LEVEL_CODES",
    "SUPPRESSION_PREFIX",
    "UNUSED_SUPPRESSIONS",
    "UnusedSuppression",
    "suppression_without_reason",
    "unused_suppression",
]

SUPPRESSION_PREFIX = "SUP"
"""The code prefix of these rules; their findings cannot be suppressed."""

UNUSED_SUPPRESSIONS = "estrategy.rules.suppressions:unused"
"""The :meth:`RuleContext.memo` key under which ``check`` records the unused suppressions."""

RUN_LEVEL_CODES: tuple[str, ...] = ("SUP002",)
"""Rules that judge the other rules' findings, so run after them."""


@attrs.frozen
class UnusedSuppression:
    """A suppression that matched no finding of a rule that ran.

    Attributes:
        site: the suppression and the element that carries it.
        known: whether its code names a known rule (or prefix of one) at all.
    """

    site: SuppressionSite
    known: bool = True


@rule("SUP001", "suppression-without-reason", "warning")
def suppression_without_reason(context: RuleContext) -> Iterator[Violation]:
    """A suppression gives no reason.

    What it checks:
        Every ``ignore`` entry of an element whose ``reason`` is empty.

    Why it matters:
        Accepting a gap is a decision. The method of *L'adoption massive du Social
        Selling, devait décoiffer…* ends with regular controls and with learning from the
        field, which means revisiting decisions. A suppression that does not say why
        cannot be revisited: the next reader cannot tell whether the circumstance that
        justified it still holds, so it silently outlives it.

    How to fix:
        Write the reason in one sentence (``reason: "the agency is supervised by the
        group's holding"``), or remove the suppression and close the gap.
    """
    for site in suppressions_of(context.model):
        if not site.suppression.reason.strip():
            yield Violation(
                tr(
                    "the suppression of {code} on {subject} gives no reason",
                    code=site.suppression.code,
                    subject=site.subject,
                ),
                [site.subject],
                site.path,
            )


@rule("SUP002", "unused-suppression", "warning")
def unused_suppression(context: RuleContext) -> Iterator[Violation]:
    """A suppression suppresses nothing.

    What it checks:
        Every ``ignore`` entry whose code matched no finding about its element, among
        the rules that ran; or whose code names no rule at all. A suppression of a rule
        that did not run (not selected) is not judged.

    Why it matters:
        The controls that close the method of *L'adoption massive du Social Selling,
        devait décoiffer…* only work on a plan that says what is true today. A
        suppression that matches nothing is a stale decision: the gap was closed, or the
        element changed. Left in place, it would hide the gap the day it comes back,
        without anyone deciding again.

    How to fix:
        Remove the suppression, or correct its code.
    """
    unused: tuple[UnusedSuppression, ...] = context.memo(UNUSED_SUPPRESSIONS, tuple)
    for item in unused:
        code, subject = item.site.suppression.code, item.site.subject
        shown = {"code": code, "subject": subject}
        if code.startswith(SUPPRESSION_PREFIX):
            message = tr(
                "the suppression of {code} on {subject} is unused: {prefix} findings cannot be "
                "suppressed",
                prefix=SUPPRESSION_PREFIX,
                **shown,
            )
        elif not item.known:
            message = tr(
                "the suppression of {code} on {subject} is unused: no rule has this code", **shown
            )
        else:
            message = tr(
                "the suppression of {code} on {subject} is unused: no {code} finding is about "
                "{subject}",
                **shown,
            )
        yield Violation(
            message,
            [subject],
            item.site.path,
        )
