"""The key messages of the executive summary: three to five sentences a director keeps.

Each message is a fact the report's chapters detail: the maturity level and position,
the gaps by severity, then whichever of overdue actions, indicators off track, silos, the
budget and the balance of the dimensions the plan gives reason to say, in that order.
"""

from __future__ import annotations

from collections.abc import Sequence

from estrategy.maturity import Assessment
from estrategy.org import OrgAnalysis
from estrategy.report.client.budget import Budget
from estrategy.report.client.gaps import GapTheme
from estrategy.report.client.kpis import Trajectory
from estrategy.report.client.maturity import capped_sentence
from estrategy.report.client.names import Names
from estrategy.report.client.roadmap import RoadmapItem
from estrategy.report.client.summary import gap_counts
from estrategy.report.client.voice import Voice

__all__ = ["key_messages"]

_MOST = 5
_NAMED = 3  # elements named in one message


def _named(ids: Sequence[str], names: Names, voice: Voice) -> str:
    shown = [names.name(i) for i in ids[:_NAMED]]
    if len(ids) > _NAMED:
        shown.append(voice.say("count.more", count=len(ids) - _NAMED))
    return voice.listing(shown)


def key_messages(
    *,
    themes: Sequence[GapTheme],
    assessment: Assessment | None,
    roadmap: Sequence[RoadmapItem],
    trajectories: Sequence[Trajectory],
    budget: Budget | None,
    org: OrgAnalysis | None,
    names: Names,
    voice: Voice,
) -> list[str]:
    """Three to five key messages, most important first."""
    messages: list[str] = []
    if assessment is not None:
        overall, q = assessment.overall, assessment.quadrant
        messages.append(
            voice.say(
                "message.maturity",
                level=overall.level,
                name=voice.data(overall.level_name),
                score=voice.number(overall.score, 0),
                quadrant_sentence=voice.say(f"quadrant.{q.name}")
                + voice.colon()
                + voice.say(f"quadrant.{q.name}.sentence"),
            )
        )
        held = capped_sentence(assessment, voice)
        if held:
            messages[-1] += " " + held
    count = sum(t.count for t in themes)
    messages.append(
        voice.say("message.gaps", count=count, detail=gap_counts(themes, voice))
        if count
        else voice.say("message.no_gap")
    )
    overdue = [i.action for i in roadmap if i.overdue]
    if overdue:
        described = [
            f"{names.name(i.action)} ({names.name(i.responsible)})"
            if i.responsible
            else names.name(i.action)
            for i in roadmap
            if i.overdue
        ]
        shown = described[:_NAMED]
        if len(described) > _NAMED:
            shown.append(voice.say("count.more", count=len(described) - _NAMED))
        messages.append(
            voice.say("message.overdue", count=len(overdue), actions=voice.listing(shown))
        )
    off_track = [t.kpi for t in trajectories if t.off_track]
    if off_track:
        messages.append(
            voice.say(
                "message.off_track", count=len(off_track), kpis=_named(off_track, names, voice)
            )
        )
    elif any(not t.missing for t in trajectories):
        messages.append(voice.say("message.on_track"))
    if org is not None and org.silos.lines:
        names_of_lines = dict(zip(org.lines.heads, org.lines.names, strict=True))
        silos = [names_of_lines.get(h, h) for h in org.silos.lines]
        shown = silos[:_NAMED] + (
            [voice.say("count.more", count=len(silos) - _NAMED)] if len(silos) > _NAMED else []
        )
        messages.append(voice.say("message.silos", count=len(silos), lines=voice.listing(shown)))
    if budget is not None and budget.tactics:
        total = voice.money(budget.total, budget.currency)
        said = voice.say("message.budget", count=len(budget.tactics), total=total)
        if budget.unfunded_tactics:
            said += " " + voice.say("message.unfunded", count=len(budget.unfunded_tactics))
        messages.append(said)
    if assessment is not None and assessment.overall.strongest and assessment.overall.weakest:
        strong = assessment.dimension(assessment.overall.strongest)
        weak = assessment.dimension(assessment.overall.weakest)
        if strong.id != weak.id:
            messages.append(
                voice.say(
                    "message.balance",
                    strongest=voice.data(strong.name),
                    strong_score=voice.number(strong.score or 0, 0),
                    weakest=voice.data(weak.name),
                    weak_score=voice.number(weak.score or 0, 0),
                )
            )
    return messages[:_MOST]
