"""The text output of ``maturity``: assessments and comparisons, for a terminal."""

from __future__ import annotations

from collections.abc import Sequence

from estrategy.base.escape import terminal_lines
from estrategy.base.formats import Day, Number
from estrategy.base.messages import tr
from estrategy.base.translations import translate
from estrategy.maturity import Assessment, Comparison, DimensionScore, StepResult
from estrategy.model.labels import label
from estrategy.report._maturity import bar, capped, cite, dimension_name, number

__all__ = ["render"]

_MARKS = {"evidenced": "✔", "partial": "~", "missing": "✘"}


def _header(a: Assessment, lang: str) -> list[str]:
    o, q = a.overall, a.quadrant
    lines = [
        tr(
            "{model}: digital maturity as of {date} ({size} organisation, {spec} model)",
            model=a.model or tr("Unnamed model"),
            date=Day(a.as_of),
            size=label(a.size),
            spec=a.maturity_model,
        ).render(lang),
        tr(
            "Overall {score}/100 {bar} {level} {level_name}; spread {spread} "
            "(strongest {strongest}, weakest {weakest})",
            score=Number(o.score, 0),
            bar=bar(o.level),
            level=o.level,
            level_name=translate(o.level_name, lang),
            spread=Number(o.spread, 0),
            strongest=dimension_name(a, o.strongest, lang),
            weakest=dimension_name(a, o.weakest, lang),
        ).render(lang),
        tr(
            "Quadrant: {quadrant} (digital intensity {digital}, transformation management "
            "{management})",
            quadrant=label(q.name),
            digital=Number(q.digital_intensity, 0),
            management=Number(q.management_intensity, 0),
        ).render(lang),
    ]
    cap = capped(o)
    if cap is not None:
        lines.insert(2, f"  ({cap.render(lang)})")
    return lines


def _dimension_text(d: DimensionScore, evidence: bool, lang: str) -> list[str]:
    if d.level is not None:
        level = f"{d.level} {translate(d.level_name or '', lang)}"
    else:
        level = tr("not assessed").render(lang)
    name = translate(d.name, lang)
    lines = [f"{name:<34} {number(d.score):>4}/100  {bar(d.level)}  {level}"]
    for c in d.criteria:
        weight = f"×{c.weight:g}"
        note = "" if c.weight > 0 else "  " + tr("(not judged for this size)").render(lang)
        if c.score is None and c.evidence:
            note = "  " + tr("(does not apply: {reason})", reason=c.evidence[0].text).render(lang)
        if c.error:
            note = "  " + tr("(failed: {error})", error=c.error).render(lang)
        lines.append(f"  {c.id:<32} {number(c.score):>4}  {weight:<5}{note}".rstrip())
        if evidence and c.score is not None:
            lines.extend(f"      {'+' if e.supports else '-'} {cite(e, lang)}" for e in c.evidence)
    return lines


def _step_text(s: StepResult, lang: str) -> list[str]:
    status = label(s.status).render(lang)
    lines = [f"  {s.number}. {_MARKS[s.status]} {status:<9} {translate(s.title, lang)}"]
    lines.extend(f"       {'+' if e.supports else '-'} {cite(e, lang)}" for e in s.evidence)
    return lines


def _assessment_text(a: Assessment, evidence: bool, lang: str) -> str:
    lines = _header(a, lang)
    for d in a.dimensions:
        lines.append("")
        lines.extend(_dimension_text(d, evidence, lang))
    lines += ["", tr("The eight steps of the method").render(lang)]
    for s in a.steps:
        lines.extend(_step_text(s, lang) if evidence else _step_text(s, lang)[:1])
    if a.jumped:
        lines.append(
            "  ! "
            + tr(
                "steps jumped: {steps} (later steps or tactics and tools were deployed before "
                "them)",
                steps=", ".join(a.jumped),
            ).render(lang)
        )
    lines.extend(tr("warning: {warning}", warning=w).render(lang) for w in a.warnings)
    return terminal_lines(lines)


def _comparison_text(c: Comparison, lang: str) -> str:
    b, a = c.before, c.after

    def level(name: str | None) -> str:
        return translate(name, lang) if name else "-"

    lines = [
        tr(
            "Progress from {before} ({before_date}) to {after} ({after_date})",
            before=b.model,
            before_date=Day(b.as_of),
            after=a.model,
            after_date=Day(a.as_of),
        ).render(lang),
        tr(
            "Overall {before} → {after} ({change}); level {level_before} → {level_after}",
            before=Number(b.overall.score, 0),
            after=Number(a.overall.score, 0),
            change=Number(c.overall_delta, 0, signed=True),
            level_before=level(b.overall.level_name),
            level_after=level(a.overall.level_name),
        ).render(lang),
        tr(
            "Quadrant {before} → {after} (digital {digital_before} → {digital_after}, "
            "management {management_before} → {management_after})",
            before=label(b.quadrant.name),
            after=label(a.quadrant.name),
            digital_before=Number(b.quadrant.digital_intensity, 0),
            digital_after=Number(a.quadrant.digital_intensity, 0),
            management_before=Number(b.quadrant.management_intensity, 0),
            management_after=Number(a.quadrant.management_intensity, 0),
        ).render(lang),
        "",
    ]
    heads = [tr("dimension"), tr("before"), tr("after"), tr("change"), tr("level")]
    named, was, now, moved, level_head = (head.render(lang) for head in heads)
    # the columns are as wide as their heading in the reader's language ("évolution")
    w_was, w_now, w_moved = max(6, len(was)), max(6, len(now)), max(7, len(moved))
    lines.append(f"{named:<34} {was:>{w_was}} {now:>{w_now}} {moved:>{w_moved}}  {level_head}")
    for d in c.dimensions:
        change = "" if d.delta is None else Number(d.delta, 0, signed=True).localise(lang)
        lines.append(
            f"{translate(d.name, lang):<34} {number(d.before):>{w_was}} "
            f"{number(d.after):>{w_now}} {change:>{w_moved}}  "
            f"{d.level_before or '-'} → {d.level_after or '-'}"
        )
        for k in d.criteria:
            delta = (
                "" if k.delta is None else f" ({Number(k.delta, 0, signed=True).localise(lang)})"
            )
            lines.append(f"    {k.id}: {number(k.before)} → {number(k.after)}{delta}")
            lines.extend("      ✔ " + tr("resolved: {gap}", gap=g).render(lang) for g in k.resolved)
            lines.extend("      ✘ " + tr("new gap: {gap}", gap=g).render(lang) for g in k.new_gaps)
    lines += ["", tr("Steps").render(lang)]
    for s in c.steps:
        arrow = {"up": "↑", "down": "↓", "same": "="}[s.direction]
        before, after = label(s.before).render(lang), label(s.after).render(lang)
        lines.append(f"  {s.number}. {arrow} {translate(s.title, lang)}: {before} → {after}")
    return terminal_lines(lines)


def render(
    result: Assessment | Comparison | Sequence[Comparison],
    *,
    evidence: bool = True,
    lang: str = "en",
) -> str:
    """Plain text for a terminal: a table per dimension with level bars, then the steps.

    Args:
        result: an assessment, a comparison, or several comparisons (one after another,
            a blank line between them).
        evidence: list each criterion's and step's evidence (the default); comparisons
            always show what moved.
        lang: the language of the headings, names and evidence.

    Returns:
        Lines of text, ending with a newline; text from the model or the maturity model
        is escaped for a terminal (:func:`estrategy.base.escape.terminal_lines`).
    """
    if isinstance(result, Assessment):
        return _assessment_text(result, evidence, lang)
    if isinstance(result, Comparison):
        return _comparison_text(result, lang)
    return "\n".join(_comparison_text(c, lang) for c in result)
