"""The progress report: what moved between two reviews of the same plan.

Maturity by dimension and level (with the radar of both and the move on the quadrant),
the steps of the method that changed, the gaps resolved and the new ones, each
indicator's movement towards or away from its target, and the actions completed, added,
dropped or newly overdue. A gap is the same in both reviews when its rule and its
elements are.

Example:
    >>> import attrs
    >>> from estrategy.io import load_demo
    >>> from estrategy.model import ActionStatus
    >>> from estrategy.report.client import review
    >>> before = load_demo()
    >>> late = next(a for a in before.actions if a.id == "a-esn-rollout")
    >>> after = attrs.evolve(before, actions=[
    ...     attrs.evolve(a, status=ActionStatus.DONE) if a is late else a for a in before.actions])
    >>> moved = progress(review(before), review(after))
    >>> moved.completed, [f.code for f in moved.resolved]
    (('a-esn-rollout',), ['ACT003'])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Unpack

import attrs

from estrategy.maturity import Comparison, MaturityModel, compare
from estrategy.maturity.quadrant import quadrant_thresholds
from estrategy.model import KPI, ActionStatus, Measurement, is_overdue
from estrategy.report.client.cover import cover_section
from estrategy.report.client.gaps import finding_item
from estrategy.report.client.markup import Html, element, table
from estrategy.report.client.maturity import level_meter, maturity_chart
from estrategy.report.client.names import Names
from estrategy.report.client.page import Document, ReportOptions, document, presentation
from estrategy.report.client.review import Review
from estrategy.report.client.voice import Voice
from estrategy.rules import Finding

__all__ = ["KpiMove", "Progress", "progress", "progress_report"]


@attrs.frozen
class KpiMove:
    """How one indicator moved between the reviews.

    Attributes:
        kpi: its id.
        unit: the unit of its values.
        target: its target (after).
        before: its latest measurement at the first review.
        after: its latest measurement at the second.
        towards: ``True`` when it moved towards its target, ``False`` away from it,
            ``None`` when it did not move or cannot tell.
    """

    kpi: str
    unit: str | None
    target: float | None
    before: Measurement | None
    after: Measurement | None
    towards: bool | None


@attrs.frozen
class Progress:
    """What moved between two reviews.

    Attributes:
        comparison: the maturity comparison.
        resolved: gaps of the first review that the second no longer has.
        new: gaps of the second review that the first did not have.
        remaining: how many gaps both have.
        kpis: each indicator of either review, in the second's order.
        completed: actions done at the second review and not at the first.
        added: actions only in the second review.
        dropped: actions dropped at the second review and not at the first.
        newly_overdue: actions overdue at the second review and not at the first.
    """

    comparison: Comparison
    resolved: tuple[Finding, ...]
    new: tuple[Finding, ...]
    remaining: int
    kpis: tuple[KpiMove, ...]
    completed: tuple[str, ...]
    added: tuple[str, ...]
    dropped: tuple[str, ...]
    newly_overdue: tuple[str, ...]


def _key(finding: Finding) -> tuple[str, tuple[str, ...]]:
    return finding.code, finding.subjects


def _latest(kpi: KPI | None) -> Measurement | None:
    if kpi is None or not kpi.measurements:
        return None
    return max(kpi.measurements, key=lambda m: (m.date, m.value))


def _move(before: KPI | None, after: KPI) -> KpiMove:
    first, last = _latest(before), _latest(after)
    towards: bool | None = None
    if first is not None and last is not None and last.value != first.value:
        if after.target is not None:
            towards = abs(after.target - last.value) < abs(after.target - first.value)
        else:
            towards = (last.value > first.value) == (str(after.direction) == "increase")
    return KpiMove(after.id, after.unit, after.target, first, last, towards)


def progress(before: Review, after: Review) -> Progress:
    """What moved from ``before`` to ``after``.

    Raises:
        ValueError: when the two assessments use different maturity models.
    """
    old = {_key(f) for f in before.findings.findings}
    new = {_key(f) for f in after.findings.findings}
    old_actions = {a.id: a for a in before.model.actions}
    old_kpis = {k.id: k for k in before.model.kpis}
    as_of_before, as_of_after = before.findings.as_of, after.findings.as_of
    actions = after.model.actions
    return Progress(
        comparison=compare(before.assessment, after.assessment),
        resolved=tuple(f for f in before.findings.findings if _key(f) not in new),
        new=tuple(f for f in after.findings.findings if _key(f) not in old),
        remaining=len(old & new),
        kpis=tuple(_move(old_kpis.get(k.id), k) for k in after.model.kpis),
        completed=tuple(
            a.id
            for a in actions
            if a.status == ActionStatus.DONE
            and (a.id not in old_actions or old_actions[a.id].status != ActionStatus.DONE)
        ),
        added=tuple(a.id for a in actions if a.id not in old_actions),
        dropped=tuple(
            a.id
            for a in actions
            if a.status == ActionStatus.DROPPED
            and a.id in old_actions
            and old_actions[a.id].status != ActionStatus.DROPPED
        ),
        newly_overdue=tuple(
            a.id
            for a in actions
            if is_overdue(a, as_of_after)
            and not (a.id in old_actions and is_overdue(old_actions[a.id], as_of_before))
        ),
    )


def _overall(c: Comparison, voice: Voice) -> str:
    """How the overall maturity moved, in one sentence."""
    b, a = c.before, c.after
    same = round(c.overall_delta) == 0 and b.overall.level == a.overall.level
    return voice.say(
        "progress.overall_same" if same else "progress.overall",
        before=voice.number(b.overall.score, 0),
        after=voice.number(a.overall.score, 0),
        delta=_signed(c.overall_delta),
        level_before=b.overall.level,
        level_after=a.overall.level,
        quadrant_before=voice.say(f"quadrant.{b.quadrant.name}"),
        quadrant_after=voice.say(f"quadrant.{a.quadrant.name}"),
    )


def _gap_moves(moved: Progress, voice: Voice) -> str:
    """The gaps resolved, new and remaining, in one sentence (``2 gaps resolved; …``)."""
    counts = [
        voice.say("progress.resolved", count=len(moved.resolved)),
        voice.say("progress.new", count=len(moved.new)),
        voice.say("progress.remaining", count=moved.remaining),
    ]
    return voice.items(counts) + "."


def _signed(delta: float | None) -> str:
    """A change in points: ``+4``, ``-8``, ``0``; a dash when it cannot be told."""
    if delta is None:
        return "–"
    return "0" if round(delta) == 0 else f"{delta:+.0f}"


def _score(value: float | None, voice: Voice) -> str:
    return "–" if value is None else voice.number(value, 0)


def _maturity(moved: Progress, spec: MaturityModel | None, voice: Voice, charts: bool) -> Html:
    c = moved.comparison
    b, a = c.before, c.after
    parts: list[Html] = [
        element("h2", voice.say("progress.maturity")),
        element("p", _overall(c, voice), cls="lead"),
    ]
    if charts:
        labels = [
            f"{voice.say('progress.before')} ({voice.short_date(b.as_of)})",
            f"{voice.say('progress.after')} ({voice.short_date(a.as_of)})",
        ]
        alt = voice.say(
            "progress.chart_alt",
            before=voice.say(f"quadrant.{b.quadrant.name}"),
            after=voice.say(f"quadrant.{a.quadrant.name}"),
        )
        svg = maturity_chart(
            [(labels[0], b), (labels[1], a)],
            quadrant_thresholds(a.maturity_model, spec),
            voice,
            alt=alt,
            key="progress",
        )
        parts.append(element("figure", Html(svg)))
    rows = [
        [
            voice.data(d.name),
            element("span", [level_meter(d.level_before, voice), " ", _score(d.before, voice)]),
            element("span", [level_meter(d.level_after, voice), " ", _score(d.after, voice)]),
            _signed(d.delta),
        ]
        for d in c.dimensions
    ]
    parts.append(
        table(
            voice.texts(
                "maturity.dimension", "progress.before", "progress.after", "progress.change"
            ),
            rows,
            cls="dimensions",
        )
    )
    changed = [s for s in c.steps if s.before != s.after]
    parts.append(element("h3", voice.say("progress.steps")))
    if changed:
        parts.append(
            table(
                ["#", *voice.texts("maturity.step", "progress.before", "progress.after")],
                (
                    [
                        str(s.number),
                        voice.data(s.title),
                        element(
                            "span", voice.say(f"step.{s.before}"), cls=f"badge step-{s.before}"
                        ),
                        element("span", voice.say(f"step.{s.after}"), cls=f"badge step-{s.after}"),
                    ]
                    for s in changed
                ),
                cls="steps",
            )
        )
    else:
        parts.append(element("p", voice.say("progress.no_step_change")))
    return element("section", parts, cls="chapter", id="maturity")


def _gaps(moved: Progress, names: Names, voice: Voice) -> Html:
    def listing(found: Sequence[Finding], empty: str) -> Html:
        if not found:
            return element("p", voice.say(empty), cls="muted")
        return element("ul", [finding_item(f, names, voice) for f in found], cls="concerned")

    return element(
        "section",
        [
            element("h2", voice.say("progress.gaps")),
            element(
                "p",
                _gap_moves(moved, voice),
                cls="lead",
            ),
            element("h3", voice.say("progress.resolved_title")),
            listing(moved.resolved, "progress.none_resolved"),
            element("h3", voice.say("progress.new_title")),
            listing(moved.new, "progress.none_new"),
        ],
        cls="chapter",
        id="gaps",
    )


def _measure(m: Measurement | None, unit: str | None, voice: Voice) -> str:
    if m is None:
        return "–"
    value = f"{voice.number(m.value)} {unit}" if unit else voice.number(m.value)
    return f"{value} ({voice.short_date(m.date)})"


def _kpis(moved: Progress, names: Names, voice: Voice) -> Html:
    def movement(k: KpiMove) -> str:
        if k.towards is None:
            return voice.say("progress.still")
        return voice.say("progress.towards" if k.towards else "progress.away")

    return element(
        "section",
        [
            element("h2", voice.say("progress.kpis")),
            table(
                voice.texts(
                    "kpis.indicator",
                    "progress.before",
                    "progress.after",
                    "progress.target",
                    "progress.kpi_moved",
                ),
                (
                    [
                        names.name(k.kpi),
                        _measure(k.before, k.unit, voice),
                        _measure(k.after, k.unit, voice),
                        "–" if k.target is None else voice.number(k.target),
                        movement(k),
                    ]
                    for k in moved.kpis
                ),
                cls="numbers",
            ),
        ],
        cls="chapter",
        id="kpis",
    )


def _actions(moved: Progress, names: Names, responsible: dict[str, str], voice: Voice) -> Html:
    def listing(ids: Sequence[str]) -> Html:
        return element(
            "ul",
            [
                element(
                    "li",
                    names.name(i)
                    + (f" ({names.name(responsible[i])})" if responsible.get(i) else ""),
                )
                for i in ids
            ],
        )

    parts: list[Html] = [
        element("h2", voice.say("progress.actions")),
        element("p", voice.say("progress.completed", count=len(moved.completed)), cls="lead"),
    ]
    for title, ids in (
        ("progress.completed_title", moved.completed),
        ("progress.newly_overdue", moved.newly_overdue),
        ("progress.new_actions", moved.added),
        ("progress.dropped", moved.dropped),
    ):
        if ids:
            parts += [element("h3", voice.say(title)), listing(ids)]
    return element("section", parts, cls="chapter", id="actions")


def progress_report(
    before: Review,
    after: Review,
    **options: Unpack[ReportOptions],
) -> str:
    """The progress report between two reviews, as one self-contained HTML document.

    Args:
        before: the earlier review.
        after: the later review.
        **options: ``branding``, ``voice``, ``charts`` and ``lang``
            (:class:`~estrategy.report.client.page.ReportOptions`).

    Raises:
        ValueError: when the two reviews use different maturity models.
    """
    voice, branding, draw = presentation(options)
    moved = progress(before, after)
    names = Names.of(after.model).merged(Names.of(before.model))
    company = after.model.organization.name or after.findings.model_name
    title = branding.title or voice.say("doc.progress_title")
    c = moved.comparison
    summary_items = [
        _overall(c, voice),
        _gap_moves(moved, voice),
        voice.say("progress.completed", count=len(moved.completed)) + ".",
    ]
    summary = element(
        "section",
        [
            element("h2", voice.say("progress.summary")),
            element("ul", [element("li", item) for item in summary_items], cls="messages"),
        ],
        cls="chapter",
        id="summary",
    )
    responsible = {a.id: a.responsible or "" for a in after.model.actions}
    chapters = [
        ("summary", voice.say("progress.summary"), summary),
        (
            "maturity",
            voice.say("progress.maturity"),
            _maturity(moved, after.maturity_model, voice, draw),
        ),
        ("gaps", voice.say("progress.gaps"), _gaps(moved, names, voice)),
        ("kpis", voice.say("progress.kpis"), _kpis(moved, names, voice)),
        ("actions", voice.say("progress.actions"), _actions(moved, names, responsible, voice)),
    ]
    dates = voice.say(
        "cover.period",
        before=voice.date(before.findings.as_of),
        after=voice.date(after.findings.as_of),
    )
    cover = cover_section(
        title=title,
        company=company,
        plan=after.findings.model_name,
        dates=dates,
        branding=branding,
        contents=[(anchor, heading) for anchor, heading, _ in chapters],
        voice=voice,
    )
    return document(
        Document(title, company, voice, draw, compact=True), [cover, *(h for _, _, h in chapters)]
    )
