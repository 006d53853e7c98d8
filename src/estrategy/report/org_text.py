"""The text output of ``org``: every analysis of an organisation, for a terminal."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from estrategy.base.escape import terminal_lines
from estrategy.base.formats import Number, Percent, Series
from estrategy.base.messages import Message, as_message, ntr, tr
from estrategy.model.labels import label
from estrategy.org import OrgAnalysis

__all__ = ["render"]

_SHOWN = 10  # rows of each list shown; the JSON output has them all


def _pct(value: float | None, lang: str) -> str:
    return tr("n/a").render(lang) if value is None else Percent(value, 1).localise(lang)


def _signed(value: float | None, lang: str) -> str:
    return tr("n/a").render(lang) if value is None else Number(value, 2, signed=True).localise(lang)


_ANALYSIS_NAMES: Mapping[str, Message] = MappingProxyType(
    {
        "hierarchy": tr("span of control and depth"),
        "lines": tr("hierarchical lines and the measures per line"),
        "upward_reach": tr("upward reach of field roles"),
    }
)
"""The analyses a source may not allow (``OrgAnalysis.not_computed``), in words."""

_ROLE_NAMES: Mapping[str, Message] = MappingProxyType(
    {
        "coordinator": tr("coordinator"),
        "itinerant": tr("itinerant"),
        "representative": tr("representative"),
        "gatekeeper": tr("gatekeeper"),
        "liaison": tr("liaison"),
    }
)
"""The Gould-Fernandez brokerage roles, in words."""


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
    ]
    notes = [say(tr("note: {note}", note=note)) for note in a.notes]
    notes += [
        say(
            tr(
                "not computed: {analysis}",
                analysis=_ANALYSIS_NAMES.get(analysis, as_message(analysis)),
            )
        )
        for analysis, _ in a.not_computed
    ]
    out += [*notes, ""] if notes else []
    out.append(say(tr("Hierarchical lines ({n}):", n=len(a.lines))))
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
    out.append("")
    if "hierarchy" in dict(a.not_computed):
        out.append(say(tr("Span of control and depth: not computed (no manager column)")))
    else:
        out += [
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
        ]
    out += [
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
    silos = (
        tr("silos: {lines}", lines=Series(a.silos.lines)) if a.silos.lines else tr("silos: none")
    )
    out.append("  " + say(silos))
    out += [
        "",
        say(tr("Ties per line (within share, Krackhardt E-I index; by count | by weight):")),
    ]
    word = say(tr("within"))
    for t in a.collaboration.per_line:
        if t.withheld:
            withheld = ntr(
                "withheld: {n} person, fewer than {least}",
                "withheld: {n} people, fewer than {least}",
                t.people,
                least=a.min_group_size,
            )
            out.append(f"  {t.line:<24} {say(withheld)}")
            continue
        out.append(
            f"  {t.line:<24} {word} {_pct(t.within_share, lang):>8}  "
            f"E-I {_signed(t.ei_index, lang):>5}  | {word} "
            f"{_pct(t.weighted_within_share, lang):>8}  E-I {_signed(t.weighted_ei_index, lang):>5}"
        )
    out += _group_matrix(a, lang)
    out += [
        "",
        say(
            tr(
                "Brokers: {n} people join at least two lines; top:",
                n=a.brokers.brokering,
            )
        ),
    ]
    for b in a.brokers.top[:_SHOWN]:
        size = (
            say(tr("n/a"))
            if b.effective_size is None
            else Number(b.effective_size, 1).localise(lang)
        )
        detail = say(
            ntr(
                "{n} pair of lines, effective size {size}, strength {strength}",
                "{n} pairs of lines, effective size {size}, strength {strength}",
                b.pairs,
                size=size,
                strength=Number(b.strength),
            )
        )
        out.append(f"  {b.person:<24} {detail}")
    out += _roles(a, lang)
    out += _key_people(a, lang)
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
    for x in beyond[:_SHOWN]:
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


def _group_matrix(a: OrgAnalysis, lang: str) -> list[str]:
    m = a.group_matrix
    if m.by == "line" and len(m.groups) < 2:
        return []
    if m.definition == "vivainsights":
        definition = tr("vivainsights' 2I/(2I+E) per group")
    else:
        definition = tr("I/(I+E) over distinct pairs")
    if m.by == "line":
        title = tr("Ties between lines (within share: {definition}):", definition=definition)
    else:
        title = ntr(
            "Ties between groups by {by} ({n} group; within share: {definition}):",
            "Ties between groups by {by} ({n} groups; within share: {definition}):",
            len(m.groups),
            by=m.by,
            definition=definition,
        )
    out = ["", title.render(lang)]
    cross = sorted((p for p in m.pairs if p.a != p.b), key=lambda p: (-p.ties, -p.weight, p.a, p.b))
    for pair in cross[:_SHOWN]:
        ties = ntr(
            "{a} - {b}: {n} tie, weight {weight}",
            "{a} - {b}: {n} ties, weight {weight}",
            pair.ties,
            a=pair.a,
            b=pair.b,
            weight=Number(pair.weight),
        )
        out.append("  " + ties.render(lang))
    if m.by != "line":
        for share in m.per_group[:_SHOWN]:
            if share.withheld:
                shown = ntr("withheld ({n} person)", "withheld ({n} people)", share.people)
            else:
                shown = tr("within {share}", share=_pct(share.within_share, lang))
            out.append(f"  {share.group:<24} {shown.render(lang)}")
    if m.withheld:
        withheld = ntr(
            "({n} group of fewer than {least} people withheld)",
            "({n} groups of fewer than {least} people withheld)",
            len(m.withheld),
            least=m.min_group_size,
        )
        out.append("  " + withheld.render(lang))
    return out


def _roles(a: OrgAnalysis, lang: str) -> list[str]:
    r = a.roles
    if not r.measured:
        return []
    if r.everyone:
        title = tr("Brokerage roles (Gould-Fernandez, lines as groups), of everyone:")
    else:
        title = tr(
            "Brokerage roles (Gould-Fernandez, lines as groups), of the {n} people joining "
            "the most lines:",
            n=r.measured,
        )
    out = ["", title.render(lang)]
    leaders = dict(r.top)
    brokers = dict(r.brokers)
    for role, total in r.totals:
        top = [tr("{person} ({n})", person=p, n=c) for p, c in leaders[role][:3]]
        if top:
            line = tr(
                "{total} two-paths, {brokers} brokers; top: {names}",
                total=total,
                brokers=brokers[role],
                names=Series(top),
            )
        else:
            line = tr("{total} two-paths, {brokers} brokers", total=total, brokers=brokers[role])
        out.append(f"  {_ROLE_NAMES[role].render(lang):<17} {line.render(lang)}")
    return out


def _key_people(a: OrgAnalysis, lang: str) -> list[str]:
    k = a.key_people
    if not k.top:
        return []
    out = ["", tr("Key-person risk (what each departure would break):").render(lang)]
    for person in k.top[:_SHOWN]:
        broken: list[Message] = []
        if person.action_count:
            broken.append(
                ntr(
                    "{n} action without a responsible",
                    "{n} actions without a responsible",
                    person.action_count,
                )
            )
        if person.external_count:
            broken.append(
                ntr(
                    "{n} external unsupervised", "{n} externals unsupervised", person.external_count
                )
            )
        if person.line_pair_count:
            broken.append(
                ntr(
                    "{n} pair of lines unjoined",
                    "{n} pairs of lines unjoined",
                    person.line_pair_count,
                )
            )
        if person.field_role_count:
            broken.append(
                ntr(
                    "{n} field role without an upward path",
                    "{n} field roles without an upward path",
                    person.field_role_count,
                )
            )
        if person.join_share:
            broken.append(
                tr(
                    "{share} of the links between lines",
                    share=_pct(person.join_share, lang),
                )
            )
        shown = Series(broken).localise(lang)
        out.append(f"  {person.person:<24} {shown}")
    return out
