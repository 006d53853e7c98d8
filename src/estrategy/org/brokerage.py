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

from estrategy.model import Organization
from estrategy.org._display import Displayable
from estrategy.org._kernels import as_tables, csr_rows, person_pairs, undirected_ties
from estrategy.org.hierarchy import HierarchicalLines, hierarchical_lines
from estrategy.org.tables import OrgTables

__all__ = [
    "Broker",
    "BrokerageRoles",
    "Brokers",
    "StructuralHoles",
    "brokerage_roles",
    "brokers",
    "lines_touched",
    "structural_holes",
]

I64 = npt.NDArray[np.int64]
_ROWS_PER_CHUNK = 20_000


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
    """

    person: str
    line: str | None
    lines: tuple[str, ...]
    pairs: int
    effective_size: float | None
    constraint: float | None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        data = attrs.asdict(self)
        data["lines"] = list(self.lines)
        return data


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
        return {
            "n_lines": self.n_lines,
            "brokering": self.brokering,
            "top": [b.to_dict() for b in self.top],
        }


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
    touched = lines_touched(tables, lines=lines)
    k = np.diff(touched.indptr).astype(np.int64)
    pairs = k * (k - 1) // 2
    order = np.lexsort((np.arange(len(pairs)), -pairs))
    chosen = order[:top]
    chosen = chosen[pairs[chosen] > 0]
    holes = structural_holes(tables, people=chosen)
    result = []
    for position, i in enumerate(chosen.tolist()):
        own = int(lines.person_line[i])
        reach = touched.indices[touched.indptr[i] : touched.indptr[i + 1]]
        result.append(
            Broker(
                person=tables.person_ids[i],
                line=lines.heads[own] if own >= 0 else None,
                lines=tuple(lines.heads[x] for x in np.sort(reach).tolist()),
                pairs=int(pairs[i]),
                effective_size=holes.effective_size[position],
                constraint=holes.constraint[position],
            )
        )
    return Brokers(len(lines), int((pairs > 0).sum()), tuple(result))


@attrs.frozen
class StructuralHoles(Displayable):
    """Burt's structural-hole measures on the undirected, unweighted tie network.

    Attributes:
        people: the ids measured.
        degree: distinct people each is tied to.
        effective_size: Borgatti's ``degree - 2 t / degree`` (``t`` ties among their
            contacts); ``None`` without ties.
        constraint: Burt's ``Σ_j (p_ij + Σ_q p_iq p_qj)²`` with ``p_ij = 1 / degree``;
            ``None`` without ties.
    """

    people: tuple[str, ...]
    degree: tuple[int, ...]
    effective_size: tuple[float | None, ...]
    constraint: tuple[float | None, ...]

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
        }


def _tie_matrix(tables: OrgTables) -> sp.csr_array:
    a, b = undirected_ties(tables)
    return person_pairs(a, b, tables.n_people)


def structural_holes(
    organization: OrgTables | Organization, *, people: Sequence[int] | I64 | None = None
) -> StructuralHoles:
    """Compute effective size and constraint from sparse products.

    ``nx.effective_size`` allocates a dense people × people array; this computes the
    same values (for an undirected, unweighted graph) from ``A[R] @ A`` restricted to the
    pattern of ``A[R]``, ``R`` a chunk of rows, so memory grows with ties, not people².

    Args:
        organization: the organisation, as a model object or compact arrays.
        people: person codes to measure (all people by default). On very large
            organisations, measure a selection: the cost is the sum over the chosen
            people's contacts of their contacts' degrees.

    Returns:
        Degree, effective size and constraint of each chosen person.
    """
    tables = as_tables(organization)
    adjacency = _tie_matrix(tables).astype(np.float64)
    rows = (
        np.arange(tables.n_people, dtype=np.int64)
        if people is None
        else np.asarray(people, dtype=np.int64)
    )
    degree = np.diff(adjacency.indptr)
    inverse = np.zeros(tables.n_people, dtype=np.float64)
    inverse[degree > 0] = 1.0 / degree[degree > 0]
    share = sp.diags_array(inverse) @ adjacency  # p_ij = 1 / degree_i on each tie
    share = sp.csr_array(share)
    sizes: list[float | None] = []
    constraints: list[float | None] = []
    for start in range(0, len(rows), _ROWS_PER_CHUNK):
        chunk = rows[start : start + _ROWS_PER_CHUNK]
        mine = adjacency[chunk]
        among = (mine @ adjacency).multiply(mine)
        t = np.asarray(among.sum(axis=1)).ravel() / 2.0
        p_rows = share[chunk]
        indirect = (p_rows @ share).multiply(mine)
        c = np.asarray((p_rows + indirect).power(2).sum(axis=1)).ravel()
        d = degree[chunk]
        for deg, ties_among, cons in zip(d.tolist(), t.tolist(), c.tolist(), strict=True):
            if deg == 0:
                sizes.append(None)
                constraints.append(None)
            else:
                sizes.append(deg - 2.0 * ties_among / deg)
                constraints.append(cons)
    return StructuralHoles(
        people=tuple(tables.person_ids[i] for i in rows.tolist()),
        degree=tuple(int(x) for x in degree[rows].tolist()),
        effective_size=tuple(sizes),
        constraint=tuple(constraints),
    )


@attrs.frozen
class BrokerageRoles(Displayable):
    """Gould and Fernandez's brokerage roles, with hierarchical lines as the groups.

    For a person ``b`` and two of their contacts ``a`` and ``c`` who are not tied to each
    other (an open two-path ``a - b - c``, all three in a line), ``b`` brokers as:
    *coordinator* (all three in one line), *itinerant* (``a`` and ``c`` in one line,
    ``b`` in another), *gatekeeper or representative* (``b`` shares a line with exactly
    one of them; ties are undirected here, so the two directed roles are one count), or
    *liaison* (three different lines).

    Attributes:
        people: the ids measured.
        coordinator: per person, open two-paths where they coordinate.
        itinerant: per person, open two-paths where they are itinerant.
        gatekeeper_representative: per person, open two-paths of either directed role.
        liaison: per person, open two-paths where they are a liaison.
    """

    people: tuple[str, ...]
    coordinator: tuple[int, ...]
    itinerant: tuple[int, ...]
    gatekeeper_representative: tuple[int, ...]
    liaison: tuple[int, ...]

    def _rows(self) -> list[dict[str, Any]]:
        data = self.to_dict()
        return [dict(zip(data, values, strict=True)) for values in zip(*data.values(), strict=True)]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {k: list(v) for k, v in attrs.asdict(self, recurse=False).items()}


def brokerage_roles(
    organization: OrgTables | Organization,
    *,
    people: Sequence[int] | I64 | None = None,
    lines: HierarchicalLines | None = None,
) -> BrokerageRoles:
    """Count the Gould-Fernandez brokerage roles of people, lines as groups.

    All two-paths are counted from the contacts' line counts (``C(n, 2)`` per line); the
    closed ones (contacts tied to each other) are then removed by class, from the
    triangles ``A[R] @ A ∘ A[R]`` split by the lines of the two contacts.

    Args:
        organization: the organisation, as a model object or compact arrays.
        people: person codes to measure (all by default).
        lines: its lines, when already computed.

    Returns:
        The four counts per person.
    """
    tables = as_tables(organization)
    lines = lines if lines is not None else hierarchical_lines(tables)
    n_lines = len(lines)
    line = lines.person_line
    adjacency = _tie_matrix(tables)
    rows = (
        np.arange(tables.n_people, dtype=np.int64)
        if people is None
        else np.asarray(people, dtype=np.int64)
    )
    # contacts in lines only: a two-path counts when all three people are in lines
    in_line = sp.diags_array((line >= 0).astype(np.int64), dtype=np.int64)
    placed = sp.csr_array(in_line @ adjacency.astype(np.int64) @ in_line)
    coo = placed.tocoo()
    same = line[coo.row] == line[coo.col]
    same_line = sp.csr_array((coo.data[same], (coo.row[same], coo.col[same])), shape=placed.shape)
    out: dict[str, list[int]] = {"coordinator": [], "itinerant": [], "gate": [], "liaison": []}
    for start in range(0, len(rows), _ROWS_PER_CHUNK):
        chunk = rows[start : start + _ROWS_PER_CHUNK]
        size = len(chunk)
        own = line[chunk]
        # a person outside every line brokers nothing here
        q = sp.csr_array(
            sp.diags_array((own >= 0).astype(np.int64), dtype=np.int64) @ placed[chunk]
        )
        contacts = q.tocoo()
        counts = np.zeros((size, max(n_lines, 1)), dtype=np.int64)
        np.add.at(counts, (contacts.row, line[contacts.col]), 1)
        degree = counts.sum(axis=1)
        own_count = np.where(own >= 0, counts[np.arange(size), np.maximum(own, 0)], 0)
        same_pairs = (counts * (counts - 1) // 2).sum(axis=1)
        coordinator = own_count * (own_count - 1) // 2
        itinerant = same_pairs - coordinator
        gate = own_count * (degree - own_count)
        liaison = degree * (degree - 1) // 2 - same_pairs - gate
        # closed two-paths (the two contacts tied to each other), removed class by class:
        # entry (b, c) of (q @ X) * q counts contacts a of b tied to c through X
        closed = ((q @ placed).multiply(q)).tocoo()
        closed_same = ((q @ same_line).multiply(q)).tocoo()
        in_own = line[closed_same.col] == own[closed_same.row]
        coordinator_closed = (
            np.bincount(closed_same.row[in_own], weights=closed_same.data[in_own], minlength=size)
            // 2
        )
        same_closed = np.bincount(closed_same.row, weights=closed_same.data, minlength=size) // 2
        from_own = line[closed.col] == own[closed.row]
        gate_closed = (
            np.bincount(closed.row[from_own], weights=closed.data[from_own], minlength=size)
            - 2 * coordinator_closed
        )
        all_closed = np.bincount(closed.row, weights=closed.data, minlength=size) // 2
        liaison_closed = all_closed - same_closed - gate_closed
        for key, value in (
            ("coordinator", coordinator - coordinator_closed),
            ("itinerant", itinerant - (same_closed - coordinator_closed)),
            ("gate", gate - gate_closed),
            ("liaison", liaison - liaison_closed),
        ):
            out[key] += np.asarray(value, dtype=np.int64).tolist()
    return BrokerageRoles(
        people=tuple(tables.person_ids[i] for i in rows.tolist()),
        coordinator=tuple(out["coordinator"]),
        itinerant=tuple(out["itinerant"]),
        gatekeeper_representative=tuple(out["gate"]),
        liaison=tuple(out["liaison"]),
    )
