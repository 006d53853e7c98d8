"""Which vertices every path from the source goes through: blocks of the step graph, vectorised.

For each vertex ``v`` of the step graph (:mod:`estrategy.org._steps`), the vertices that
lose every path to the source (the decision makers) when ``v`` is removed are those ``v``
separates from it: ``v`` is an articulation point and they lie beyond it. They are found
for every ``v`` at once, in time linear in the graph (plus logarithmic factors of the
sorts), with Tarjan and Vishkin's biconnectivity algorithm, which works on *any*
spanning tree, here the breadth-first one the step search already built (a depth-first
tree is not needed, and scipy's depth-first search is quadratic around hubs):

1. each vertex's preorder number and subtree size, level by level (vectorised);
2. ``low(v)`` and ``high(v)``: the least and greatest preorder number one edge reaches
   from ``v``'s subtree, level by level;
3. an auxiliary graph on the tree edges (each named by its child): two tree edges are
   joined when a non-tree edge links their unrelated subtrees, and a child's tree edge is
   joined to its parent's when the child's subtree reaches outside the parent's;
4. its connected components are the blocks of the tree edges: the tree edge into ``c``
   and the tree edge into ``c``'s parent ``v`` lie in different blocks exactly when ``v``
   separates ``c``'s subtree from the source.

Only the blocks below the source are asked about, so a non-tree edge between the
subtrees of two different decision makers (its two ends meet only at the source) joins
nothing that matters and is left out of step 3.

Reference: R. E. Tarjan and U. Vishkin, *An efficient parallel biconnectivity
algorithm*, SIAM Journal on Computing 14(4), 1985.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from estrategy.model.tables import OrgTables, sorted_with_order
from estrategy.org._kernels import gather
from estrategy.org._steps import StepTree

__all__ = ["Separation", "separations"]

I64 = npt.NDArray[np.int64]


class Separation(NamedTuple):
    """What each vertex separates from the source.

    Attributes:
        reached: which vertices the source reaches at all.
        parent: each vertex's parent in the spanning tree (``-1`` for the source and the
            unreached).
        pre: each reached vertex's preorder number; vertex ``u`` is in ``v``'s subtree
            when ``pre[v] <= pre[u] < pre[v] + size[v]``.
        size: each reached vertex's subtree size.
        separated: for each reached vertex but the source, whether its parent separates
            its subtree from the source (every path from the subtree to the source goes
            through the parent).
    """

    reached: npt.NDArray[np.bool_]
    parent: I64
    pre: I64
    size: I64
    separated: npt.NDArray[np.bool_]

    def cut_counts(self, weight: npt.NDArray[np.int64]) -> I64:
        """Per vertex, the total ``weight`` of the vertices it separates from the source."""
        n = len(self.parent)
        by_pre = np.zeros(n + 1, dtype=np.int64)
        at = np.where(self.reached, self.pre, n)
        placed = np.zeros(n + 1, dtype=np.int64)
        placed[at] = weight
        np.cumsum(placed[:n], out=by_pre[1:])
        children = np.flatnonzero(self.separated)
        within = by_pre[self.pre[children] + self.size[children]] - by_pre[self.pre[children]]
        return np.bincount(self.parent[children], weights=within, minlength=n).astype(np.int64)

    def separated_by(self, vertex: int) -> I64:
        """The vertices ``vertex`` separates from the source, in order."""
        children = np.flatnonzero(self.separated & (self.parent == vertex))
        if len(children) == 0:
            return np.zeros(0, dtype=np.int64)
        # the children's subtrees are ranges of preorder numbers: mark them, then read
        n = len(self.pre)
        marks = np.zeros(n + 1, dtype=np.int64)
        np.add.at(marks, self.pre[children], 1)
        np.add.at(marks, self.pre[children] + self.size[children], -1)
        inside = np.cumsum(marks)[:n] > 0
        vertices = np.flatnonzero(self.reached)
        return np.sort(vertices[inside[self.pre[vertices]]]).astype(np.int64)


def _row_extremes(
    indptr: I64, values: npt.NDArray[np.integer], rows: int, fill: int
) -> tuple[I64, I64]:
    """Each CSR row's least and greatest value (``fill`` and ``-1`` for an empty row)."""
    low = np.full(rows, fill, dtype=np.int64)
    high = np.full(rows, -1, dtype=np.int64)
    filled = np.flatnonzero(np.diff(indptr) > 0)
    if len(filled):
        starts = indptr[:-1][filled]
        low[filled] = np.minimum.reduceat(values, starts)
        high[filled] = np.maximum.reduceat(values, starts)
    return low, high


def separations(tree: StepTree, tables: OrgTables) -> Separation:
    """For every vertex of the step graph, whether (and what) it separates from the source.

    Args:
        tree: the breadth-first spanning tree of the step graph.
        tables: the organisation (its tie pairs, links and memberships are the edges).

    Returns:
        The tree's preorder and, for each tree edge, whether the parent separates the
        child's subtree from the source.
    """
    n, g = tables.n_people, tables.n_groups
    size_all = n + g + 1
    source = n + g
    parent, depth = tree.parent, tree.depth
    reached = depth >= 0
    vertices = np.flatnonzero(reached).astype(np.int64)
    # vertices by (depth, parent): each level one slice, siblings contiguous in it
    keys = depth[vertices] * (size_all + 1) + parent[vertices] + 1
    _, order = sorted_with_order(keys, (int(depth.max()) + 1) * (size_all + 1))
    nodes = vertices[order]
    level_of = depth[nodes]
    bounds = np.searchsorted(level_of, np.arange(int(level_of.max()) + 2)).tolist()
    run = np.empty(len(nodes), dtype=np.bool_)
    run[:1] = True
    np.not_equal(keys[order][1:], keys[order][:-1], out=run[1:])
    run_start = np.flatnonzero(run)
    levels = []
    for level in range(1, len(bounds) - 1):
        start, stop = bounds[level], bounds[level + 1]
        if start == stop:
            continue
        # the runs are in order: this level's are one slice (no scan of every run)
        low, high = np.searchsorted(run_start, [start, stop])
        starts = run_start[low:high]
        levels.append((nodes[start:stop], starts - start))
    # subtree sizes, bottom up
    size = np.ones(size_all, dtype=np.int64)
    for children, starts in reversed(levels):
        size[parent[children[starts]]] += np.add.reduceat(size[children], starts)
    # preorder numbers, top down: a child follows its parent and its elder siblings
    pre = np.full(size_all, size_all, dtype=np.int64)
    pre[source] = 0
    for children, starts in levels:
        sizes = size[children]
        before = np.cumsum(sizes) - sizes
        lengths = np.diff(np.append(starts, len(children)))
        offset = before - np.repeat(before[starts], lengths)
        pre[children] = pre[parent[children]] + 1 + offset
    # the least and greatest preorder number one edge reaches from each vertex
    low, high = pre.copy(), np.where(reached, pre, -1)
    m_ptr, m_idx = tree.person_groups
    g_ptr, g_idx = tree.group_people
    # gathered in 32 bits (the numbers fit): the tie rows are the largest arrays here
    pre32 = pre.astype(np.int32)
    people_rows = (
        (tree.ties.indptr, tree.ties.indices, 0),
        (tree.hierarchy.indptr, tree.hierarchy.indices, 0),
        (m_ptr, m_idx, n),
    )
    for indptr, columns, shift in people_rows:
        values = pre32[columns + shift] if shift else pre32[columns]
        row_low, row_high = _row_extremes(indptr, values, n, size_all)
        np.minimum(low[:n], row_low, out=low[:n])
        np.maximum(high[:n], row_high, out=high[:n])
    row_low, row_high = _row_extremes(g_ptr, pre32[g_idx], g, size_all)
    np.minimum(low[n:source], row_low, out=low[n:source])
    np.maximum(high[n:source], row_high, out=high[n:source])
    deciders = np.flatnonzero(tables.person_decision_maker)
    low[deciders] = 0  # joined to the source
    # ... and from each vertex's subtree, bottom up
    for children, starts in reversed(levels):
        above = parent[children[starts]]
        low[above] = np.minimum(low[above], np.minimum.reduceat(low[children], starts))
        high[above] = np.maximum(high[above], np.maximum.reduceat(high[children], starts))
    # rule 2: a child whose subtree reaches outside its parent's is in its parent's block;
    # those links form a forest, whose trees pointer jumping finds
    child = vertices[vertices != source]
    up = parent[child]
    deep = up != source
    child, up = child[deep], up[deep]
    escapes = (low[child] < pre[up]) | (high[child] >= pre[up] + size[up])
    jump = np.arange(size_all, dtype=np.int64)
    jump[child[escapes]] = up[escapes]
    block = _roots(jump)
    stuck = child[~escapes]
    separated = np.zeros(size_all, dtype=np.bool_)
    if len(stuck):
        # rule 1, needed only around a subtree that does not reach out by itself: a
        # non-tree edge joining it to a sibling's subtree (the sibling may reach out)
        marks = np.zeros(size_all + 1, dtype=np.int64)
        np.add.at(marks, pre[stuck], 1)
        np.add.at(marks, pre[stuck] + size[stuck], -1)
        inside = np.cumsum(marks)[:size_all] > 0
        inside_vertex = np.zeros(size_all, dtype=np.bool_)
        inside_vertex[vertices] = inside[pre[vertices]]
        top = np.arange(size_all, dtype=np.int64)
        for children, _ in levels[1:]:
            top[children] = top[parent[children]]
        x, y = _edges_near(tree, n, reached, inside_vertex, top)
        x_above = (pre[y] >= pre[x]) & (pre[y] < pre[x] + size[x])
        y_above = (pre[x] >= pre[y]) & (pre[x] < pre[y] + size[y])
        unrelated = ~x_above & ~y_above
        block = _joined(block, block[x[unrelated]], block[y[unrelated]])
        separated[stuck] = block[stuck] != block[parent[stuck]]
    return Separation(reached, parent, pre, size, separated)


def _edges_near(
    tree: StepTree,
    n: int,
    reached: npt.NDArray[np.bool_],
    near: npt.NDArray[np.bool_],
    top: I64,
) -> tuple[I64, I64]:
    """The edges with an end ``near``, both ends reached and under one decision maker.

    Ties, manager and supervision links, memberships (the source's edges are all tree
    edges); an edge whose ends lie under two decision makers meets them only at the
    source, which no question is about. They are read from the rows of the near
    vertices, which are few (the subtrees that reach nowhere else): no pass over every
    edge. An edge with both ends near is found twice, which changes no block.
    """
    wanted = np.where(reached, top, -1)
    people = np.flatnonzero(near[:n]).astype(np.int64)
    groups = np.flatnonzero(near[n : len(near) - 1]).astype(np.int64)
    m_ptr, m_idx = tree.person_groups
    g_ptr, g_idx = tree.group_people
    parts_a: list[I64] = []
    parts_b: list[I64] = []
    for rows, indptr, indices, shift, offset in (
        (people, tree.ties.indptr, tree.ties.indices, 0, 0),
        (people, tree.hierarchy.indptr, tree.hierarchy.indices, 0, 0),
        (people, m_ptr, m_idx, 0, n),
        (groups, g_ptr, g_idx, n, 0),
    ):
        owner, other = gather(indptr, indices, rows)
        x, y = rows[owner] + shift, other + offset
        keep = (wanted[x] == wanted[y]) & (wanted[x] >= 0)
        parts_a.append(x[keep])
        parts_b.append(y[keep])
    return np.concatenate(parts_a), np.concatenate(parts_b)


def _roots(jump: I64) -> I64:
    """The root of each vertex of a forest given by ``jump`` (a root jumps to itself)."""
    while True:
        further = jump[jump]
        if np.array_equal(further, jump):
            return jump
        jump = further


def _joined(label: I64, a: I64, b: I64) -> I64:
    """``label`` with the classes of each ``a[i]`` and ``b[i]`` merged (the least label wins).

    Labels are codes ``>= 0``. Hooking and pointer jumping over the few edges given
    (Shiloach and Vishkin), on the labels they name only: a logarithmic number of
    rounds, each linear in the edges; then one pass relabels everything.
    """
    if len(a) == 0:
        return label
    names, inverse = np.unique(np.concatenate([a, b]), return_inverse=True)
    ends = inverse.reshape(2, -1)
    parent = np.arange(len(names), dtype=np.int64)
    while True:
        pa, pb = parent[ends[0]], parent[ends[1]]
        low, high = np.minimum(pa, pb), np.maximum(pa, pb)
        moving = low != high
        if not moving.any():
            break
        np.minimum.at(parent, high[moving], low[moving])
        parent = _roots(parent)
    relabel = np.arange(max(int(label.max()), int(names[-1])) + 1, dtype=np.int64)
    relabel[names] = names[parent]
    return relabel[label]
