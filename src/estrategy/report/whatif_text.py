"""The text output of ``whatif``: what a removal changes, for a terminal."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from estrategy.base.escape import terminal_lines
from estrategy.base.formats import Day, Number, Series
from estrategy.base.messages import Message, tr
from estrategy.base.translations import translate
from estrategy.rules import Finding
from estrategy.whatif import Simulation

__all__ = ["render"]


def _finding(sign: str, finding: Finding, lang: str) -> str:
    about = f" [{', '.join(finding.subjects)}]" if finding.subjects else ""
    return f"  {sign} {finding.code} {finding.name}{about}: {finding.message_in(lang)}"


def _removed(kind: str, id_: str) -> Message:
    if kind == "person":
        return tr("person {id}", id=id_)
    if kind == "unit":
        return tr("unit {id}", id=id_)
    if kind == "group":
        return tr("group {id}", id=id_)
    return tr("tool {id}", id=id_)


_UNOWNED = tr("Actions left without a responsible: {ids}")
_UNSUPERVISED = tr("External experts left unsupervised: {ids}")
_SILOS = tr("Lines that become silos: {ids}")
_CUT_OFF = tr("Field roles that lose every upward path: {ids}")


def _listed(ids: Sequence[str], listing: Message, none: Message) -> Message:
    """``listing`` with its ``{ids}`` filled, or the whole sentence ``none`` when there are none."""
    return attrs.evolve(listing, params={"ids": Series(ids)}) if ids else none


def render(simulation: Simulation, *, lang: str = "en") -> str:
    """A plain-text account of a :class:`~estrategy.whatif.Simulation`.

    Args:
        simulation: the simulation.
        lang: the language of the labels, messages and numbers.

    Returns:
        Lines of text, ending with a newline; names and ids are escaped for a terminal.
    """
    s = simulation

    def say(message: Message) -> str:
        return message.render(lang)

    removed = Series([_removed(kind, i) for i, kind in s.removed])
    out = [
        say(
            tr(
                "{model}: without {removed} (as of {date})",
                model=s.model or tr("unnamed model"),
                removed=removed,
                date=Day(s.as_of),
            )
        ),
        "",
    ]
    if s.appeared or s.disappeared or s.changed:
        out.append(say(tr("Findings:")))
        out += [_finding("+", f, lang) for f in s.appeared]
        out += [_finding("-", f, lang) for f in s.disappeared]
        out += [_finding("~", after, lang) for _, after in s.changed]
    else:
        out.append(say(tr("Findings: no change.")))
    out.append("")
    # One whole sentence for "none" in each case: its words agree with what is absent.
    out += [
        say(_listed(s.unowned_actions, _UNOWNED, tr("No action is left without a responsible."))),
        say(_listed(s.unsupervised, _UNSUPERVISED, tr("No external expert is left unsupervised."))),
        say(_listed(s.new_silos, _SILOS, tr("No line becomes a silo."))),
        say(_listed(s.cut_off, _CUT_OFF, tr("No field role loses every upward path."))),
    ]
    if s.maturity is not None:
        m = s.maturity
        out += [
            "",
            say(
                tr(
                    "Maturity: {before} → {after} ({change})",
                    before=Number(m.before, 1),
                    after=Number(m.after, 1),
                    change=Number(m.delta, 1, signed=True),
                )
            ),
        ]
        names = dict(m.names)
        width = max((len(translate(n, lang)) for n in names.values()), default=16)
        for dimension, before, after in m.dimensions:
            moved = tr(
                "{before} → {after} ({change})",
                before=Number(before, 1),
                after=Number(after, 1),
                change=Number(after - before, 1, signed=True),
            )
            name = translate(names.get(dimension, dimension), lang)
            out.append(f"  {name:<{width}} {say(moved)}")
    return terminal_lines(out)
