"""Every analysis of an organisation at once, as one result (what ``estrategy org`` prints)."""

from __future__ import annotations

from typing import Any

import attrs

from estrategy.base.display import Displayable
from estrategy.model import Organization
from estrategy.model.tables import OrgTables, as_tables
from estrategy.org.brokerage import Brokers, brokers
from estrategy.org.hierarchy import (
    HierarchicalLines,
    HierarchyShape,
    hierarchical_lines,
    hierarchy_shape,
)
from estrategy.org.reach import UpwardReach, upward_reach
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

__all__ = ["JSON_VERSION", "OrgAnalysis", "analyze"]

JSON_VERSION = 1
"""Version of :meth:`OrgAnalysis.to_dict`'s JSON contract."""


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
        }


def analyze(
    organization: OrgTables | Organization, *, top_brokers: int = 20, upward_hops: int = 3
) -> OrgAnalysis:
    """Run every analysis of :mod:`estrategy.org` on one organisation.

    Args:
        organization: the organisation, as a model object or compact arrays.
        top_brokers: how many brokers to detail.
        upward_hops: the most steps from a field role to a decision maker deemed
            acceptable (ORG004's setting); the holders beyond it are listed.

    Returns:
        All results, sharing one computation of the lines.
    """
    tables = as_tables(organization)
    lines = hierarchical_lines(tables)
    joined = transversality(tables, lines=lines)
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
        collaboration=line_collaboration(tables, lines=lines),
        brokers=brokers(tables, top=top_brokers, lines=lines),
        upward_reach=upward_reach(tables, hops=upward_hops),
        isolates=isolates(tables),
        esn_reach=esn_reach(tables),
    )
