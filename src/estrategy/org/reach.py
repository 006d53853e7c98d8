"""Upward reach: how many steps separate field roles from the nearest decision maker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from estrategy.base.display import Displayable
from estrategy.base.plain import plain_fields
from estrategy.model import Organization
from estrategy.model.tables import OrgTables, as_tables
from estrategy.org._steps import step_tree

__all__ = [
    "FIELD_ROLES",
    "UPWARD_HOPS",
    "FieldReach",
    "UpwardReach",
    "steps_to_decision_makers",
    "upward_reach",
]

FIELD_ROLES: tuple[str, ...] = ("community_manager", "data_scientist", "sales")
"""The roles whose field knowledge must reach a decision maker (ORG004)."""

UPWARD_HOPS = 3
"""The most steps from a field role to a decision maker deemed acceptable by default
(ORG004's ``upward_hops``)."""


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
    steps: npt.NDArray[np.int64] = step_tree(tables).steps.copy()
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
        return plain_fields(self)


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
    hops: int = UPWARD_HOPS

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
    hops: int = UPWARD_HOPS,
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
    steps = step_tree(tables).steps
    # each holder's field roles, in the order of their roles, read in one pass: a
    # holder's wanted roles are a run of the role entries (the rows are in order)
    codes = tables.roles
    wanted_codes = np.isin(
        np.arange(len(codes.names)), [codes.names.index(r) for r in wanted if r in codes.names]
    )
    owner = np.repeat(np.arange(tables.n_people, dtype=np.int64), np.diff(codes.indptr))
    keep = (
        wanted_codes[codes.indices] & holds[owner]
        if len(codes.indices)
        else np.zeros(0, dtype=np.bool_)
    )
    owner, held = owner[keep], codes.indices[keep]
    people = np.flatnonzero(holds)
    starts = np.searchsorted(owner, people)
    counts = np.diff(np.append(starts, len(owner)))
    alone = [(name,) for name in codes.names]
    roles_of = [alone[c] for c in held[starts].tolist()]
    for j in np.flatnonzero(counts > 1).tolist():  # a holder of several field roles
        found = held[starts[j] : starts[j] + counts[j]].tolist()
        roles_of[j] = tuple(dict.fromkeys(codes.names[c] for c in found))
    ids = tables.person_ids
    step_list = [None if s < 0 else s for s in steps[people].tolist()]
    holders = tuple(map(FieldReach, [ids[i] for i in people.tolist()], roles_of, step_list))
    if hops < 0:
        raise ValueError(f"hops must be at least 0, got {hops}")
    return UpwardReach(wanted, int(tables.person_decision_maker.sum()), holders, hops)
