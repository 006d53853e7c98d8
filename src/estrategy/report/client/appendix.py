"""The appendix: the method, the rules that found a gap, a glossary, and source positions.

The positions (``file:line:col``) are for the author of the model file, so they are kept
here, out of the director's way; past :data:`POSITIONS_PER_RULE` findings of one rule,
the rest are counted rather than listed (``estrategy check`` lists them all).
"""

from __future__ import annotations

from collections.abc import Sequence

from estrategy.maturity import Assessment
from estrategy.report._locations import Locator, location
from estrategy.report.client.context import ChapterContext
from estrategy.report.client.gaps import GapTheme
from estrategy.report.client.markup import Html, element, prose, table
from estrategy.report.client.names import Names
from estrategy.report.client.voice import Voice

__all__ = ["GLOSSARY", "POSITIONS_PER_RULE", "appendix_section"]

POSITIONS_PER_RULE = 25
"""The most findings of one rule whose positions the appendix lists."""

GLOSSARY = (
    "line",
    "silo",
    "transversal",
    "ei",
    "hhi",
    "smart",
    "volet",
    "planned",
    "step",
    "quadrant",
    "esn",
    "levels",
)
"""The glossary's entries, in the order printed (keys of ``glossary.*`` texts)."""


def _method(themes: Sequence[GapTheme], assessment: Assessment | None, voice: Voice) -> list[Html]:
    parts: list[Html] = [
        element("h3", voice.say("appendix.method")),
        element("p", voice.say("appendix.method_intro")),
    ]
    if assessment is not None:
        parts.append(
            element(
                "ol", [element("li", voice.data(s.title)) for s in assessment.steps], cls="method"
            )
        )
    groups = [g for t in themes for g in t.groups if g.rule is not None]
    if groups:
        parts += [
            element("h4", voice.say("appendix.rules")),
            table(
                voice.texts("appendix.rule", "gaps.what", "appendix.checks"),
                (
                    [
                        element("span", [element("code", g.code), " ", g.rule.name], cls="nowrap")
                        if g.rule
                        else g.code,
                        voice.rule_text(g.rule, "summary", plain=True) if g.rule else "",
                        prose(voice.rule_text(g.rule, "what")) if g.rule else "",
                    ]
                    for g in groups
                ),
                cls="rules",
            ),
        ]
    return parts


def _glossary(voice: Voice) -> list[Html]:
    entries = []
    for key in GLOSSARY:
        entries += [
            element("dt", voice.say(f"glossary.{key}.term")),
            element("dd", voice.say(f"glossary.{key}")),
        ]
    return [element("h3", voice.say("appendix.glossary")), element("dl", entries, cls="glossary")]


def _positions(
    themes: Sequence[GapTheme],
    names: Names,
    voice: Voice,
    source: str | None,
    positions: Locator | None,
) -> list[Html]:
    rows: list[list[Html | str]] = []
    for theme in themes:
        for group in theme.groups:
            for finding in group.findings[:POSITIONS_PER_RULE]:
                subjects = ", ".join(names.name(s) for s in finding.subjects)
                rows.append(
                    [
                        element("code", finding.code),
                        subjects or voice.say("gaps.model_wide"),
                        element("code", location(finding, source, positions)),
                    ]
                )
            hidden = len(group.findings) - POSITIONS_PER_RULE
            if hidden > 0:
                rows.append(
                    [
                        element("code", group.code),
                        voice.say("appendix.more_positions", count=hidden),
                        "",
                    ]
                )
    if not rows:
        return []
    return [
        element("h3", voice.say("appendix.positions")),
        element("p", voice.say("appendix.positions_intro"), cls="muted"),
        table(
            voice.texts("appendix.code", "gaps.element", "appendix.place"),
            rows,
            cls="positions",
        ),
    ]


def appendix_section(
    themes: Sequence[GapTheme],
    assessment: Assessment | None,
    context: ChapterContext,
    *,
    source: str | None = None,
    positions: Locator | None = None,
) -> Html:
    """The appendix chapter."""
    names, voice = context.names, context.voice
    parts: list[Html] = [
        element("h2", voice.say("appendix.title")),
        *_method(themes, assessment, voice),
        *_glossary(voice),
        *_positions(themes, names, voice, source, positions),
    ]
    return element("section", parts, cls="chapter", id="appendix")
