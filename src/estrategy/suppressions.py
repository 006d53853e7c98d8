"""Suppressions applied to findings: which findings they accept, and which match nothing.

A finding is suppressed when one of its subjects carries an ``ignore`` entry whose code
is the finding's code or a prefix of it, or when a configuration's
``[per-subject-ignores]`` names one of its subjects (an id, or a glob pattern such as
``t-*``) with such a code. Findings of the SUP rules are never suppressed.

Example:
    >>> from estrategy.model import StrategyModel, Suppression, Tactic, suppressions_of
    >>> from estrategy.rules import Finding
    >>> tactic = Tactic(id="t-fair", ignore=[Suppression("STR001", "a one-off fair")])
    >>> model = StrategyModel(tactics=[tactic])
    >>> found = [Finding("STR001", "orphan-tactic", "error", "…", ["t-fair"], ["tactics", 0])]
    >>> outcome = apply_suppressions(found, suppressions_of(model), ran=["STR001"])
    >>> outcome.kept, [s.reason for s in outcome.suppressed], outcome.unused
    ((), ['a one-off fair'], ())
"""

from __future__ import annotations

import fnmatch
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from estrategy.model import SuppressionSite, format_path
from estrategy.rules import Finding
from estrategy.rules.suppressions import SUPPRESSION_PREFIX, UnusedSuppression

__all__ = [
    "PER_SUBJECT_IGNORES",
    "Suppressed",
    "SuppressionOutcome",
    "apply_suppressions",
]

PER_SUBJECT_IGNORES = "per-subject-ignores"
"""The configuration table of suppressions by subject, and how suppressed findings name it."""

_GLOB = frozenset("*?[")


@attrs.frozen
class Suppressed:
    """A finding accepted on purpose, with the suppression that accepted it.

    Attributes:
        finding: the finding.
        reason: the suppression's reason (empty when it gave none).
        by: where the suppression is written: a model path (``tactics[2].ignore[0]``),
            or ``per-subject-ignores`` for a configuration file's table.
    """

    finding: Finding
    reason: str
    by: str

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The finding as in the JSON output, with ``reason`` and ``suppressed_by``."""
        return {**self.finding.to_dict(lang), "reason": self.reason, "suppressed_by": self.by}


@attrs.frozen
class SuppressionOutcome:
    """What the suppressions did to one run's findings.

    Attributes:
        kept: the findings no suppression accepted, in their order.
        suppressed: the findings accepted, with their suppressions.
        unused: the model's suppressions that matched no finding of a rule that ran.
    """

    kept: tuple[Finding, ...]
    suppressed: tuple[Suppressed, ...]
    unused: tuple[UnusedSuppression, ...]


def _matches(code: str, selector: str) -> bool:
    return code.startswith(selector)


class _SubjectIgnores:
    """The configuration's suppressions: exact ids in a dict, glob patterns in a list."""

    def __init__(self, table: Mapping[str, Mapping[str, str]]) -> None:
        self.exact: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.patterns: list[tuple[str, str, str]] = []
        for subject, codes in table.items():
            for code, reason in codes.items():
                if _GLOB.isdisjoint(subject):
                    self.exact[subject].append((code.upper(), reason))
                else:
                    self.patterns.append((subject, code.upper(), reason))

    def reason(self, finding: Finding) -> str | None:
        for subject in finding.subjects:
            for code, reason in self.exact.get(subject, ()):
                if _matches(finding.code, code):
                    return reason
            for pattern, code, reason in self.patterns:
                if _matches(finding.code, code) and fnmatch.fnmatchcase(subject, pattern):
                    return reason
        return None


def apply_suppressions(
    findings: Iterable[Finding],
    sites: Iterable[SuppressionSite],
    *,
    per_subject_ignores: Mapping[str, Mapping[str, str]] | None = None,
    ran: Iterable[str] = (),
    known: Iterable[str] | None = None,
) -> SuppressionOutcome:
    """Split findings into kept and suppressed, and find the unused suppressions.

    Linear in findings plus suppressions (glob patterns of the configuration are tried
    on each subject; there are few of them).

    Args:
        findings: the findings of one run.
        sites: the model's suppressions (:func:`estrategy.model.suppressions_of`).
        per_subject_ignores: the configuration's table: subject id or glob pattern, to
            code or prefix, to reason.
        ran: the codes of the rules that ran; a suppression is judged unused only when
            one of them matches its code.
        known: every known rule code (default: those that ran); a suppression matching
            none of them names no rule.

    Returns:
        The kept and suppressed findings, and the unused suppressions of the model.
    """
    by_subject: dict[str, list[SuppressionSite]] = defaultdict(list)
    listed = tuple(sites)
    for site in listed:
        by_subject[site.subject].append(site)
    configured = _SubjectIgnores(per_subject_ignores or {})
    used: set[int] = set()
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    for finding in findings:
        if finding.code.startswith(SUPPRESSION_PREFIX):
            kept.append(finding)
            continue
        accepting = next(
            (
                candidate
                for subject in finding.subjects
                for candidate in by_subject.get(subject, ())
                if _matches(finding.code, candidate.suppression.code)
            ),
            None,
        )
        if accepting is not None:
            used.add(id(accepting))
            suppressed.append(
                Suppressed(finding, accepting.suppression.reason, format_path(accepting.path))
            )
            continue
        reason = configured.reason(finding)
        if reason is not None:
            suppressed.append(Suppressed(finding, reason, PER_SUBJECT_IGNORES))
        else:
            kept.append(finding)
    ran_codes = tuple(ran)
    known_codes = ran_codes if known is None else tuple(known)
    unused = []
    for site in listed:
        if id(site) in used:
            continue
        code = site.suppression.code
        matching = [c for c in known_codes if _matches(c, code)]
        if not matching:
            unused.append(UnusedSuppression(site, known=False))
        elif all(c.startswith(SUPPRESSION_PREFIX) for c in matching) or any(
            _matches(c, code) for c in ran_codes
        ):
            unused.append(UnusedSuppression(site))
    return SuppressionOutcome(tuple(kept), tuple(suppressed), tuple(unused))
