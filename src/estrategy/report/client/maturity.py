"""The maturity chapter: radar and quadrant together, each dimension's evidence, the steps.

The radar and the quadrant are one figure, so that they are never printed apart. Each
dimension shows its level and what counts for and against it, in the names of the plan's
elements; each of the eight steps of the method its status and the elements concerned.
"""

from __future__ import annotations

from collections.abc import Sequence

from estrategy.maturity import Assessment, Evidence, MaturityModel, StepResult
from estrategy.maturity.quadrant import quadrant_thresholds
from estrategy.maturity.results import DimensionScore
from estrategy.report.client.context import ChapterContext
from estrategy.report.client.markup import Html, concat, element, said_chapter, table
from estrategy.report.client.names import Names
from estrategy.report.client.voice import Voice

__all__ = [
    "capped_sentence",
    "evidence_text",
    "level_meter",
    "maturity_chart",
    "maturity_section",
]

_IDS_SHOWN = 8  # an evidence line may list thousands of people
_FACTS_SHOWN = 12  # and a criterion may cite one fact per person


def evidence_text(evidence: Evidence, names: Names, voice: Voice) -> Html:
    """One piece of evidence: its fact, with the elements' names rather than their ids."""
    said = voice.evidence(evidence)
    mentioned = [i for i in evidence.ids if i in said]
    if len(mentioned) > _IDS_SHOWN:
        # The fact lists its elements itself: keep its words up to the list, then a few.
        head = said[: min(said.find(i) for i in mentioned)].rstrip(" (:,;\u00a0")
        listed = [names.name(i) for i in mentioned[:_IDS_SHOWN]]
        listed.append(voice.say("count.more", count=len(mentioned) - _IDS_SHOWN))
        return concat([head, voice.colon(), element("span", voice.items(listed), cls="names")])
    fact = names.humanise(said, evidence.ids, voice.quote)
    unmentioned = [i for i in evidence.ids if i not in said]
    if not unmentioned:
        return Html(element("span", fact))
    listed = [names.name(i) for i in unmentioned[:_IDS_SHOWN]]
    hidden = len(unmentioned) - _IDS_SHOWN
    if hidden > 0:
        listed.append(voice.say("count.more", count=hidden))
    return concat([fact, voice.colon(), element("span", voice.items(listed), cls="names")])


def capped_sentence(assessment: Assessment, voice: Voice) -> str | None:
    """What held the overall score below the dimensions' mean, when results did."""
    overall = assessment.overall
    if not overall.capped or overall.ceiling is None or overall.dimension_mean is None:
        return None
    titles = {c.id: voice.data(c.title) for d in assessment.dimensions for c in d.criteria}
    result = overall.weakest_result or ""
    return voice.say(
        "maturity.capped",
        mean=voice.number(overall.dimension_mean, 0),
        result=titles.get(result, result),
        score=voice.number(overall.result_score or 0, 0),
        ceiling=voice.number(overall.ceiling, 0),
    )


def level_meter(level: int | None, voice: Voice) -> Html:
    """A level as five boxes, the first ``level`` filled (readable in black and white)."""
    if level is None:
        return element("span", voice.say("maturity.not_assessed"), cls="muted")
    boxes = concat(element("i", cls="on" if i < level else "off") for i in range(5))
    return concat(
        [
            element("span", boxes, cls="meter", aria_hidden="true"),
            " ",
            element("span", f"{level} {voice.say(f'level.{level}')}"),
        ]
    )


def maturity_chart(
    assessments: Sequence[tuple[str, Assessment]],
    thresholds: tuple[float, float],
    voice: Voice,
    *,
    alt: str,
    key: str,
) -> str:
    """Radar and quadrant in one figure, as inline SVG (needs matplotlib).

    Both are one figure so that print never puts them on different pages.
    """
    from estrategy.report.charts import chart_style, quadrant, radar
    from estrategy.report.svg import inline_svg

    last = assessments[-1][1]
    # A radar needs three axes; with fewer dimensions the quadrant is drawn alone.
    with_radar = len(last.dimensions) >= 3
    # Axes placed by hand: the radar's names need room on both sides, the quadrant's
    # vertical label too, and a legend of several reviews room below the radar.
    bottom = 0.14 if len(assessments) == 1 else 0.22
    with chart_style() as plt:
        figure = plt.figure(figsize=(7.2 if with_radar else 3.8, 3.5))
        if with_radar:
            radar(
                figure.add_axes((0.15, bottom, 0.31, 0.86 - bottom), projection="polar"),
                [voice.data(d.name) for d in last.dimensions],
                [(label, [d.score for d in a.dimensions]) for label, a in assessments],
            )
        quadrant(
            figure.add_axes((0.68, bottom, 0.29, 0.86 - bottom))
            if with_radar
            else figure.add_axes((0.2, 0.16, 0.75, 0.76)),
            [
                (label, a.quadrant.digital_intensity, a.quadrant.management_intensity)
                for label, a in assessments
            ],
            thresholds,
            names=[voice.say(f"quadrant.{q}") for q in ("beginner", "fashionista")]
            + [voice.say(f"quadrant.{q}") for q in ("conservative", "digirati")],
            axis_labels=(voice.say("maturity.digital_axis"), voice.say("maturity.management_axis")),
        )
        return inline_svg(figure, alt=alt, key=key)


def _evidence_items(items: Sequence[Evidence], names: Names, voice: Voice) -> list[Html]:
    """The first facts as list items, marked for or against, then how many more."""
    shown = [
        element("li", evidence_text(e, names, voice), cls="for" if e.supports else "against")
        for e in items[:_FACTS_SHOWN]
    ]
    if len(items) > _FACTS_SHOWN:
        more = voice.say("count.more", count=len(items) - _FACTS_SHOWN)
        shown.append(element("li", more, cls="muted"))
    return shown


def _dimension_block(dimension: DimensionScore, names: Names, voice: Voice) -> Html:
    counted = [c for c in dimension.criteria if c.weight > 0]
    pros = [e for c in counted for e in c.evidence if e.supports and c.score is not None]
    cons = [e for c in counted for e in c.evidence if not e.supports]
    score = "–" if dimension.score is None else voice.number(dimension.score, 0)

    def listing(items: list[Evidence]) -> Html:
        if not items:
            return element("p", voice.say("maturity.nothing"), cls="muted")
        return element("ul", _evidence_items(items, names, voice))

    return element(
        "div",
        [
            element(
                "h4",
                [
                    voice.data(dimension.name),
                    " ",
                    element("span", [level_meter(dimension.level, voice), f" · {score}/100"]),
                ],
            ),
            element(
                "div",
                [
                    element("div", [element("h5", voice.say("maturity.for")), listing(pros)]),
                    element("div", [element("h5", voice.say("maturity.against")), listing(cons)]),
                ],
                cls="two-columns",
            ),
        ],
        cls="dimension",
        id=f"dimension-{dimension.id}",
    )


def _step_row(step: StepResult, names: Names, voice: Voice) -> list[Html | str]:
    evidence = element("ul", _evidence_items(step.evidence, names, voice), cls="evidence")
    badge = element("span", voice.say(f"step.{step.status}"), cls=f"badge step-{step.status}")
    return [str(step.number), voice.data(step.title), badge, evidence]


def maturity_section(
    assessment: Assessment,
    context: ChapterContext,
    *,
    spec: MaturityModel | None = None,
    label: str = "",
) -> Html:
    """The maturity chapter of the report; ``label`` marks the company on the quadrant.

    Raises:
        ValueError: when ``spec`` is not the maturity model the assessment names.
    """
    names, voice = context.names, context.voice
    digital, management = quadrant_thresholds(assessment.maturity_model, spec)
    overall, q = assessment.overall, assessment.quadrant
    quadrant_name = voice.say(f"quadrant.{q.name}")
    parts: list[Html] = [
        element(
            "p",
            [
                element(
                    "strong",
                    voice.say(
                        "maturity.overall",
                        level=overall.level,
                        name=voice.data(overall.level_name),
                        score=voice.number(overall.score, 0),
                    ),
                ),
                " ",
                f"{quadrant_name}{voice.colon()}{voice.say(f'quadrant.{q.name}.sentence')} ",
                voice.say("maturity.spread", spread=voice.number(overall.spread, 0)),
            ],
        ),
    ]
    held = capped_sentence(assessment, voice)
    if held:
        parts.append(element("p", held, cls="alert"))
    if context.charts:
        alt = voice.say(
            "maturity.chart_alt",
            count=len(assessment.dimensions),
            quadrant=quadrant_name,
            digital=voice.number(q.digital_intensity, 0),
            management=voice.number(q.management_intensity, 0),
        )
        svg = maturity_chart(
            [(label or assessment.model, assessment)],
            (digital, management),
            voice,
            alt=alt,
            key="maturity",
        )
        caption = voice.say(
            "maturity.chart_caption",
            digital=voice.number(digital, 0),
            management=voice.number(management, 0),
        )
        parts.append(element("figure", [Html(svg), element("figcaption", caption)]))
    parts.append(
        table(
            voice.texts("maturity.dimension", "maturity.level", "maturity.score"),
            (
                [
                    element("a", voice.data(d.name), href=f"#dimension-{d.id}"),
                    level_meter(d.level, voice),
                    "–" if d.score is None else voice.number(d.score, 0),
                ]
                for d in assessment.dimensions
            ),
            cls="dimensions",
        )
    )
    parts += [_dimension_block(d, names, voice) for d in assessment.dimensions]
    steps: list[Html] = [
        element("h3", voice.say("maturity.steps")),
        element("p", voice.say("maturity.steps_intro"), cls="muted"),
    ]
    if assessment.jumped:
        titles = [voice.data(s.title) for s in assessment.steps if s.id in assessment.jumped]
        steps.append(
            element("p", voice.say("maturity.jumped", steps=voice.listing(titles)), cls="alert")
        )
    steps.append(
        table(
            ["#", *voice.texts("maturity.step", "maturity.status", "maturity.elements")],
            (_step_row(s, names, voice) for s in assessment.steps),
            cls="steps",
        )
    )
    parts.append(element("section", steps, cls="keep", id="steps"))
    return said_chapter("maturity", voice, parts)
