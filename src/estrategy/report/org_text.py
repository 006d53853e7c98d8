"""The text output of ``org``: every analysis of an organisation, for a terminal."""

from __future__ import annotations

from estrategy.base.escape import terminal_lines
from estrategy.base.formats import Number, Percent, Series
from estrategy.base.messages import Message, ntr, tr
from estrategy.model.labels import label
from estrategy.org import OrgAnalysis

__all__ = ["render"]


def _pct(value: float | None, lang: str) -> str:
    return tr("n/a").render(lang) if value is None else Percent(value, 1).localise(lang)


def _count(n: int, lang: str) -> str:
    return Number(n).localise(lang)


def render(analysis: OrgAnalysis, *, lang: str = "en") -> str:
    """A plain-text summary of an :class:`OrgAnalysis`, for a terminal.

    Args:
        analysis: the analyses.
        lang: the language of the labels and numbers.

    Returns:
        Lines of text, ending with a newline; names and ids are escaped for a terminal
        (:func:`estrategy.base.escape.terminal_lines`).
    """
    a = analysis

    def say(message: Message) -> str:
        return message.render(lang)

    out = [
        say(
            tr(
                "{name}: {people}, {units}, {groups}, {ties}",
                name=a.name,
                people=ntr("{n} person", "{n} people", a.people),
                units=ntr("{n} unit", "{n} units", a.units),
                groups=ntr("{n} group", "{n} groups", a.groups),
                ties=ntr("{n} tie", "{n} ties", a.ties),
            )
        ),
        "",
        say(tr("Hierarchical lines ({n}):", n=len(a.lines))),
    ]
    for line in a.lines.to_dict()["lines"]:
        people = say(ntr("{n} person", "{n} people", line["people"]))
        units = say(ntr("{n} unit", "{n} units", line["units"]))
        out.append(f"  {line['head']:<24} {people:>16} {units:>12}")
    without = int((a.lines.person_line < 0).sum())
    if without:
        out.append(
            "  " + say(tr("(no line: {n} people of a root unit or without unit)", n=without))
        )
    h = a.hierarchy
    out += [
        "",
        say(
            tr(
                "Span of control: {managers} managers, mean {mean}, median {median}, max {max}",
                managers=h.managers,
                mean=Number(h.mean_span, 1),
                median=Number(h.median_span),
                max=h.max_span,
            )
        ),
        say(
            tr(
                "Hierarchy depth: max {max} managers above a person, mean {mean}; "
                "{levels} unit levels",
                max=h.max_depth,
                mean=Number(h.mean_depth, 2),
                levels=h.unit_depth,
            )
        ),
        "",
        say(
            tr(
                "Transversality: {joined} of {possible} pairs of lines joined ({share})",
                joined=len(a.transversality.links),
                possible=a.transversality.possible_pairs,
                share=_pct(a.transversality.share, lang),
            )
        ),
    ]
    single = a.groups_span.single_line()
    if single:
        names = Series([g.group for g in single], limit=10)
        out.append(
            "  " + say(tr("groups inside one line: {n} ({names})", n=len(single), names=names))
        )
    silos = Series(a.silos.lines) if a.silos.lines else tr("none")
    out.append("  " + say(tr("silos: {lines}", lines=silos)))
    out += ["", say(tr("Ties per line (within share, Krackhardt E-I index):"))]
    for t in a.collaboration.per_line:
        ei = (
            say(tr("n/a"))
            if t.ei_index is None
            else Number(t.ei_index, 2, signed=True).localise(lang)
        )
        within = _pct(t.within_share, lang)
        word = say(tr("within"))
        out.append(f"  {t.line:<24} {word} {within:>8}  E-I {ei}")
    out += [
        "",
        say(
            tr(
                "Brokers: {n} people join at least two lines; top:",
                n=a.brokers.brokering,
            )
        ),
    ]
    for b in a.brokers.top[:10]:
        size = (
            say(tr("n/a"))
            if b.effective_size is None
            else Number(b.effective_size, 1).localise(lang)
        )
        detail = say(
            ntr(
                "{n} pair of lines, effective size {size}",
                "{n} pairs of lines, effective size {size}",
                b.pairs,
                size=size,
            )
        )
        out.append(f"  {b.person:<24} {detail}")
    r = a.upward_reach
    beyond = r.beyond(r.hops)
    unreachable = sum(1 for x in r.holders if x.steps is None)
    out += [
        "",
        say(
            tr(
                "Upward reach: {holders} field-role holders, {deciders} decision makers; "
                "{beyond} more than {hops} steps away ({unreachable} with no path)",
                holders=len(r.holders),
                deciders=r.decision_makers,
                beyond=len(beyond),
                hops=r.hops,
                unreachable=unreachable,
            )
        ),
    ]
    for x in beyond[:10]:
        if x.steps is None:
            steps = say(tr("no path"))
        else:
            steps = say(ntr("{n} step", "{n} steps", x.steps))
        roles = Series([label(role) for role in x.roles]).localise(lang)
        out.append(f"  {x.person:<24} " + say(tr("{roles}: {steps}", roles=roles, steps=steps)))
    out += [
        "",
        say(
            tr(
                "Isolates (no tie, no group): {n} ({share})",
                n=len(a.isolates.people),
                share=_pct(a.isolates.share, lang),
            )
        ),
        say(
            tr(
                "ESN reach: {reached} of {internal} internal people ({share})",
                reached=a.esn_reach.reached,
                internal=a.esn_reach.internal_people,
                share=_pct(a.esn_reach.share, lang),
            )
        ),
    ]
    return terminal_lines(out)
