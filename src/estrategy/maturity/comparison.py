"""Progress between two reviews: what moved, per dimension, criterion and step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from estrategy.base.display import Displayable
from estrategy.base.messages import Message, tr
from estrategy.base.plain import plain_fields, round_or_none
from estrategy.maturity.results import Assessment, StepStatus

if TYPE_CHECKING:  # pragma: no cover
    from estrategy.maturity.spec import MaturityModel
    from estrategy.model import StrategyModel

__all__ = ["Comparison", "CriterionChange", "DimensionChange", "StepChange", "compare"]

_STEP_RANK = {"missing": 0, "partial": 1, "evidenced": 2}
_SCORES = ("before", "after", "delta")  # rounded in the JSON, as the assessment's scores


def _delta(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


@attrs.frozen
class CriterionChange:
    """How one criterion moved.

    Attributes:
        id: the criterion id.
        before: its score before (``None``: did not apply).
        after: its score after.
        delta: ``after - before`` when both apply.
        resolved: facts cited as gaps before and no longer after (messages, rendered in
            the reader's language).
        new_gaps: facts cited as gaps after and not before.
    """

    id: str
    before: float | None
    after: float | None
    delta: float | None
    resolved: tuple[Message, ...] = ()
    new_gaps: tuple[Message, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (the facts in English)."""
        return plain_fields(self, rounded=_SCORES)


@attrs.frozen
class DimensionChange:
    """How one dimension moved.

    Attributes:
        id: the dimension id.
        name: its name.
        before: score before.
        after: score after.
        delta: ``after - before`` when both have a score.
        level_before: level before.
        level_after: level after.
        criteria: the criteria that moved (score or gaps), in the maturity model's order.
    """

    id: str
    name: str
    before: float | None
    after: float | None
    delta: float | None
    level_before: int | None
    level_after: int | None
    criteria: tuple[CriterionChange, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return plain_fields(self, rounded=_SCORES)


@attrs.frozen
class StepChange:
    """How one step of the method moved.

    Attributes:
        number: 1 to 8.
        id: the step id.
        title: what the step is.
        before: status before.
        after: status after.
        direction: ``"up"``, ``"down"`` or ``"same"``.
    """

    number: int
    id: str
    title: str
    before: StepStatus = attrs.field(converter=StepStatus)
    after: StepStatus = attrs.field(converter=StepStatus)

    @property
    def direction(self) -> str:
        """Whether the step progressed, regressed or stayed."""
        change = _STEP_RANK[self.after] - _STEP_RANK[self.before]
        return "up" if change > 0 else "down" if change < 0 else "same"

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, with the step's :attr:`direction`."""
        return {**plain_fields(self), "direction": self.direction}


@attrs.frozen
class Comparison(Displayable):
    """Two assessments side by side, as a consultant reports progress between reviews.

    In a notebook it shows a table of the dimensions (before, after, change);
    ``to_frame()`` gives one row per dimension: before, after, delta and levels (needs
    pandas).

    Attributes:
        before: the earlier assessment.
        after: the later one.
        dimensions: each dimension's move (dimensions of the later maturity model).
        steps: each step's move.
    """

    before: Assessment
    after: Assessment
    dimensions: tuple[DimensionChange, ...]
    steps: tuple[StepChange, ...]

    @property
    def overall_delta(self) -> float:
        """The change of the overall score."""
        return self.after.overall.score - self.before.overall.score

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (``version`` 1)."""
        b, a = self.before, self.after
        return {
            "version": 1,
            "before": {"model": b.model, "as_of": b.as_of.isoformat()},
            "after": {"model": a.model, "as_of": a.as_of.isoformat()},
            "overall": {
                "before": round_or_none(b.overall.score),
                "after": round_or_none(a.overall.score),
                "delta": round_or_none(self.overall_delta),
                "level_before": b.overall.level,
                "level_after": a.overall.level,
            },
            "quadrant": {
                "before": b.quadrant.to_dict(),
                "after": a.quadrant.to_dict(),
                "moved": b.quadrant.name != a.quadrant.name,
            },
            "dimensions": [d.to_dict() for d in self.dimensions],
            "steps": [s.to_dict() for s in self.steps],
        }

    def _rows(self) -> list[dict[str, Any]]:
        return [{k: v for k, v in d.to_dict().items() if k != "criteria"} for d in self.dimensions]

    def _html_head(self) -> str:
        return ""

    def _html_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "dimension": d.name,
                "before": _fmt(d.before),
                "after": _fmt(d.after),
                "change": _signed(d.delta),
            }
            for d in self.dimensions
        ]


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def _signed(value: float | None) -> str:
    return "" if value is None else f"{value:+.0f}"


def _gaps(assessment: Assessment, criterion_id: str) -> dict[Message, None]:
    for dimension in assessment.dimensions:
        for item in dimension.criteria:
            if item.id == criterion_id:
                return {_cited(e.text, e.ids): None for e in item.evidence if not e.supports}
    return {}


def _cited(fact: Message, ids: tuple[str, ...]) -> Message:
    """A gap with the ids it is about, as the renderers cite evidence."""
    return tr("{fact} ({ids})", fact=fact, ids=", ".join(ids)) if ids else fact


def compare(
    before: Assessment | StrategyModel,
    after: Assessment | StrategyModel,
    maturity_model: MaturityModel | None = None,
) -> Comparison:
    """Compare two assessments (or assess two models and compare them).

    Args:
        before: the earlier assessment, or model.
        after: the later one.
        maturity_model: used to assess models passed instead of assessments.

    Returns:
        What moved: the overall score, each dimension and its criteria, each step.
    """
    from estrategy.maturity.assessment import assess

    first = before if isinstance(before, Assessment) else assess(before, maturity_model)
    second = after if isinstance(after, Assessment) else assess(after, maturity_model)
    old = {d.id: d for d in first.dimensions}
    dimensions = []
    for dim in second.dimensions:
        prior = old.get(dim.id)
        changes = []
        prior_scores = {c.id: c.score for c in prior.criteria} if prior else {}
        for item in dim.criteria:
            was = prior_scores.get(item.id)
            gaps_before, gaps_after = _gaps(first, item.id), _gaps(second, item.id)
            resolved = tuple(g for g in gaps_before if g not in gaps_after)
            new = tuple(g for g in gaps_after if g not in gaps_before)
            if was != item.score or resolved or new:
                changes.append(
                    CriterionChange(
                        item.id, was, item.score, _delta(was, item.score), resolved, new
                    )
                )
        dimensions.append(
            DimensionChange(
                id=dim.id,
                name=dim.name,
                before=prior.score if prior else None,
                after=dim.score,
                delta=_delta(prior.score if prior else None, dim.score),
                level_before=prior.level if prior else None,
                level_after=dim.level,
                criteria=tuple(changes),
            )
        )
    steps = tuple(
        StepChange(a.number, a.id, a.title, b.status, a.status)
        for b, a in zip(first.steps, second.steps, strict=True)
    )
    return Comparison(first, second, tuple(dimensions), steps)
