"""Vectorised building blocks of the analyses (private): pointer jumping, CSR gathers."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from estrategy.model.tables import OrgTables

__all__ = [
    "csr_rows",
    "gather",
    "person_pairs",
    "pointer_depth",
    "undirected_ties",
]

I64 = npt.NDArray[np.int64]


def pointer_depth(parent: npt.NDArray[np.integer]) -> tuple[I64, I64]:
    """Depth and root of every node of a forest given by parent pointers (``-1`` = root).

    Pointer jumping: ``log2(depth)`` rounds of vectorised gathers, linear work per round.

    Raises:
        ValueError: the pointers hold a cycle.
    """
    n = len(parent)
    nodes = np.arange(n, dtype=np.int64)
    jump = np.where(parent < 0, nodes, parent).astype(np.int64)
    depth = (parent >= 0).astype(np.int64)
    for _ in range(64):
        further = jump[jump]
        if np.array_equal(further, jump):
            return depth, jump
        depth = depth + depth[jump]
        jump = further
    raise ValueError("the parent pointers hold a cycle")


def ancestor_at_depth(parent: npt.NDArray[np.integer], depth: I64, level: int) -> I64:
    """For every node at ``depth >= level``, its ancestor at depth ``level``; else ``-1``."""
    n = len(parent)
    nodes = np.arange(n, dtype=np.int64)
    jump = np.where(depth > level, parent, nodes).astype(np.int64)
    for _ in range(64):
        further = jump[jump]
        if np.array_equal(further, jump):
            break
        jump = further
    return np.where(depth >= level, jump, -1)


def gather(indptr: I64, indices: npt.NDArray[np.integer], rows: I64) -> tuple[I64, I64]:
    """The entries of the given CSR rows: ``(row position, column)`` for each, vectorised."""
    starts = indptr[rows]
    lengths = indptr[rows + 1] - starts
    total = int(lengths.sum())
    owner = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return owner, indices[np.repeat(starts, lengths) + offsets].astype(np.int64)


def undirected_ties(tables: OrgTables) -> tuple[I64, I64]:
    """Distinct unordered pairs of people joined by a tie, self-ties left out (``a < b``)."""
    return tables.pair_a.astype(np.int64), tables.pair_b.astype(np.int64)


def person_pairs(a: I64, b: I64, n: int) -> sp.csr_array:
    """The symmetric 0/1 adjacency of ``n`` people from unordered pairs."""
    rows = np.concatenate([a, b])
    cols = np.concatenate([b, a])
    data = np.ones(len(rows), dtype=np.int32)
    matrix = sp.csr_array((data, (rows, cols)), shape=(n, n))
    matrix.sum_duplicates()
    matrix.data[:] = 1
    return matrix


def csr_rows(owner: I64, column: I64, shape: tuple[int, int]) -> sp.csr_array:
    """A 0/1 CSR matrix with a one at each ``(owner, column)`` (duplicates collapse)."""
    data = np.ones(len(owner), dtype=np.int32)
    matrix = sp.csr_array((data, (owner, column)), shape=shape)
    matrix.sum_duplicates()
    matrix.data[:] = 1
    return matrix
