"""Key-person risk: what each person's departure would break, for everyone, in linear time.

For every person, without recomputing anything per person:

- the live actions they alone are responsible for (each action has one responsible);
- the external experts they alone supervise (each external has one supervisor);
- the pairs of hierarchical lines whose every join goes through them: every tie joining
  the two lines is one of theirs, and every group joining them has them as its only
  member in one of the two lines;
- the share of all line-joining links (ties between lines, and each group's joins of two
  lines) that would disappear with them;
- the field-role holders whose every upward path goes through them: every path of
  steps to any decision maker passes by them (they are an articulation point of the step
  graph separating the holder from the decision makers, found for everyone at once).

ORG006 (``single-point-of-failure``) reads this analysis.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import attrs
import numpy as np
import numpy.typing as npt

from estrategy.base.display import Displayable
from estrategy.base.plain import plain_fields
from estrategy.model import Organization, StrategyModel
from estrategy.model.definitions import is_live
from estrategy.model.tables import OrgTables, as_tables, count_int, sorted_with_order, unique_int
from estrategy.org._blocks import Separation, separations
from estrategy.org._steps import step_tree
from estrategy.org.hierarchy import HierarchicalLines, hierarchical_lines
from estrategy.org.reach import FIELD_ROLES
from estrategy.org.transversal import _line_tie_pairs

__all__ = ["KeyPerson", "KeyPersonRisk", "key_person_risk"]

I64 = npt.NDArray[np.int64]
_LISTED = 20  # ids listed per kind of risk for each key person


@attrs.frozen
class KeyPerson(Displayable):
    """What one person's departure would break.

    Attributes:
        person: the person's id.
        external: whether they are external.
        actions: live actions they alone are responsible for (ids, the first 20).
        action_count: how many.
        externals: the external experts they supervise (ids, the first 20).
        external_count: how many.
        line_pairs: the pairs of lines only they join (heads, the first 20 pairs).
        line_pair_count: how many.
        join_share: the share of all line-joining links that disappear with them.
        field_roles: the field-role holders whose every upward path goes through them
            (ids, the first 20).
        field_role_count: how many.
        total: actions + externals + pairs of lines + field roles: what the ranking sorts by.
    """

    person: str
    external: bool
    actions: tuple[str, ...]
    action_count: int
    externals: tuple[str, ...]
    external_count: int
    line_pairs: tuple[tuple[str, str], ...]
    line_pair_count: int
    join_share: float
    field_roles: tuple[str, ...]
    field_role_count: int
    total: int

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return plain_fields(self)


@attrs.frozen(eq=False)
class KeyPersonRisk(Displayable):
    """Key-person risk of every person, and the people whose departure breaks the most.

    Attributes:
        people: the person ids, in order (the arrays below are by person code).
        lines: the heads of the hierarchical lines.
        links: how many line-joining links the organisation has.
        joined_pairs: how many pairs of lines are joined.
        holders: how many internal field-role holders have an upward path at all.
        action_counts: per person, live actions they alone are responsible for.
        external_counts: per person, external experts they supervise.
        line_pair_counts: per person, pairs of lines only they join.
        join_shares: per person, the share of line-joining links that disappear with them.
        field_role_counts: per person, field-role holders whose every upward path goes
            through them.
        top: the leading key people, most broken first.
    """

    people: tuple[str, ...]
    lines: tuple[str, ...]
    links: int
    joined_pairs: int
    holders: int
    action_counts: I64
    external_counts: I64
    line_pair_counts: I64
    join_shares: npt.NDArray[np.float64]
    field_role_counts: I64
    top: tuple[KeyPerson, ...]
    _separation: Separation | None = attrs.field(default=None, repr=False)
    _holder_mask: npt.NDArray[np.bool_] | None = attrs.field(default=None, repr=False)

    def field_roles_cut_by(self, person: int) -> list[str]:
        """The field-role holders whose every upward path goes through ``person`` (a code).

        Example:
            >>> from estrategy.model import Organization, Person
            >>> org = Organization(people=[
            ...     Person(id="boss", decision_maker=True),
            ...     Person(id="cm", manager="boss", roles=["community_manager"])])
            >>> key_person_risk(org).field_roles_cut_by(0)
            ['cm']
        """
        if self._separation is None or self._holder_mask is None:
            return []
        cut = _cut_holders(self._separation, person, self._holder_mask, len(self.people))
        return [self.people[i] for i in cut.tolist()]

    @property
    def totals(self) -> I64:
        """Per person, everything their departure breaks, counted."""
        return (
            self.action_counts
            + self.external_counts
            + self.line_pair_counts
            + self.field_role_counts
        )

    def _rows(self) -> list[dict[str, Any]]:
        totals = self.totals
        at_risk = np.flatnonzero((totals > 0) | (self.join_shares > 0))
        return [
            {
                "person": self.people[i],
                "actions": int(self.action_counts[i]),
                "externals": int(self.external_counts[i]),
                "line_pairs": int(self.line_pair_counts[i]),
                "join_share": float(self.join_shares[i]),
                "field_roles": int(self.field_role_counts[i]),
                "total": int(totals[i]),
            }
            for i in at_risk.tolist()
        ]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON: the totals and the leading key people."""
        totals = self.totals
        return {
            "people_at_risk": int((totals > 0).sum()),
            "links": self.links,
            "joined_pairs": self.joined_pairs,
            "holders": self.holders,
            "top": [k.to_dict() for k in self.top],
        }


class _Joins(NamedTuple):
    alone: I64  # per person: pairs of lines only they join
    shares: npt.NDArray[np.float64]  # per person: share of the links they carry
    listed: dict[int, list[tuple[int, int]]]  # per person with some: those pairs
    links: int  # line-joining links of the organisation
    joined: int  # pairs of lines joined


def _joins(tables: OrgTables, lines: HierarchicalLines) -> _Joins:
    """Per person: pairs of lines only they join, and the share of links they carry.

    A link is a distinct tie between two lines, or a group's join of two lines it has
    members in; a person carries a tie they are in, and a group join when they are the
    group's only member in one of the two lines. The only person of a line carries
    nothing: without them the line is empty, not cut off.
    """
    n, count = tables.n_people, len(lines)
    width = max(count, 1)
    line = lines.person_line
    many = lines.people_per_line() > 1  # per line: whether its people can carry links
    la, lb = _line_tie_pairs(tables, lines)
    cross = (la >= 0) & (lb >= 0) & (la != lb)
    la, lb = la[cross].astype(np.int64), lb[cross].astype(np.int64)
    tie_pair = np.minimum(la, lb) * width + np.maximum(la, lb)
    # each cross tie is carried by both its people (the lines of its ends are known)
    tie_carriers = [
        (tie_pair, tables.pair_a[cross], many[la]),
        (tie_pair, tables.pair_b[cross], many[lb]),
    ]
    # groups: (group, line) with how many members, and the only member where there is one
    member_line = line[tables.member_person]
    placed = member_line >= 0
    keys = tables.member_group[placed].astype(np.int64) * max(n, 1) + tables.member_person[placed]
    distinct = unique_int(keys)  # a sort: numpy's hashing unique is far slower here
    group = distinct // max(n, 1)
    person = distinct % max(n, 1)
    group_line_keys = group * width + line[person]
    # one sort gives the distinct (group, line) keys, their counts and each one's member
    ordered, order = sorted_with_order(group_line_keys, max(tables.n_groups, 1) * width)
    first = np.flatnonzero(np.concatenate([[True], ordered[1:] != ordered[:-1]])[: len(ordered)])
    group_line, members = ordered[first], np.diff(np.append(first, len(ordered)))
    sole = np.where(members == 1, person[order[first]], -1)
    g_of, l_of = group_line // width, group_line % width
    i, j = _pairs_within(g_of)  # every pair of lines a group spans
    group_pair = np.minimum(l_of[i], l_of[j]) * width + np.maximum(l_of[i], l_of[j])
    group_carriers = []
    for side in (i, j):
        has = sole[side] >= 0
        who = sole[side][has]
        group_carriers.append((group_pair[has], who, many[line[who]]))
    total = np.bincount(tie_pair, minlength=width * width)
    total += np.bincount(group_pair, minlength=width * width)
    link_count = len(tie_pair) + len(group_pair)
    carried = np.zeros(n, dtype=np.int64)
    for _, who, counted in (*tie_carriers, *group_carriers):
        carried += np.bincount(who[counted], minlength=n)
    # a person alone joins a pair only if they carry at least all of its links: look at
    # (pair, person) only where that can be (in a large organisation, almost nowhere),
    # first by the least total of any pair, then by the pair's own
    joined_totals = total[total > 0]
    can = carried >= (int(joined_totals.min()) if len(joined_totals) else 1)
    pairs, people = [], []
    for pair, who, counted in (*tie_carriers, *group_carriers):
        maybe = counted & can[who]
        pair, who = pair[maybe], who[maybe].astype(np.int64)
        possible = carried[who] >= total[pair]
        pairs.append(pair[possible])
        people.append(who[possible])
    key, held = count_int(np.concatenate(pairs) * max(n, 1) + np.concatenate(people))
    alone = held == total[key // max(n, 1)]
    alone_person = key[alone] % max(n, 1)
    alone_pair = key[alone] // max(n, 1)
    alone_count = np.bincount(alone_person, minlength=n).astype(np.int64)
    listed: dict[int, list[tuple[int, int]]] = {}
    for p, k in zip(alone_person.tolist(), alone_pair.tolist(), strict=True):
        listed.setdefault(p, []).append((k // width, k % width))
    shares = carried / link_count if link_count else np.zeros(n, dtype=np.float64)
    return _Joins(alone_count, shares, listed, link_count, int((total > 0).sum()))


def _pairs_within(runs: I64) -> tuple[I64, I64]:
    """Every pair ``i < j`` of positions within each run of equal values of ``runs``.

    Example:
        >>> [x.tolist() for x in _pairs_within(np.array([4, 4, 4, 7]))]
        [[0, 0, 1], [1, 2, 2]]
    """
    m = len(runs)
    if m == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    starts = np.flatnonzero(np.concatenate([[True], runs[1:] != runs[:-1]]))
    ends = np.append(starts[1:], m)
    after = np.repeat(ends, ends - starts) - np.arange(m) - 1
    i = np.repeat(np.arange(m, dtype=np.int64), after)
    j = i + 1 + (np.arange(len(i)) - np.repeat(np.cumsum(after) - after, after))
    return i, j


def key_person_risk(
    source: StrategyModel | Organization | OrgTables,
    *,
    top: int = 20,
    roles: Sequence[str] = FIELD_ROLES,
    lines: HierarchicalLines | None = None,
) -> KeyPersonRisk:
    """Measure, for every person, what their departure would break, and rank them.

    Args:
        source: a model (its actions count too), or an organisation alone.
        top: how many key people to detail.
        roles: the field roles whose upward paths count (ORG004's).
        lines: the lines, when already computed.

    Returns:
        Per person, the counts of what breaks; the ``top`` key people with their ids.

    Example:
        >>> from estrategy.model import Organization, Person
        >>> org = Organization(people=[
        ...     Person(id="boss", decision_maker=True),
        ...     Person(id="cm", manager="boss", roles=["community_manager"]),
        ...     Person(id="agency", external=True, supervisor="cm"),
        ... ])
        >>> [(k.person, k.field_roles, k.externals) for k in key_person_risk(org).top]
        [('boss', ('cm',), ()), ('cm', (), ('agency',))]

        The boss alone carries the community manager's path to a decision maker; the
        community manager alone supervises the agency.

    Notes:
        Linear in people, ties and memberships: one breadth-first spanning tree of the
        step graph and Tarjan and Vishkin's blocks on it (vectorised), and ``bincount``
        over the line-joining links. Nothing is recomputed per person.
    """
    if top < 0:
        raise ValueError("top must be >= 0")
    model = source if isinstance(source, StrategyModel) else None
    organization = model.organization if model is not None else source
    assert not isinstance(organization, StrategyModel)
    tables = as_tables(organization)
    lines = lines if lines is not None else hierarchical_lines(tables)
    n = tables.n_people
    actions: dict[int, list[str]] = {}
    if model is not None:
        index = {pid: i for i, pid in enumerate(tables.person_ids)}
        for action in model.actions:
            if is_live(action) and action.responsible in index:
                actions.setdefault(index[action.responsible], []).append(action.id)
    action_counts = np.zeros(n, dtype=np.int64)
    for i, ids in actions.items():
        action_counts[i] = len(ids)
    supervised = (tables.person_supervisor >= 0) & tables.person_external
    external_counts = np.bincount(tables.person_supervisor[supervised], minlength=n).astype(
        np.int64
    )
    joins = _joins(tables, lines)
    pair_counts, shares, listed_pairs = joins.alone, joins.shares, joins.listed
    holders = tables.roles.holders(tuple(roles), n) & ~tables.person_external
    separation = separations(step_tree(tables), tables)
    weight = np.zeros(len(separation.parent), dtype=np.int64)
    weight[:n] = holders
    field_counts = separation.cut_counts(weight)[:n]
    totals = action_counts + external_counts + pair_counts + field_counts
    order = _leaders(totals, shares, top)
    chosen = [i for i in order.tolist() if totals[i] > 0 or shares[i] > 0]
    heads = lines.heads
    key_people = []
    for i in chosen:
        supervised_by = (
            np.flatnonzero(supervised & (tables.person_supervisor == i))
            if external_counts[i]
            else np.zeros(0, dtype=np.int64)
        )
        cut = _cut_holders(separation, i, holders, n) if field_counts[i] else supervised_by[:0]
        pairs = listed_pairs.get(i, [])
        key_people.append(
            KeyPerson(
                person=tables.person_ids[i],
                external=bool(tables.person_external[i]),
                actions=tuple(actions.get(i, ())[:_LISTED]),
                action_count=int(action_counts[i]),
                externals=tuple(tables.person_ids[x] for x in supervised_by[:_LISTED].tolist()),
                external_count=int(external_counts[i]),
                line_pairs=tuple((heads[a], heads[b]) for a, b in sorted(pairs)[:_LISTED]),
                line_pair_count=int(pair_counts[i]),
                join_share=float(shares[i]),
                field_roles=tuple(tables.person_ids[x] for x in cut[:_LISTED].tolist()),
                field_role_count=int(field_counts[i]),
                total=int(totals[i]),
            )
        )
    reachable = int((holders & separation.reached[:n]).sum())
    return KeyPersonRisk(
        people=tables.person_ids,
        lines=heads,
        links=joins.links,
        joined_pairs=joins.joined,
        holders=reachable,
        action_counts=action_counts,
        external_counts=external_counts,
        line_pair_counts=pair_counts,
        join_shares=shares,
        field_role_counts=field_counts,
        top=tuple(key_people),
        separation=separation,
        holder_mask=holders,
    )


def _leaders(totals: I64, shares: npt.NDArray[np.float64], top: int) -> I64:
    """The ``top`` people by total, then share, then order, greatest first.

    What a sort of everyone by those three keys would put first, from the few people
    who can be among them (a partition by total, then by share among those at the
    bound): no sort of a million people for twenty.

    Example:
        >>> _leaders(np.array([1, 3, 3, 0]), np.array([0.5, 0.1, 0.2, 0.9]), 2).tolist()
        [2, 1]
    """
    n = len(totals)
    candidates = np.arange(n, dtype=np.int64)
    if 0 < top < n:
        bound = np.partition(totals, n - top)[n - top]
        above = np.flatnonzero(totals > bound)
        at = np.flatnonzero(totals == bound)
        needed = top - len(above)
        if needed < len(at):
            share = shares[at]
            at = at[share >= np.partition(share, len(at) - needed)[len(at) - needed]]
        candidates = np.concatenate([above, at])
    order = candidates[np.lexsort((candidates, -shares[candidates], -totals[candidates]))]
    return order[: max(top, 0)]


def _cut_holders(
    separation: Separation, person: int, holders: npt.NDArray[np.bool_], n: int
) -> I64:
    """The holders ``person`` separates from every decision maker, in order of the people."""
    cut = separation.separated_by(person)
    cut = cut[cut < n]
    return np.sort(cut[holders[cut]])
