"""Inline SVG charts for the HTML report: no plotting library, no script, no network.

Example:
    >>> svg = radar_svg([("strategy", 80.0), ("execution", 40.0), ("tools", 60.0)])
    >>> svg.startswith("<svg") and "strategy" in svg
    True
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from estrategy.base.escape import html_text

__all__ = ["quadrant_svg", "radar_svg"]

_FONT = "font-family='system-ui, sans-serif' font-size='11'"
_LABEL_ROOM = 180


def radar_svg(axes: Sequence[tuple[str, float | None]], *, size: int = 360) -> str:
    """A radar (spider) chart of scores 0–100, one axis per label.

    Args:
        axes: ``(label, score)`` pairs; a ``None`` score is drawn at 0 and its label
            marked "n/a".
        size: width and height in pixels.

    Returns:
        An ``<svg>`` element as text.
    """
    if len(axes) < 3:
        raise ValueError("a radar chart needs at least three axes")
    # Labels sit outside the circle, left and right: leave them room on both sides.
    width = size + 2 * _LABEL_ROOM
    centre_x, centre_y = width / 2, size / 2
    radius = size / 2 - 50
    count = len(axes)

    def point(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        r = radius * max(0.0, min(100.0, value)) / 100
        return centre_x + r * math.cos(angle), centre_y + r * math.sin(angle)

    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width:.0f}' height='{size}' "
        f"viewBox='0 0 {width:.0f} {size}' role='img' aria-label='maturity radar chart'>"
    ]
    for ring in (20, 40, 60, 80, 100):
        ring_points = " ".join(
            f"{x:.1f},{y:.1f}" for x, y in (point(i, ring) for i in range(count))
        )
        parts.append(f"<polygon points='{ring_points}' fill='none' stroke='#ddd'/>")
    for index, (label, score) in enumerate(axes):
        x, y = point(index, 100)
        parts.append(
            f"<line x1='{centre_x:.1f}' y1='{centre_y:.1f}' x2='{x:.1f}' y2='{y:.1f}' "
            "stroke='#ccc'/>"
        )
        lx, ly = point(index, 118)
        anchor = "middle" if abs(lx - centre_x) < 10 else ("start" if lx > centre_x else "end")
        shown = "n/a" if score is None else f"{score:.0f}"
        parts.append(
            f"<text x='{lx:.1f}' y='{ly:.1f}' text-anchor='{anchor}' {_FONT}>"
            f"{html_text(label)} ({shown})</text>"
        )
    shape = " ".join(
        f"{x:.1f},{y:.1f}" for x, y in (point(i, s or 0.0) for i, (_, s) in enumerate(axes))
    )
    parts.append(
        f"<polygon points='{shape}' fill='rgba(37,99,235,0.25)' stroke='#2563eb' stroke-width='2'/>"
    )
    parts.append("</svg>")
    return "".join(parts)


def quadrant_svg(
    digital: float,
    management: float,
    name: str,
    *,
    threshold_digital: float = 50.0,
    threshold_management: float = 50.0,
    size: int = 320,
) -> str:
    """The maturity quadrant with the model's position.

    Args:
        digital: digital intensity, 0–100 (horizontal axis).
        management: transformation-management intensity, 0–100 (vertical axis).
        name: the quadrant the model falls in, written beside the point.
        threshold_digital: where "high" digital intensity starts.
        threshold_management: where "high" management intensity starts.
        size: width and height in pixels.

    Returns:
        An ``<svg>`` element as text.
    """
    margin = 40
    inner = size - 2 * margin

    def x_of(value: float) -> float:
        return margin + inner * max(0.0, min(100.0, value)) / 100

    def y_of(value: float) -> float:
        return margin + inner * (1 - max(0.0, min(100.0, value)) / 100)

    tx, ty = x_of(threshold_digital), y_of(threshold_management)
    labels = (
        ("beginner", (margin + tx) / 2, (ty + size - margin) / 2),
        ("fashionista", (tx + size - margin) / 2, (ty + size - margin) / 2),
        ("conservative", (margin + tx) / 2, (margin + ty) / 2),
        ("digirati", (tx + size - margin) / 2, (margin + ty) / 2),
    )
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{size}' height='{size}' "
        f"viewBox='0 0 {size} {size}' role='img' aria-label='maturity quadrant'>",
        f"<rect x='{margin}' y='{margin}' width='{inner}' height='{inner}' fill='#fafafa' "
        "stroke='#999'/>",
        f"<line x1='{tx:.1f}' y1='{margin}' x2='{tx:.1f}' y2='{size - margin}' stroke='#bbb' "
        "stroke-dasharray='4'/>",
        f"<line x1='{margin}' y1='{ty:.1f}' x2='{size - margin}' y2='{ty:.1f}' stroke='#bbb' "
        "stroke-dasharray='4'/>",
    ]
    for label, lx, ly in labels:
        weight = "bold" if label == name else "normal"
        parts.append(
            f"<text x='{lx:.1f}' y='{ly:.1f}' text-anchor='middle' fill='#777' "
            f"font-weight='{weight}' {_FONT}>{label}</text>"
        )
    px, py = x_of(digital), y_of(management)
    parts += [
        f"<circle cx='{px:.1f}' cy='{py:.1f}' r='6' fill='#dc2626'/>",
        f"<text x='{size / 2:.1f}' y='{size - 10}' text-anchor='middle' {_FONT}>"
        f"digital intensity ({digital:.0f})</text>",
        f"<text x='12' y='{size / 2:.1f}' text-anchor='middle' {_FONT} "
        f"transform='rotate(-90 12 {size / 2:.1f})'>management intensity ({management:.0f})</text>",
        "</svg>",
    ]
    return "".join(parts)
