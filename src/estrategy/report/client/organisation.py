"""The organisation chapter: the hierarchical lines and what joins them, never people.

The picture has one node per hierarchical line, sized by headcount, and one link per pair
of lines joined by transversal groups or ties, as thick as they are many; a silo is a
node drawn dashed and left unlinked. Past :data:`MAX_NODES` lines, the smallest are drawn
as one node. Its size depends on the number of lines, never on the number of people, so
an organisation of a hundred thousand people gives the same small picture.

Example:
    >>> from estrategy.io import load_demo
    >>> from estrategy.org import analyze
    >>> picture = org_picture(analyze(load_demo().organization))
    >>> [(n.name, n.people, n.silo) for n in picture.nodes][:2]
    [('Ventes', 6, False), ('Brasserie', 6, False)]
"""

from __future__ import annotations

import math

import attrs

from estrategy.model.labels import label
from estrategy.org import OrgAnalysis
from estrategy.report.client.context import ChapterContext
from estrategy.report.client.key_people import key_people_part
from estrategy.report.client.line_matrix import line_matrix_part
from estrategy.report.client.markup import Html, element, said_chapter, table
from estrategy.report.client.names import Names
from estrategy.report.client.voice import Voice

__all__ = ["MAX_NODES", "LineNode", "OrgPicture", "org_picture", "org_section", "picture_chart"]

MAX_NODES = 12
"""The most nodes the picture draws; smaller lines beyond are merged into one."""

_HOLDERS_SHOWN = 20


@attrs.frozen
class LineNode:
    """One hierarchical line (or the merged smaller ones).

    Attributes:
        head: the head unit's id (``""`` for the merged node).
        name: the line's name.
        people: its headcount.
        silo: whether it is joined to no other line.
        internal: ties inside the line (``None``: withheld, the line being smaller
            than the minimum group size).
        external: ties to other lines (``None``: withheld).
        ei_index: the E-I index of its ties, when it has any and they are not withheld.
        merged: how many lines the node stands for (1 for a line of its own).
    """

    head: str
    name: str
    people: int
    silo: bool
    internal: int | None = 0
    external: int | None = 0
    ei_index: float | None = None
    merged: int = 1


@attrs.frozen
class OrgPicture:
    """The line-level picture of an organisation.

    Attributes:
        nodes: the lines drawn, largest first, the merged node last.
        links: ``(a, b, groups, ties)`` between node positions; ``ties`` is ``None``
            when withheld (a line smaller than the minimum group size).
    """

    nodes: tuple[LineNode, ...]
    links: tuple[tuple[int, int, int, int | None], ...]


def org_picture(org: OrgAnalysis, max_nodes: int = MAX_NODES) -> OrgPicture:
    """The lines of ``org`` as nodes and the groups and ties between them as links."""
    heads = org.lines.heads
    people = org.lines.people_per_line()
    ties = {t.line: t for t in org.collaboration.per_line}
    silos = set(org.silos.lines)
    lines = [
        LineNode(
            head=head,
            name=name,
            people=int(count),
            silo=head in silos,
            internal=ties[head].internal if head in ties else 0,
            external=ties[head].external if head in ties else 0,
            ei_index=ties[head].ei_index if head in ties else None,
        )
        for head, name, count in zip(heads, org.lines.names, people, strict=True)
    ]
    order = sorted(range(len(lines)), key=lambda i: (-lines[i].people, i))
    kept, rest = order[: max_nodes - 1], order[max_nodes - 1 :]
    if len(rest) == 1:
        kept, rest = order, []
    position = {lines[i].head: p for p, i in enumerate(kept)}
    nodes = [lines[i] for i in kept]
    if rest:
        merged = [lines[i] for i in rest]
        nodes.append(
            LineNode(
                head="",
                name="",
                people=sum(n.people for n in merged),
                silo=False,
                # a total over lines some of which are withheld would give them away
                internal=_total([n.internal for n in merged]),
                external=_total([n.external for n in merged]),
                merged=len(merged),
            )
        )
    other = len(nodes) - 1
    joined: dict[tuple[int, int], tuple[int, int | None]] = {}
    for link in org.transversality.links:
        a, b = position.get(link.a, other), position.get(link.b, other)
        if a == b:
            continue
        key = (min(a, b), max(a, b))
        groups, count = joined.get(key, (0, 0))
        joined[key] = (groups + link.groups, _total([count, link.ties]))
    return OrgPicture(
        tuple(nodes), tuple((a, b, g, t) for (a, b), (g, t) in sorted(joined.items()))
    )


def _total(counts: list[int | None]) -> int | None:
    """The sum of counts, or ``None`` when one of them is withheld."""
    return None if any(c is None for c in counts) else sum(c or 0 for c in counts)


def _count(value: int | None, voice: Voice) -> str:
    return voice.say("org.withheld") if value is None else voice.number(value)


def _node_name(node: LineNode, voice: Voice) -> str:
    return node.name if node.merged == 1 else voice.say("org.other_lines", count=node.merged)


def picture_chart(picture: OrgPicture, voice: Voice, *, alt: str) -> str:
    """The lines on a circle, sized by headcount, linked by groups and ties (needs matplotlib).

    Links run inside the circle and names sit outside it, so that even a fully joined
    organisation stays readable; a node's area is proportional to its headcount, the
    largest as wide as its neighbours leave room for.
    """
    from matplotlib.patches import Circle

    from estrategy.report.charts import PALETTE, chart_style, wrap_label
    from estrategy.report.svg import inline_svg

    count = len(picture.nodes)
    angles = [math.pi / 2 - 2 * math.pi * i / count for i in range(count)]
    places = [(math.cos(a), math.sin(a)) for a in angles]
    neighbours = 2 * math.sin(math.pi / count) if count > 1 else 2.0
    widest = min(0.3, 0.34 * neighbours)
    largest = max((n.people for n in picture.nodes), default=1) or 1
    strongest = max((g + (t or 0) for _, _, g, t in picture.links), default=1) or 1
    dense = len(picture.links) > 2 * count
    with chart_style() as plt:
        figure, axis = plt.subplots(figsize=(6.4, 5.0))
        for a, b, groups, ties in picture.links:
            (x0, y0), (x1, y1) = places[a], places[b]
            weight = math.log1p(groups + (ties or 0)) / math.log1p(strongest)
            axis.plot(
                [x0, x1],
                [y0, y1],
                color=PALETTE["blue"],
                linewidth=(0.6 + 2.0 * weight) if dense else (1 + 4 * weight),
                linestyle="-" if groups else "--",
                alpha=0.55,
                zorder=1,
                solid_capstyle="round",
            )
        if len(picture.links) <= 12:
            texts = [_link_label(g, t, voice) for _, _, g, t in picture.links]
            ends = [(places[a], places[b]) for a, b, _, _ in picture.links]
            for text, (x, y) in zip(texts, _label_spots(ends, texts), strict=True):
                if not text:
                    continue
                axis.text(
                    x,
                    y,
                    text,
                    ha="center",
                    va="center",
                    fontsize=7,
                    color=PALETTE["ink"],
                    bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none"},
                    zorder=2,
                )
        for node, (x, y) in zip(picture.nodes, places, strict=True):
            radius = max(0.05, widest * math.sqrt(node.people / largest))
            axis.add_patch(
                Circle(
                    (x, y),
                    radius,
                    facecolor="white" if node.silo else PALETTE["sky"],
                    edgecolor=PALETTE["vermillion"] if node.silo else PALETTE["ink"],
                    linewidth=2 if node.silo else 1,
                    linestyle="--" if node.silo else "-",
                    zorder=3,
                )
            )
            label = (
                wrap_label(_node_name(node, voice), 18)
                + "\n"
                + voice.say("count.people", count=node.people)
            )
            if node.silo:
                label += f"\n({voice.say('org.silo')})"
            gap = radius + 0.07
            axis.text(
                x + gap * x,
                y + gap * y,
                label,
                ha="left" if x > 0.3 else "right" if x < -0.3 else "center",
                va="bottom" if y > 0.3 else "top" if y < -0.3 else "center",
                fontsize=8,
                color=PALETTE["vermillion"] if node.silo else PALETTE["ink"],
                zorder=4,
            )
        axis.set_xlim(-2.1, 2.1)
        axis.set_ylim(-1.75, 1.75)
        axis.set_aspect("equal")
        axis.axis("off")
        figure.subplots_adjust(left=0, right=1, top=1, bottom=0)
        return inline_svg(figure, alt=alt, key="organisation")


# The size of a link label in the chart's units (a 6.4-inch figure spans 4.2 units), at
# font size 7: about 0.035 units a character, and 0.13 units high with its box.
_CHAR_WIDTH, _LABEL_HEIGHT = 0.035, 0.13
_ALONG = (0.5, 0.38, 0.62, 0.28, 0.72)  # where on its link a label may sit, best first


def _label_spots(
    ends: list[tuple[tuple[float, float], tuple[float, float]]], texts: list[str]
) -> list[tuple[float, float]]:
    """Where each link's label goes: its midpoint, or further along if that is taken.

    Links that cross near the circle's centre would stack their labels there; each label
    takes the first place along its link (middle first) where its box overlaps no label
    already placed, the middle when none is free.
    """
    placed: list[tuple[float, float, float]] = []  # centre x, centre y, half width
    spots = []
    for ((x0, y0), (x1, y1)), text in zip(ends, texts, strict=True):
        half = (len(text) * _CHAR_WIDTH + 0.06) / 2
        candidates = [(x0 + t * (x1 - x0), y0 + t * (y1 - y0)) for t in _ALONG]
        if not text:  # nothing written: it takes no room
            spots.append(candidates[0])
            continue
        spot = next(
            (
                (x, y)
                for x, y in candidates
                if all(
                    abs(x - px) >= half + ph or abs(y - py) >= _LABEL_HEIGHT
                    for px, py, ph in placed
                )
            ),
            candidates[0],
        )
        placed.append((*spot, half))
        spots.append(spot)
    return spots


def _link_label(groups: int, ties: int | None, voice: Voice) -> str:
    parts = []
    if groups:
        parts.append(voice.say("org.link_groups", count=groups))
    if ties:  # a withheld count (None) is not written: the note under the chart says so
        parts.append(voice.say("org.link_ties", count=ties))
    return " · ".join(parts)


def _linked_to(names: list[str], nodes: int, voice: Voice) -> str:
    if not names:
        return "–"
    if len(names) == nodes - 1 and nodes > 3:
        return voice.say("org.all_lines")
    return ", ".join(names)


def _lines_table(picture: OrgPicture, voice: Voice) -> Html:
    linked: dict[int, list[str]] = {}
    for a, b, _, _ in picture.links:
        linked.setdefault(a, []).append(_node_name(picture.nodes[b], voice))
        linked.setdefault(b, []).append(_node_name(picture.nodes[a], voice))
    rows = []
    for position, node in enumerate(picture.nodes):
        name: Html | str = _node_name(node, voice)
        if node.silo:
            name = element(
                "span", [name, " ", element("span", voice.say("org.silo"), cls="badge silo")]
            )
        rows.append(
            [
                name,
                voice.number(node.people),
                _count(node.internal, voice),
                _count(node.external, voice),
                "–" if node.ei_index is None else f"{node.ei_index:+.2f}",
                _linked_to(linked.get(position, []), len(picture.nodes), voice),
            ]
        )
    return table(
        voice.texts(
            "org.line",
            "org.headcount",
            "org.ties_inside",
            "org.ties_out",
            "org.ei",
            "org.linked_to",
        ),
        rows,
        cls="numbers lines",
    )


def _upward(org: OrgAnalysis, names: Names, voice: Voice) -> list[Html]:
    reach = org.upward_reach
    hops = reach.hops
    parts: list[Html] = [
        element("h3", voice.say("org.upward")),
        element("p", voice.say("org.upward_intro", hops=hops), cls="muted"),
    ]
    beyond = reach.beyond(hops)
    if not beyond:
        parts.append(element("p", voice.say("org.upward_ok", hops=hops)))
        return parts
    rows = [
        [
            names.name(h.person),
            ", ".join(label(r).render(voice.lang) for r in h.roles),
            voice.say("org.unreachable") if h.steps is None else str(h.steps),
        ]
        for h in beyond[:_HOLDERS_SHOWN]
    ]
    parts.append(table(voice.texts("org.person", "org.roles", "org.steps"), rows))
    if len(beyond) > _HOLDERS_SHOWN:
        parts.append(
            element("p", voice.say("count.more", count=len(beyond) - _HOLDERS_SHOWN), cls="muted")
        )
    return parts


def org_section(org: OrgAnalysis | None, context: ChapterContext) -> Html:
    """The organisation chapter."""
    names, voice, charts = context.names, context.voice, context.charts
    if org is None or org.people == 0:
        return said_chapter("org", voice, anchor="organisation", empty=True)
    parts: list[Html] = []
    share = org.transversality.share
    figures = (
        ("org.fig_people", voice.number(org.people)),
        ("org.fig_lines", voice.number(len(org.lines))),
        ("org.fig_groups", voice.number(org.groups)),
        ("org.fig_ties", voice.number(org.ties)),
        ("org.fig_joined", "–" if share is None else voice.percent(share)),
    )
    parts.append(
        element(
            "dl",
            [
                element("div", [element("dt", voice.say(key)), element("dd", value)])
                for key, value in figures
            ],
            cls="figures",
        )
    )
    picture = org_picture(org)
    if len(org.lines) < 2:
        parts.append(element("p", voice.say("org.single_line"), cls="muted"))
    elif charts:
        silos = [n.name for n in picture.nodes if n.silo]
        alt = voice.say("org.chart_alt", count=len(org.lines), silos=voice.listing(silos) or "–")
        parts.append(element("figure", Html(picture_chart(picture, voice, alt=alt))))
    if len(org.lines):
        parts.append(_lines_table(picture, voice))
        if org.min_group_size is not None and any(n.internal is None for n in picture.nodes):
            note = voice.say("org.withheld_note", size=org.min_group_size)
            parts.append(element("p", note, cls="muted"))
    parts += line_matrix_part(org, voice, charts=charts)
    parts += _upward(org, names, voice)
    parts += key_people_part(org, names, voice)
    isolated = org.isolates.people
    parts.append(
        element(
            "p",
            voice.say("org.isolates", count=len(isolated), share=voice.percent(org.isolates.share))
            if isolated
            else voice.say("org.isolates_none"),
        )
    )
    return said_chapter("org", voice, parts, anchor="organisation")
