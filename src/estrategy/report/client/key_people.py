"""Key people: whose departure alone would break something the plan relies on.

From :func:`estrategy.org.key_person_risk` (``OrgAnalysis.key_people``): the live actions
only they are responsible for, the external experts only they supervise, the pairs of
hierarchical lines only they join, and the field roles whose every path to a decision
maker goes through them. The report lists the first few by name, most at stake first.

Example:
    >>> from estrategy.io import load_demo
    >>> from estrategy.org import analyze
    >>> [k.person for k in key_people(analyze(load_demo()))][:2]
    ['p-cm', 'p-cmo']
"""

from __future__ import annotations

from collections.abc import Sequence

from estrategy.org import OrgAnalysis
from estrategy.org.risk import KeyPerson
from estrategy.report.client.markup import Html, element, table
from estrategy.report.client.names import Names
from estrategy.report.client.voice import Voice

__all__ = ["SHOWN", "key_people", "key_people_part"]

SHOWN = 10
"""The most key people the report names."""

_NAMED = 3  # elements named per cell


def key_people(org: OrgAnalysis, most: int = SHOWN) -> tuple[KeyPerson, ...]:
    """The key people whose departure would break at least one thing, most first."""
    return tuple(k for k in org.key_people.top if k.total > 0)[:most]


def _listed(shown: Sequence[str], count: int, voice: Voice) -> str:
    """The first items by name, then how many more; a dash for none."""
    if not count:
        return "–"
    items = list(shown[:_NAMED])
    if count > len(items):
        items.append(voice.say("count.more", count=count - len(items)))
    return voice.items(items)


def key_people_part(org: OrgAnalysis, names: Names, voice: Voice) -> list[Html]:
    """The key people of the organisation chapter: a heading, a sentence, a table."""
    found = key_people(org)
    parts: list[Html] = [
        element("h3", voice.say("org.key_people")),
        element("p", voice.say("org.key_people_intro"), cls="muted"),
    ]
    if not found:
        parts.append(element("p", voice.say("org.key_people_none")))
        return parts
    lines = dict(zip(org.lines.heads, org.lines.names, strict=True))
    rows = [
        [
            names.name(k.person),
            _listed([names.name(i) for i in k.actions], k.action_count, voice),
            _listed([names.name(i) for i in k.externals], k.external_count, voice),
            _listed(
                [f"{lines.get(a, a)} – {lines.get(b, b)}" for a, b in k.line_pairs],
                k.line_pair_count,
                voice,
            ),
            _listed([names.name(i) for i in k.field_roles], k.field_role_count, voice),
        ]
        for k in found
    ]
    parts.append(
        table(
            voice.texts(
                "org.person",
                "org.key_actions",
                "org.key_externals",
                "org.key_lines",
                "org.key_field_roles",
            ),
            rows,
            cls="key-people",
        )
    )
    return parts
