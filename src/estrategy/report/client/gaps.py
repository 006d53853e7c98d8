"""The coherence gaps, grouped by theme and by rule, in the words of a client.

Each rule's code prefix gives its theme (``STR`` strategy, ``ACT`` execution, ``MES``
measurement, ``ROL`` people and skills, ``TEC`` tools, ``CHN`` channels, ``ORG``
organisation; other prefixes, from plugins, go to "other rules"). Within a theme, one
:class:`GapGroup` per rule, most severe first; each shows what is wrong (the rule's
summary and each finding with its elements' names), why it matters and what to do (the
rule's own texts). Positions in the model file are left to the appendix.

Example:
    >>> from estrategy.analysis import check
    >>> from estrategy.io import load_demo
    >>> themes = gap_themes(check(load_demo()).findings)
    >>> [(t.id, [g.code for g in t.groups]) for t in themes][:2]
    [('execution', ['ACT003', 'ACT004']), ('measurement', ['MES005'])]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from estrategy.report.client.context import ChapterContext
from estrategy.report.client.markup import Html, concat, element, prose, said_chapter
from estrategy.report.client.names import Names
from estrategy.report.client.voice import Voice
from estrategy.rules import Finding, Rule, Severity, registry

__all__ = [
    "PREFIX_THEMES",
    "THEMES",
    "THEME_DIMENSIONS",
    "GapGroup",
    "GapTheme",
    "finding_item",
    "gap_themes",
    "gaps_section",
    "severity_badge",
    "subjects_text",
]

THEMES = (
    "strategy",
    "execution",
    "measurement",
    "people",
    "tools",
    "channels",
    "organisation",
    "other",
)
"""The themes of the gaps, in the order of the report (the order of the method)."""

PREFIX_THEMES: Mapping[str, str] = {
    "STR": "strategy",
    "ACT": "execution",
    "MES": "measurement",
    "ROL": "people",
    "TEC": "tools",
    "CHN": "channels",
    "ORG": "organisation",
}
"""Code prefix of the built-in rules → theme."""

THEME_DIMENSIONS: Mapping[str, str] = {
    "strategy": "strategy",
    "execution": "execution",
    "measurement": "measurement",
    "people": "people",
    "tools": "tools",
    "channels": "customer",
    "organisation": "organisation",
}
"""Theme → the id of the default maturity model's dimension that judges the same ground."""

_SHOWN = 12  # findings listed per rule before "and N more": a rule can fire thousands of times


@attrs.frozen
class GapGroup:
    """The findings of one rule.

    Attributes:
        code: the rule's code.
        rule: the rule, when the registry knows it.
        findings: its findings, in the report's order.
    """

    code: str
    rule: Rule | None
    findings: tuple[Finding, ...]

    @property
    def severity(self) -> Severity:
        """The most serious severity among the findings."""
        return max(f.severity for f in self.findings)

    @property
    def subjects(self) -> tuple[str, ...]:
        """Every subject of the findings, each once, in order."""
        return tuple(dict.fromkeys(s for f in self.findings for s in f.subjects))


@attrs.frozen
class GapTheme:
    """The gaps of one theme.

    Attributes:
        id: one of :data:`THEMES`.
        groups: one group per rule, most severe first, then by code.
    """

    id: str
    groups: tuple[GapGroup, ...]

    @property
    def count(self) -> int:
        """How many findings the theme holds."""
        return sum(len(g.findings) for g in self.groups)


def theme_of(code: str) -> str:
    """The theme of a rule code (``other`` for plugin prefixes)."""
    return PREFIX_THEMES.get(code[:3], "other")


def gap_themes(
    findings: Iterable[Finding], rules: Mapping[str, Rule] | None = None
) -> tuple[GapTheme, ...]:
    """The findings grouped by theme (in :data:`THEMES` order) and by rule.

    Themes without findings are left out.
    """
    known = registry() if rules is None else rules
    by_code: dict[str, list[Finding]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    themes: dict[str, list[GapGroup]] = {}
    for code, found in by_code.items():
        group = GapGroup(code, known.get(code), tuple(found))
        themes.setdefault(theme_of(code), []).append(group)
    return tuple(
        GapTheme(theme, tuple(sorted(themes[theme], key=lambda g: (-g.severity.rank, g.code))))
        for theme in THEMES
        if theme in themes
    )


def severity_badge(severity: Severity, voice: Voice) -> Html:
    """The severity as a client reads it: a labelled badge, distinct in black and white."""
    return element(
        "span",
        voice.say(f"severity.{severity}"),
        cls=f"badge sev-{severity}",
        title=voice.say(f"severity.{severity}.meaning"),
    )


def subjects_text(subjects: Sequence[str], names: Names, voice: Voice) -> Html:
    """The elements a finding is about: names first, ids small beside them."""
    if not subjects:
        return element("span", voice.say("gaps.model_wide"), cls="muted")
    parts = []
    for subject in subjects:
        if names.named(subject):
            parts.append(
                concat([element("strong", names.name(subject)), " ", element("code", subject)])
            )
        else:
            parts.append(element("strong", subject))
    return concat(_joined(parts, ", "))


def finding_item(finding: Finding, names: Names, voice: Voice) -> Html:
    """One finding in plain words: its message with names for ids, the ids small after.

    When the message names none of its elements, their names lead the line.
    """
    message = voice.finding_message(finding)
    named = [s for s in finding.subjects if names.named(s)]
    ids = element("code", ", ".join(finding.subjects)) if named else Html("")
    if finding.subjects and not any(s in message for s in finding.subjects):
        lead = concat([subjects_text(finding.subjects, names, voice), voice.colon()])
        return element("li", [lead, message])
    text = names.humanise(message, [*finding.subjects, *names.mentions(message)], voice.quote)
    return element("li", [voice.sentence(text), " ", ids])


def _joined(parts: Sequence[Html], separator: str) -> list[Html | str]:
    out: list[Html | str] = []
    for i, part in enumerate(parts):
        if i:
            out.append(separator)
        out.append(part)
    return out


def _group_card(group: GapGroup, names: Names, voice: Voice) -> Html:
    rule = group.rule
    title = voice.rule_text(rule, "summary", plain=True) if rule is not None else group.code
    rows = [finding_item(f, names, voice) for f in group.findings[:_SHOWN]]
    hidden = len(group.findings) - _SHOWN
    if hidden > 0:
        rows.append(element("li", voice.say("count.more", count=hidden), cls="muted"))
    parts: list[Html] = [
        element(
            "header",
            [
                severity_badge(group.severity, voice),
                " ",
                element("h4", title),
                " ",
                element("span", f"{group.code} · {rule.name if rule else ''}", cls="code"),
            ],
        ),
        element("h5", voice.say("gaps.concerned")),
        element("ul", rows, cls="concerned"),
    ]
    advice: list[Html] = []
    if rule is not None and rule.why:
        advice.append(
            element(
                "div",
                [
                    element("h5", voice.say("gaps.why")),
                    element("p", prose(voice.rule_text(rule, "why"))),
                ],
            )
        )
    if rule is not None and rule.fix:
        advice.append(
            element(
                "div",
                [
                    element("h5", voice.say("gaps.fix")),
                    element("p", prose(voice.rule_text(rule, "fix")), cls="fix"),
                ],
            )
        )
    if advice:
        parts.append(element("div", advice, cls="why-fix"))
    return element("article", parts, cls=f"gap sev-{group.severity}", id=f"gap-{group.code}")


def _legend(voice: Voice) -> Html:
    items = [
        element("li", [severity_badge(s, voice), " ", voice.say(f"severity.{s}.meaning")])
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    ]
    return element("ul", items, cls="legend", aria_label=voice.say("gaps.legend"))


def gaps_section(themes: Sequence[GapTheme], context: ChapterContext) -> Html:
    """The section of the coherence gaps, theme by theme."""
    names, voice = context.names, context.voice
    parts: list[Html] = [
        _legend(voice),
    ]
    if not themes:
        return said_chapter("gaps", voice, parts, empty=True)
    for theme in themes:
        parts.append(
            element(
                "section",
                [
                    element("h3", voice.say(f"theme.{theme.id}")),
                    element("p", voice.say(f"theme.{theme.id}.about"), cls="muted"),
                    *(_group_card(g, names, voice) for g in theme.groups),
                ],
                cls="theme",
                id=f"theme-{theme.id}",
            )
        )
    present = {t.id for t in themes}
    clean = [voice.say(f"theme.{t}") for t in THEMES[:-1] if t not in present]
    if clean:
        parts.append(element("p", voice.say("gaps.clean_themes", themes=voice.listing(clean))))
    return said_chapter("gaps", voice, parts)
