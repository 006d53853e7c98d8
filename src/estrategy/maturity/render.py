"""Render assessments and comparisons as plain text, Markdown and JSON.

Text is for terminals (a table per dimension with level bars); Markdown is for reports a
consultant pastes into a deliverable; JSON is ``to_dict()`` printed with sorted-free,
stable key order.
"""

from __future__ import annotations

import json
from typing import Any

from estrategy.maturity.comparison import Comparison
from estrategy.maturity.criteria import Evidence
from estrategy.maturity.results import Assessment, DimensionScore, StepResult

__all__ = ["render_json", "render_markdown", "render_text"]

_MARKS = {"evidenced": "✔", "partial": "~", "missing": "✘"}
_LEVELS = 5


def _bar(level: int | None, width: int = _LEVELS) -> str:
    if level is None:
        return "·" * width
    return "█" * level + "░" * (width - level)


def _num(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def _cite(evidence: Evidence) -> str:
    ids = f" ({', '.join(evidence.ids)})" if evidence.ids else ""
    return f"{evidence.fact}{ids}"


def _header(a: Assessment) -> list[str]:
    o, q = a.overall, a.quadrant
    lines = [
        f"{a.model or 'Unnamed model'}: digital maturity as of {a.as_of.isoformat()} "
        f"({a.size} organisation, {a.maturity_model} model)",
        f"Overall {o.score:.0f}/100 {_bar(o.level)} {o.level} {o.level_name}; spread "
        f"{o.spread:.0f} (strongest {o.strongest or '-'}, weakest {o.weakest or '-'})",
        f"Quadrant: {q.name} (digital intensity {q.digital_intensity:.0f}, "
        f"transformation management {q.management_intensity:.0f})",
    ]
    return lines


def _dimension_text(d: DimensionScore, evidence: bool) -> list[str]:
    level = f"{d.level} {d.level_name}" if d.level is not None else "not assessed"
    lines = [f"{d.name:<34} {_num(d.score):>4}/100  {_bar(d.level)}  {level}"]
    for c in d.criteria:
        weight = f"×{c.weight:g}"
        note = "" if c.weight > 0 else "  (not judged for this size)"
        if c.score is None and c.evidence:
            note = f"  (does not apply: {c.evidence[0].fact})"
        if c.error:
            note = f"  (failed: {c.error})"
        lines.append(f"  {c.id:<32} {_num(c.score):>4}  {weight:<5}{note}".rstrip())
        if evidence and c.score is not None:
            lines.extend(f"      {'+' if e.supports else '-'} {_cite(e)}" for e in c.evidence)
    return lines


def _step_text(s: StepResult) -> list[str]:
    lines = [f"  {s.number}. {_MARKS[s.status]} {s.status:<9} {s.title}"]
    lines.extend(f"       {'+' if e.supports else '-'} {_cite(e)}" for e in s.evidence)
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
    return "\n".join(lines) + "\n"


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
            f"{d.name:<34} {_num(d.before):>6} {_num(d.after):>6} {change:>7}  "
            f"{d.level_before or '-'} → {d.level_after or '-'}"
        )
        for k in d.criteria:
            delta = "" if k.delta is None else f" ({k.delta:+.0f})"
            lines.append(f"    {k.id}: {_num(k.before)} → {_num(k.after)}{delta}")
            lines.extend(f"      ✔ resolved: {g}" for g in k.resolved)
            lines.extend(f"      ✘ new gap: {g}" for g in k.new_gaps)
    lines += ["", "Steps"]
    for s in c.steps:
        arrow = {"up": "↑", "down": "↓", "same": "="}[s.direction]
        lines.append(f"  {s.number}. {arrow} {s.title}: {s.before} → {s.after}")
    return "\n".join(lines) + "\n"


def render_text(result: Assessment | Comparison, *, evidence: bool = True) -> str:
    """Plain text for a terminal.

    Args:
        result: an assessment or a comparison.
        evidence: list each criterion's and step's evidence (the default).
    """
    if isinstance(result, Comparison):
        return _comparison_text(result)
    return _assessment_text(result, evidence)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _assessment_markdown(a: Assessment) -> str:
    o, q = a.overall, a.quadrant
    out = [
        f"# Digital maturity: {_md_cell(a.model or 'unnamed model')}",
        "",
        f"As of {a.as_of.isoformat()}; {a.size} organisation; {a.maturity_model} model.",
        "",
        f"- **Overall**: {o.score:.0f}/100, level {o.level} ({o.level_name}); spread "
        f"{o.spread:.0f} between {o.strongest or '-'} and {o.weakest or '-'}",
        f"- **Quadrant**: {q.name} (digital intensity {q.digital_intensity:.0f}, "
        f"transformation management {q.management_intensity:.0f})",
        "",
        "| dimension | score | level |",
        "|---|---:|---|",
    ]
    out += [
        f"| {_md_cell(d.name)} | {_num(d.score)} | "
        f"{d.level if d.level is not None else '-'} {d.level_name or ''} |"
        for d in a.dimensions
    ]
    for d in a.dimensions:
        out += ["", f"## {d.name}", "", "| criterion | score | weight | evidence |"]
        out += ["|---|---:|---:|---|"]
        for c in d.criteria:
            cited = "<br>".join(
                f"{'+' if e.supports else '−'} {_md_cell(_cite(e))}" for e in c.evidence
            )
            if c.score is None:
                reason = c.error or (c.evidence[0].fact if c.evidence else "")
                cited = f"does not apply: {_md_cell(reason)}" if reason else "does not apply"
            out.append(f"| {c.id} | {_num(c.score)} | {c.weight:g} | {cited} |")
    out += ["", "## The eight steps", "", "| step | status | evidence |", "|---|---|---|"]
    for s in a.steps:
        cited = "<br>".join(
            f"{'+' if e.supports else '−'} {_md_cell(_cite(e))}" for e in s.evidence
        )
        out.append(f"| {s.number}. {_md_cell(s.title)} | {s.status} | {cited} |")
    if a.jumped:
        out += ["", f"**Steps jumped**: {', '.join(a.jumped)}."]
    return "\n".join(out) + "\n"


def _comparison_markdown(c: Comparison) -> str:
    b, a = c.before, c.after
    out = [
        f"# Progress: {_md_cell(b.model)} → {_md_cell(a.model)}",
        "",
        f"From {b.as_of.isoformat()} to {a.as_of.isoformat()}: overall {b.overall.score:.0f} → "
        f"{a.overall.score:.0f} ({c.overall_delta:+.0f}); quadrant {b.quadrant.name} → "
        f"{a.quadrant.name}.",
        "",
        "| dimension | before | after | change | level |",
        "|---|---:|---:|---:|---|",
    ]
    for d in c.dimensions:
        change = "" if d.delta is None else f"{d.delta:+.0f}"
        out.append(
            f"| {_md_cell(d.name)} | {_num(d.before)} | {_num(d.after)} | {change} | "
            f"{d.level_before or '-'} → {d.level_after or '-'} |"
        )
    moved = [k for d in c.dimensions for k in d.criteria]
    if moved:
        out += ["", "## What moved", ""]
        for k in moved:
            out.append(f"- **{k.id}**: {_num(k.before)} → {_num(k.after)}")
            out += [f"  - resolved: {_md_cell(g)}" for g in k.resolved]
            out += [f"  - new gap: {_md_cell(g)}" for g in k.new_gaps]
    out += ["", "## Steps", "", "| step | before | after |", "|---|---|---|"]
    out += [f"| {s.number}. {_md_cell(s.title)} | {s.before} | {s.after} |" for s in c.steps]
    return "\n".join(out) + "\n"


def render_markdown(result: Assessment | Comparison) -> str:
    """Markdown for a report: summary, a table per dimension with evidence, the steps."""
    if isinstance(result, Comparison):
        return _comparison_markdown(result)
    return _assessment_markdown(result)


def render_json(result: Assessment | Comparison | list[Comparison]) -> str:
    """JSON (``to_dict()``), indented; a list of comparisons goes under ``comparisons``."""
    data: Any
    if isinstance(result, list):
        data = {"version": 1, "comparisons": [c.to_dict() for c in result]}
    else:
        data = result.to_dict()
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
