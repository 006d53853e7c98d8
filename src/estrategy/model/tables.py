"""The organisation as compact arrays: the one representation every analysis runs on.

An :class:`OrgTables` holds each person, unit and group as an integer code (its position
in ``person_ids``, ``unit_ids``, ``group_ids``) and every relation as numpy arrays of
codes. It is built straight from a CSV folder (:func:`estrategy.io.orgcsv.read_tables`,
streaming, never one Python object per cell) or from an
:class:`~estrategy.model.Organization` (:func:`tables_from_organization`, or
:func:`as_tables`, which builds them once per organisation), so the analyses have one
implementation whatever the source. Every reader ends with :func:`build_tables`.

This module belongs to the model layer and needs numpy only; ``import estrategy.model``
does not import it (numpy is loaded by those who use the tables).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from types import MappingProxyType

import attrs
import numpy as np
import numpy.typing as npt

from estrategy.base.messages import Message
from estrategy.model._memo import Memo
from estrategy.model.enums import GroupKind, OrganizationSize, TieKind
from estrategy.model.organization import Organization

__all__ = [
    "GROUP_KINDS",
    "NONE",
    "CodeList",
    "OrgTables",
    "as_tables",
    "build_tables",
    "count_int",
    "order_of",
    "sorted_with_order",
    "tables_from_organization",
    "unique_int",
]

NONE = -1
"""The code of a missing reference (no unit, no manager, no supervisor, no parent)."""

I32 = npt.NDArray[np.int32]
I64 = npt.NDArray[np.int64]
F64 = npt.NDArray[np.float64]
Bool = npt.NDArray[np.bool_]

GROUP_KINDS: tuple[GroupKind, ...] = tuple(GroupKind)
"""Group kinds in code order (``group_kind`` holds positions in this tuple)."""


@attrs.frozen(eq=False)
class CodeList:
    """A list of string sets per row in CSR form (roles or skills of each person).

    Attributes:
        names: the distinct strings, in order of first appearance.
        indptr: row ``i``'s codes are ``indices[indptr[i]:indptr[i + 1]]``.
        indices: codes into ``names``.
    """

    names: tuple[str, ...]
    indptr: I64
    indices: I32

    def row(self, i: int) -> tuple[str, ...]:
        """The strings of row ``i``, in their original order."""
        return tuple(self.names[c] for c in self.indices[self.indptr[i] : self.indptr[i + 1]])

    def holders(self, wanted: Sequence[str], rows: int) -> Bool:
        """A mask over ``rows`` rows: which rows hold at least one of ``wanted``."""
        codes = [i for i, name in enumerate(self.names) if name in set(wanted)]
        mask = np.zeros(rows, dtype=np.bool_)
        if not codes or len(self.indices) == 0:
            return mask
        hit = np.isin(self.indices, np.asarray(codes, dtype=np.int32))
        owner = np.repeat(np.arange(rows, dtype=np.int64), np.diff(self.indptr))
        mask[owner[hit]] = True
        return mask

    @classmethod
    def from_rows(cls, rows: Sequence[Sequence[str]]) -> CodeList:
        """Build from one sequence of strings per row."""
        index: dict[str, int] = {}
        lengths = np.fromiter((len(r) for r in rows), dtype=np.int64, count=len(rows))
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        flat = [index.setdefault(s, len(index)) for r in rows for s in r]
        return cls(tuple(index), indptr, np.asarray(flat, dtype=np.int32))


@attrs.frozen(eq=False)
class OrgTables(Memo):
    """An organisation as integer-coded numpy arrays.

    Codes are positions: person ``i`` is ``person_ids[i]``. A missing reference is
    :data:`NONE` (``-1``). Ties are kept as given (self-ties and duplicates included);
    each analysis says how it reads them.

    Attributes:
        name: the organisation's name.
        size: its size class.
        unit_ids: unit ids, in file order.
        unit_names: unit names.
        unit_parent: code of each unit's parent unit, or ``-1`` for a root.
        person_ids: person ids, in file order.
        person_names: person names.
        person_unit: code of each person's unit, or ``-1``.
        person_manager: code of each person's manager, or ``-1``.
        person_supervisor: code of each person's supervisor, or ``-1``.
        person_external: whether each person is external.
        person_decision_maker: whether each person is a decision maker.
        roles: each person's roles.
        skills: each person's skills.
        group_ids: group ids, in file order.
        group_names: group names.
        group_kind: position of each group's kind in :data:`GROUP_KINDS`.
        group_objective: each group's objective, or ``None``.
        group_deadline: each group's deadline (ISO date text), or ``None``.
        member_group: group code of each membership.
        member_person: person code of each membership.
        tie_source: person code of each tie's source.
        tie_target: person code of each tie's target.
        tie_esn: whether each tie is an ESN tie.
        tie_weight: each tie's weight.
        attributes: extra columns kept from the files, by node kind (``"person"``,
            ``"unit"``, ``"group"``), then column name, then one text per row (empty
            text for none).
        notes: what the reader noted on the source (warnings: a column a mapping names
            and the export lacks, rows collapsed or left out), for the outputs to show.
        not_given: ``file.column`` (``people.manager``) of the columns a mapping names and
            the export lacks: the analyses that need them are not computed.
        pair_a: derived: the distinct unordered pairs of people joined by a tie
            (``pair_a < pair_b``), sorted, self-ties left out; what the analyses read.
        pair_b: derived: the other person of each pair.
        pair_weight: derived: the weight of each pair, the sum of the weights of its tie
            rows (both directions, both kinds).
    """

    name: str
    size: OrganizationSize
    unit_ids: tuple[str, ...]
    unit_names: tuple[str, ...]
    unit_parent: I32
    person_ids: tuple[str, ...]
    person_names: tuple[str, ...]
    person_unit: I32
    person_manager: I32
    person_supervisor: I32
    person_external: Bool
    person_decision_maker: Bool
    roles: CodeList
    skills: CodeList
    group_ids: tuple[str, ...]
    group_names: tuple[str, ...]
    group_kind: npt.NDArray[np.int8]
    group_objective: tuple[str | None, ...]
    group_deadline: tuple[str | None, ...]
    member_group: I32
    member_person: I32
    tie_source: I32
    tie_target: I32
    tie_esn: Bool
    tie_weight: F64
    attributes: Mapping[str, Mapping[str, Sequence[str]]] = attrs.field(factory=dict)
    notes: tuple[Message, ...] = ()
    not_given: frozenset[str] = frozenset()
    pair_a: I32 = attrs.field(init=False, repr=False)
    pair_b: I32 = attrs.field(init=False, repr=False)
    pair_weight: F64 = attrs.field(init=False, repr=False)
    # What the analyses derive from the tables once and share (the tie adjacency…).
    _derived: dict[str, object] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        _check_shapes(self)
        # Every analysis reads ties as distinct undirected pairs: derive them once, here.
        a, b, w, indptr = _distinct_pairs(
            self.tie_source, self.tie_target, self.tie_weight, len(self.person_ids)
        )
        object.__setattr__(self, "pair_a", a)
        object.__setattr__(self, "pair_b", b)
        object.__setattr__(self, "pair_weight", w)
        # the pairs' row pointers come out of their counting sort: kept, not recounted
        object.__setattr__(self, "_derived", {"model.pair_indptr": indptr})

    def pair_indptr(self) -> I64:
        """Where each person's pairs begin in the sorted pairs (``n_people + 1`` pointers).

        Person ``i``'s pairs are positions ``pair_indptr()[i]`` to ``pair_indptr()[i + 1]``
        of ``pair_a``, ``pair_b`` and ``pair_weight``.
        """

        def compute() -> I64:
            indptr = np.zeros(self.n_people + 1, dtype=np.int64)
            np.cumsum(np.bincount(self.pair_a, minlength=self.n_people), out=indptr[1:])
            return indptr

        return self.derived("model.pair_indptr", compute)

    @property
    def n_people(self) -> int:
        """The number of people."""
        return len(self.person_ids)

    @property
    def n_units(self) -> int:
        """The number of units."""
        return len(self.unit_ids)

    @property
    def n_groups(self) -> int:
        """The number of groups."""
        return len(self.group_ids)


_ROWS = MappingProxyType(
    {
        "unit": "unit_ids",
        "person": "person_ids",
        "group": "group_ids",
        "member": "member_group",
        "tie": "tie_source",
    }
)
"""Each table of :class:`OrgTables` (the prefix of its columns) and the column whose
length is the table's: every other column of the table has that many items."""


def _check_shapes(tables: OrgTables) -> None:
    """Refuse arrays of inconsistent lengths or codes out of range (for hand-built tables)."""
    n_units, n_people, n_groups = tables.n_units, tables.n_people, tables.n_groups
    problems: list[str] = []
    for column in attrs.fields(OrgTables):
        rows = _ROWS.get(column.name.partition("_")[0])
        if rows is not None and column.name != rows and column.init:
            values, length = getattr(tables, column.name), len(getattr(tables, rows))
            if len(values) != length:
                problems.append(f"{column.name} has {len(values)} items, expected {length}")
    for codes_list in (tables.roles, tables.skills):
        if len(codes_list.indptr) != n_people + 1:
            problems.append(f"roles and skills need {n_people + 1} row pointers")
    ranges: dict[str, tuple[npt.NDArray[np.integer], int, bool]] = {
        "unit_parent": (tables.unit_parent, n_units, True),
        "person_unit": (tables.person_unit, n_units, True),
        "person_manager": (tables.person_manager, n_people, True),
        "person_supervisor": (tables.person_supervisor, n_people, True),
        "member_group": (tables.member_group, n_groups, False),
        "member_person": (tables.member_person, n_people, False),
        "tie_source": (tables.tie_source, n_people, False),
        "tie_target": (tables.tie_target, n_people, False),
        "group_kind": (tables.group_kind, len(GROUP_KINDS), False),
    }
    for name, (values, bound, optional) in ranges.items():
        if len(values) and (values.max() >= bound or values.min() < (NONE if optional else 0)):
            problems.append(f"{name} holds codes outside 0..{bound - 1}")
    if problems:
        raise ValueError("inconsistent organisation tables: " + "; ".join(problems))


def unique_int(keys: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Sorted distinct values of an integer array (sorting beats hashing on large arrays)."""
    if len(keys) == 0:
        return keys
    ordered = np.sort(keys)
    keep = np.empty(len(ordered), dtype=np.bool_)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def count_int(keys: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Sorted distinct values of an integer array and how often each occurs."""
    if len(keys) == 0:
        return keys, np.zeros(0, dtype=np.int64)
    ordered = np.sort(keys)
    starts = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]]))
    counts = np.diff(np.append(starts, len(ordered)))
    return ordered[starts], counts.astype(np.int64)


def sorted_with_order(
    keys: npt.NDArray[np.integer], bound: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Non-negative integer ``keys`` (all below ``bound``) sorted, and the sorting permutation.

    Each key is packed with its position into one unsigned 64-bit number and those are
    sorted: a plain sort, several times faster than an argsort, and the sorted keys come
    out of it without a gather. Equal keys keep their order (the positions break the
    ties). Too large for 64 bits, it is a stable argsort.

    Example:
        >>> [x.tolist() for x in sorted_with_order(np.array([3, 1, 3, 0]), 4)]
        [[0, 1, 3, 3], [3, 1, 0, 2]]
    """
    count = len(keys)
    shift = max(count - 1, 1).bit_length()
    if max(bound - 1, 1).bit_length() + shift > 64:
        order = np.argsort(keys, kind="stable").astype(np.int64)
        return keys[order].astype(np.int64), order
    packed = keys.astype(np.uint64)
    packed <<= np.uint64(shift)
    packed |= np.arange(count, dtype=np.uint64)
    packed.sort()
    order = (packed & np.uint64((1 << shift) - 1)).astype(np.int64)
    packed >>= np.uint64(shift)
    return packed.astype(np.int64), order


def order_of(keys: npt.NDArray[np.integer], bound: int) -> npt.NDArray[np.int64]:
    """A stable sorting permutation of non-negative integer ``keys`` below ``bound``.

    Example:
        >>> order_of(np.array([3, 1, 3, 0]), 4).tolist()
        [3, 1, 0, 2]
    """
    return sorted_with_order(keys, bound)[1]


def _distinct_pairs(source: I32, target: I32, weight: F64, n: int) -> tuple[I32, I32, F64, I64]:
    """Distinct unordered pairs ``a < b`` of the ties, sorted, self-ties left out, weighed.

    A pair's weight is the sum of its rows' weights (the count of rows when every weight
    is 1). The pairs are the entries of the upper triangle of a sparse matrix: scipy
    places them by row with a counting sort, sorts each row's few columns and sums the
    duplicates, in linear time and several times faster than sorting packed keys. Also
    returns where each person's pairs begin (the matrix's row pointers).
    """
    import scipy.sparse as sp

    low, high = np.minimum(source, target), np.maximum(source, target)
    # a self-tie is a pair (a, a), left out: moved to an extra last row, which is cut
    # off at the end (a view), rather than filtering every array
    low[low == high] = n
    upper = sp.csr_array(
        (weight.astype(np.float64, copy=False), (low, high)), shape=(n + 1, max(n, 1))
    )
    upper.sum_duplicates()  # sorts each row's columns, adds up the repeated ones
    indptr = upper.indptr[: n + 1].astype(np.int64)
    m = int(indptr[-1])
    a = np.repeat(np.arange(n, dtype=np.int32), np.diff(indptr))
    # weights near the float limit sum to infinity, as numpy's sum would
    return (
        a,
        upper.indices[:m].astype(np.int32, copy=False),
        upper.data[:m].astype(np.float64, copy=False),
        indptr,
    )


def _codes(values: Sequence[str | None], index: Mapping[str, int]) -> I32:
    return np.fromiter(
        (NONE if v is None else index[v] for v in values), dtype=np.int32, count=len(values)
    )


def _code_list(rows: CodeList | Sequence[Sequence[str]]) -> CodeList:
    return rows if isinstance(rows, CodeList) else CodeList.from_rows(rows)


def _texts(values: Iterable[str] | None, n: int) -> tuple[str, ...]:
    return ("",) * n if values is None else tuple(values)


def build_tables(
    *,
    name: str,
    size: OrganizationSize,
    unit_ids: Iterable[str],
    unit_parent: npt.ArrayLike,
    person_ids: Iterable[str],
    person_unit: npt.ArrayLike,
    person_manager: npt.ArrayLike,
    person_supervisor: npt.ArrayLike,
    person_external: npt.ArrayLike,
    person_decision_maker: npt.ArrayLike,
    roles: CodeList | Sequence[Sequence[str]],
    skills: CodeList | Sequence[Sequence[str]],
    group_ids: Iterable[str],
    group_kind: npt.ArrayLike,
    group_objective: Iterable[str | None],
    group_deadline: Iterable[str | None],
    member_group: npt.ArrayLike,
    member_person: npt.ArrayLike,
    tie_source: npt.ArrayLike,
    tie_target: npt.ArrayLike,
    tie_esn: npt.ArrayLike,
    tie_weight: npt.ArrayLike,
    unit_names: Iterable[str] | None = None,
    person_names: Iterable[str] | None = None,
    group_names: Iterable[str] | None = None,
    attributes: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
    notes: Sequence[Message] = (),
    not_given: Iterable[str] = (),
) -> OrgTables:
    """Assemble :class:`OrgTables` from any reader's columns, in the dtypes they need.

    The one constructor every reader ends with (model organisations, both CSV engines,
    GraphML, test factories): ids and texts become tuples, codes ``int32`` arrays, flags
    ``bool`` arrays, weights ``float64``, row lists :class:`CodeList`; names left out are
    empty texts.

    Every argument is the :class:`OrgTables` attribute of the same name, in any
    sequence or array-like form; only the conversions are described here.

    Args:
        name: kept as is.
        size: kept as is.
        unit_ids: made a tuple.
        unit_parent: ``int32`` codes, :data:`NONE` for a root.
        person_ids: made a tuple.
        person_unit: ``int32`` codes, :data:`NONE` for no unit.
        person_manager: ``int32`` codes, :data:`NONE` for no manager.
        person_supervisor: ``int32`` codes, :data:`NONE` for no supervisor.
        person_external: made a ``bool`` array.
        person_decision_maker: made a ``bool`` array too.
        roles: a :class:`CodeList`, or one sequence of roles per person to code.
        skills: likewise, for skills.
        group_ids: made a tuple.
        group_kind: ``int8`` positions in :data:`GROUP_KINDS`.
        group_objective: a tuple, ``None`` for none.
        group_deadline: a tuple of ISO dates, ``None`` for none.
        member_group: ``int32`` group codes.
        member_person: ``int32`` person codes, one per membership.
        tie_source: ``int32`` person codes.
        tie_target: ``int32`` person codes, one per tie.
        tie_esn: ``bool`` flags.
        tie_weight: ``float64`` weights.
        unit_names: a tuple; empty texts when left out.
        person_names: a tuple; empty texts when left out.
        group_names: a tuple; empty texts when left out.
        attributes: kept as is; none when left out.
        notes: made a tuple; none when left out.
        not_given: made a frozenset; none when left out.

    Returns:
        The tables (checked for consistent lengths and codes in range).

    Raises:
        ValueError: the columns have inconsistent lengths or codes out of range.

    Example:
        >>> t = build_tables(
        ...     name="Demo", size=OrganizationSize.SMALL, unit_ids=["hq"], unit_parent=[NONE],
        ...     person_ids=["ann"], person_unit=[0], person_manager=[NONE],
        ...     person_supervisor=[NONE], person_external=[False],
        ...     person_decision_maker=[True], roles=[["ceo"]], skills=[[]], group_ids=[],
        ...     group_kind=[], group_objective=[], group_deadline=[], member_group=[],
        ...     member_person=[], tie_source=[], tie_target=[], tie_esn=[], tie_weight=[],
        ... )
        >>> t.person_names, t.roles.row(0)
        (('',), ('ceo',))
    """
    unit_id_list = tuple(unit_ids)
    person_id_list = tuple(person_ids)
    group_id_list = tuple(group_ids)
    return OrgTables(
        name=name,
        size=size,
        unit_ids=unit_id_list,
        unit_names=_texts(unit_names, len(unit_id_list)),
        unit_parent=np.asarray(unit_parent, dtype=np.int32),
        person_ids=person_id_list,
        person_names=_texts(person_names, len(person_id_list)),
        person_unit=np.asarray(person_unit, dtype=np.int32),
        person_manager=np.asarray(person_manager, dtype=np.int32),
        person_supervisor=np.asarray(person_supervisor, dtype=np.int32),
        person_external=np.asarray(person_external, dtype=np.bool_),
        person_decision_maker=np.asarray(person_decision_maker, dtype=np.bool_),
        roles=_code_list(roles),
        skills=_code_list(skills),
        group_ids=group_id_list,
        group_names=_texts(group_names, len(group_id_list)),
        group_kind=np.asarray(group_kind, dtype=np.int8),
        group_objective=tuple(group_objective),
        group_deadline=tuple(group_deadline),
        member_group=np.asarray(member_group, dtype=np.int32),
        member_person=np.asarray(member_person, dtype=np.int32),
        tie_source=np.asarray(tie_source, dtype=np.int32),
        tie_target=np.asarray(tie_target, dtype=np.int32),
        tie_esn=np.asarray(tie_esn, dtype=np.bool_),
        tie_weight=np.asarray(tie_weight, dtype=np.float64),
        attributes={} if attributes is None else attributes,
        notes=tuple(notes),
        not_given=frozenset(not_given),
    )


def tables_from_organization(organization: Organization) -> OrgTables:
    """Build the compact arrays of a model's organisation.

    The organisation must hold together (every reference resolves), as it does inside a
    :class:`~estrategy.model.StrategyModel`; references that do not resolve are read as
    none, so that a partial organisation can still be analysed.

    Args:
        organization: the organisation.

    Returns:
        Its :class:`OrgTables`.

    Example:
        >>> from estrategy.model import Organization, Person
        >>> t = tables_from_organization(Organization(people=[Person(id="a")]))
        >>> t.person_ids, t.person_unit.tolist()
        (('a',), [-1])
    """
    units = organization.units
    people = organization.people
    groups = organization.groups
    unit_index = {u.id: i for i, u in enumerate(units)}
    person_index = {p.id: i for i, p in enumerate(people)}
    group_index = {g.id: i for i, g in enumerate(groups)}

    def unit_code(ref: str | None) -> str | None:
        return ref if ref in unit_index else None

    def person_code(ref: str | None) -> str | None:
        return ref if ref in person_index else None

    kinds = {k: i for i, k in enumerate(GROUP_KINDS)}
    members = [
        (group_index[g.id], person_index[m]) for g in groups for m in g.members if m in person_index
    ]
    ties = [
        (person_index[t.source], person_index[t.target], t.kind == TieKind.ESN, t.weight)
        for t in organization.ties
        if t.source in person_index and t.target in person_index
    ]
    attributes: dict[str, dict[str, list[str]]] = {}
    columns = sorted({k for p in people for k, _ in p.attributes})
    if columns:
        per_person = [dict(p.attributes) for p in people]
        attributes["person"] = {c: [a.get(c, "") for a in per_person] for c in columns}
    return build_tables(
        name=organization.name,
        size=organization.size,
        unit_ids=[u.id for u in units],
        unit_names=[u.name for u in units],
        unit_parent=_codes([unit_code(u.parent) for u in units], unit_index),
        person_ids=[p.id for p in people],
        person_names=[p.name for p in people],
        person_unit=_codes([unit_code(p.unit) for p in people], unit_index),
        person_manager=_codes([person_code(p.manager) for p in people], person_index),
        person_supervisor=_codes([person_code(p.supervisor) for p in people], person_index),
        person_external=[p.external for p in people],
        person_decision_maker=[p.decision_maker for p in people],
        roles=[p.roles for p in people],
        skills=[p.skills for p in people],
        group_ids=[g.id for g in groups],
        group_names=[g.name for g in groups],
        group_kind=[kinds[g.kind] for g in groups],
        group_objective=[g.objective for g in groups],
        group_deadline=[None if g.deadline is None else g.deadline.isoformat() for g in groups],
        member_group=[m[0] for m in members],
        member_person=[m[1] for m in members],
        tie_source=[t[0] for t in ties],
        tie_target=[t[1] for t in ties],
        tie_esn=[t[2] for t in ties],
        tie_weight=[t[3] for t in ties],
        attributes=attributes,
    )


def as_tables(organization: OrgTables | Organization) -> OrgTables:
    """The compact arrays of ``organization``, built once per model organisation.

    Args:
        organization: the organisation, as a model object or tables already built.

    Returns:
        ``organization`` itself when it is tables; else its tables, cached on the
        (immutable) organisation so every analysis of it shares one build.

    Example:
        >>> from estrategy.model import Organization, Person
        >>> org = Organization(people=[Person(id="a")])
        >>> as_tables(org) is as_tables(org)
        True
    """
    if isinstance(organization, OrgTables):
        return organization
    return organization.derived("org.tables", lambda: tables_from_organization(organization))
