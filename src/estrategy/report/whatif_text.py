"""The text output of ``whatif``: what a removal changes, for a terminal."""

from __future__ import annotations

from estrategy.base.escape import terminal_text
from estrategy.rules import Finding
from estrategy.whatif import Simulation

__all__ = ["render"]


def _finding(sign: str, finding: Finding) -> str:
    about = f" [{', '.join(finding.subjects)}]" if finding.subjects else ""
    return f"  {sign} {finding.code} {finding.name}{about}: {terminal_text(finding.message)}"


def render(simulation: Simulation) -> str:
    """A plain-text account of a :class:`~estrategy.whatif.Simulation`.

    Args:
        simulation: the simulation.

    Returns:
        Lines of text, ending with a newline.
    """
    s = simulation
    removed = ", ".join(f"{kind} {i}" for i, kind in s.removed)
    out = [f"{terminal_text(s.model)}: without {removed} (as of {s.as_of.isoformat()})", ""]
    if s.appeared or s.disappeared or s.changed:
        out.append("Findings:")
        out += [_finding("+", f) for f in s.appeared]
        out += [_finding("-", f) for f in s.disappeared]
        out += [_finding("~", after) for _, after in s.changed]
    else:
        out.append("Findings: no change.")
    broken = [
        ("Actions left without a responsible", s.unowned_actions),
        ("External experts left unsupervised", s.unsupervised),
        ("Lines that become silos", s.new_silos),
        ("Field roles that lose every upward path", s.cut_off),
    ]
    out.append("")
    for title, ids in broken:
        out.append(f"{title}: {', '.join(ids) if ids else 'none'}")
    if s.maturity is not None:
        m = s.maturity
        out += ["", f"Maturity: {m.before:.1f} -> {m.after:.1f} ({m.delta:+.1f})"]
        for dimension, before, after in m.dimensions:
            out.append(f"  {dimension:<16} {before:.1f} -> {after:.1f} ({after - before:+.1f})")
    return "\n".join(out) + "\n"
