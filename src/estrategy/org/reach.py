"""Upward reach: how many steps separate field roles from the nearest decision maker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from estrategy.base.display import Displayable
from estrategy.model import Organization
from estrategy.model.tables import OrgTables, as_tables, unique_int
from estrategy.org._kernels import csr_rows, gather, hierarchy_adjacency, tie_adjacency

__all__ = ["FIELD_ROLES", "FieldReach", "UpwardReach", "steps_to_decision_makers", "upward_reach"]

FIELD_ROLES: tuple[str, ...] = ("community_manager", "data_scientist", "sales")
"""The roles whose field knowledge must reach a decision maker (ORG004)."""


def steps_to_decision_makers(organization: OrgTables | Organization) -> npt.NDArray[np.int64]:
    """Steps from every person to the nearest decision maker (``-1``: none reachable).

    A *step* between two people is a manager link, a supervision link, a tie, or a
    shared group; a group counts as one step however large it is. Steps are read in both
    directions. A decision maker is 0 steps from one.

    Args:
        organization: the organisation, as a model object or compact arrays.

    Returns:
        One step count per person, by person code.

    Notes:
        One multi-source breadth-first search from all decision makers at once, level by
        level with vectorised CSR gathers: each link and membership is read once, so the
        cost is linear in people, links and memberships.
    """
    tables = as_tables(organization)
    n = tables.n_people
    steps = np.full(n, -1, dtype=np.int64)
    if n == 0:
        return steps
    ties = tie_adjacency(tables)
    hierarchy = hierarchy_adjacency(tables)
    person_groups = csr_rows(
        tables.member_person.astype(np.int64),
        tables.member_group.astype(np.int64),
        (n, tables.n_groups),
    )
    group_people = person_groups.T.tocsr()
    done = np.zeros(tables.n_groups, dtype=np.bool_)
    frontier = np.flatnonzero(tables.person_decision_maker).astype(np.int64)
    steps[frontier] = 0
    level = 0
    m_ptr, m_idx = person_groups.indptr.astype(np.int64), person_groups.indices
    g_ptr, g_idx = group_people.indptr.astype(np.int64), group_people.indices
    while len(frontier):
        level += 1
        _, tied = gather(ties.indptr, ties.indices, frontier)
        _, above_below = gather(hierarchy.indptr, hierarchy.indices, frontier)
        _, groups = gather(m_ptr, m_idx, frontier)
        groups = unique_int(groups[~done[groups]])
        done[groups] = True
        _, members = gather(g_ptr, g_idx, groups)
        reached = np.concatenate([tied, above_below, members])
        frontier = unique_int(reached[steps[reached] < 0])
        steps[frontier] = level
    return steps


@attrs.frozen
class FieldReach(Displayable):
    """One field-role holder and their distance to a decision maker.

    Attributes:
        person: the person's id.
        roles: the field roles they hold.
        steps: steps to the nearest decision maker; ``None`` when none can be reached.
    """

    person: str
    roles: tuple[str, ...]
    steps: int | None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return {"person": self.person, "roles": list(self.roles), "steps": self.steps}


@attrs.frozen
class UpwardReach(Displayable):
    """How far field information travels before it reaches a decision.

    Attributes:
        roles: the roles looked at.
        decision_makers: how many decision makers the organisation has.
        holders: every internal holder of one of ``roles``, in the order of the people.
        hops: the most steps deemed acceptable (ORG004's ``upward_hops``); ``to_dict`` and
            the text output list the holders beyond it.
    """

    roles: tuple[str, ...]
    decision_makers: int
    holders: tuple[FieldReach, ...]
    hops: int = 3

    def beyond(self, hops: int) -> tuple[FieldReach, ...]:
        """Holders more than ``hops`` steps away, or who cannot reach a decision maker."""
        return tuple(h for h in self.holders if h.steps is None or h.steps > hops)

    def _rows(self) -> list[dict[str, Any]]:
        return [h.to_dict() for h in self.holders]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (a distribution, then every holder beyond ``hops`` steps)."""
        steps = [h.steps for h in self.holders if h.steps is not None]
        distribution: dict[str, int] = {}
        for s in sorted(steps):
            distribution[str(s)] = distribution.get(str(s), 0) + 1
        return {
            "roles": list(self.roles),
            "decision_makers": self.decision_makers,
            "holders": len(self.holders),
            "unreachable": sum(1 for h in self.holders if h.steps is None),
            "mean_steps": sum(steps) / len(steps) if steps else None,
            "distribution": distribution,
            "upward_hops": self.hops,
            "beyond": [h.to_dict() for h in self.beyond(self.hops)],
        }


def upward_reach(
    organization: OrgTables | Organization,
    *,
    roles: Sequence[str] = FIELD_ROLES,
    hops: int = 3,
) -> UpwardReach:
    """Measure the steps from each internal field-role holder to the nearest decision maker.

    Args:
        organization: the organisation, as a model object or compact arrays.
        roles: the field roles (by default community manager, data scientist, sales).
        hops: the most steps deemed acceptable (recorded on the result; default 3).

    Returns:
        Each holder's steps (see :func:`steps_to_decision_makers` for what a step is).

    Example:
        >>> from estrategy.model import Organization, Person
        >>> org = Organization(people=[
        ...     Person(id="boss", decision_maker=True),
        ...     Person(id="lead", manager="boss"),
        ...     Person(id="cm", manager="lead", roles=["community_manager"]),
        ... ])
        >>> [(h.person, h.steps) for h in upward_reach(org).holders]
        [('cm', 2)]
    """
    tables = as_tables(organization)
    wanted = tuple(roles)
    holds = tables.roles.holders(wanted, tables.n_people) & ~tables.person_external
    steps = steps_to_decision_makers(tables)
    wanted_set = set(wanted)
    holders = tuple(
        FieldReach(
            tables.person_ids[i],
            tuple(r for r in tables.roles.row(i) if r in wanted_set),
            None if steps[i] < 0 else int(steps[i]),
        )
        for i in np.flatnonzero(holds).tolist()
    )
    if hops < 0:
        raise ValueError(f"hops must be at least 0, got {hops}")
    return UpwardReach(wanted, int(tables.person_decision_maker.sum()), holders, hops)
