"""Transversality: how groups and ties join the hierarchical lines, silos, ESN reach.

Ties are read as undirected and counted once per pair of people: duplicate ties (the
same pair listed twice, in either direction or of both kinds) count as one, self-ties
are left out.
"""

from __future__ import annotations

import itertools
from typing import Any, cast

import attrs
import numpy as np
import numpy.typing as npt

from estrategy.base.display import Displayable
from estrategy.base.plain import plain_fields
from estrategy.model import GroupKind, Organization
from estrategy.model.tables import GROUP_KINDS, OrgTables, as_tables, unique_int
from estrategy.org._kernels import block_ties, csr_rows
from estrategy.org.hierarchy import HierarchicalLines, derived_for_lines, hierarchical_lines

__all__ = [
    "EsnReach",
    "GroupSpan",
    "GroupTransversality",
    "Isolates",
    "LineCollaboration",
    "LineLink",
    "LineTies",
    "Silos",
    "Transversality",
    "esn_reach",
    "esn_unreached",
    "group_transversality",
    "isolates",
    "line_collaboration",
    "silos",
    "transversality",
]

I64 = npt.NDArray[np.int64]


def _lines(
    organization: OrgTables | Organization, lines: HierarchicalLines | None
) -> tuple[OrgTables, HierarchicalLines]:
    tables = as_tables(organization)
    return tables, lines if lines is not None else hierarchical_lines(tables)


def _group_lines(tables: OrgTables, lines: HierarchicalLines) -> tuple[I64, I64]:
    """Distinct ``(group, line)`` pairs of the members who belong to a line."""
    member_line = lines.person_line[tables.member_person]
    keep = member_line >= 0
    n_lines = max(len(lines), 1)
    keys = unique_int(tables.member_group[keep].astype(np.int64) * n_lines + member_line[keep])
    return keys // n_lines, keys % n_lines


@attrs.frozen
class GroupSpan(Displayable):
    """The hierarchical lines one transversal group spans.

    Attributes:
        group: the group's id.
        kind: its kind.
        members: how many distinct people it has.
        members_in_lines: how many of them belong to a line.
        lines: the heads of the lines its members belong to, in line order.
    """

    group: str
    kind: GroupKind
    members: int
    members_in_lines: int
    lines: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return plain_fields(self)


@attrs.frozen
class GroupTransversality(Displayable):
    """Lines spanned by every group.

    Attributes:
        n_lines: number of hierarchical lines of the organisation.
        groups: one :class:`GroupSpan` per group, in the order of the groups.
    """

    n_lines: int
    groups: tuple[GroupSpan, ...]

    def single_line(self) -> tuple[GroupSpan, ...]:
        """Groups whose members in lines all belong to one line (ORG002's subjects)."""
        if self.n_lines < 2:
            return ()
        return tuple(g for g in self.groups if len(g.lines) == 1)

    def _rows(self) -> list[dict[str, Any]]:
        return [g.to_dict() for g in self.groups]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return plain_fields(self)


def group_transversality(
    organization: OrgTables | Organization, *, lines: HierarchicalLines | None = None
) -> GroupTransversality:
    """Count the lines each transversal group spans.

    Args:
        organization: the organisation, as a model object or compact arrays.
        lines: its lines, when already computed.

    Returns:
        Per group, its members and the lines they belong to.

    Example:
        >>> from estrategy.model import Organization, Person, TransversalGroup, Unit
        >>> org = Organization(
        ...     units=[Unit(id="hq"), Unit(id="a", parent="hq"), Unit(id="b", parent="hq")],
        ...     people=[Person(id="x", unit="a"), Person(id="y", unit="b")],
        ...     groups=[TransversalGroup(id="g", members=["x", "y"])],
        ... )
        >>> group_transversality(org).groups[0].lines
        ('a', 'b')
    """
    tables, lines = _lines(organization, lines)
    groups, line = _group_lines(tables, lines)
    n_groups = tables.n_groups
    member_keys = unique_int(
        tables.member_group.astype(np.int64) * max(tables.n_people, 1) + tables.member_person
    )
    member_group = member_keys // max(tables.n_people, 1)
    member_person = member_keys % max(tables.n_people, 1)
    members = np.bincount(member_group, minlength=n_groups)
    in_lines = np.bincount(member_group[lines.person_line[member_person] >= 0], minlength=n_groups)
    bounds = np.searchsorted(groups, np.arange(n_groups + 1)).tolist()
    heads = lines.heads
    head_of = heads.__getitem__
    line_list = line.tolist()
    # plain Python values first: one GroupSpan per group, no numpy scalar per field
    spans = tuple(
        map(
            GroupSpan,
            tables.group_ids,
            [GROUP_KINDS[k] for k in tables.group_kind.tolist()],
            members.tolist(),
            in_lines.tolist(),
            [tuple(map(head_of, line_list[a:b])) for a, b in itertools.pairwise(bounds)],
        )
    )
    return GroupTransversality(len(lines), spans)


class _PlainResult(Displayable):
    """A result whose JSON is its fields as they are (numbers and texts only)."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return plain_fields(cast("attrs.AttrsInstance", self))


@attrs.frozen
class LineLink(_PlainResult):
    """What joins two hierarchical lines.

    Attributes:
        a: head of one line.
        b: head of the other (``a`` comes before ``b`` in line order).
        groups: groups with members in both lines.
        ties: distinct pairs of people, one in each line, joined by a tie; ``None``
            (withheld) when either line has fewer people than the minimum group size.
    """

    a: str
    b: str
    groups: int
    ties: int | None


@attrs.frozen
class Transversality(Displayable):
    """How the lines of an organisation are joined to one another.

    Attributes:
        lines: the heads of the lines.
        links: every pair of lines joined by at least one group or tie.
        share: joined pairs over all pairs of lines; ``None`` with fewer than two lines.
        min_group_size: the tie counts of links touching a line with fewer people are
            withheld (``None``: nothing is withheld).
    """

    lines: tuple[str, ...]
    links: tuple[LineLink, ...]
    share: float | None
    min_group_size: int | None = None

    @property
    def possible_pairs(self) -> int:
        """The number of pairs of lines."""
        n = len(self.lines)
        return n * (n - 1) // 2

    def matrix(self, what: str = "both") -> npt.NDArray[np.int64]:
        """The line × line link matrix (symmetric, zero diagonal).

        Args:
            what: ``"groups"``, ``"ties"`` or ``"both"`` (their sum); a withheld tie
                count counts as 0.
        """
        if what not in ("groups", "ties", "both"):
            raise ValueError("what must be 'groups', 'ties' or 'both'")
        index = {h: i for i, h in enumerate(self.lines)}
        out = np.zeros((len(self.lines), len(self.lines)), dtype=np.int64)
        for link in self.links:
            ties = link.ties or 0
            value = (link.groups if what != "ties" else 0) + (ties if what != "groups" else 0)
            out[index[link.a], index[link.b]] = out[index[link.b], index[link.a]] = value
        return out

    def _rows(self) -> list[dict[str, Any]]:
        return [link.to_dict() for link in self.links]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "lines": list(self.lines),
            "share": self.share,
            "joined_pairs": len(self.links),
            "possible_pairs": self.possible_pairs,
            "links": [link.to_dict() for link in self.links],
        }


def _line_tie_pairs(tables: OrgTables, lines: HierarchicalLines) -> tuple[I64, I64]:
    """For each distinct tie, the lines of its two people (-1 for none), computed once."""
    return derived_for_lines(tables, lines, "org.pair_lines", lambda: pair_lines(tables, lines))


def pair_lines(tables: OrgTables, lines: HierarchicalLines) -> tuple[I64, I64]:
    """For each distinct tie, the lines of its two people (-1 for none)."""
    line = lines.person_line.astype(np.int32)
    return line[tables.pair_a], line[tables.pair_b]  # type: ignore[return-value]


def line_pair_totals(
    tables: OrgTables, lines: HierarchicalLines
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Distinct tied pairs and their weight by the lines of their two people, computed once.

    Two ``(lines + 1) × (lines + 1)`` tables, row and column 0 for people of no line:
    entry ``[x + 1, y + 1]`` counts the pairs ``(a, b)`` (``a < b``) with ``a`` in line
    ``x`` and ``b`` in line ``y``. Every per-line and line × line count of ties reads
    these two tables: two ``bincount`` over the pairs in all.
    """

    def compute() -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        la, lb = _line_tie_pairs(tables, lines)
        width = len(lines) + 1
        key = (la.astype(np.int64) + 1) * width + (lb + 1)
        counts = np.bincount(key, minlength=width * width).reshape(width, width)
        weights = np.bincount(key, weights=tables.pair_weight, minlength=width * width)
        return (
            np.asarray(counts, dtype=np.int64),
            np.asarray(weights, dtype=np.float64).reshape(width, width),
        )

    return derived_for_lines(tables, lines, "org.line_pair_totals", compute)


def transversality(
    organization: OrgTables | Organization,
    *,
    lines: HierarchicalLines | None = None,
    min_group_size: int | None = None,
) -> Transversality:
    """Measure which pairs of lines a group or a tie joins.

    Args:
        organization: the organisation, as a model object or compact arrays.
        lines: its lines, when already computed.
        min_group_size: the tie counts between a line with fewer people and any other are
            withheld (privacy: the ties of a line of two are those of two persons); the
            link itself, and its groups, stay. ``None``: nothing is withheld.

    Returns:
        The joined pairs of lines, with how many groups and ties join each, and the share
        of pairs joined.

    Notes:
        Groups × lines is a sparse 0/1 matrix ``G``; ``GᵀG`` counts the groups joining
        each pair of lines. Linear in memberships and ties.
    """
    tables, lines = _lines(organization, lines)
    n = len(lines)
    groups, line = _group_lines(tables, lines)
    g = csr_rows(groups, line, (tables.n_groups, n))
    together = (g.T @ g).tocoo()
    upper = together.row < together.col
    group_keys = together.row[upper].astype(np.int64) * n + together.col[upper]
    group_counts = together.data[upper].astype(np.int64)
    totals, _ = line_pair_totals(tables, lines)
    cross = (totals + totals.T)[1:, 1:]
    x, y = np.nonzero(np.triu(cross, 1))
    tie_keys = (x * n + y).astype(np.int64)
    tie_counts = cross[x, y].astype(np.int64)
    keys = np.union1d(group_keys, tie_keys)
    by_groups = np.zeros(len(keys), dtype=np.int64)
    by_groups[np.searchsorted(keys, group_keys)] = group_counts
    by_ties = np.zeros(len(keys), dtype=np.int64)
    by_ties[np.searchsorted(keys, tie_keys)] = tie_counts
    small: set[int] = set()
    if min_group_size is not None:
        people = lines.people_per_line()
        small = {i for i in range(n) if (int(people[i]) if i < len(people) else 0) < min_group_size}
    links = [
        LineLink(
            lines.heads[k // n],
            lines.heads[k % n],
            k_groups,
            None if (k // n in small or k % n in small) else k_ties,
        )
        for k, k_groups, k_ties in zip(
            keys.tolist(), by_groups.tolist(), by_ties.tolist(), strict=True
        )
    ]
    share = len(links) / (n * (n - 1) // 2) if n >= 2 else None
    return Transversality(lines.heads, tuple(links), share, min_group_size)


@attrs.frozen
class Silos(Displayable):
    """Hierarchical lines joined to no other line by a group or a tie (ORG001).

    Attributes:
        n_lines: number of lines; silos are only looked for with two or more.
        lines: the heads of the silo lines, in line order.
    """

    n_lines: int
    lines: tuple[str, ...]

    def _rows(self) -> list[dict[str, Any]]:
        return [{"line": h} for h in self.lines]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {"n_lines": self.n_lines, "silos": list(self.lines)}


def silos(
    organization: OrgTables | Organization,
    *,
    lines: HierarchicalLines | None = None,
    joined: Transversality | None = None,
) -> Silos:
    """Find the lines that no group and no tie joins to another line.

    Args:
        organization: the organisation, as a model object or compact arrays.
        lines: its lines, when already computed.
        joined: its :func:`transversality`, when already computed.

    Returns:
        The silo lines (none with fewer than two lines).
    """
    tables, lines = _lines(organization, lines)
    if len(lines) < 2:
        return Silos(len(lines), ())
    joined = joined if joined is not None else transversality(tables, lines=lines)
    touched = {h for link in joined.links for h in (link.a, link.b)}
    return Silos(len(lines), tuple(h for h in lines.heads if h not in touched))


@attrs.frozen
class LineTies(_PlainResult):
    """The ties of one hierarchical line, inside and outside it, by count and by weight.

    Attributes:
        line: head of the line.
        internal: ties between two people of the line.
        external: ties between a person of the line and anyone outside it (another
            line, a root unit, no unit).
        within_share: ``internal / (internal + external)``, over distinct pairs of people:
            a silo index (``None`` without ties). ONA tools' "within group" share is
            defined differently: see :func:`group_matrix`.
        ei_index: Krackhardt's E-I index ``(external - internal) / (external + internal)``:
            -1 is a perfect silo, +1 a line that only works outwards (``None`` without ties).
        internal_weight: the weight of the internal ties (a pair's weight is the sum of
            its tie rows' weights).
        external_weight: the weight of the external ties.
        weighted_within_share: ``internal_weight / (internal_weight + external_weight)``.
        weighted_ei_index: the E-I index by weight.
        people: how many people the line has.
        withheld: the line has fewer people than the minimum group size: its measures
            are withheld (``None``), so no one's ties can be inferred from them.
    """

    line: str
    internal: int | None
    external: int | None
    within_share: float | None
    ei_index: float | None
    internal_weight: float | None = None
    external_weight: float | None = None
    weighted_within_share: float | None = None
    weighted_ei_index: float | None = None
    people: int = 0
    withheld: bool = False


@attrs.frozen
class LineCollaboration(Displayable):
    """Ties within and between lines.

    Attributes:
        lines: the heads of the lines.
        per_line: one :class:`LineTies` per line.
        pairs: ``(line a, line b, ties)`` for every pair of lines (``a <= b``, the
            diagonal holding ties inside a line) with at least one tie; pairs with a
            withheld line are left out.
        min_group_size: lines with fewer people have their measures withheld (``None``:
            nothing is withheld).
    """

    lines: tuple[str, ...]
    per_line: tuple[LineTies, ...]
    pairs: tuple[tuple[str, str, int], ...]
    min_group_size: int | None = None

    @property
    def withheld(self) -> tuple[str, ...]:
        """The lines whose measures are withheld (fewer people than the minimum)."""
        return tuple(t.line for t in self.per_line if t.withheld)

    def matrix(self) -> npt.NDArray[np.int64]:
        """The symmetric line × line collaboration matrix (ties inside a line on the diagonal)."""
        index = {h: i for i, h in enumerate(self.lines)}
        out = np.zeros((len(self.lines), len(self.lines)), dtype=np.int64)
        for a, b, count in self.pairs:
            out[index[a], index[b]] = out[index[b], index[a]] = count
        return out

    def _rows(self) -> list[dict[str, Any]]:
        return [x.to_dict() for x in self.per_line]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {
            "lines": list(self.lines),
            "per_line": [x.to_dict() for x in self.per_line],
            "pairs": [list(p) for p in self.pairs],
            "min_group_size": self.min_group_size,
            "withheld": list(self.withheld),
        }


def _share(inside: float, outside: float) -> tuple[float | None, float | None]:
    """The within share and the E-I index of ``inside`` and ``outside`` amounts."""
    total = inside + outside
    if not total or not np.isfinite(total):
        return None, None
    return inside / total, (outside - inside) / total


def line_collaboration(
    organization: OrgTables | Organization,
    *,
    lines: HierarchicalLines | None = None,
    min_group_size: int | None = None,
) -> LineCollaboration:
    """Measure, per line, how much of its collaboration stays inside it, by count and weight.

    Args:
        organization: the organisation, as a model object or compact arrays.
        lines: its lines, when already computed.
        min_group_size: lines with fewer people have their measures withheld (privacy:
            the ties of a line of two people are those of two persons); ``None``: none.

    Returns:
        The share of ties each line keeps inside, its E-I index (by count and by weight),
        and the line × line collaboration matrix.

    Notes:
        One ``bincount`` per measure over the distinct pairs: linear in ties.
    """
    tables, lines = _lines(organization, lines)
    ties = block_ties(*line_pair_totals(tables, lines))
    internal, internal_w = ties.internal, ties.internal_weight
    external, external_w = ties.external, ties.external_weight
    size = lines.people_per_line()
    per_line = []
    for i, head in enumerate(lines.heads):
        people = int(size[i]) if i < len(size) else 0
        if min_group_size is not None and people < min_group_size:
            per_line.append(LineTies(head, None, None, None, None, people=people, withheld=True))
            continue
        inside, outside = int(internal[i]), int(external[i])
        inside_w, outside_w = float(internal_w[i]), float(external_w[i])
        share, ei = _share(inside, outside)
        weighted_share, weighted_ei = _share(inside_w, outside_w)
        per_line.append(
            LineTies(
                head,
                inside,
                outside,
                share,
                ei,
                inside_w,
                outside_w,
                weighted_share,
                weighted_ei,
                people,
            )
        )
    shown = np.array([not t.withheld for t in per_line], dtype=np.bool_)
    x, y = np.nonzero(ties.between)
    kept = shown[x] & shown[y]
    pairs = tuple(
        (lines.heads[a], lines.heads[b], int(ties.between[a, b]))
        for a, b in zip(x[kept].tolist(), y[kept].tolist(), strict=True)
    )
    return LineCollaboration(lines.heads, tuple(per_line), pairs, min_group_size)


def _connected(tables: OrgTables) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Who has a tie with someone else, and who belongs to a group."""
    n = tables.n_people
    # the distinct pairs leave self-ties out: the first of each pair by its row
    # pointers, the second by a scatter
    tied = np.diff(tables.pair_indptr()) > 0
    tied[tables.pair_b] = True
    grouped = np.zeros(n, dtype=np.bool_)
    grouped[tables.member_person] = True
    return tied, grouped


@attrs.frozen
class Isolates(Displayable):
    """People with no tie to anyone and in no group (ORG005's subjects).

    Attributes:
        people: their ids, in the order of the people.
        share: their share of all people (0 without people).
    """

    people: tuple[str, ...]
    share: float

    def _rows(self) -> list[dict[str, Any]]:
        return [{"person": p} for p in self.people]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {"count": len(self.people), "share": self.share, "people": list(self.people)}


def isolates(organization: OrgTables | Organization) -> Isolates:
    """Find the people with no tie to anyone else and in no group.

    Hierarchical links do not count: a person known only to their manager is isolated
    from the organisation's transversal life. A self-tie is not a tie.

    Args:
        organization: the organisation, as a model object or compact arrays.

    Returns:
        The isolated people.
    """
    tables = as_tables(organization)
    tied, grouped = _connected(tables)
    alone = np.flatnonzero(~tied & ~grouped)
    n = tables.n_people
    return Isolates(
        tuple(tables.person_ids[i] for i in alone.tolist()), len(alone) / n if n else 0.0
    )


@attrs.frozen
class EsnReach(Displayable):
    """How far the enterprise social network reaches.

    Attributes:
        internal_people: people who are not external (the denominator).
        reached: internal people with an ESN tie to someone else or in an ESN community.
        share: ``reached / internal_people`` (0 without internal people).
    """

    internal_people: int
    reached: int
    share: float

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return attrs.asdict(self)


def _esn_reached(tables: OrgTables) -> npt.NDArray[np.bool_]:
    """Per person, whether the ESN reaches them: the one definition of ESN reach.

    A person is reached with an ESN tie to someone else, or as a member of an ESN
    community; whether they are external is left to the callers.
    """
    reached = np.zeros(tables.n_people, dtype=np.bool_)
    rows = np.flatnonzero(tables.tie_esn)  # the ESN ties only, then their self-ties out
    source, target = tables.tie_source[rows], tables.tie_target[rows]
    other = source != target
    reached[source[other]] = True
    reached[target[other]] = True
    esn_kind = GROUP_KINDS.index(GroupKind.ESN_COMMUNITY)
    in_esn_group = tables.group_kind[tables.member_group] == esn_kind
    reached[tables.member_person[in_esn_group]] = True
    return reached


def esn_reach(organization: OrgTables | Organization) -> EsnReach:
    """Measure the share of internal people the ESN reaches.

    Args:
        organization: the organisation, as a model object or compact arrays.

    Returns:
        Reached people over internal people.
    """
    tables = as_tables(organization)
    reached = _esn_reached(tables)
    internal = ~tables.person_external
    count = int(internal.sum())
    hit = int((reached & internal).sum())
    return EsnReach(count, hit, hit / count if count else 0.0)


def esn_unreached(organization: OrgTables | Organization) -> tuple[str, ...]:
    """Name the internal people the ESN does not reach, as :func:`esn_reach` counts them.

    Args:
        organization: the organisation, as a model object or compact arrays.

    Returns:
        The ids of internal people with no ESN tie to someone else and in no ESN
        community, in the organisation's order of people.

    Example:
        >>> from estrategy.model import Organization, Person, Tie
        >>> org = Organization(
        ...     people=[Person(id="ann"), Person(id="bob"), Person(id="cy"),
        ...             Person(id="ext", external=True)],
        ...     ties=[Tie(source="ann", target="bob", kind="esn")])
        >>> esn_unreached(org), esn_reach(org).reached
        (('cy',), 2)
    """
    tables = as_tables(organization)
    unreached = ~_esn_reached(tables) & ~tables.person_external
    return tuple(tables.person_ids[i] for i in np.flatnonzero(unreached).tolist())
