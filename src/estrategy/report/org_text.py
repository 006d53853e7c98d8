"""The text output of ``org``: every analysis of an organisation, for a terminal."""

from __future__ import annotations

from estrategy.base.escape import terminal_lines
from estrategy.org import OrgAnalysis

__all__ = ["render"]


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f} %"


def render(analysis: OrgAnalysis) -> str:
    """A plain-text summary of an :class:`OrgAnalysis`, for a terminal.

    Args:
        analysis: the analyses.

    Returns:
        Lines of text, ending with a newline; names and ids are escaped for a terminal
        (:func:`estrategy.base.escape.terminal_lines`).
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
    return terminal_lines(out)
