"""The charts of estrategy, drawn with matplotlib (``[plot]`` extra), and their one style.

matplotlib is imported only here and in the chart functions of the client report, and
only when a chart is asked for. Every chart shares one style (:func:`chart_style`) and one
palette (:data:`PALETTE`, the Okabe–Ito colours, safe for colour-blind readers); each
series also differs by line style, marker or hatch, so that a chart printed in black and
white still reads.

:func:`figure` and :func:`save_plot` draw the maturity radar and quadrant of an
assessment or a comparison; :func:`radar` and :func:`quadrant` draw them on axes of your
own.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import attrs

from estrategy.base.escape import terminal_text
from estrategy.maturity import QUADRANT_NAMES, Assessment, Comparison

__all__ = [
    "PALETTE",
    "SERIES",
    "STYLE",
    "SeriesStyle",
    "chart_style",
    "chart_text",
    "dates",
    "figure",
    "late_label",
    "pyplot",
    "quadrant",
    "radar",
    "save_plot",
    "wrap_label",
]

PALETTE = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "green": "#009E73",
    "vermillion": "#D55E00",
    "sky": "#56B4E9",
    "purple": "#CC79A7",
    "grey": "#6B7280",
    "ink": "#1F2937",
}
"""The Okabe–Ito colours by name, plus a grey and an ink for text and neutral lines."""

STYLE: dict[str, Any] = {
    "font.family": ["DejaVu Sans"],
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "axes.edgecolor": "#4B5563",
    "axes.labelcolor": PALETTE["ink"],
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": "#4B5563",
    "ytick.color": "#4B5563",
    "legend.frameon": False,
    "legend.fontsize": 8,
    "hatch.linewidth": 0.8,
    # Text stays text in SVG: smaller files, and a reader can search and select it.
    "svg.fonttype": "none",
    # Ids derived from a fixed salt: the same figure gives the same file.
    "svg.hashsalt": "estrategy",
}
"""matplotlib settings every chart of estrategy is drawn with."""


@attrs.frozen
class SeriesStyle:
    """How one series is drawn: a colour, and what tells it apart without colour.

    Attributes:
        color: a colour of :data:`PALETTE`.
        linestyle: matplotlib's line style.
        marker: matplotlib's marker.
        hatch: matplotlib's hatch for filled shapes.
    """

    color: str
    linestyle: str
    marker: str
    hatch: str

    def line(self) -> dict[str, Any]:
        """Keyword arguments for ``Axes.plot``."""
        return {"color": self.color, "linestyle": self.linestyle, "marker": self.marker}


SERIES = (
    SeriesStyle(PALETTE["blue"], "-", "o", ""),
    SeriesStyle(PALETTE["orange"], "--", "s", "//"),
    SeriesStyle(PALETTE["green"], ":", "^", ".."),
    SeriesStyle(PALETTE["purple"], "-.", "D", "xx"),
)
"""The styles of successive series, distinct in colour and in black and white."""


def pyplot() -> Any:
    """``matplotlib.pyplot``, drawing to files only.

    Raises:
        ImportError: when matplotlib is not installed, naming the ``[plot]`` extra.
    """
    try:
        import matplotlib

        matplotlib.use("Agg")  # files only: never open a window
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError(
            "charts need matplotlib: pip install 'estrategy[plot]' (or matplotlib)"
        ) from None
    return plt


def dates() -> Any:
    """``matplotlib.dates`` (typed loosely: its functions carry no annotations)."""
    pyplot()
    import matplotlib.dates

    return matplotlib.dates


@contextmanager
def chart_style() -> Iterator[Any]:
    """Draw (and save) inside this block to use :data:`STYLE`; yields ``pyplot``."""
    plt = pyplot()
    with plt.rc_context(STYLE):
        yield plt


def radar(
    axis: Any,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    title: str | None = None,
) -> None:
    """A radar of scores 0–100 on polar ``axis``: one axis per label, one shape per series.

    A ``None`` score is drawn at 0.
    """
    count = len(labels)
    # The first axis points up and the others follow clockwise, as a reader expects.
    axis.set_theta_offset(math.pi / 2)
    axis.set_theta_direction(-1)
    angles = [2 * math.pi * i / count for i in range(count)]
    closed = [*angles, angles[0]]
    for (name, values), style in zip(series, itertools.cycle(SERIES), strict=False):
        points = [v or 0.0 for v in values]
        points.append(points[0])
        axis.plot(
            closed, points, linewidth=1.6, label=chart_text(name), markersize=4, **style.line()
        )
        axis.fill(closed, points, color=style.color, alpha=0.12)
    axis.set_xticks(angles)
    axis.set_xticklabels([wrap_label(label, 16) for label in labels], fontsize=7.5)
    # Labels beside the circle lean away from it, so that long names never cross it.
    for angle, text in zip(angles, axis.get_xticklabels(), strict=True):
        side = math.sin(angle)  # clockwise from the top: right half positive
        text.set_horizontalalignment("left" if side > 0.3 else "right" if side < -0.3 else "center")
    axis.set_ylim(0, 100)
    axis.set_yticks([20, 40, 60, 80, 100])
    axis.set_yticklabels(["", "40", "", "80", ""], fontsize=7, color="#6B7280")
    axis.tick_params(axis="x", pad=9)
    if title:
        axis.set_title(title, pad=18)
    if len(series) > 1:
        axis.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=len(series))


def quadrant(
    axis: Any,
    points: Sequence[tuple[str, float, float]],
    thresholds: tuple[float, float],
    *,
    names: Sequence[str] = QUADRANT_NAMES,
    axis_labels: tuple[str, str] = ("digital intensity", "transformation-management intensity"),
    title: str | None = None,
) -> None:
    """The quadrant on ``axis``: the threshold lines, the four names and the points.

    Args:
        axis: matplotlib axes.
        points: ``(label, digital, management)`` in order; successive points are joined
            by arrows (a move between two reviews). A single point is labelled; several
            are told apart by the series styles (:data:`SERIES`), as on the radar's legend.
        thresholds: where high digital and high management intensity start.
        names: the names of the beginner, fashionista, conservative and digirati quadrants.
        axis_labels: the horizontal and vertical axis labels.
        title: a title above the axes.
    """
    dx, my = thresholds
    axis.axvline(dx, color=PALETTE["grey"], linewidth=0.8, linestyle="--", gid="threshold-x")
    axis.axhline(my, color=PALETTE["grey"], linewidth=0.8, linestyle="--", gid="threshold-y")
    beginner, fashionista, conservative, digirati = names
    for (x, y), name in (
        ((dx / 2, my / 2), beginner),
        (((100 + dx) / 2, my / 2), fashionista),
        ((dx / 2, (100 + my) / 2), conservative),
        (((100 + dx) / 2, (100 + my) / 2), digirati),
    ):
        axis.text(x, y, chart_text(name), ha="center", va="center", color="#9CA3AF", fontsize=9)
    for (label, x, y), style in zip(points, itertools.cycle(SERIES)):
        axis.scatter(
            [x],
            [y],
            s=60,
            zorder=3,
            color=style.color,
            marker=style.marker,
            edgecolor="white",
            clip_on=False,  # a score of 100 sits on the frame, drawn whole
        )
        if len(points) == 1:
            # the label stays inside the axes: left of a point on the right half, and
            # below a point near the top
            right, top = x > 60, y > 90
            axis.annotate(
                chart_text(label),
                (x, y),
                textcoords="offset points",
                xytext=(-7 if right else 7, -7 if top else 5),
                ha="right" if right else "left",
                va="top" if top else "baseline",
                fontsize=8,
            )
    for (_, x0, y0), (_, x1, y1) in itertools.pairwise(points):
        axis.annotate(
            "", (x1, y1), (x0, y0), arrowprops={"arrowstyle": "->", "color": PALETTE["ink"]}
        )
    axis.set_xlim(0, 100)
    axis.set_ylim(0, 100)
    axis.set_xlabel(chart_text(axis_labels[0]))
    axis.set_ylabel(chart_text(axis_labels[1]))
    axis.set_aspect("equal")
    if title:
        axis.set_title(title)


def chart_text(text: str) -> str:
    r"""Input text made safe for a chart label: one line, every character as written.

    matplotlib would break a label at a line feed, draw invisible characters (a
    bidirectional override) as they act, and read ``$…$`` as mathematics (an unmatched
    ``$`` even stops the drawing): invisible characters are shown as escapes, as in a
    terminal, and dollars are escaped.

    Example:
        >>> chart_text("Budget $5 \u202e\nnext")
        'Budget \\$5 \\u202e\\nnext'
    """
    return terminal_text(text).replace("$", r"\$")


def late_label(
    axis: Any, text: str, point: tuple[Any, float], offset: tuple[float, float], size: float = 9
) -> None:
    """Write ``text`` (an off-track or overdue flag) in vermillion beside ``point`` (x, y).

    ``x`` is in the axis's data units: a number, or a date on a date axis.

    The label sits on a white box, so that it stays readable where it crosses the as-of
    line or a gridline.
    """
    axis.annotate(
        text,
        point,
        textcoords="offset points",
        xytext=offset,
        color=PALETTE["vermillion"],
        fontweight="bold",
        fontsize=size,
        zorder=5,
        bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"},
    )


def wrap_label(label: str, width: int) -> str:
    r"""Input text as a chart label (:func:`chart_text`), broken into lines at spaces.

    Example:
        >>> wrap_label("Organisation and transversality", 16)
        'Organisation and\ntransversality'
    """
    lines: list[str] = []
    for word in chart_text(label).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


def figure(result: Assessment | Comparison, thresholds: tuple[float, float] = (50, 50)) -> Any:
    """A matplotlib figure with the radar of the dimensions and the quadrant chart.

    Args:
        result: an assessment, or a comparison (both drawn, with the move as an arrow).
        thresholds: the quadrant's digital and management thresholds.

    Raises:
        ImportError: when matplotlib is not installed.

    Example:
        >>> import estrategy
        >>> fig = figure(estrategy.assess(estrategy.load_demo()))  # needs matplotlib
        >>> type(fig).__name__
        'Figure'
    """
    plt = pyplot()
    if isinstance(result, Comparison):
        items = [
            (f"before ({result.before.as_of.isoformat()})", result.before),
            (f"after ({result.after.as_of.isoformat()})", result.after),
        ]
    else:
        items = [(result.model or "model", result)]
    fig = plt.figure(figsize=(11, 5))
    radar(
        fig.add_subplot(1, 2, 1, projection="polar"),
        [d.name for d in items[-1][1].dimensions],
        [(label, [d.score for d in a.dimensions]) for label, a in items],
        title="Maturity by dimension",
    )
    quadrant(
        fig.add_subplot(1, 2, 2),
        [
            (label, a.quadrant.digital_intensity, a.quadrant.management_intensity)
            for label, a in items
        ],
        thresholds,
        title="Quadrant",
    )
    fig.tight_layout()
    return fig


def save_plot(
    result: Assessment | Comparison,
    path: str | Path,
    thresholds: tuple[float, float] = (50, 50),
    *,
    through_symlink: bool = False,
) -> Path:
    """Write the charts to an SVG or PNG file (chosen by the suffix), atomically.

    Args:
        result: an assessment, or a comparison (both models charted).
        path: the file to write; a device, a FIFO or (unless ``through_symlink``) a
            symbolic link is refused (:func:`estrategy.io.atomic.atomic_path`).
        thresholds: where the quadrant's lines are (digital, management).
        through_symlink: replace the file a symbolic link points to.

    Raises:
        ValueError: when the suffix is neither ``.svg`` nor ``.png``.
        ImportError: when matplotlib is not installed.
        WriteError: when the file is refused or cannot be written.
    """
    from estrategy.io.atomic import atomic_path

    target = Path(path)
    if target.suffix.lower() not in (".svg", ".png"):
        raise ValueError(f"{target}: the chart file must end in .svg or .png")
    with atomic_path(target, through_symlink=through_symlink) as temporary, chart_style() as plt:
        fig = figure(result, thresholds)  # drawn once the destination is known to be fine
        try:
            fig.savefig(temporary, format=target.suffix.lower().lstrip("."))
        finally:
            plt.close(fig)
    return target
