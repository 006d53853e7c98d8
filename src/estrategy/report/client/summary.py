"""The executive summary: where the company stands, the key messages, what to do first.

The recommendations come from the gaps and the weakest dimensions. Gaps are ranked by
severity, then by how weak the maturity dimension of their theme is, then by how many
elements they concern; at most two recommendations per theme, so that the first page
does not fill with one kind of gap. The weakest dimension gets a recommendation of its own
when no gap speaks for it.

Example:
    >>> from estrategy.analysis import check
    >>> from estrategy.io import load_demo
    >>> from estrategy.maturity import assess
    >>> from estrategy.report.client.gaps import gap_themes
    >>> model = load_demo()
    >>> themes = gap_themes(check(model).findings)
    >>> [r.anchor for r in recommendations(themes, assess(model), Voice())][:3]
    ['gap-ACT003', 'gap-ORG003', 'gap-ROL004']
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from estrategy.maturity import Assessment
from estrategy.report.client.context import ChapterContext
from estrategy.report.client.gaps import (
    THEME_DIMENSIONS,
    GapGroup,
    GapTheme,
    severity_badge,
)
from estrategy.report.client.markup import Html, element, prose
from estrategy.report.client.names import Names
from estrategy.report.client.voice import Voice
from estrategy.rules import Severity

__all__ = ["Recommendation", "gap_counts", "recommendations", "summary_section"]

_MOST = 5
_PER_THEME = 2
_SUBJECTS_SHOWN = 6


@attrs.frozen
class Recommendation:
    """One thing to do, in the order of the summary.

    Attributes:
        title: what is wrong, in a phrase.
        action: what to do.
        subjects: the ids of the elements concerned.
        theme: the theme (or the dimension id, for a dimension's recommendation).
        severity: the gap's severity; ``None`` for a dimension's recommendation.
        anchor: the id of the detailed section in the page.
        documented: whether ``action`` is a rule's documentation (where ``*a title*``
            is set in italics) rather than text that may come from the model.
    """

    title: str
    action: str
    subjects: tuple[str, ...]
    theme: str
    severity: Severity | None
    anchor: str
    documented: bool = False


def _dimension_scores(assessment: Assessment | None) -> dict[str, float]:
    if assessment is None:
        return {}
    return {d.id: d.score for d in assessment.dimensions if d.score is not None}


def recommendations(
    themes: Sequence[GapTheme], assessment: Assessment | None, voice: Voice
) -> tuple[Recommendation, ...]:
    """What to do first, second, third…: at most five recommendations."""
    scores = _dimension_scores(assessment)

    def rank(item: tuple[str, GapGroup]) -> tuple[int, float, int, str]:
        theme, group = item
        weakness = scores.get(THEME_DIMENSIONS.get(theme, ""), 100.0)
        return (-group.severity.rank, weakness, -len(group.findings), group.code)

    ranked = sorted(((t.id, g) for t in themes for g in t.groups), key=rank)
    chosen: list[Recommendation] = []
    per_theme: dict[str, int] = {}
    for theme, group in ranked:
        if len(chosen) == _MOST:
            break
        if per_theme.get(theme, 0) == _PER_THEME:
            continue
        per_theme[theme] = per_theme.get(theme, 0) + 1
        rule = group.rule
        chosen.append(
            Recommendation(
                title=voice.rule_text(rule, "summary", plain=True) if rule else group.code,
                action=voice.rule_text(rule, "fix")
                if rule
                else voice.finding_message(group.findings[0]),
                subjects=group.subjects,
                theme=theme,
                severity=group.severity,
                anchor=f"gap-{group.code}",
                documented=rule is not None,
            )
        )
    weakest = _weakest_dimension(assessment, voice, {t for t, _ in per_theme.items()})
    if weakest is not None and len(chosen) < _MOST:
        chosen.append(weakest)
    return tuple(chosen)


def _weakest_dimension(
    assessment: Assessment | None, voice: Voice, themes: set[str]
) -> Recommendation | None:
    """A recommendation for the weakest dimension, when no chosen gap's theme covers it."""
    if assessment is None or assessment.overall.weakest is None:
        return None
    dimension = assessment.dimension(assessment.overall.weakest)
    covered = {THEME_DIMENSIONS.get(t) for t in themes}
    if dimension.id in covered or dimension.score is None:
        return None
    judged = [c for c in dimension.criteria if c.counted and c.score is not None]
    if not judged:
        return None
    weakest = min(judged, key=lambda c: (c.score, c.id))
    against = [e for e in weakest.evidence if not e.supports]
    title = voice.data(weakest.title)
    facts = voice.items([voice.evidence(e) for e in against]) or title
    return Recommendation(
        title=voice.say(
            "recommendation.strengthen",
            dimension=voice.data(dimension.name),
            score=voice.number(dimension.score, 0),
        ),
        action=voice.say("recommendation.action", title=title, facts=facts),
        subjects=tuple(dict.fromkeys(i for e in against for i in e.ids)),
        theme=dimension.id,
        severity=None,
        anchor=f"dimension-{dimension.id}",
    )


def gap_counts(themes: Sequence[GapTheme], voice: Voice) -> str:
    """``1 critical, 14 important and 1 minor``: the gaps by severity, in words."""
    counts = dict.fromkeys((Severity.ERROR, Severity.WARNING, Severity.INFO), 0)
    for theme in themes:
        for group in theme.groups:
            for finding in group.findings:
                counts[finding.severity] += 1
    keys = {Severity.ERROR: "critical", Severity.WARNING: "important", Severity.INFO: "minor"}
    return voice.listing([voice.say(f"count.{keys[s]}", count=n) for s, n in counts.items() if n])


def _subjects(subjects: Sequence[str], names: Names, voice: Voice) -> str:
    shown = [names.name(s) for s in subjects[:_SUBJECTS_SHOWN]]
    if len(subjects) > _SUBJECTS_SHOWN:
        shown.append(voice.say("count.more", count=len(subjects) - _SUBJECTS_SHOWN))
    return voice.items(shown)


def _recommendation_item(item: Recommendation, rank: int, names: Names, voice: Voice) -> Html:
    head: list[Html | str] = [element("span", voice.say(f"rank.{rank}"), cls="rank")]
    if item.severity is not None:
        head += [" ", severity_badge(item.severity, voice)]
    head += [" ", element("strong", item.title)]
    action = prose(item.action) if item.documented else item.action
    body: list[Html] = [element("p", head, cls="rec-head"), element("p", action)]
    if item.subjects:
        body.append(
            element(
                "p",
                [
                    element(
                        "span", voice.say("recommendation.concerns") + voice.colon(), cls="label"
                    ),
                    _subjects(item.subjects, names, voice),
                    " ",
                    element(
                        "a",
                        voice.say("recommendation.see") + " →",
                        href=f"#{item.anchor}",
                        cls="detail",
                    ),
                ],
                cls="concerns",
            )
        )
    return element("li", body)


def _card(title: str, value: str, sentence: str) -> Html:
    return element(
        "div",
        [element("h3", title), element("p", value, cls="big"), element("p", sentence)],
        cls="card",
    )


def summary_section(
    themes: Sequence[GapTheme],
    assessment: Assessment | None,
    messages: Sequence[str],
    context: ChapterContext,
) -> Html:
    """The executive summary: three cards, the key messages and the recommendations."""
    names, voice = context.names, context.voice
    cards: list[Html] = []
    if assessment is not None:
        overall, q = assessment.overall, assessment.quadrant
        cards += [
            _card(
                voice.say("summary.maturity"),
                voice.say(
                    "summary.level", level=overall.level, name=voice.data(overall.level_name)
                ),
                voice.say("summary.score", score=voice.number(overall.score, 0)),
            ),
            _card(
                voice.say("summary.quadrant"),
                voice.say(f"quadrant.{q.name}"),
                voice.say(f"quadrant.{q.name}.sentence"),
            ),
        ]
    count = sum(t.count for t in themes)
    cards.append(
        _card(
            voice.say("summary.gaps"),
            voice.say("count.findings", count=count),
            gap_counts(themes, voice) if count else voice.say("gaps.none"),
        )
    )
    items = recommendations(themes, assessment, voice)
    advice: Html = (
        element(
            "ol",
            [_recommendation_item(r, i, names, voice) for i, r in enumerate(items, start=1)],
            cls="recommendations",
        )
        if items
        else element("p", voice.say("summary.no_recommendation"))
    )
    return element(
        "section",
        [
            element("h2", voice.say("summary.title")),
            element("div", cards, cls="cards"),
            element("h3", voice.say("summary.messages")),
            element("ul", [element("li", m) for m in messages], cls="messages"),
            element("h3", voice.say("summary.recommendations")),
            element("p", voice.say("summary.recommendations_intro"), cls="muted"),
            advice,
        ],
        cls="chapter",
        id="summary",
    )
