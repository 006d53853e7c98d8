"""Which vertices every path from a source goes through: blocks of a graph, vectorised.

For each vertex ``v`` of an undirected graph and a source ``s``, the vertices that lose
every path to ``s`` when ``v`` is removed are those ``v`` separates from ``s``: ``v`` is an
articulation point and they lie beyond it in the block-cut tree. They are found for every
``v`` at once, in time linear in the graph (plus logarithmic passes), with Tarjan and
Vishkin's biconnectivity algorithm, which works on *any* spanning tree (a depth-first one
is not needed, and scipy's depth-first search is quadratic around hubs):

1. a breadth-first spanning tree from ``s`` (``scipy.sparse.csgraph``), its levels;
2. each vertex's preorder number and subtree size, level by level (vectorised);
3. ``low(v)`` and ``high(v)``: the least and greatest preorder number reached from
   ``v``'s subtree by one edge, level by level;
4. an auxiliary graph on the tree edges (each named by its child): two tree edges are
   joined when a non-tree edge links their unrelated subtrees, and a child's tree edge
   is joined to its parent's when the child's subtree reaches outside the parent's;
5. its connected components are the blocks of the tree edges: the tree edge into ``c``
   and the tree edge into ``c``'s parent ``v`` lie in different blocks exactly when
   ``v`` separates ``c``'s subtree from ``s``.

Reference: R. E. Tarjan and U. Vishkin, *An efficient parallel biconnectivity
algorithm*, SIAM Journal on Computing 14(4), 1985.
"""

from __future__ import annotations

from itertools import pairwise
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.sparse import csgraph

from estrategy.org._kernels import pointer_depth

__all__ = ["Separation", "separations"]

I64 = npt.NDArray[np.int64]


class Separation(NamedTuple):
    """What each vertex separates from the source.

    Attributes:
        reached: which vertices the source reaches at all.
        parent: each vertex's parent in the spanning tree (``-1`` for the source and the
            unreached).
        pre: each reached vertex's preorder number (``-1`` unreached); vertex ``u`` is in
            ``v``'s subtree when ``pre[v] <= pre[u] < pre[v] + size[v]``.
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
        order = np.argsort(np.where(self.reached, self.pre, n), kind="stable")
        by_pre = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(weight[order], out=by_pre[1:])
        children = np.flatnonzero(self.separated)
        within = by_pre[self.pre[children] + self.size[children]] - by_pre[self.pre[children]]
        return np.bincount(self.parent[children], weights=within, minlength=n).astype(np.int64)

    def separated_by(self, vertex: int) -> I64:
        """The vertices ``vertex`` separates from the source."""
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


def separations(graph: sp.csr_array, source: int) -> Separation:
    """For every vertex, whether (and what) it separates from ``source``.

    Args:
        graph: a symmetric adjacency (parallel edges and self-loops are harmless).
        source: the vertex paths must reach.

    Returns:
        The spanning tree and, for each tree edge, whether the parent separates the
        child's subtree from the source.
    """
    n = graph.shape[0]
    found, predecessors = csgraph.breadth_first_order(
        graph, source, directed=True, return_predecessors=True
    )
    order: I64 = np.asarray(found, dtype=np.int64)
    parent = np.full(n, -1, dtype=np.int64)
    reached = np.zeros(n, dtype=np.bool_)
    reached[order] = True
    tree = order[1:]
    parent[tree] = predecessors[tree]
    levels = _levels(order, parent)
    size = np.ones(n, dtype=np.int64)
    for start, stop in reversed(levels[1:]):
        nodes = order[start:stop]
        np.add.at(size, parent[nodes], size[nodes])
    pre = np.full(n, -1, dtype=np.int64)
    pre[source] = 0
    for start, stop in levels[1:]:
        # children of one parent are contiguous in breadth-first order
        nodes = order[start:stop]
        sizes = size[nodes]
        before = np.cumsum(sizes) - sizes
        first = np.empty(len(nodes), dtype=np.bool_)
        first[0] = True
        np.not_equal(parent[nodes][1:], parent[nodes][:-1], out=first[1:])
        group_start = np.maximum.accumulate(np.where(first, np.arange(len(nodes)), 0))
        pre[nodes] = pre[parent[nodes]] + 1 + before - before[group_start]
    indptr = graph.indptr.astype(np.int64)
    indices = graph.indices.astype(np.int64)
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(indptr))
    live = reached[rows]
    rows, cols = rows[live], indices[live]
    low = pre.copy()
    high = pre.copy()
    np.minimum.at(low, rows, pre[cols])
    np.maximum.at(high, rows, pre[cols])
    for start, stop in reversed(levels[1:]):
        nodes = order[start:stop]
        np.minimum.at(low, parent[nodes], low[nodes])
        np.maximum.at(high, parent[nodes], high[nodes])
    # the auxiliary graph on tree edges, each named by its child
    upper = rows < cols
    x, y = rows[upper], cols[upper]
    inside_x = (pre[y] >= pre[x]) & (pre[y] < pre[x] + size[x])
    inside_y = (pre[x] >= pre[y]) & (pre[x] < pre[y] + size[y])
    unrelated = ~inside_x & ~inside_y
    child = tree
    up = parent[child]
    deep = up != source
    child, up = child[deep], up[deep]
    out = (low[child] < pre[up]) | (high[child] >= pre[up] + size[up])
    a = np.concatenate([x[unrelated], child[out]])
    b = np.concatenate([y[unrelated], up[out]])
    auxiliary = sp.csr_array((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, component = csgraph.connected_components(auxiliary, directed=False)
    separated = np.zeros(n, dtype=np.bool_)
    separated[tree] = (parent[tree] != source) & (component[tree] != component[parent[tree]])
    return Separation(reached, parent, pre, size, separated)


def _levels(order: I64, parent: I64) -> list[tuple[int, int]]:
    """The ``[start, stop)`` slice of each level of a breadth-first order.

    Depths come from pointer jumping (a logarithmic number of passes); breadth-first
    order lists the levels one after the other, so each level is one slice.
    """
    depth, _ = pointer_depth(parent)
    along = depth[order]
    bounds = np.searchsorted(along, np.arange(int(along.max()) + 2)).tolist()
    return list(pairwise(bounds))
