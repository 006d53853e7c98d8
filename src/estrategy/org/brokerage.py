"""Brokers between hierarchical lines, structural holes and brokerage roles.

Everything here is computed from sparse products, never by walking each person's
neighbourhood in Python: the lines a person touches are rows of ``own + T·L + B·(BᵀL)``
(``T`` the tie adjacency, ``B`` memberships, ``L`` the line of each person); Burt's
effective size and constraint come from ``A[R]·A`` restricted to ``A``'s pattern, in
chunks of rows so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from estrategy.base.display import Displayable
from estrategy.base.plain import plain_fields
from estrategy.model import Organization
from estrategy.model.tables import OrgTables, as_tables, unique_int
from estrategy.org._kernels import csr_rows, row_entries, tie_adjacency, undirected_ties
from estrategy.org.hierarchy import HierarchicalLines, derived_for_lines, hierarchical_lines

__all__ = [
    "ROLES",
    "Broker",
    "BrokerageRoles",
    "Brokers",
    "RoleLeaders",
    "StructuralHoles",
    "brokerage_leaders",
    "brokerage_roles",
    "brokers",
    "line_masks",
    "lines_touched",
    "lines_touched_counts",
    "structural_holes",
]

I64 = npt.NDArray[np.int64]
_ROWS_PER_CHUNK = 20_000

ROLES: tuple[str, ...] = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
"""Gould and Fernandez's five brokerage roles, in their usual order."""


_MASK_LINES = 64  # lines a 64-bit mask holds


def _popcount(masks: npt.NDArray[np.uint64]) -> I64:
    """The number of bits set in each mask."""
    if hasattr(np, "bitwise_count"):
        return np.asarray(np.bitwise_count(masks), dtype=np.int64)
    table = np.array([bin(i).count("1") for i in range(256)], dtype=np.int64)
    return np.asarray(table[masks.view(np.uint8).reshape(-1, 8)].sum(axis=1), dtype=np.int64)


def _or_rows(
    indptr: npt.NDArray[np.integer], values: npt.NDArray[np.uint64], rows: int
) -> npt.NDArray[np.uint64]:
    """Each CSR row's values OR-ed together (0 for an empty row)."""
    out = np.zeros(rows, dtype=np.uint64)
    filled = np.flatnonzero(np.diff(indptr) > 0)
    if len(filled):
        out[filled] = np.bitwise_or.reduceat(values, indptr[:-1][filled])
    return out


def line_masks(
    organization: OrgTables | Organization, *, lines: HierarchicalLines | None = None
) -> npt.NDArray[np.uint64] | None:
    """Per person, the lines they touch as bits of one integer (``None`` beyond 64 lines).

    Bit ``l`` is set when the person belongs to line ``l``, has a tie with someone of it,
    or is in a group with a member in it. Computed once per tables (for the hierarchy's
    own lines), with OR-reductions over the shared tie adjacency and the memberships: no
    sort.
    """
    tables = as_tables(organization)
    lines = lines if lines is not None else hierarchical_lines(tables)
    if len(lines) > _MASK_LINES:
        return None
    return derived_for_lines(tables, lines, "org.line_masks", lambda: _masks(tables, lines))


def _masks(tables: OrgTables, lines: HierarchicalLines) -> npt.NDArray[np.uint64]:
    from estrategy.org._steps import step_tree

    n = tables.n_people
    line = lines.person_line
    bit = np.where(
        line >= 0, np.left_shift(np.uint64(1), np.maximum(line, 0).astype(np.uint64)), np.uint64(0)
    ).astype(np.uint64)
    adjacency = tie_adjacency(tables)
    masks = bit | _or_rows(adjacency.indptr, bit[adjacency.indices], n)
    tree = step_tree(tables)
    g_ptr, g_idx = tree.group_people
    group_masks = _or_rows(g_ptr, bit[g_idx], tables.n_groups)
    m_ptr, m_idx = tree.person_groups
    masks |= _or_rows(m_ptr, group_masks[m_idx], n)
    return masks


def lines_touched(
    organization: OrgTables | Organization, *, lines: HierarchicalLines | None = None
) -> sp.csr_array:
    """A people × lines 0/1 matrix: the lines each person's own line, ties and groups reach.

    Person ``p`` touches line ``l`` when ``p`` belongs to ``l``, has a tie with someone of
    ``l``, or is in a group with a member in ``l``.

    Args:
        organization: the organisation, as a model object or compact arrays.
        lines: its lines, when already computed.
    """
    tables = as_tables(organization)
    lines = lines if lines is not None else hierarchical_lines(tables)
    n, n_lines = tables.n_people, len(lines)
    masks = line_masks(tables, lines=lines)
    if masks is not None:
        owner, column = np.nonzero(
            (masks[:, None] >> np.arange(max(n_lines, 1), dtype=np.uint64)) & np.uint64(1)
        )
        return csr_rows(owner.astype(np.int64), column.astype(np.int64), (n, n_lines))
    line = lines.person_line
    people = np.arange(n, dtype=np.int64)
    own = line >= 0
    a, b = undirected_ties(tables)
    to_b = line[b] >= 0
    to_a = line[a] >= 0
    direct = csr_rows(
        np.concatenate([people[own], a[to_b], b[to_a]]),
        np.concatenate([line[own], line[b][to_b], line[a][to_a]]),
        (n, n_lines),
    )
    member_line = line[tables.member_person]
    placed = member_line >= 0
    group_lines = csr_rows(
        tables.member_group[placed].astype(np.int64),
        member_line[placed],
        (tables.n_groups, n_lines),
    )
    membership = csr_rows(
        tables.member_person.astype(np.int64),
        tables.member_group.astype(np.int64),
        (n, tables.n_groups),
    )
    touched = sp.csr_array(direct + membership @ group_lines)
    touched.data[:] = 1
    return touched


def lines_touched_counts(
    organization: OrgTables | Organization, *, lines: HierarchicalLines | None = None
) -> I64:
    """How many lines each person touches (see :func:`lines_touched`), without the matrix."""
    tables = as_tables(organization)
    lines = lines if lines is not None else hierarchical_lines(tables)
    masks = line_masks(tables, lines=lines)
    if masks is not None:
        return _popcount(masks)
    return np.diff(lines_touched(tables, lines=lines).indptr).astype(np.int64)


@attrs.frozen
class Broker(Displayable):
    """A person whose ties and groups join hierarchical lines.

    Attributes:
        person: the person's id.
        line: the head of their own line, or ``None``.
        lines: the heads of every line they touch (their own, their ties', their groups').
        pairs: pairs of lines they join: ``k (k - 1) / 2`` for ``k`` lines touched.
        effective_size: Borgatti's effective size of their tie network (ties minus the
            redundancy among the people they are tied to), ``None`` without ties.
        constraint: Burt's constraint on their tie network (low: many structural holes),
            ``None`` without ties.
        strength: the sum of the weights of their ties.
        weighted_constraint: Burt's constraint with ties weighed (``p_ij`` the share of
            their tie weight going to ``j``), ``None`` without ties.
    """

    person: str
    line: str | None
    lines: tuple[str, ...]
    pairs: int
    effective_size: float | None
    constraint: float | None
    strength: float = 0.0
    weighted_constraint: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return plain_fields(self)


@attrs.frozen
class Brokers(Displayable):
    """The people who join the most pairs of lines.

    Attributes:
        n_lines: number of lines.
        brokering: how many people join at least one pair of lines.
        top: the leading brokers, most pairs first (ties broken by the order of the people).
    """

    n_lines: int
    brokering: int
    top: tuple[Broker, ...]

    def _rows(self) -> list[dict[str, Any]]:
        return [b.to_dict() for b in self.top]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return plain_fields(self)


def brokers(
    organization: OrgTables | Organization,
    *,
    top: int = 20,
    lines: HierarchicalLines | None = None,
) -> Brokers:
    """Rank people by the pairs of lines their ties and groups join.

    Args:
        organization: the organisation, as a model object or compact arrays.
        top: how many brokers to detail.
        lines: its lines, when already computed.

    Returns:
        The number of brokering people and the ``top`` brokers, with their structural
        holes (effective size, constraint).

    Example:
        >>> from estrategy.model import Organization, Person, Tie, Unit
        >>> org = Organization(
        ...     units=[Unit(id="hq"), Unit(id="a", parent="hq"), Unit(id="b", parent="hq")],
        ...     people=[Person(id="x", unit="a"), Person(id="y", unit="b")],
        ...     ties=[Tie(source="x", target="y")],
        ... )
        >>> [(b.person, b.pairs) for b in brokers(org).top]
        [('x', 1), ('y', 1)]
    """
    if top < 0:
        raise ValueError("top must be >= 0")
    tables = as_tables(organization)
    lines = lines if lines is not None else hierarchical_lines(tables)
    k = lines_touched_counts(tables, lines=lines)
    pairs = k * (k - 1) // 2
    chosen = _leading(pairs, top)
    holes = structural_holes(tables, people=chosen)
    masks = line_masks(tables, lines=lines)
    touched = lines_touched(tables, lines=lines) if masks is None else None
    result = []
    for position, i in enumerate(chosen.tolist()):
        own = int(lines.person_line[i])
        reach: npt.NDArray[np.integer]
        if masks is not None:
            reach = np.flatnonzero(
                (masks[i] >> np.arange(len(lines), dtype=np.uint64)) & np.uint64(1)
            )
        else:
            assert touched is not None
            reach = touched.indices[touched.indptr[i] : touched.indptr[i + 1]]
        result.append(
            Broker(
                person=tables.person_ids[i],
                line=lines.heads[own] if own >= 0 else None,
                lines=tuple(lines.heads[x] for x in np.sort(reach).tolist()),
                pairs=int(pairs[i]),
                effective_size=holes.effective_size[position],
                constraint=holes.constraint[position],
                strength=holes.strength[position],
                weighted_constraint=holes.weighted_constraint[position],
            )
        )
    return Brokers(len(lines), int((pairs > 0).sum()), tuple(result))


def _leading(values: I64, top: int) -> I64:
    """The positions of the ``top`` greatest positive values, greatest first, ties in order."""
    if top <= 0 or len(values) == 0:
        return np.zeros(0, dtype=np.int64)
    if top < len(values):
        # the top-th value bounds the leaders: sort only those at or above it
        bound = np.partition(values, len(values) - top)[len(values) - top]
        candidates = np.flatnonzero(values >= bound)
    else:
        candidates = np.arange(len(values))
    order = candidates[np.lexsort((candidates, -values[candidates]))][:top]
    return order[values[order] > 0].astype(np.int64)


@attrs.frozen
class StructuralHoles(Displayable):
    """Burt's structural-hole measures on the undirected tie network, unweighted and weighted.

    Attributes:
        people: the ids measured.
        degree: distinct people each is tied to.
        effective_size: Borgatti's ``degree - 2 t / degree`` (``t`` ties among their
            contacts); ``None`` without ties.
        constraint: Burt's ``Σ_j (p_ij + Σ_q p_iq p_qj)²`` with ``p_ij = 1 / degree``;
            ``None`` without ties.
        strength: the sum of the weights of each one's ties (a pair's weight is the sum
            of its tie rows' weights).
        weighted_constraint: Burt's constraint with ``p_ij = w_ij / strength_i`` over the
            ties of positive weight, as ``nx.constraint(G, weight="weight")`` computes it;
            ``None`` without ties of positive weight.
    """

    people: tuple[str, ...]
    degree: tuple[int, ...]
    effective_size: tuple[float | None, ...]
    constraint: tuple[float | None, ...]
    strength: tuple[float, ...] = ()
    weighted_constraint: tuple[float | None, ...] = ()

    def _rows(self) -> list[dict[str, Any]]:
        data = self.to_dict()
        return [dict(zip(data, values, strict=True)) for values in zip(*data.values(), strict=True)]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "people": list(self.people),
            "degree": list(self.degree),
            "effective_size": list(self.effective_size),
            "constraint": list(self.constraint),
            "strength": list(self.strength),
            "weighted_constraint": list(self.weighted_constraint),
        }


def _tie_matrix(tables: OrgTables) -> sp.csr_array:
    """The 0/1 tie adjacency (sharing the tables' one adjacency's structure), once."""

    def build() -> sp.csr_array:
        adjacency = tie_adjacency(tables)
        n = tables.n_people
        ones = np.ones(len(adjacency.indices), dtype=np.int32)
        matrix = sp.csr_array((ones, adjacency.indices, adjacency.indptr), shape=(n, n))
        matrix.has_sorted_indices = True
        return matrix

    return tables.derived("org.tie_matrix", build)


def _scaled(
    matrix: sp.csr_array,
    rows: npt.NDArray[np.float64] | None,
    columns: npt.NDArray[np.float64] | None,
) -> sp.csr_array:
    """``diag(rows) · matrix · diag(columns)``, by scaling the stored values only."""
    data = matrix.data.astype(np.float64)
    if rows is not None:
        data = data * np.repeat(rows, np.diff(matrix.indptr))
    if columns is not None:
        data = data * columns[matrix.indices]
    return sp.csr_array((data, matrix.indices, matrix.indptr), shape=matrix.shape)


_SMALLEST_RATIO = 1e-100
"""The lightest tie the weighted constraint tells apart from the heaviest (see _relative)."""


def _relative(weight: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Tie weights over the heaviest, a positive ratio below ``_SMALLEST_RATIO`` raised to it.

    Burt's constraint is the same whatever the unit of the weights; read this way, no
    strength nor its inverse leaves the floats (a tie of weight 1e-320 made
    ``1 / strength`` infinite, and the constraint NaN).
    """
    top = float(weight.max()) if len(weight) else 0.0
    if top <= 0:
        return weight
    ratio = weight / top
    return np.where((ratio > 0) & (ratio < _SMALLEST_RATIO), _SMALLEST_RATIO, ratio)


def _constraints(
    own: sp.csr_array,
    full: sp.csr_array,
    total: npt.NDArray[np.float64],
    mine: sp.csr_array,
    chunk: I64,
) -> npt.NDArray[np.float64]:
    """Burt's constraint of the rows ``chunk``, ``p_ij = a_ij / total_i`` (``own = A[chunk]``)."""
    inverse = np.zeros(len(total), dtype=np.float64)
    inverse[total > 0] = 1.0 / total[total > 0]
    p_rows = _scaled(own, inverse[chunk], None)
    # Σ_q p_iq p_qj = (p_rows · diag(1/total) · A)_ij: the adjacency itself is not scaled
    indirect = (_scaled(p_rows, None, inverse) @ full).multiply(mine)
    return np.asarray((p_rows + indirect).power(2).sum(axis=1)).ravel()


def structural_holes(
    organization: OrgTables | Organization, *, people: Sequence[int] | I64 | None = None
) -> StructuralHoles:
    """Compute effective size and constraint (unweighted and weighted) from sparse products.

    ``nx.effective_size`` allocates a dense people × people array; this computes the
    same values from ``A[R] @ A`` restricted to the pattern of ``A[R]``, ``R`` a chunk of
    rows, so memory grows with ties, not people². Only the chosen rows are sliced and
    scaled; the shared tie adjacency is read as it is.

    Args:
        organization: the organisation, as a model object or compact arrays.
        people: person codes to measure (all people by default). On very large
            organisations, measure a selection: the cost is the sum over the chosen
            people's contacts of their contacts' degrees.

    Returns:
        Degree, effective size, constraint, strength and weighted constraint of each
        chosen person.
    """
    tables = as_tables(organization)
    adjacency = tie_adjacency(tables)
    unweighted = _tie_matrix(tables)
    relative = adjacency._replace(weight=_relative(adjacency.weight))
    weighted = relative.matrix()
    rows = (
        np.arange(tables.n_people, dtype=np.int64)
        if people is None
        else np.asarray(people, dtype=np.int64)
    )
    degree = adjacency.degree().astype(np.float64)
    # the strengths the measures read: the chosen people's and their contacts'
    if people is None:
        strength, relative_strength = adjacency.strength(), relative.strength()
    else:
        contacts = adjacency.indices[row_entries(adjacency.indptr, rows)[1]]
        around = np.unique(np.concatenate([rows, contacts]))
        strength, relative_strength = adjacency.strength(around), relative.strength(around)
    # a tie of weight 0 is no tie for the weighted measure (as networkx reads it)
    positive = (
        unweighted
        if bool((adjacency.weight > 0).all())
        else sp.csr_array(
            ((adjacency.weight > 0).astype(np.int32), adjacency.indices, adjacency.indptr),
            shape=unweighted.shape,
        )
    )
    sizes: list[float | None] = []
    constraints: list[float | None] = []
    weighted_constraints: list[float | None] = []
    for start in range(0, len(rows), _ROWS_PER_CHUNK):
        chunk = rows[start : start + _ROWS_PER_CHUNK]
        mine = unweighted[chunk]
        among = (mine @ unweighted).multiply(mine)
        t = np.asarray(among.sum(axis=1)).ravel() / 2.0
        c = _constraints(mine, unweighted, degree, mine, chunk)
        cw = _constraints(weighted[chunk], weighted, relative_strength, positive[chunk], chunk)
        for deg, ties_among, cons, wcons, total in zip(
            degree[chunk].tolist(),
            t.tolist(),
            c.tolist(),
            cw.tolist(),
            strength[chunk].tolist(),
            strict=True,
        ):
            if deg == 0:
                sizes.append(None)
                constraints.append(None)
                weighted_constraints.append(None)
            else:
                sizes.append(deg - 2.0 * ties_among / deg)
                constraints.append(cons)
                weighted_constraints.append(wcons if total > 0 else None)
    return StructuralHoles(
        people=tuple(tables.person_ids[i] for i in rows.tolist()),
        degree=tuple(int(x) for x in degree[rows].tolist()),
        effective_size=tuple(sizes),
        constraint=tuple(constraints),
        strength=tuple(float(x) for x in strength[rows].tolist()),
        weighted_constraint=tuple(weighted_constraints),
    )


@attrs.frozen
class BrokerageRoles(Displayable):
    """Gould and Fernandez's brokerage roles, with hierarchical lines as the groups.

    A person ``b`` brokers on a two-path ``a → b → c`` when ``a`` has no tie to ``c``
    (all three in lines). By the lines of ``a``, ``b`` and ``c``, ``b`` is a
    *coordinator* (all in one line), *itinerant* (``a`` and ``c`` in one line, ``b`` in
    another), *representative* (``a`` in ``b``'s line, ``c`` outside: ``b`` speaks for
    their line), *gatekeeper* (``c`` in ``b``'s line, ``a`` outside: ``b`` lets outside
    information in) or *liaison* (three different lines).

    With ``directed=False`` (the default: ties are read as undirected everywhere else),
    each open pair of contacts ``{a, c}`` counts once; a pair with one contact in ``b``'s
    line is both a representative and a gatekeeper path, so it counts once in each.

    Attributes:
        people: the ids measured.
        directed: whether tie direction (source → target) was followed.
        coordinator: per person, open two-paths where they coordinate.
        itinerant: per person, open two-paths where they are itinerant.
        representative: per person, open two-paths where they represent their line.
        gatekeeper: per person, open two-paths where they keep their line's gate.
        liaison: per person, open two-paths where they are a liaison.
    """

    people: tuple[str, ...]
    directed: bool
    coordinator: tuple[int, ...]
    itinerant: tuple[int, ...]
    representative: tuple[int, ...]
    gatekeeper: tuple[int, ...]
    liaison: tuple[int, ...]

    def _rows(self) -> list[dict[str, Any]]:
        data = self.to_dict()
        del data["directed"]
        return [dict(zip(data, values, strict=True)) for values in zip(*data.values(), strict=True)]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        data: dict[str, Any] = {"directed": self.directed}
        for key, value in attrs.asdict(self, recurse=False).items():
            if key != "directed":
                data[key] = list(value)
        return data


def _directed_ties(tables: OrgTables, directed: bool) -> sp.csr_array:
    """Distinct ordered pairs of people joined by a tie (both orders when undirected)."""
    if not directed:
        return _tie_matrix(tables)
    a = tables.tie_source.astype(np.int64)
    b = tables.tie_target.astype(np.int64)
    keep = a != b
    n = max(tables.n_people, 1)
    keys = unique_int(a[keep] * n + b[keep])
    return csr_rows(keys // n, keys % n, (tables.n_people, tables.n_people))


def _in_lines(matrix: sp.csr_array, rows: npt.NDArray[np.integer], line: I64) -> sp.csr_array:
    """The rows ``rows`` of ``matrix``, keeping the entries between two people in lines."""
    part = sp.csr_array(matrix[rows])
    owner = np.repeat(rows, np.diff(part.indptr))
    return _keep(part, (line[owner] >= 0) & (line[part.indices] >= 0))


def _by_line(matrix: sp.csr_array, line: I64, n_lines: int) -> npt.NDArray[np.int64]:
    """Per row, how many of its entries' columns fall in each line (a dense rows × lines)."""
    coo = matrix.tocoo()
    counts = np.zeros((matrix.shape[0], max(n_lines, 1)), dtype=np.int64)
    np.add.at(counts, (coo.row, line[coo.col]), coo.data.astype(np.int64))
    return counts


def _keep(matrix: sp.csr_array, mask: npt.NDArray[np.bool_]) -> sp.csr_array:
    """The entries of ``matrix`` where ``mask`` (one flag per stored entry) holds."""
    indptr = np.zeros(matrix.shape[0] + 1, dtype=np.int64)
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    np.cumsum(np.bincount(rows[mask], minlength=matrix.shape[0]), out=indptr[1:])
    return sp.csr_array((matrix.data[mask], matrix.indices[mask], indptr), shape=matrix.shape)


def _closed(
    left: sp.csr_array, right: sp.csr_array, q: sp.csr_array, line: I64, own: I64
) -> tuple[I64, I64]:
    """Closed two-paths per broker row, split by whether ``c`` is in the broker's line."""
    m = sp.csr_array((left @ right).multiply(q)).tocoo()
    c_own = line[m.col] == own[m.row]
    data = m.data.astype(np.int64)
    size = len(own)
    to_own = np.bincount(m.row[c_own], weights=data[c_own], minlength=size)
    to_other = np.bincount(m.row[~c_own], weights=data[~c_own], minlength=size)
    return to_own.astype(np.int64), to_other.astype(np.int64)


def brokerage_roles(
    organization: OrgTables | Organization,
    *,
    people: Sequence[int] | I64 | None = None,
    lines: HierarchicalLines | None = None,
    directed: bool = False,
) -> BrokerageRoles:
    """Count the Gould-Fernandez brokerage roles of people, lines as groups.

    For each broker ``b``, every two-path ``a → b → c`` (``a ≠ c``) is counted by class
    from the line counts of ``b``'s in- and out-contacts (an outer product per line);
    the closed ones (``a → c`` tied) are then removed by class, from the sparse products
    ``P·D ∘ Q`` (``P`` in-contacts, ``D`` ties, ``Q`` out-contacts) split by the lines of
    ``a`` and ``c``. No loop over neighbourhoods.

    Args:
        organization: the organisation, as a model object or compact arrays.
        people: person codes to measure (all by default).
        lines: its lines, when already computed.
        directed: follow tie direction (source → target) instead of reading ties as
            undirected.

    Returns:
        The five counts per person.
    """
    tables = as_tables(organization)
    lines = lines if lines is not None else hierarchical_lines(tables)
    n_lines = len(lines)
    line = lines.person_line
    rows = (
        np.arange(tables.n_people, dtype=np.int64)
        if people is None
        else np.asarray(people, dtype=np.int64)
    )
    # people in lines only: a two-path counts when all three are in lines
    ties = _directed_ties(tables, directed)
    incoming = sp.csr_array(ties.T) if directed else ties
    keys = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")
    out: dict[str, list[int]] = {key: [] for key in keys}
    for start in range(0, len(rows), _ROWS_PER_CHUNK):
        chunk = rows[start : start + _ROWS_PER_CHUNK]
        size = len(chunk)
        own = line[chunk]
        placed = sp.diags_array((own >= 0).astype(np.int64), dtype=np.int64)
        p = sp.csr_array(placed @ _in_lines(incoming, chunk, line))  # (b, a): a → b
        q = sp.csr_array(placed @ _in_lines(ties, chunk, line))  # (b, c): b → c
        mutual = sp.csr_array(p.multiply(q))  # a = c: not a two-path
        into, outof, both = (_by_line(m, line, n_lines) for m in (p, q, mutual))
        mine = np.arange(size), np.maximum(own, 0)
        in_own, out_own, both_own = into[mine], outof[mine], both[mine]
        in_all, out_all = into.sum(axis=1), outof.sum(axis=1)
        same = (into * outof - both).sum(axis=1)  # a and c in one line
        coordinator = in_own * out_own - both_own
        itinerant = same - coordinator
        representative = in_own * (out_all - out_own)
        gatekeeper = (in_all - in_own) * out_own
        liaison = in_all * out_all - both.sum(axis=1) - same - representative - gatekeeper
        # closed two-paths, class by class: entry (b, c) of (P_x · D_y) ∘ Q counts the
        # a → b with a → c, a restricted by x, the tie a → c by y. Only the rows of D
        # of the chunk's contacts are read: the products never touch the whole graph.
        contacts = np.unique(p.indices)
        d = _in_lines(ties, contacts, line)
        d_rows = np.repeat(contacts, np.diff(d.indptr))
        same_line = _keep(d, line[d_rows] == line[d.indices])
        pc = p.tocoo()
        local = np.searchsorted(contacts, pc.col)
        a_own = line[pc.col] == own[pc.row]
        shape = (size, len(contacts))
        p_own = sp.csr_array((pc.data[a_own], (pc.row[a_own], local[a_own])), shape=shape)
        p_other = sp.csr_array((pc.data[~a_own], (pc.row[~a_own], local[~a_own])), shape=shape)
        own_own, own_other = _closed(p_own, d, q, line, own)
        other_own, other_other = _closed(p_other, d, q, line, own)
        _, other_same = _closed(p_other, same_line, q, line, own)  # a, c in one other line
        counts = {
            "coordinator": coordinator - own_own,
            "itinerant": itinerant - other_same,
            "representative": representative - own_other,
            "gatekeeper": gatekeeper - other_own,
            "liaison": liaison - (other_other - other_same),
        }
        for key in keys:
            value = np.where(own >= 0, counts[key], 0)
            if not directed and key in ("coordinator", "itinerant", "liaison"):
                value = value // 2  # each unordered pair was counted in both directions
            out[key] += np.asarray(value, dtype=np.int64).tolist()
    return BrokerageRoles(
        people=tuple(tables.person_ids[i] for i in rows.tolist()),
        directed=directed,
        **{key: tuple(values) for key, values in out.items()},
    )


@attrs.frozen
class RoleLeaders(Displayable):
    """Gould-Fernandez brokerage roles of a set of people: totals and leaders per role.

    Attributes:
        measured: how many people were measured.
        everyone: whether they are every person of the organisation (else the people
            joining the most pairs of lines, as ``estrategy org`` measures them).
        directed: whether tie direction was followed.
        totals: per role, the open two-paths the measured people broker in it.
        brokers: per role, how many measured people broker at least one.
        top: per role, the leading brokers with their counts, most first.
    """

    measured: int
    everyone: bool
    directed: bool
    totals: tuple[tuple[str, int], ...]
    brokers: tuple[tuple[str, int], ...]
    top: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]

    def _rows(self) -> list[dict[str, Any]]:
        counts = dict(self.brokers)
        return [
            {"role": role, "two_paths": total, "brokers": counts[role]}
            for role, total in self.totals
        ]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "measured": self.measured,
            "everyone": self.everyone,
            "directed": self.directed,
            "totals": dict(self.totals),
            "brokers": dict(self.brokers),
            "top": {
                role: [{"person": p, "count": c} for p, c in leaders] for role, leaders in self.top
            },
        }


def brokerage_leaders(
    roles: BrokerageRoles, *, top: int = 5, everyone: bool = False
) -> RoleLeaders:
    """Sum the roles of the people measured and rank the leading brokers of each role.

    Args:
        roles: the roles of the people measured (:func:`brokerage_roles`).
        top: how many leaders to list per role.
        everyone: whether ``roles`` measured every person (said in the outputs).

    Returns:
        Totals, brokers and leaders per role.

    Example:
        >>> roles = BrokerageRoles(("a", "b"), False, (2, 0), (0, 0), (1, 3), (0, 0), (0, 0))
        >>> leaders = brokerage_leaders(roles)
        >>> dict(leaders.totals)["representative"], dict(leaders.top)["representative"]
        (4, (('b', 3), ('a', 1)))
    """
    totals, brokers, leaders = [], [], []
    for role in ROLES:
        counts = np.asarray(getattr(roles, role), dtype=np.int64)
        totals.append((role, int(counts.sum())))
        brokers.append((role, int((counts > 0).sum())))
        order = np.lexsort((np.arange(len(counts)), -counts))[:top]
        leaders.append(
            (
                role,
                tuple((roles.people[i], int(counts[i])) for i in order.tolist() if counts[i] > 0),
            )
        )
    return RoleLeaders(
        len(roles.people), everyone, roles.directed, tuple(totals), tuple(brokers), tuple(leaders)
    )
