"""The text output of ``org``: every analysis of an organisation, for a terminal."""

from __future__ import annotations

from estrategy.base.escape import terminal_text
from estrategy.org import OrgAnalysis

__all__ = ["render"]

_SHOWN = 10  # rows of each list shown; the JSON output has them all


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f} %"


def _notes(a: OrgAnalysis) -> list[str]:
    out = [f"note: {terminal_text(note)}" for note in a.notes]
    out += [f"not computed: {reason} ({analysis})" for analysis, reason in a.not_computed]
    return [*out, ""] if out else []


def render(analysis: OrgAnalysis) -> str:
    """A plain-text summary of an :class:`OrgAnalysis`, for a terminal.

    Args:
        analysis: the analyses.

    Returns:
        Lines of text, ending with a newline.
    """
    a = analysis
    out = [
        f"{terminal_text(a.name)}: {a.people:,} people, {a.units:,} units, {a.groups:,} groups, "
        f"{a.ties:,} ties",
        "",
        *_notes(a),
        f"Hierarchical lines ({len(a.lines)}):",
    ]
    for line in a.lines.to_dict()["lines"]:
        out.append(f"  {line['head']:<24} {line['people']:>9,} people {line['units']:>7,} units")
    without = int((a.lines.person_line < 0).sum())
    if without:
        out.append(f"  (no line: {without:,} people of a root unit or without unit)")
    h = a.hierarchy
    if "hierarchy" in dict(a.not_computed):
        out += ["", "Span of control and depth: not computed (no manager column)", ""]
    else:
        out += [
            "",
            f"Span of control: {h.managers:,} managers, mean {h.mean_span:.1f}, "
            f"median {h.median_span:g}, max {h.max_span}",
            f"Hierarchy depth: max {h.max_depth} managers above a person, "
            f"mean {h.mean_depth:.2f}; {h.unit_depth} unit levels",
            "",
        ]
    out += [
        f"Transversality: {len(a.transversality.links)} of {a.transversality.possible_pairs} "
        f"pairs of lines joined ({_pct(a.transversality.share)})",
    ]
    single = a.groups_span.single_line()
    if single:
        names = ", ".join(g.group for g in single[:10]) + (" …" if len(single) > 10 else "")
        out.append(f"  groups inside one line: {len(single):,} ({names})")
    out.append(f"  silos: {', '.join(a.silos.lines) if a.silos.lines else 'none'}")
    out += ["", "Ties per line (within share and Krackhardt E-I index, by count | by weight):"]
    for t in a.collaboration.per_line:
        if t.withheld:
            out.append(f"  {t.line:<24} withheld: {t.people} people, fewer than {a.min_group_size}")
            continue
        ei = "n/a" if t.ei_index is None else f"{t.ei_index:+.2f}"
        weighted_ei = "n/a" if t.weighted_ei_index is None else f"{t.weighted_ei_index:+.2f}"
        out.append(
            f"  {t.line:<24} within {_pct(t.within_share):>8}  E-I {ei:>5}"
            f"  | within {_pct(t.weighted_within_share):>8}  E-I {weighted_ei:>5}"
        )
    out += _group_matrix(a)
    out += ["", f"Brokers: {a.brokers.brokering:,} people join at least two lines; top:"]
    for b in a.brokers.top[:_SHOWN]:
        size = "n/a" if b.effective_size is None else f"{b.effective_size:.1f}"
        out.append(
            f"  {b.person:<24} {b.pairs:>4} pairs of lines, effective size {size}, "
            f"strength {b.strength:g}"
        )
    out += _roles(a)
    out += _key_people(a)
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


def _group_matrix(a: OrgAnalysis) -> list[str]:
    m = a.group_matrix
    if m.by == "line":
        if len(m.groups) < 2:
            return []
        title = "Ties between lines"
    else:
        title = f"Ties between groups by {terminal_text(m.by)} ({len(m.groups):,} groups)"
    out = ["", f"{title} (within share: {m.definition}):"]
    cross = sorted((p for p in m.pairs if p.a != p.b), key=lambda p: (-p.ties, -p.weight, p.a, p.b))
    for pair in cross[:_SHOWN]:
        out.append(
            f"  {terminal_text(pair.a)} - {terminal_text(pair.b)}: {pair.ties:,} ties, "
            f"weight {pair.weight:g}"
        )
    if m.by != "line":
        for share in m.per_group[:_SHOWN]:
            shown = (
                f"withheld ({share.people} people)"
                if share.withheld
                else f"within {_pct(share.within_share)}"
            )
            out.append(f"  {terminal_text(share.group):<24} {shown}")
    if m.withheld:
        out.append(
            f"  ({len(m.withheld):,} groups of fewer than {m.min_group_size} people withheld)"
        )
    return out


def _roles(a: OrgAnalysis) -> list[str]:
    r = a.roles
    if not r.measured:
        return []
    who = "everyone" if r.everyone else f"the {r.measured:,} people joining the most lines"
    out = ["", f"Brokerage roles (Gould-Fernandez, lines as groups), of {who}:"]
    leaders = dict(r.top)
    brokers = dict(r.brokers)
    for role, total in r.totals:
        names = ", ".join(f"{p} ({c:,})" for p, c in leaders[role][:3])
        out.append(
            f"  {role:<15} {total:>9,} two-paths, {brokers[role]:,} brokers"
            + (f"; top: {names}" if names else "")
        )
    return out


def _key_people(a: OrgAnalysis) -> list[str]:
    k = a.key_people
    if not k.top:
        return []
    out = ["", "Key-person risk (what each departure would break):"]
    for person in k.top[:_SHOWN]:
        broken = []
        if person.action_count:
            broken.append(f"{person.action_count} actions without a responsible")
        if person.external_count:
            broken.append(f"{person.external_count} externals unsupervised")
        if person.line_pair_count:
            broken.append(f"{person.line_pair_count} pairs of lines unjoined")
        if person.field_role_count:
            broken.append(f"{person.field_role_count} field roles without an upward path")
        if person.join_share:
            broken.append(f"{_pct(person.join_share)} of the links between lines")
        out.append(f"  {person.person:<24} {'; '.join(broken)}")
    return out
