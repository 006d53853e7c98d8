"""The Markdown output of ``maturity``: for reports a consultant pastes into a deliverable."""

from __future__ import annotations

from collections.abc import Sequence

from estrategy.base.escape import markdown_cell
from estrategy.base.formats import Day, Number
from estrategy.base.messages import Message, tr
from estrategy.base.translations import translate
from estrategy.maturity import Assessment, Comparison, Evidence
from estrategy.model.labels import label
from estrategy.report._maturity import capped, cite, dimension_name, number

__all__ = ["render"]


def _section(title: str, header: str, alignment: str) -> list[str]:
    """A section's heading, then the head of its table."""
    return ["", f"## {title}", "", header, alignment]


def _cited(evidence: Sequence[Evidence], lang: str) -> str:
    """Evidence in one table cell: ``+`` before a supporting fact, ``−`` before a gap."""
    return "<br>".join(
        f"{'+' if e.supports else '−'} {markdown_cell(cite(e, lang))}" for e in evidence
    )


def _assessment_markdown(a: Assessment, lang: str) -> str:
    def say(message: Message) -> str:
        return message.render(lang)

    o, q = a.overall, a.quadrant
    out = [
        "# "
        + say(
            tr(
                "Digital maturity: {model}",
                model=markdown_cell(a.model or say(tr("unnamed model"))),
            )
        ),
        "",
        say(
            tr(
                "As of {date}; {size} organisation; {spec} model.",
                date=Day(a.as_of),
                size=label(a.size),
                spec=markdown_cell(a.maturity_model),
            )
        ),
        "",
        "- "
        + say(
            tr(
                "**Overall**: {score}/100, level {level} ({level_name}); spread {spread} "
                "between {strongest} and {weakest}",
                score=Number(o.score, 0),
                level=o.level,
                level_name=markdown_cell(translate(o.level_name, lang)),
                spread=Number(o.spread, 0),
                strongest=markdown_cell(dimension_name(a, o.strongest, lang)),
                weakest=markdown_cell(dimension_name(a, o.weakest, lang)),
            )
        )
        + (say(tr("; {cap}", cap=markdown_cell(cap.render(lang)))) if (cap := capped(o)) else ""),
        "- "
        + say(
            tr(
                "**Quadrant**: {quadrant} (digital intensity {digital}, transformation "
                "management {management})",
                quadrant=markdown_cell(label(q.name).render(lang)),
                digital=Number(q.digital_intensity, 0),
                management=Number(q.management_intensity, 0),
            )
        ),
        "",
        say(tr("| dimension | score | level |")),
        "|---|---:|---|",
    ]
    for d in a.dimensions:
        level = "-" if d.level is None else str(d.level)
        level_name = markdown_cell(translate(d.level_name or "", lang))
        name = markdown_cell(translate(d.name, lang))
        out.append(f"| {name} | {number(d.score)} | {level} {level_name} |")
    for d in a.dimensions:
        out += _section(
            markdown_cell(translate(d.name, lang)),
            say(tr("| criterion | score | weight | evidence |")),
            "|---|---:|---:|---|",
        )
        for c in d.criteria:
            cited = _cited(c.evidence, lang)
            if c.score is None:
                reason = c.error or (c.evidence[0].fact_in(lang) if c.evidence else "")
                cited = (
                    say(tr("does not apply: {reason}", reason=markdown_cell(reason)))
                    if reason
                    else say(tr("does not apply"))
                )
            out.append(f"| {markdown_cell(c.id)} | {number(c.score)} | {c.weight:g} | {cited} |")
    out += _section(
        say(tr("The eight steps")), say(tr("| step | status | evidence |")), "|---|---|---|"
    )
    for s in a.steps:
        title = markdown_cell(translate(s.title, lang))
        status = markdown_cell(say(label(s.status)))
        out.append(f"| {s.number}. {title} | {status} | {_cited(s.evidence, lang)} |")
    if a.jumped:
        out += ["", say(tr("**Steps jumped**: {steps}.", steps=markdown_cell(", ".join(a.jumped))))]
    return "\n".join(out) + "\n"


def _comparison_markdown(c: Comparison, lang: str) -> str:
    def say(message: Message) -> str:
        return message.render(lang)

    def level(name: str | None) -> str:
        return translate(name, lang) if name else "-"

    b, a = c.before, c.after
    out = [
        "# "
        + say(
            tr(
                "Progress: {before} → {after}",
                before=markdown_cell(b.model),
                after=markdown_cell(a.model),
            )
        ),
        "",
        say(
            tr(
                "From {before_date} to {after_date}: overall {before} → {after} ({change}); "
                "quadrant {quadrant_before} → {quadrant_after}.",
                before_date=Day(b.as_of),
                after_date=Day(a.as_of),
                before=Number(b.overall.score, 0),
                after=Number(a.overall.score, 0),
                change=Number(c.overall_delta, 0, signed=True),
                quadrant_before=markdown_cell(label(b.quadrant.name).render(lang)),
                quadrant_after=markdown_cell(label(a.quadrant.name).render(lang)),
            )
        ),
        "",
        say(tr("| dimension | before | after | change | level |")),
        "|---|---:|---:|---:|---|",
    ]
    for d in c.dimensions:
        change = "" if d.delta is None else Number(d.delta, 0, signed=True).localise(lang)
        out.append(
            f"| {markdown_cell(translate(d.name, lang))} | {number(d.before)} | "
            f"{number(d.after)} | {change} | {d.level_before or '-'} → {d.level_after or '-'} |"
        )
    moved = [k for d in c.dimensions for k in d.criteria]
    if moved:
        out += ["", "## " + say(tr("What moved")), ""]
        for k in moved:
            out.append(f"- **{markdown_cell(k.id)}**: {number(k.before)} → {number(k.after)}")
            out += [
                "  - " + say(tr("resolved: {gap}", gap=markdown_cell(say(g)))) for g in k.resolved
            ]
            out += [
                "  - " + say(tr("new gap: {gap}", gap=markdown_cell(say(g)))) for g in k.new_gaps
            ]
    out += _section(say(tr("Steps")), say(tr("| step | before | after |")), "|---|---|---|")
    for s in c.steps:
        title = markdown_cell(translate(s.title, lang))
        before, after = markdown_cell(say(label(s.before))), markdown_cell(say(label(s.after)))
        out.append(f"| {s.number}. {title} | {before} | {after} |")
    return "\n".join(out) + "\n"


def render(result: Assessment | Comparison | Sequence[Comparison], *, lang: str = "en") -> str:
    """Markdown for a report: summary, a table per dimension with evidence, the steps.

    Args:
        result: an assessment, a comparison, or several comparisons (one section each,
            a blank line between them).
        lang: the language of the headings, names and evidence.

    Returns:
        Markdown text, ending with a newline.
    """
    if isinstance(result, Assessment):
        return _assessment_markdown(result, lang)
    if isinstance(result, Comparison):
        return _comparison_markdown(result, lang)
    return "\n".join(_comparison_markdown(c, lang) for c in result)
