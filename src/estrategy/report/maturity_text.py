"""The text output of ``maturity``: assessments and comparisons, for a terminal."""

from __future__ import annotations

from collections.abc import Sequence

from estrategy.base.escape import terminal_lines
from estrategy.maturity import Assessment, Comparison, DimensionScore, StepResult
from estrategy.report._maturity import bar, capped, cite, number

__all__ = ["render"]

_MARKS = {"evidenced": "✔", "partial": "~", "missing": "✘"}


def _header(a: Assessment) -> list[str]:
    o, q = a.overall, a.quadrant
    lines = [
        f"{a.model or 'Unnamed model'}: digital maturity as of {a.as_of.isoformat()} "
        f"({a.size} organisation, {a.maturity_model} model)",
        f"Overall {o.score:.0f}/100 {bar(o.level)} {o.level} {o.level_name}; spread "
        f"{o.spread:.0f} (strongest {o.strongest or '-'}, weakest {o.weakest or '-'})",
        f"Quadrant: {q.name} (digital intensity {q.digital_intensity:.0f}, "
        f"transformation management {q.management_intensity:.0f})",
    ]
    cap = capped(o)
    if cap is not None:
        lines.insert(2, f"  ({cap})")
    return lines


def _dimension_text(d: DimensionScore, evidence: bool) -> list[str]:
    level = f"{d.level} {d.level_name}" if d.level is not None else "not assessed"
    lines = [f"{d.name:<34} {number(d.score):>4}/100  {bar(d.level)}  {level}"]
    for c in d.criteria:
        weight = f"×{c.weight:g}"
        note = "" if c.weight > 0 else "  (not judged for this size)"
        if c.score is None and c.evidence:
            note = f"  (does not apply: {c.evidence[0].fact})"
        if c.error:
            note = f"  (failed: {c.error})"
        lines.append(f"  {c.id:<32} {number(c.score):>4}  {weight:<5}{note}".rstrip())
        if evidence and c.score is not None:
            lines.extend(f"      {'+' if e.supports else '-'} {cite(e)}" for e in c.evidence)
    return lines


def _step_text(s: StepResult) -> list[str]:
    lines = [f"  {s.number}. {_MARKS[s.status]} {s.status:<9} {s.title}"]
    lines.extend(f"       {'+' if e.supports else '-'} {cite(e)}" for e in s.evidence)
    return lines


def _assessment_text(a: Assessment, evidence: bool) -> str:
    lines = _header(a)
    for d in a.dimensions:
        lines.append("")
        lines.extend(_dimension_text(d, evidence))
    lines += ["", "The eight steps of the method"]
    for s in a.steps:
        lines.extend(_step_text(s) if evidence else _step_text(s)[:1])
    if a.jumped:
        lines.append(
            f"  ! steps jumped: {', '.join(a.jumped)} (later steps or tactics and tools were "
            "deployed before them)"
        )
    lines.extend(f"warning: {w}" for w in a.warnings)
    return terminal_lines(lines)


def _comparison_text(c: Comparison) -> str:
    b, a = c.before, c.after
    lines = [
        f"Progress from {b.model} ({b.as_of.isoformat()}) to {a.model} ({a.as_of.isoformat()})",
        f"Overall {b.overall.score:.0f} → {a.overall.score:.0f} ({c.overall_delta:+.0f}); "
        f"level {b.overall.level_name} → {a.overall.level_name}",
        f"Quadrant {b.quadrant.name} → {a.quadrant.name} (digital "
        f"{b.quadrant.digital_intensity:.0f} → {a.quadrant.digital_intensity:.0f}, management "
        f"{b.quadrant.management_intensity:.0f} → {a.quadrant.management_intensity:.0f})",
        "",
        f"{'dimension':<34} {'before':>6} {'after':>6} {'change':>7}  level",
    ]
    for d in c.dimensions:
        change = "" if d.delta is None else f"{d.delta:+.0f}"
        lines.append(
            f"{d.name:<34} {number(d.before):>6} {number(d.after):>6} {change:>7}  "
            f"{d.level_before or '-'} → {d.level_after or '-'}"
        )
        for k in d.criteria:
            delta = "" if k.delta is None else f" ({k.delta:+.0f})"
            lines.append(f"    {k.id}: {number(k.before)} → {number(k.after)}{delta}")
            lines.extend(f"      ✔ resolved: {g}" for g in k.resolved)
            lines.extend(f"      ✘ new gap: {g}" for g in k.new_gaps)
    lines += ["", "Steps"]
    for s in c.steps:
        arrow = {"up": "↑", "down": "↓", "same": "="}[s.direction]
        lines.append(f"  {s.number}. {arrow} {s.title}: {s.before} → {s.after}")
    return terminal_lines(lines)


def render(result: Assessment | Comparison | Sequence[Comparison], *, evidence: bool = True) -> str:
    """Plain text for a terminal: a table per dimension with level bars, then the steps.

    Args:
        result: an assessment, a comparison, or several comparisons (one after another,
            a blank line between them).
        evidence: list each criterion's and step's evidence (the default); comparisons
            always show what moved.

    Returns:
        Lines of text, ending with a newline; text from the model or the maturity model
        is escaped for a terminal (:func:`estrategy.base.escape.terminal_lines`).
    """
    if isinstance(result, Assessment):
        return _assessment_text(result, evidence)
    if isinstance(result, Comparison):
        return _comparison_text(result)
    return "\n".join(_comparison_text(c) for c in result)
