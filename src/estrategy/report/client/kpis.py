"""The indicators chapter: each KPI's measurements against its planned line.

The planned line is MES005's: from the KPI's first measurement to its target at its
objective's deadline (:func:`estrategy.model.definitions.planned_value`). A KPI is marked
off track when MES005 found it so, so that the chart and the gaps never disagree (and
the rule's tolerance setting applies to both).

Example:
    >>> from estrategy.analysis import check
    >>> from estrategy.io import load_demo
    >>> model = load_demo()
    >>> found = kpi_trajectories(model, check(model).findings)
    >>> [(t.kpi, t.off_track) for t in found if t.off_track]
    [('k-esn-adoption', True)]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import attrs

from estrategy.model import Measurement, StrategyModel
from estrategy.model.definitions import planned_value
from estrategy.report.client.context import ChapterContext
from estrategy.report.client.markup import Html, element, said_chapter, table
from estrategy.report.client.voice import Voice
from estrategy.rules import Finding

__all__ = ["Trajectory", "kpi_trajectories", "kpis_section", "trajectory_chart"]


@attrs.frozen
class Trajectory:
    """One KPI's measurements and planned line.

    Attributes:
        kpi: the KPI's id.
        name: its name.
        unit: the unit of its values.
        objective: the id of the objective it measures.
        measurements: its measurements by date.
        target: the value aimed at.
        deadline: the objective's deadline.
        off_track: whether MES005 found it behind its planned line.
    """

    kpi: str
    name: str
    unit: str | None
    objective: str | None
    measurements: tuple[Measurement, ...]
    target: float | None
    deadline: dt.date | None
    off_track: bool

    @property
    def missing(self) -> tuple[str, ...]:
        """What the chart needs and the KPI lacks: measurement, target, deadline."""
        gaps = (
            ("no_measurement", not self.measurements),
            ("no_target", self.target is None),
            ("no_deadline", self.deadline is None),
        )
        return tuple(key for key, lacking in gaps if lacking)

    def goal(self) -> tuple[float, dt.date]:
        """The target and the deadline the planned line runs to.

        Raises:
            ValueError: when the KPI lacks either (see :attr:`missing`).
        """
        if self.target is None or self.deadline is None:
            raise ValueError(f"KPI {self.kpi} has no planned line: {', '.join(self.missing)}")
        return self.target, self.deadline

    def planned(self, day: dt.date) -> float:
        """The planned line's value on ``day`` (needs measurements, a target, a deadline)."""
        first = self.measurements[0]
        target, deadline = self.goal()
        return planned_value(first.date, first.value, deadline, target, day)


def kpi_trajectories(model: StrategyModel, findings: Iterable[Finding]) -> tuple[Trajectory, ...]:
    """Every KPI of ``model`` with its planned line, in the model's order."""
    off_track = {f.subjects[0] for f in findings if f.code == "MES005" and f.subjects}
    deadlines = {o.id: o.deadline for o in model.objectives}
    return tuple(
        Trajectory(
            kpi=k.id,
            name=k.name or k.id,
            unit=k.unit,
            objective=k.objective,
            measurements=tuple(sorted(k.measurements, key=lambda m: (m.date, m.value))),
            target=k.target,
            deadline=deadlines.get(k.objective) if k.objective else None,
            off_track=k.id in off_track,
        )
        for k in model.kpis
    )


def _value(value: float, unit: str | None, voice: Voice) -> str:
    return f"{voice.number(value)} {unit}" if unit else voice.number(value)


def trajectory_chart(
    trajectory: Trajectory, as_of: dt.date, voice: Voice, *, alt: str, key: str
) -> str:
    """The KPI's measurements against its planned line, as inline SVG (needs matplotlib)."""
    from matplotlib.ticker import FuncFormatter

    from estrategy.report.charts import (
        PALETTE,
        SERIES,
        chart_style,
        chart_text,
        dates,
        late_label,
    )
    from estrategy.report.svg import inline_svg

    target, deadline = trajectory.goal()
    first, latest = trajectory.measurements[0], trajectory.measurements[-1]
    with chart_style() as plt:
        figure, axis = plt.subplots(figsize=(5.0, 2.4))
        axis.plot(
            [first.date, deadline],
            [first.value, target],
            color=PALETTE["grey"],
            linestyle="--",
            linewidth=1.2,
            label=voice.say("kpis.planned"),
        )
        axis.plot(
            [m.date for m in trajectory.measurements],
            [m.value for m in trajectory.measurements],
            linewidth=1.8,
            markersize=5,
            label=voice.say("kpis.measured"),
            **SERIES[0].line(),
        )
        axis.scatter(
            [deadline],
            [target],
            marker="*",
            s=110,
            color=PALETTE["ink"],
            zorder=3,
            label=voice.say("kpis.target_point"),
        )
        if trajectory.off_track:
            axis.scatter(
                [latest.date],
                [latest.value],
                marker="X",
                s=90,
                color=PALETTE["vermillion"],
                zorder=4,
            )
            late_label(axis, voice.say("kpis.off_track"), (latest.date, latest.value), (8, -12))
        if first.date <= as_of <= deadline:
            axis.axvline(as_of, color=PALETTE["grey"], linewidth=0.8, linestyle=":")
        locator = dates().AutoDateLocator(maxticks=6)
        axis.xaxis.set_major_locator(locator)
        axis.xaxis.set_major_formatter(FuncFormatter(lambda x, _: voice.month(_day(x))))
        if trajectory.unit:
            axis.set_ylabel(chart_text(trajectory.unit))
        axis.legend(loc="best", ncols=3)
        figure.tight_layout()
        return inline_svg(figure, alt=alt, key=key)


def _day(number: float) -> dt.date:
    from estrategy.report.charts import dates

    day: dt.date = dates().num2date(number).date()
    return day


def _caption(trajectory: Trajectory, voice: Voice) -> Html:
    target, deadline = trajectory.goal()
    latest = trajectory.measurements[-1]
    status = "off_track" if trajectory.off_track else "on_track"
    return element(
        "figcaption",
        [
            element("strong", trajectory.name),
            " ",
            element("span", voice.say(f"kpis.{status}"), cls=f"badge kpi-{status}"),
            " ",
            voice.say(
                "kpis.latest",
                value=_value(latest.value, trajectory.unit, voice),
                date=voice.date(latest.date),
                planned=_value(trajectory.planned(latest.date), trajectory.unit, voice),
            ),
            " ",
            voice.say(
                "kpis.target",
                target=_value(target, trajectory.unit, voice),
                deadline=voice.date(deadline),
            ),
        ],
    )


def kpis_section(trajectories: Sequence[Trajectory], context: ChapterContext) -> Html:
    """The indicators chapter."""
    names, voice = context.names, context.voice
    if not trajectories:
        return said_chapter("kpis", voice, empty=True)
    parts: list[Html] = []
    drawable = [t for t in trajectories if not t.missing]
    figures = []
    for index, trajectory in enumerate(drawable):
        content: list[Html] = []
        if context.charts:
            target, deadline = trajectory.goal()
            alt = voice.say(
                "kpis.chart_alt",
                kpi=trajectory.name,
                first=voice.date(trajectory.measurements[0].date),
                latest=voice.date(trajectory.measurements[-1].date),
                target=_value(target, trajectory.unit, voice),
                deadline=voice.date(deadline),
            )
            content.append(
                Html(trajectory_chart(trajectory, context.as_of, voice, alt=alt, key=f"kpi{index}"))
            )
        content.append(_caption(trajectory, voice))
        status = " off-track" if trajectory.off_track else ""
        figures.append(element("figure", content, cls=f"kpi{status}", id=f"kpi-{trajectory.kpi}"))
    if figures:
        parts.append(element("div", figures, cls="kpi-grid"))
    undrawable = [t for t in trajectories if t.missing]
    if undrawable:
        parts += [
            element("h3", voice.say("kpis.not_charted")),
            table(
                voice.texts("kpis.indicator", "kpis.objective", "kpis.why_not"),
                (
                    [
                        t.name,
                        names.name(t.objective) if t.objective else "–",
                        voice.listing([voice.say(f"kpis.{m}") for m in t.missing]),
                    ]
                    for t in undrawable
                ),
            ),
        ]
    return said_chapter("kpis", voice, parts)
