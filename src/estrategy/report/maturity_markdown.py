"""The Markdown output of ``maturity``: for reports a consultant pastes into a deliverable."""

from __future__ import annotations

from collections.abc import Sequence

from estrategy.base.escape import markdown_cell
from estrategy.maturity import Assessment, Comparison
from estrategy.report._maturity import capped, cite, number

__all__ = ["render"]


def _assessment_markdown(a: Assessment) -> str:
    o, q = a.overall, a.quadrant
    out = [
        f"# Digital maturity: {markdown_cell(a.model or 'unnamed model')}",
        "",
        f"As of {a.as_of.isoformat()}; {a.size} organisation; "
        f"{markdown_cell(a.maturity_model)} model.",
        "",
        f"- **Overall**: {o.score:.0f}/100, level {o.level} ({markdown_cell(o.level_name)}); "
        f"spread {o.spread:.0f} between {markdown_cell(o.strongest or '-')} and "
        f"{markdown_cell(o.weakest or '-')}"
        + (f"; {markdown_cell(cap)}" if (cap := capped(o)) else ""),
        f"- **Quadrant**: {markdown_cell(q.name)} (digital intensity {q.digital_intensity:.0f}, "
        f"transformation management {q.management_intensity:.0f})",
        "",
        "| dimension | score | level |",
        "|---|---:|---|",
    ]
    out += [
        f"| {markdown_cell(d.name)} | {number(d.score)} | "
        f"{d.level if d.level is not None else '-'} {markdown_cell(d.level_name or '')} |"
        for d in a.dimensions
    ]
    for d in a.dimensions:
        out += ["", f"## {markdown_cell(d.name)}", "", "| criterion | score | weight | evidence |"]
        out += ["|---|---:|---:|---|"]
        for c in d.criteria:
            cited = "<br>".join(
                f"{'+' if e.supports else '−'} {markdown_cell(cite(e))}" for e in c.evidence
            )
            if c.score is None:
                reason = c.error or (c.evidence[0].fact if c.evidence else "")
                cited = f"does not apply: {markdown_cell(reason)}" if reason else "does not apply"
            out.append(f"| {markdown_cell(c.id)} | {number(c.score)} | {c.weight:g} | {cited} |")
    out += ["", "## The eight steps", "", "| step | status | evidence |", "|---|---|---|"]
    for s in a.steps:
        cited = "<br>".join(
            f"{'+' if e.supports else '−'} {markdown_cell(cite(e))}" for e in s.evidence
        )
        out.append(
            f"| {s.number}. {markdown_cell(s.title)} | {markdown_cell(s.status)} | {cited} |"
        )
    if a.jumped:
        out += ["", f"**Steps jumped**: {markdown_cell(', '.join(a.jumped))}."]
    return "\n".join(out) + "\n"


def _comparison_markdown(c: Comparison) -> str:
    b, a = c.before, c.after
    out = [
        f"# Progress: {markdown_cell(b.model)} → {markdown_cell(a.model)}",
        "",
        f"From {b.as_of.isoformat()} to {a.as_of.isoformat()}: overall {b.overall.score:.0f} → "
        f"{a.overall.score:.0f} ({c.overall_delta:+.0f}); quadrant "
        f"{markdown_cell(b.quadrant.name)} → {markdown_cell(a.quadrant.name)}.",
        "",
        "| dimension | before | after | change | level |",
        "|---|---:|---:|---:|---|",
    ]
    for d in c.dimensions:
        change = "" if d.delta is None else f"{d.delta:+.0f}"
        out.append(
            f"| {markdown_cell(d.name)} | {number(d.before)} | {number(d.after)} | {change} | "
            f"{d.level_before or '-'} → {d.level_after or '-'} |"
        )
    moved = [k for d in c.dimensions for k in d.criteria]
    if moved:
        out += ["", "## What moved", ""]
        for k in moved:
            out.append(f"- **{markdown_cell(k.id)}**: {number(k.before)} → {number(k.after)}")
            out += [f"  - resolved: {markdown_cell(g)}" for g in k.resolved]
            out += [f"  - new gap: {markdown_cell(g)}" for g in k.new_gaps]
    out += ["", "## Steps", "", "| step | before | after |", "|---|---|---|"]
    out += [
        f"| {s.number}. {markdown_cell(s.title)} | {markdown_cell(s.before)} "
        f"| {markdown_cell(s.after)} |"
        for s in c.steps
    ]
    return "\n".join(out) + "\n"


def render(result: Assessment | Comparison | Sequence[Comparison]) -> str:
    """Markdown for a report: summary, a table per dimension with evidence, the steps.

    Args:
        result: an assessment, a comparison, or several comparisons (one section each,
            a blank line between them).

    Returns:
        Markdown text, ending with a newline.
    """
    if isinstance(result, Assessment):
        return _assessment_markdown(result)
    if isinstance(result, Comparison):
        return _comparison_markdown(result)
    return "\n".join(_comparison_markdown(c) for c in result)
