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

__all__ = ["JSON_VERSION", "OrgAnalysis", "analyze", "render_text"]

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


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f} %"


def render_text(analysis: OrgAnalysis) -> str:
    """A plain-text summary of an :class:`OrgAnalysis`, for a terminal.

    Args:
        analysis: the analyses.

    Returns:
        Lines of text, ending with a newline.
    """
    a = analysis
    out = [
        f"{a.name}: {a.people:,} people, {a.units:,} units, {a.groups:,} groups, {a.ties:,} ties",
        "",
        f"Hierarchical lines ({len(a.lines)}):",
    ]
    for line in a.lines.to_dict()["lines"]:
        out.append(f"  {line['head']:<24} {line['people']:>9,} people {line['units']:>7,} units")
    without = int((a.lines.person_line < 0).sum())
    if without:
        out.append(f"  (no line: {without:,} people of a root unit or without unit)")
    h = a.hierarchy
    out += [
        "",
        f"Span of control: {h.managers:,} managers, mean {h.mean_span:.1f}, "
        f"median {h.median_span:g}, max {h.max_span}",
        f"Hierarchy depth: max {h.max_depth} managers above a person, mean {h.mean_depth:.2f}; "
        f"{h.unit_depth} unit levels",
        "",
        f"Transversality: {len(a.transversality.links)} of {a.transversality.possible_pairs} "
        f"pairs of lines joined ({_pct(a.transversality.share)})",
    ]
    single = a.groups_span.single_line()
    if single:
        names = ", ".join(g.group for g in single[:10]) + (" …" if len(single) > 10 else "")
        out.append(f"  groups inside one line: {len(single):,} ({names})")
    out.append(f"  silos: {', '.join(a.silos.lines) if a.silos.lines else 'none'}")
    out += ["", "Ties per line (within share, Krackhardt E-I index):"]
    for t in a.collaboration.per_line:
        ei = "n/a" if t.ei_index is None else f"{t.ei_index:+.2f}"
        out.append(f"  {t.line:<24} within {_pct(t.within_share):>8}  E-I {ei}")
    out += ["", f"Brokers: {a.brokers.brokering:,} people join at least two lines; top:"]
    for b in a.brokers.top[:10]:
        size = "n/a" if b.effective_size is None else f"{b.effective_size:.1f}"
        out.append(f"  {b.person:<24} {b.pairs:>4} pairs of lines, effective size {size}")
    r = a.upward_reach
    beyond = r.beyond(r.hops)
    unreachable = sum(1 for x in r.holders if x.steps is None)
    out += [
        "",
        f"Upward reach: {len(r.holders):,} field-role holders, {r.decision_makers:,} decision "
        f"makers; {len(beyond):,} more than {r.hops} steps away "
        f"({unreachable:,} with no path)",
    ]
    for x in beyond[:10]:
        steps = "no path" if x.steps is None else f"{x.steps} steps"
        out.append(f"  {x.person:<24} {', '.join(x.roles)}: {steps}")
    out += [
        "",
        f"Isolates (no tie, no group): {len(a.isolates.people):,} ({_pct(a.isolates.share)})",
        f"ESN reach: {a.esn_reach.reached:,} of {a.esn_reach.internal_people:,} internal people "
        f"({_pct(a.esn_reach.share)})",
    ]
    return "\n".join(out) + "\n"
