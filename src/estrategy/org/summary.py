"""Every analysis of an organisation at once, as one result (what ``estrategy org`` prints)."""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np

from estrategy.base.display import Displayable
from estrategy.base.messages import Message
from estrategy.model import Organization, StrategyModel
from estrategy.model.tables import OrgTables, as_tables
from estrategy.org.brokerage import (
    Brokers,
    RoleLeaders,
    _leading,
    brokerage_leaders,
    brokerage_roles,
    brokers,
    lines_touched_counts,
)
from estrategy.org.hierarchy import (
    HierarchicalLines,
    HierarchyShape,
    hierarchical_lines,
    hierarchy_shape,
)
from estrategy.org.matrix import GroupMatrix, group_matrix
from estrategy.org.privacy import MIN_GROUP_SIZE
from estrategy.org.reach import UpwardReach, upward_reach
from estrategy.org.risk import KeyPersonRisk, key_person_risk
from estrategy.org.transversal import (
    EsnReach,
    GroupTransversality,
    Isolates,
    LineCollaboration,
    Silos,
    Transversality,
    esn_reach,
    group_transversality,
    isolates,
    line_collaboration,
    silos,
    transversality,
)

__all__ = ["JSON_VERSION", "ROLE_CANDIDATES", "OrgAnalysis", "analyze"]

JSON_VERSION = 1
"""Version of :meth:`OrgAnalysis.to_dict`'s JSON contract."""

ROLE_CANDIDATES = 200
"""How many people (those joining the most pairs of lines) :func:`analyze` measures the
Gould-Fernandez roles of: counting them for everyone costs a triangle count of the whole
tie graph, which a million people make minutes; :func:`brokerage_roles` does it when asked."""

_NOT_COMPUTED = {
    "people.manager": ("hierarchy", "span of control and depth"),
    "people.unit": ("lines", "hierarchical lines and the measures per line"),
    "people.decision_maker": ("upward_reach", "upward reach of field roles"),
    "people.roles": ("upward_reach", "upward reach of field roles"),
}


@attrs.frozen(eq=False)
class OrgAnalysis(Displayable):
    """The package's analyses of one organisation.

    Attributes:
        name: the organisation's name.
        people: number of people.
        units: number of units.
        groups: number of groups.
        ties: number of tie rows (as given: duplicates and self-ties included).
        lines: the hierarchical lines.
        hierarchy: span of control and depth.
        groups_span: lines spanned by each group.
        transversality: pairs of lines joined by groups and ties.
        silos: lines joined to no other.
        collaboration: ties inside and between lines.
        brokers: people joining the most pairs of lines.
        upward_reach: steps from field roles to decision makers.
        isolates: people with no tie and no group.
        esn_reach: share of internal people the ESN reaches.
        group_matrix: ties and weight between lines (or the groups asked for).
        key_people: what each person's departure would break, and the key people.
        roles: Gould-Fernandez brokerage roles of the people joining the most lines.
        notes: what the reader noted on the source (missing columns, rows collapsed).
        min_group_size: aggregates of fewer people are withheld.
        not_computed: analyses the source does not allow (a column missing), each with
            why: ``(analysis, reason)``.
    """

    name: str
    people: int
    units: int
    groups: int
    ties: int
    lines: HierarchicalLines
    hierarchy: HierarchyShape
    groups_span: GroupTransversality
    transversality: Transversality
    silos: Silos
    collaboration: LineCollaboration
    brokers: Brokers
    upward_reach: UpwardReach
    isolates: Isolates
    esn_reach: EsnReach
    group_matrix: GroupMatrix
    key_people: KeyPersonRisk
    roles: RoleLeaders
    notes: tuple[Message, ...] = ()
    min_group_size: int | None = MIN_GROUP_SIZE
    not_computed: tuple[tuple[str, str], ...] = ()

    @property
    def withheld(self) -> tuple[str, ...]:
        """The lines and groups whose aggregates are withheld (fewer people than the minimum)."""
        return tuple(dict.fromkeys((*self.collaboration.withheld, *self.group_matrix.withheld)))

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of ``estrategy org --format json``.

        Fields may be added, never renamed, within ``version``. Groups spanning one line
        only are listed, not every group.
        """
        return {
            "version": JSON_VERSION,
            "name": self.name,
            "people": self.people,
            "units": self.units,
            "groups": self.groups,
            "ties": self.ties,
            "lines": self.lines.to_dict()["lines"],
            "people_without_line": int((self.lines.person_line < 0).sum()),
            "hierarchy": self.hierarchy.to_dict(),
            "transversality": self.transversality.to_dict(),
            "single_line_groups": [g.to_dict() for g in self.groups_span.single_line()],
            "silos": list(self.silos.lines),
            "collaboration": self.collaboration.to_dict(),
            "brokers": self.brokers.to_dict(),
            "upward_reach": self.upward_reach.to_dict(),
            "isolates": {"count": len(self.isolates.people), "share": self.isolates.share},
            "esn_reach": self.esn_reach.to_dict(),
            "group_matrix": self.group_matrix.to_dict(),
            "key_person_risk": self.key_people.to_dict(),
            "brokerage_roles": self.roles.to_dict(),
            "notes": [str(note) for note in self.notes],
            "min_group_size": self.min_group_size,
            "withheld": list(self.withheld),
            "not_computed": [{"analysis": a, "reason": r} for a, r in self.not_computed],
        }


def analyze(
    organization: OrgTables | Organization | StrategyModel,
    *,
    top_brokers: int = 20,
    upward_hops: int = 3,
    min_group_size: int | None = MIN_GROUP_SIZE,
    by: str | None = None,
    definition: str = "pairs",
) -> OrgAnalysis:
    """Run every analysis of :mod:`estrategy.org` on one organisation.

    Args:
        organization: the organisation, as a model object or compact arrays; or a whole
            model, whose actions then count in the key-person risk.
        top_brokers: how many brokers (and key people) to detail.
        upward_hops: the most steps from a field role to a decision maker deemed
            acceptable (ORG004's setting); the holders beyond it are listed.
        min_group_size: aggregates of fewer people (per line, per group) are withheld,
            for privacy (``None``: nothing is withheld).
        by: the groups of the group-to-group matrix: the hierarchical lines by default,
            ``"unit"``, or a person attribute (an HR export's column).
        definition: the within share of the group-to-group matrix: ``pairs`` or
            ``vivainsights`` (see :data:`estrategy.org.SHARE_DEFINITIONS`).

    Returns:
        All results, sharing one computation of the lines and one tie adjacency.
    """
    model = organization if isinstance(organization, StrategyModel) else None
    tables = as_tables(model.organization if model is not None else organization)  # type: ignore[arg-type]
    lines = hierarchical_lines(tables)
    joined = transversality(tables, lines=lines, min_group_size=min_group_size)
    found_brokers = brokers(tables, top=top_brokers, lines=lines)
    k = lines_touched_counts(tables, lines=lines)
    candidates = np.sort(_leading(k * (k - 1) // 2, ROLE_CANDIDATES))
    everyone = len(candidates) == tables.n_people and tables.n_people > 0
    roles = brokerage_roles(tables, people=candidates, lines=lines)
    not_computed = tuple(
        dict.fromkeys(_NOT_COMPUTED[m] for m in sorted(tables.not_given) if m in _NOT_COMPUTED)
    )
    return OrgAnalysis(
        name=tables.name,
        people=tables.n_people,
        units=tables.n_units,
        groups=tables.n_groups,
        ties=len(tables.tie_source),
        lines=lines,
        hierarchy=hierarchy_shape(tables),
        groups_span=group_transversality(tables, lines=lines),
        transversality=joined,
        silos=silos(tables, lines=lines, joined=joined),
        collaboration=line_collaboration(tables, lines=lines, min_group_size=min_group_size),
        brokers=found_brokers,
        upward_reach=upward_reach(tables, hops=upward_hops),
        isolates=isolates(tables),
        esn_reach=esn_reach(tables),
        group_matrix=group_matrix(
            tables, by=by, definition=definition, lines=lines, min_group_size=min_group_size
        ),
        key_people=key_person_risk(
            model if model is not None else tables, top=top_brokers, lines=lines
        ),
        roles=brokerage_leaders(roles, everyone=everyone),
        notes=tables.notes,
        min_group_size=min_group_size,
        not_computed=not_computed,
    )
