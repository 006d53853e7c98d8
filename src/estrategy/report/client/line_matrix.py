"""The group-to-group matrix of the hierarchical lines, drawn as a table of shades.

From ``OrgAnalysis.group_matrix`` (:func:`estrategy.org.group_matrix`): for each pair of
lines, the distinct pairs of people tied across them; on the diagonal, the pairs inside
a line. Each cell holds its number, so the chart reads in black and white; a line too
small to show (below the minimum group size) is marked withheld. Past
:data:`MAX_LINES` lines, the largest are shown.
"""

from __future__ import annotations

import attrs

from estrategy.org import OrgAnalysis
from estrategy.report.client.markup import Html, element
from estrategy.report.client.voice import Voice

__all__ = ["MAX_LINES", "LineMatrix", "line_matrix", "line_matrix_part"]

MAX_LINES = 12
"""The most lines the matrix shows."""


@attrs.frozen
class LineMatrix:
    """The ties between the largest lines.

    Attributes:
        names: the lines' names, largest first.
        ties: ``ties[i][j]``, the pairs of people tied between line ``i`` and ``j``;
            ``None`` where a line is withheld.
        withheld: whether each line is withheld.
    """

    names: tuple[str, ...]
    ties: tuple[tuple[int | None, ...], ...]
    withheld: tuple[bool, ...]


def line_matrix(org: OrgAnalysis, most: int = MAX_LINES) -> LineMatrix | None:
    """The matrix of the ``most`` largest lines (``None`` when the matrix is not by line)."""
    matrix = org.group_matrix
    if matrix.by != "line" or not matrix.groups:
        return None
    named = dict(zip(org.lines.heads, org.lines.names, strict=True))
    shares = {g.group: g for g in matrix.per_group}
    order = sorted(matrix.groups, key=lambda g: -shares[g].people if g in shares else 0)[:most]
    position = {g: i for i, g in enumerate(order)}
    withheld = tuple(shares[g].withheld if g in shares else False for g in order)
    ties = [
        [None if withheld[i] or withheld[j] else 0 for j in range(len(order))]
        for i in range(len(order))
    ]
    for pair in matrix.pairs:
        if pair.a in position and pair.b in position:
            i, j = position[pair.a], position[pair.b]
            if ties[i][j] is not None:
                ties[i][j] = ties[j][i] = pair.ties
    return LineMatrix(
        tuple(named.get(g, g) for g in order), tuple(tuple(row) for row in ties), withheld
    )


def matrix_chart(matrix: LineMatrix, voice: Voice, *, alt: str) -> str:
    """The matrix as shaded cells with their numbers (needs matplotlib)."""
    import numpy as np

    from estrategy.report.charts import PALETTE, chart_style, wrap_label
    from estrategy.report.svg import inline_svg

    size = len(matrix.names)
    values = np.array(
        [[np.nan if v is None else float(v) for v in row] for row in matrix.ties], dtype=float
    )
    top = np.nanmax(values) if np.isfinite(values).any() else 1.0
    with chart_style() as plt:
        side = 1.6 + 0.42 * size
        figure, axis = plt.subplots(figsize=(min(7.0, side + 1.6), min(6.5, side)))
        axis.imshow(
            np.log1p(np.nan_to_num(values, nan=0.0)),
            cmap="Blues",
            vmin=0,
            vmax=max(np.log1p(top), 1.0),
        )
        for i in range(size):
            for j in range(size):
                value = matrix.ties[i][j]
                if value is None:
                    axis.add_patch(
                        plt.Rectangle(
                            (j - 0.5, i - 0.5), 1, 1, fill=False, hatch="//", edgecolor="#9CA3AF"
                        )
                    )
                    continue
                dark = np.log1p(value) > 0.6 * np.log1p(top)
                axis.text(
                    j,
                    i,
                    voice.number(value),
                    ha="center",
                    va="center",
                    fontsize=7 if size > 8 else 8,
                    color="white" if dark else PALETTE["ink"],
                    fontweight="bold" if i == j else "normal",
                )
        labels = [wrap_label(name, 16) for name in matrix.names]
        axis.set_xticks(range(size), labels, rotation=40, ha="right", fontsize=7.5)
        axis.set_yticks(range(size), labels, fontsize=7.5)
        axis.tick_params(length=0)
        for spine in axis.spines.values():
            spine.set_visible(False)
        figure.tight_layout()
        return inline_svg(figure, alt=alt, key="line-matrix")


def line_matrix_part(org: OrgAnalysis, voice: Voice, *, charts: bool = True) -> list[Html]:
    """The matrix part of the organisation chapter (nothing with fewer than two lines)."""
    matrix = line_matrix(org)
    # with fewer than two lines to show, a matrix says nothing (the lines' table already
    # says which are withheld)
    if matrix is None or matrix.withheld.count(False) < 2 or not charts:
        return []
    alt = voice.say("org.matrix_alt", count=len(matrix.names))
    return [
        element("h3", voice.say("org.matrix")),
        element("p", voice.say("org.matrix_intro"), cls="muted"),
        element("figure", Html(matrix_chart(matrix, voice, alt=alt))),
    ]
