"""The step graph searched once: steps to the nearest decision maker, and a spanning tree.

The step graph has the people, the groups (a group is one step however large) and a
source joined to every decision maker. One breadth-first search from the source, level
by level with vectorised gathers, gives each person's steps (upward reach, ORG004) and a
spanning tree of everything reached (key-person risk, ORG006). The graph is never built
as one matrix: the search reads the tie adjacency, the manager and supervision links and
the memberships where they are.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from estrategy.model.tables import OrgTables
from estrategy.org._kernels import (
    Adjacency,
    csr_rows,
    gather,
    hierarchy_adjacency,
    tie_adjacency,
)

__all__ = ["StepTree", "step_tree"]

I64 = npt.NDArray[np.int64]


class StepTree(NamedTuple):
    """The result of the one search of the step graph.

    Vertices are the people (``0 … n-1``), the groups (``n … n+g-1``) and the source
    (``n + g``).

    Attributes:
        steps: per person, steps to the nearest decision maker (``-1``: unreachable).
        parent: per vertex, its parent in the spanning tree (``-1``: the source, or not
            reached).
        depth: per vertex, its depth in the tree (the source is 0; ``-1``: not reached).
        ties: the tie adjacency of people.
        hierarchy: the manager and supervision links of people.
        person_groups: each person's groups (CSR rows over group codes).
        group_people: each group's members (CSR rows over person codes).
    """

    steps: I64
    parent: I64
    depth: I64
    ties: Adjacency
    hierarchy: Adjacency
    person_groups: tuple[I64, npt.NDArray[np.int32]]
    group_people: tuple[I64, npt.NDArray[np.int32]]


def step_tree(tables: OrgTables) -> StepTree:
    """The one breadth-first search of the step graph, once per tables.

    Notes:
        Each tie, link and membership is read once: linear in people, ties and
        memberships. A group is expanded the first time one of its members is reached.
    """
    return tables.derived("org.step_tree", lambda: _search(tables))


def _search(tables: OrgTables) -> StepTree:
    n, g = tables.n_people, tables.n_groups
    size = n + g + 1
    source = n + g
    steps = np.full(n, -1, dtype=np.int64)
    parent = np.full(size, -1, dtype=np.int64)
    depth = np.full(size, -1, dtype=np.int64)
    ties = tie_adjacency(tables)
    hierarchy = hierarchy_adjacency(tables)
    memberships = csr_rows(
        tables.member_person.astype(np.int64),
        tables.member_group.astype(np.int64),
        (n, g),
    )
    members = memberships.T.tocsr()
    m_ptr, m_idx = memberships.indptr.astype(np.int64), memberships.indices
    g_ptr, g_idx = members.indptr.astype(np.int64), members.indices
    done = np.zeros(g, dtype=np.bool_)
    depth[source] = 0
    frontier = np.flatnonzero(tables.person_decision_maker).astype(np.int64)
    steps[frontier] = 0
    parent[frontier] = source
    depth[frontier] = 1
    level = 0
    while len(frontier):
        level += 1
        tie_owner, tied = gather(ties.indptr, ties.indices, frontier)
        link_owner, linked = gather(hierarchy.indptr, hierarchy.indices, frontier)
        group_owner, groups = gather(m_ptr, m_idx, frontier)
        fresh = ~done[groups]
        groups, group_owner = groups[fresh], group_owner[fresh]
        # a vertex reached several ways takes any of its parents (the last written):
        # a scatter, then a scan of the flags, instead of a sort of the candidates
        parent[n + groups] = frontier[group_owner]
        done[groups] = True
        groups = np.flatnonzero(parent[n:source] >= 0)
        groups = groups[depth[n + groups] < 0]
        depth[n + groups] = depth[parent[n + groups]] + 1
        member_owner, reached = gather(g_ptr, g_idx, groups)
        # the unreached candidates of each kind, judged before any is marked: one reached
        # several ways is marked several times with the same level
        fresh_ones = []
        for candidates, owners, parents in (
            (tied, tie_owner, frontier),
            (linked, link_owner, frontier),
            (reached, member_owner, n + groups),
        ):
            unreached = steps[candidates] < 0
            new = candidates[unreached]
            parent[new] = parents[owners[unreached]]
            fresh_ones.append(new)
        for new in fresh_ones:
            steps[new] = level
        frontier = np.flatnonzero(steps == level)
        depth[frontier] = depth[parent[frontier]] + 1
    return StepTree(steps, parent, depth, ties, hierarchy, (m_ptr, m_idx), (g_ptr, g_idx))
