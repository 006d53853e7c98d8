"""The roadmap chapter: the actions on a timeline by deadline and status, overdue marked.

An action is overdue as ACT003 and the ``on-schedule`` criterion say
(:func:`estrategy.model.is_overdue`): its deadline is before the as-of date and it is
neither done nor dropped.

Example:
    >>> import datetime as dt
    >>> from estrategy.io import load_demo
    >>> items = roadmap(load_demo(), dt.date(2026, 11, 15))
    >>> [i.action for i in items if i.overdue]
    ['a-esn-rollout']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from estrategy.model import ActionStatus, StrategyModel, is_overdue
from estrategy.report.client.context import ChapterContext
from estrategy.report.client.markup import Html, concat, element, said_chapter, table
from estrategy.report.client.names import Names
from estrategy.report.client.voice import Voice

__all__ = ["RoadmapItem", "roadmap", "roadmap_chart", "roadmap_section"]

_DRAWN = 30  # actions on the chart; the table lists them all


@attrs.frozen
class RoadmapItem:
    """One action on the roadmap.

    Attributes:
        action: its id.
        description: what is done.
        tactic: the id of its tactic.
        responsible: the id of the person responsible.
        deadline: when it is due.
        status: planned, in progress, done or dropped.
        overdue: past its deadline and neither done nor dropped.
    """

    action: str
    description: str
    tactic: str
    responsible: str | None
    deadline: dt.date | None
    status: ActionStatus
    overdue: bool


def roadmap(model: StrategyModel, as_of: dt.date) -> tuple[RoadmapItem, ...]:
    """The actions by deadline (those without one last), then by id."""
    items = (
        RoadmapItem(
            action=a.id,
            description=a.description or a.id,
            tactic=a.tactic,
            responsible=a.responsible,
            deadline=a.deadline,
            status=a.status,
            overdue=is_overdue(a, as_of),
        )
        for a in model.actions
    )
    return tuple(
        sorted(items, key=lambda i: (i.deadline is None, i.deadline or dt.date.min, i.action))
    )


def _drawn(items: Sequence[RoadmapItem], as_of: dt.date) -> list[RoadmapItem]:
    """The overdue actions, then those nearest the as-of date, back in deadline order."""
    dated = [i for i in items if i.deadline is not None]
    if len(dated) <= _DRAWN:
        return dated
    chosen = sorted(
        dated, key=lambda i: (not i.overdue, abs(((i.deadline or as_of) - as_of).days))
    )[:_DRAWN]
    return [i for i in dated if i in chosen]


def roadmap_chart(
    items: Sequence[RoadmapItem], as_of: dt.date, names: Names, voice: Voice, *, alt: str
) -> str:
    """The actions as points on a timeline, one row each (needs matplotlib)."""
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    from estrategy.report.charts import PALETTE, chart_style, dates, late_label, wrap_label

    mdates = dates()
    from estrategy.report.svg import inline_svg

    markers = {
        ActionStatus.PLANNED: ("o", "white", PALETTE["blue"]),
        ActionStatus.IN_PROGRESS: ("D", PALETTE["orange"], PALETTE["ink"]),
        ActionStatus.DONE: ("o", PALETTE["green"], PALETTE["ink"]),
        ActionStatus.DROPPED: ("x", PALETTE["grey"], PALETTE["grey"]),
    }
    with chart_style() as plt:
        date2num, num2date = mdates.date2num, mdates.num2date
        figure, axis = plt.subplots(figsize=(7.0, 1.1 + 0.42 * len(items)))
        deadlines = [i.deadline for i in items if i.deadline is not None]
        left = date2num(min([*deadlines, as_of])) - 20
        for row, item in enumerate(items):
            assert item.deadline is not None
            x = date2num(item.deadline)
            axis.plot([left, x], [row, row], color="#E5E7EB", linewidth=0.8, zorder=1)
            marker, face, edge = markers[item.status]
            if item.overdue:
                marker, face, edge = "X", PALETTE["vermillion"], PALETTE["vermillion"]
            axis.scatter([x], [row], marker=marker, s=55, color=face, edgecolors=edge, zorder=3)
            if item.overdue:
                late_label(axis, voice.say("roadmap.overdue"), (x, row), (7, -3), size=8)
        labels = [
            wrap_label(i.description, 38)
            + (f"\n{wrap_label(names.name(i.responsible), 38)}" if i.responsible else "")
            for i in items
        ]
        axis.set_yticks(range(len(items)), labels, fontsize=8)
        axis.invert_yaxis()
        axis.axvline(date2num(as_of), color=PALETTE["ink"], linestyle=":", linewidth=1)
        axis.annotate(
            f"{voice.say('roadmap.as_of')} {voice.short_date(as_of)}",
            (date2num(as_of), 0),
            xycoords=("data", "axes fraction"),
            xytext=(3, 3),
            textcoords="offset points",
            fontsize=7.5,
        )
        axis.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=2, maxticks=5))
        axis.xaxis.set_major_formatter(FuncFormatter(lambda x, _: voice.month(num2date(x).date())))
        axis.set_xlim(left, date2num(max([*deadlines, as_of])) + 45)
        axis.spines["left"].set_visible(False)
        axis.tick_params(axis="y", length=0)
        legend = [
            Line2D(
                [],
                [],
                linestyle="",
                marker=m,
                markerfacecolor=f,
                markeredgecolor=e,
                label=voice.say(f"status.{status}"),
            )
            for status, (m, f, e) in markers.items()
            if any(i.status == status and not i.overdue for i in items)
        ]
        if any(i.overdue for i in items):
            legend.append(
                Line2D(
                    [],
                    [],
                    linestyle="",
                    marker="X",
                    color=PALETTE["vermillion"],
                    label=voice.say("roadmap.overdue"),
                )
            )
        axis.legend(handles=legend, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=5)
        figure.tight_layout()
        return inline_svg(figure, alt=alt, key="roadmap")


def _status(item: RoadmapItem, voice: Voice) -> Html:
    label = element("span", voice.say(f"status.{item.status}"), cls=f"status-{item.status}")
    if not item.overdue:
        return label
    return concat([label, " ", element("span", voice.say("roadmap.overdue"), cls="badge overdue")])


def roadmap_section(items: Sequence[RoadmapItem], context: ChapterContext) -> Html:
    """The roadmap chapter."""
    names, voice, as_of = context.names, context.voice, context.as_of
    if not items:
        return said_chapter("roadmap", voice, empty=True)
    parts: list[Html] = []
    drawn = _drawn(items, as_of)
    if context.charts and drawn:
        first, last = drawn[0].deadline or as_of, drawn[-1].deadline or as_of
        alt = voice.say(
            "roadmap.chart_alt",
            count=len(drawn),
            first=voice.date(first),
            last=voice.date(last),
            overdue=sum(i.overdue for i in drawn),
        )
        figure = [Html(roadmap_chart(drawn, as_of, names, voice, alt=alt))]
        dated = sum(i.deadline is not None for i in items)
        if len(drawn) < dated:
            figure.append(
                element("figcaption", voice.say("roadmap.more", shown=len(drawn), count=dated))
            )
        parts.append(element("figure", figure))
    parts.append(
        table(
            voice.texts(
                "roadmap.deadline",
                "roadmap.action",
                "roadmap.tactic",
                "roadmap.responsible",
                "roadmap.status",
            ),
            (
                [
                    voice.short_date(i.deadline)
                    if i.deadline
                    else voice.say("roadmap.no_deadline"),
                    i.description,
                    names.name(i.tactic),
                    names.name(i.responsible) if i.responsible else voice.say("roadmap.nobody"),
                    _status(i, voice),
                ]
                for i in items
            ),
            cls="roadmap",
        )
    )
    return said_chapter("roadmap", voice, parts)
