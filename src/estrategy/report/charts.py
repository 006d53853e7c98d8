"""The maturity charts: a radar of the dimensions and the quadrant (``[plot]`` extra).

matplotlib is imported only here, and only when a chart is asked for.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path
from typing import Any

from estrategy.maturity import QUADRANT_NAMES, Assessment, Comparison

__all__ = ["figure", "save_plot"]


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")  # files only: never open a window
        import matplotlib.pyplot as plt
    except ImportError:
        raise ImportError(
            "charts need matplotlib: pip install 'estrategy[plot]' (or matplotlib)"
        ) from None
    return plt


def _radar(axis: Any, assessments: list[tuple[str, Assessment]]) -> None:
    names = [d.name for d in assessments[-1][1].dimensions]
    count = len(names)
    angles = [2 * math.pi * i / count for i in range(count)] + [0.0]
    for label, assessment in assessments:
        values = [d.score or 0.0 for d in assessment.dimensions]
        values.append(values[0])
        axis.plot(angles, values, linewidth=1.5, label=label)
        axis.fill(angles, values, alpha=0.15)
    axis.set_xticks(angles[:-1])
    axis.set_xticklabels(names, fontsize=8)
    axis.set_ylim(0, 100)
    axis.set_yticks([20, 40, 60, 80, 100])
    axis.set_title("Maturity by dimension", pad=18)
    if len(assessments) > 1:
        axis.legend(loc="lower right", fontsize=7, bbox_to_anchor=(1.25, -0.1))


def _quadrant(
    axis: Any, assessments: list[tuple[str, Assessment]], thresholds: tuple[float, float]
) -> None:
    dx, my = thresholds
    axis.axvline(dx, color="grey", linewidth=0.8)
    axis.axhline(my, color="grey", linewidth=0.8)
    beginner, fashionista, conservative, digirati = QUADRANT_NAMES
    for (x, y), name in (
        ((dx / 2, my / 2), beginner),
        (((100 + dx) / 2, my / 2), f"{fashionista}\n(Ab-sens)"),
        ((dx / 2, (100 + my) / 2), conservative),
        (((100 + dx) / 2, (100 + my) / 2), f"{digirati}\n(E-sens)"),
    ):
        axis.text(x, y, name, ha="center", va="center", color="grey", fontsize=9)
    points = [
        (a.quadrant.digital_intensity, a.quadrant.management_intensity) for _, a in assessments
    ]
    for (label, _), (x, y) in zip(assessments, points, strict=True):
        axis.scatter([x], [y], s=40, zorder=3)
        axis.annotate(label, (x, y), textcoords="offset points", xytext=(5, 5), fontsize=8)
    if len(points) > 1:
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            axis.annotate("", (x1, y1), (x0, y0), arrowprops={"arrowstyle": "->"})
    axis.set_xlim(0, 100)
    axis.set_ylim(0, 100)
    axis.set_xlabel("digital intensity")
    axis.set_ylabel("transformation-management intensity")
    axis.set_title("Quadrant")


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
    plt = _pyplot()
    if isinstance(result, Comparison):
        items = [
            (f"before ({result.before.as_of.isoformat()})", result.before),
            (f"after ({result.after.as_of.isoformat()})", result.after),
        ]
    else:
        items = [(result.model or "model", result)]
    fig = plt.figure(figsize=(11, 5))
    _radar(fig.add_subplot(1, 2, 1, projection="polar"), items)
    _quadrant(fig.add_subplot(1, 2, 2), items, thresholds)
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
    with atomic_path(target, through_symlink=through_symlink) as temporary:
        fig = figure(result, thresholds)  # drawn once the destination is known to be fine
        try:
            fig.savefig(temporary, format=target.suffix.lower().lstrip("."))
        finally:
            _pyplot().close(fig)
    return target
