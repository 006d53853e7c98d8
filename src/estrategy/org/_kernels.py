"""Vectorised building blocks of the analyses (private): pointer jumping, CSR gathers."""

from __future__ import annotations

from typing import Any, NamedTuple

import attrs
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from estrategy.model.tables import OrgTables

__all__ = [
    "Adjacency",
    "BlockTies",
    "block_ties",
    "csr_rows",
    "gather",
    "hierarchy_adjacency",
    "pointer_depth",
    "row_entries",
    "tie_adjacency",
    "undirected_ties",
]

I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]


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


def row_entries(indptr: I64, rows: I64) -> tuple[I64, I64]:
    """The entries of the given CSR rows: ``(row position, entry position)`` for each."""
    starts = indptr[rows]
    lengths = indptr[rows + 1] - starts
    ends = np.cumsum(lengths)
    total = int(ends[-1]) if len(ends) else 0
    owner = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    # entry k of row position r sits at starts[r] + (k - where r's entries begin)
    at = np.arange(total, dtype=np.int64)
    at += (starts - (ends - lengths))[owner]
    return owner, at


def gather(
    indptr: I64, indices: npt.NDArray[np.integer], rows: I64
) -> tuple[I64, npt.NDArray[np.integer]]:
    """The entries of the given CSR rows: ``(row position, column)`` for each, vectorised.

    The columns keep the type of ``indices`` (a copy to 64 bits would cost as much as
    the gather).
    """
    owner, at = row_entries(indptr, rows)
    return owner, indices[at]


def undirected_ties(tables: OrgTables) -> tuple[I64, I64]:
    """Distinct unordered pairs of people joined by a tie, self-ties left out (``a < b``)."""
    return tables.pair_a.astype(np.int64), tables.pair_b.astype(np.int64)


def csr_rows(owner: I64, column: I64, shape: tuple[int, int]) -> sp.csr_array:
    """A 0/1 CSR matrix with a one at each ``(owner, column)`` (duplicates collapse)."""
    data = np.ones(len(owner), dtype=np.int32)
    matrix = sp.csr_array((data, (owner, column)), shape=shape)
    matrix.sum_duplicates()
    matrix.data[:] = 1
    return matrix


class Adjacency(NamedTuple):
    """A symmetric adjacency in CSR form: row ``i``'s neighbours and the weight of each link.

    Attributes:
        indptr: row ``i``'s entries are ``indptr[i]:indptr[i + 1]``.
        indices: the neighbour of each entry, sorted within a row.
        weight: the weight of each entry.
    """

    indptr: I64
    indices: npt.NDArray[np.int32]
    weight: npt.NDArray[np.float64]

    def degree(self) -> I64:
        """How many distinct neighbours each row has."""
        return np.diff(self.indptr)

    def strength(self, rows: I64 | None = None) -> npt.NDArray[np.float64]:
        """The sum of each row's weights (of the given rows only, 0 elsewhere)."""
        n = len(self.indptr) - 1
        if rows is None:
            owner = np.repeat(np.arange(n, dtype=np.int64), np.diff(self.indptr))
            return np.bincount(owner, weights=self.weight, minlength=n).astype(np.float64)
        position, at = row_entries(self.indptr, rows)
        sums = np.zeros(n, dtype=np.float64)
        sums[rows] = np.bincount(position, weights=self.weight[at], minlength=len(rows))
        return sums

    def matrix(self) -> sp.csr_array:
        """The adjacency as a scipy CSR array (sharing the arrays, no copy)."""
        n = len(self.indptr) - 1
        matrix = sp.csr_array((self.weight, self.indices, self.indptr), shape=(n, n))
        matrix.has_sorted_indices = True
        return matrix


def tie_adjacency(tables: OrgTables) -> Adjacency:
    """The weighted tie adjacency of people, both directions, built once per tables.

    The distinct pairs are sorted by ``(a, b)`` when the tables are built; each row's
    neighbours are its lower ones (the transpose, by a linear counting sort) followed by
    its upper ones, so no sort of all entries is needed. Shared by the
    brokers, structural holes, upward reach and key-person analyses.
    """
    return tables.derived("org.tie_adjacency", lambda: _symmetric(tables))


def _symmetric(tables: OrgTables) -> Adjacency:
    n = tables.n_people
    a, b, weight = tables.pair_a, tables.pair_b, tables.pair_weight
    m = len(a)
    upper_ptr = tables.pair_indptr()
    # the lower half: the transpose of the upper one, by scipy's linear counting sort,
    # which carries each entry's weight along (a byte when every weight is 1)
    ones = m > 0 and bool((weight == 1.0).all())
    carried = np.zeros(m, dtype=np.int8) if ones else weight
    small: np.dtype[np.signedinteger[Any]] = np.dtype(np.int32 if 2 * m < 2**31 else np.int64)
    lower = sp.csr_array((carried, b, upper_ptr), shape=(n, n)).T.tocsr()
    lower_ptr = lower.indptr.astype(np.int64, copy=False)
    # row r holds its lower neighbours, then its upper ones: each entry's place is its
    # place in its half plus what the other half puts before it in the row
    indptr = lower_ptr + upper_ptr
    into_lower = np.arange(m, dtype=small)
    into_lower += np.repeat(upper_ptr[:-1].astype(small), np.diff(lower_ptr))
    into_upper = np.arange(m, dtype=small)
    into_upper += np.repeat(lower_ptr[1:].astype(small), np.diff(upper_ptr))
    indices = np.empty(2 * m, dtype=np.int32)
    indices[into_lower] = lower.indices
    indices[into_upper] = b
    if ones:
        weights = np.ones(2 * m, dtype=np.float64)
    else:
        weights = np.empty(2 * m, dtype=np.float64)
        weights[into_lower] = lower.data
        weights[into_upper] = weight
    return Adjacency(indptr, indices, weights)


def hierarchy_adjacency(tables: OrgTables) -> Adjacency:
    """Manager and supervision links of people, both directions, self-links left out."""
    n = tables.n_people
    people = np.arange(n, dtype=np.int64)
    sources, targets = [], []
    for refs in (tables.person_manager, tables.person_supervisor):
        has = (refs >= 0) & (refs != people)
        sources.append(people[has])
        targets.append(refs[has].astype(np.int64))
    a = np.concatenate([*sources, *targets])
    b = np.concatenate([*targets, *sources])
    matrix = csr_rows(a, b, (n, n))
    return Adjacency(
        matrix.indptr.astype(np.int64),
        matrix.indices.astype(np.int32),
        np.ones(len(matrix.indices), dtype=np.float64),
    )


@attrs.frozen(eq=False)
class BlockTies:
    """The ties inside and between the blocks of a partition of people (lines, units…).

    Attributes:
        internal: per block, the distinct pairs whose two people are in it.
        external: per block, the pairs with one person in it and the other outside it
            (in another block, or in none).
        internal_weight: the weight of the internal pairs.
        external_weight: the weight of the external pairs.
        between: block × block, upper triangle: the pairs joining the two blocks; on the
            diagonal, each block's internal pairs.
        between_weight: the same, by weight.
    """

    internal: I64
    external: I64
    internal_weight: F64
    external_weight: F64
    between: I64
    between_weight: F64


def block_ties(counts: I64, weights: F64) -> BlockTies:
    """:class:`BlockTies` of a ``(blocks + 1)²`` table of distinct pairs by block.

    Args:
        counts: ``counts[a + 1, b + 1]`` pairs of a person of block ``a`` and one of block
            ``b``, each pair counted once, either way round; row and column 0 for the
            people in no block.
        weights: the weights of those pairs, in the same cells.

    Example:
        >>> counts = np.array([[0, 0, 0], [0, 2, 1], [0, 0, 0]])
        >>> ties = block_ties(counts, counts.astype(np.float64))
        >>> ties.internal.tolist(), ties.external.tolist(), ties.between.tolist()
        ([2, 0], [1, 1], [[2, 1], [0, 0]])
    """
    n = counts.shape[0] - 1
    both, both_weight = counts + counts.T, weights + weights.T  # pairs either way round
    blocks = np.arange(n)
    internal, internal_weight = counts[blocks + 1, blocks + 1], weights[blocks + 1, blocks + 1]
    between, between_weight = np.triu(both[1:, 1:], 1), np.triu(both_weight[1:, 1:], 1)
    between[blocks, blocks] = internal
    between_weight[blocks, blocks] = internal_weight
    return BlockTies(
        internal,
        both[1:].sum(axis=1) - 2 * internal,
        internal_weight,
        both_weight[1:].sum(axis=1) - 2 * internal_weight,
        between,
        between_weight,
    )
