"""The group-to-group matrix: ties and their weight between hierarchical lines or any grouping.

Groups are the hierarchical lines by default, or the values of a person attribute the
user names (an HR export's ``Organization``, ``LevelDesignation``…). For each pair of
groups the matrix holds the distinct pairs of people tied across them and the weight of
those ties; for each group, the share of its ties that stay inside it.

That share has two definitions. Ours counts each undirected pair of people once:
``I / (I + E)`` for ``I`` pairs inside the group and ``E`` pairs leaving it. Microsoft
vivainsights' ``network_g2g`` divides, per group, over *directed* rows: a pair inside the
group appears as two rows (A→B and B→A), a pair leaving it as one row from the group's
side, which gives ``2I / (2I + E)`` on symmetric data. ``definition="vivainsights"``
computes that one, so its numbers can be reproduced.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from estrategy.base.display import Displayable
from estrategy.model import Organization
from estrategy.model.suggest import did_you_mean
from estrategy.model.tables import OrgTables, as_tables
from estrategy.org._kernels import block_ties
from estrategy.org.hierarchy import HierarchicalLines, hierarchical_lines

__all__ = ["SHARE_DEFINITIONS", "GroupMatrix", "GroupPair", "GroupShare", "group_matrix"]

SHARE_DEFINITIONS: tuple[str, ...] = ("pairs", "vivainsights")
"""How the within-group share is defined: ``pairs`` (``I / (I + E)`` over distinct
undirected pairs of people, the default) or ``vivainsights`` (``2I / (2I + E)``, per group
over directed rows, as vivainsights' ``network_g2g``)."""

_DENSE_CELLS = 4_000_000  # beyond this many group pairs, count sparsely


@attrs.frozen
class GroupPair(Displayable):
    """What joins two groups (or one group to itself).

    Attributes:
        a: one group.
        b: the other (``a`` comes before ``b``, or is ``b`` for ties inside a group).
        ties: distinct pairs of people, one in each group, joined by a tie.
        weight: the weight of those ties (the sum of their rows' weights).
    """

    a: str
    b: str
    ties: int
    weight: float

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return attrs.asdict(self)


@attrs.frozen
class GroupShare(Displayable):
    """One group's size and the share of its ties that stay inside it.

    Attributes:
        group: the group.
        people: how many people it has.
        internal: distinct pairs of people inside it joined by a tie.
        external: distinct pairs joining one of its people to someone outside it
            (another group, or no group).
        within_share: the within share by the matrix's definition, by count.
        weighted_within_share: the same by weight.
        withheld: fewer people than the minimum group size: measures withheld.
    """

    group: str
    people: int
    internal: int | None
    external: int | None
    within_share: float | None
    weighted_within_share: float | None
    withheld: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return attrs.asdict(self)


@attrs.frozen(eq=False)
class GroupMatrix(Displayable):
    """Ties and weight between groups of people, and each group's within share.

    Attributes:
        by: what the groups are: ``line`` (hierarchical lines) or a person attribute.
        definition: the within share's definition (see :data:`SHARE_DEFINITIONS`).
        groups: the groups, in order (lines in line order, attribute values sorted).
        pairs: every pair of groups joined by a tie, neither withheld.
        per_group: each group's size and within share.
        min_group_size: groups with fewer people have their measures withheld
            (``None``: nothing is withheld).
    """

    by: str
    definition: str
    groups: tuple[str, ...]
    pairs: tuple[GroupPair, ...]
    per_group: tuple[GroupShare, ...]
    min_group_size: int | None = None

    @property
    def withheld(self) -> tuple[str, ...]:
        """The groups whose measures are withheld."""
        return tuple(g.group for g in self.per_group if g.withheld)

    def matrix(self, what: str = "ties") -> npt.NDArray[np.float64]:
        """The group × group matrix: ``ties``, ``weight``, or ``share`` (row shares).

        ``share`` divides each row by its total, the diagonal counted by the definition
        (twice for ``vivainsights``): row ``a`` then says where group ``a``'s ties go, as
        vivainsights' ``network_g2g`` table does. Withheld groups' rows and columns are
        ``nan``.

        Raises:
            ValueError: ``what`` is none of the three.
        """
        if what not in ("ties", "weight", "share"):
            raise ValueError("what must be 'ties', 'weight' or 'share'")
        index = {g: i for i, g in enumerate(self.groups)}
        size = len(self.groups)
        out = np.zeros((size, size), dtype=np.float64)
        for pair in self.pairs:
            value = float(pair.weight if what == "weight" else pair.ties)
            out[index[pair.a], index[pair.b]] = out[index[pair.b], index[pair.a]] = value
        if what == "share":
            diagonal = np.diag_indices(size)
            if self.definition == "vivainsights":
                out[diagonal] *= 2
            totals = out.sum(axis=1, keepdims=True)
            out = np.divide(out, totals, out=np.zeros_like(out), where=totals > 0)
        hidden = [index[g] for g in self.withheld]
        out[hidden, :] = np.nan
        out[:, hidden] = np.nan
        return out

    def _rows(self) -> list[dict[str, Any]]:
        return [pair.to_dict() for pair in self.pairs]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "by": self.by,
            "definition": self.definition,
            "groups": list(self.groups),
            "min_group_size": self.min_group_size,
            "withheld": list(self.withheld),
            "per_group": [g.to_dict() for g in self.per_group],
            "pairs": [pair.to_dict() for pair in self.pairs],
        }


def _person_groups(
    tables: OrgTables, by: str | None, lines: HierarchicalLines | None
) -> tuple[npt.NDArray[np.int64], tuple[str, ...]]:
    """The group code of each person (-1 for none) and the groups' names."""
    if by is None or by == "line":
        lines = lines if lines is not None else hierarchical_lines(tables)
        return lines.person_line, lines.heads
    if by == "unit":
        return tables.person_unit.astype(np.int64), tables.unit_ids
    columns = tables.attributes.get("person", {})
    if by not in columns:
        known = ("line", "unit", *columns)
        raise ValueError(
            f"no person attribute {by!r}{did_you_mean(by, known)}; known: {', '.join(known)}"
        )
    values: Sequence[str] = columns[by]
    names = tuple(sorted({v for v in values if v != ""}))
    index = {name: i for i, name in enumerate(names)}
    index[""] = -1
    return np.fromiter(map(index.__getitem__, values), dtype=np.int64, count=len(values)), names


def _share(inside: float, outside: float, definition: str) -> float | None:
    inside = 2 * inside if definition == "vivainsights" else inside
    total = inside + outside
    return inside / total if total and np.isfinite(total) else None


def group_matrix(
    organization: OrgTables | Organization,
    *,
    by: str | None = None,
    definition: str = "pairs",
    lines: HierarchicalLines | None = None,
    min_group_size: int | None = None,
) -> GroupMatrix:
    """Count the ties and their weight between every pair of groups of people.

    Args:
        organization: the organisation, as a model object or compact arrays.
        by: the groups: ``None`` or ``"line"`` for the hierarchical lines, ``"unit"`` for
            units, or the name of a person attribute (an extra column of an HR export,
            kept when read with ``attributes=True``).
        definition: the within share's definition: ``pairs`` or ``vivainsights`` (see
            :data:`SHARE_DEFINITIONS`).
        lines: the lines, when already computed.
        min_group_size: groups with fewer people have their measures withheld.

    Returns:
        The matrix, as pairs of groups, with each group's within share.

    Raises:
        ValueError: an unknown definition, or a person attribute the organisation lacks.

    Example:
        >>> from estrategy.model import Organization, Person, Tie
        >>> org = Organization(
        ...     people=[Person(id=p, attributes=(("team", t),)) for p, t in
        ...             [("a", "x"), ("b", "x"), ("c", "y")]],
        ...     ties=[Tie(source="a", target="b"), Tie(source="b", target="c")])
        >>> shares = group_matrix(org, by="team").per_group
        >>> shares[0].within_share, group_matrix(org, by="team",
        ...     definition="vivainsights").per_group[0].within_share
        (0.5, 0.6666666666666666)

    Notes:
        Linear in people and ties: a ``bincount`` over the distinct pairs' group pairs
        (sorted keys when the groups are too many for a dense table).
    """
    if definition not in SHARE_DEFINITIONS:
        raise ValueError(
            f"definition must be one of {', '.join(SHARE_DEFINITIONS)}, got {definition!r}"
        )
    tables = as_tables(organization)
    group_of, names = _person_groups(tables, by, lines)
    g = len(names)
    width = max(g, 1)
    counts: npt.NDArray[Any]
    weights: npt.NDArray[Any]
    internal: npt.NDArray[Any]
    internal_w: npt.NDArray[Any]
    external: npt.NDArray[Any]
    external_w: npt.NDArray[Any]
    found: npt.NDArray[Any]
    found_counts: npt.NDArray[Any]
    found_weights: npt.NDArray[Any]
    if (g + 1) * (g + 1) <= _DENSE_CELLS:
        # one (groups + 1)² table of pair counts and weights, row 0 for no group
        if by is None or by == "line":
            from estrategy.org.transversal import line_pair_totals

            line_set = lines if lines is not None else hierarchical_lines(tables)
            counts, weights = line_pair_totals(tables, line_set)
        else:
            span = g + 1
            key = (group_of[tables.pair_a] + 1) * span + (group_of[tables.pair_b] + 1)
            counts = np.bincount(key, minlength=span * span).reshape(span, span)
            weighed = np.bincount(key, weights=tables.pair_weight, minlength=span * span)
            weights = np.asarray(weighed, dtype=np.float64).reshape(span, span)
        ties = block_ties(counts, weights)
        internal, internal_w = ties.internal, ties.internal_weight
        external, external_w = ties.external, ties.external_weight
        inner, inner_w = ties.between, ties.between_weight
        x, y = np.nonzero(inner)
        found = x * width + y
        found_counts, found_weights = inner[x, y], inner_w[x, y]
    else:
        ga, gb = group_of[tables.pair_a], group_of[tables.pair_b]
        weight = tables.pair_weight
        tied = (ga >= 0) & (gb >= 0)
        keys = np.minimum(ga[tied], gb[tied]) * width + np.maximum(ga[tied], gb[tied])
        found, inverse = np.unique(keys, return_inverse=True)
        found_counts = np.bincount(inverse, minlength=len(found))
        found_weights = np.bincount(inverse, weights=weight[tied], minlength=len(found))
        same = (ga == gb) & (ga >= 0)
        differ = ga != gb
        internal = np.bincount(ga[same], minlength=g)
        internal_w = np.bincount(ga[same], weights=weight[same], minlength=g)
        leaving_a, leaving_b = differ & (ga >= 0), differ & (gb >= 0)
        external = np.bincount(ga[leaving_a], minlength=g) + np.bincount(gb[leaving_b], minlength=g)
        external_w = np.bincount(
            ga[leaving_a], weights=weight[leaving_a], minlength=g
        ) + np.bincount(gb[leaving_b], weights=weight[leaving_b], minlength=g)
    people = np.bincount(group_of[group_of >= 0], minlength=g)
    hidden = np.zeros(g, dtype=np.bool_)
    if min_group_size is not None:
        hidden = people < min_group_size
    per_group = []
    for i, name in enumerate(names):
        if hidden[i]:
            per_group.append(GroupShare(name, int(people[i]), None, None, None, None, True))
            continue
        per_group.append(
            GroupShare(
                name,
                int(people[i]),
                int(internal[i]),
                int(external[i]),
                _share(int(internal[i]), int(external[i]), definition),
                _share(float(internal_w[i]), float(external_w[i]), definition),
            )
        )
    pairs = tuple(
        GroupPair(names[k // width], names[k % width], int(c), float(w))
        for k, c, w in zip(
            found.tolist(), found_counts.tolist(), found_weights.tolist(), strict=True
        )
        if not hidden[k // width] and not hidden[k % width]
    )
    return GroupMatrix(
        "line" if by is None else by, definition, names, pairs, tuple(per_group), min_group_size
    )
