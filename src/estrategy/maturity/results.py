"""The results of an assessment: frozen values with ``to_dict``, ``to_frame`` and HTML."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from estrategy.base.display import Displayable
from estrategy.base.escape import html_text
from estrategy.base.plain import plain_fields, round_or_none
from estrategy.maturity.criterion import Evidence

__all__ = [
    "Assessment",
    "CriterionScore",
    "DimensionScore",
    "Overall",
    "QuadrantPosition",
    "StepResult",
    "StepStatus",
]

JSON_VERSION = 1


@attrs.frozen
class CriterionScore:
    """One criterion's result within a dimension.

    Attributes:
        id: the criterion id.
        title: its title.
        score: 0–100, or ``None`` when it does not apply (or failed).
        weight: its weight for the organisation's size (0: not judged for that size).
        evidence: the facts behind the score.
        error: when the criterion raised, what it raised; its score is then ``None``.
    """

    id: str
    title: str
    score: float | None
    weight: float
    evidence: tuple[Evidence, ...]
    error: str | None = None

    @property
    def counted(self) -> bool:
        """Whether the criterion counts in its dimension's score."""
        return self.score is not None and self.weight > 0

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (``error`` only when the criterion raised)."""
        return plain_fields(self, rounded={"score"}, omit_none={"error"})


@attrs.frozen
class DimensionScore:
    """One dimension's score and level, with the criteria behind it.

    Attributes:
        id: the dimension id (``measurement``).
        name: its display name.
        score: weighted mean of the counted criteria, 0–100; ``None`` when none counts.
        level: 1–5 (``None`` with the score).
        level_name: ``initial`` … ``optimising``.
        weight: its weight in the overall score for the organisation's size.
        criteria: every criterion, counted or not.
    """

    id: str
    name: str
    score: float | None
    level: int | None
    level_name: str | None
    weight: float
    criteria: tuple[CriterionScore, ...]

    def criterion(self, criterion_id: str) -> CriterionScore:
        """The result of one criterion of this dimension.

        Raises:
            KeyError: when the dimension has no such criterion.
        """
        for item in self.criteria:
            if item.id == criterion_id:
                return item
        raise KeyError(criterion_id)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return plain_fields(self, rounded={"score"})


@attrs.frozen
class Overall:
    """The overall result.

    Attributes:
        score: the weighted mean of the dimensions that have a score, capped by the
            results: at most :attr:`ceiling`.
        level: its level, 1–5.
        level_name: the level's name.
        spread: the strongest dimension's score minus the weakest's (balance matters:
            a strong front with no back office is the precipitation the seeds warn of).
        strongest: id of the strongest dimension (the first one in model order on ties).
        weakest: id of the weakest dimension.
        dimension_mean: the weighted mean of the dimensions, before the cap.
        weakest_result: the delivery criterion (KPIs on track, objectives achieved,
            actions on schedule, adoption) with the lowest score; ``None`` when none
            applies.
        result_score: its score.
        ceiling: the most the overall score may be given that result: the maturity
            model's ``results_cap_base`` with no result at all, rising in a straight line
            to 100 for a result of 100; ``None`` when there is no cap.
    """

    score: float
    level: int
    level_name: str
    spread: float
    strongest: str | None
    weakest: str | None
    dimension_mean: float | None = None
    weakest_result: str | None = None
    result_score: float | None = None
    ceiling: float | None = None

    @property
    def capped(self) -> bool:
        """Whether the results held the score below the mean of the dimensions."""
        return self.dimension_mean is not None and self.score < self.dimension_mean

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data, with whether the score is :attr:`capped`."""
        scores = {"score", "spread", "dimension_mean", "result_score", "ceiling"}
        return {**plain_fields(self, rounded=scores), "capped": self.capped}


@attrs.frozen
class QuadrantPosition:
    """Where the model stands on digital intensity against transformation management.

    Attributes:
        name: ``beginner``, ``fashionista``, ``conservative`` or ``digirati``.
        digital_intensity: 0–100, how much digital is deployed.
        management_intensity: 0–100, how well the transformation is managed.
        digital_components: each component of digital intensity, 0–100 (``None`` when it
            does not apply: left out of the mean).
        management_components: each component of management intensity, 0–100 (``None``
            when none of its criteria applies: left out of the mean).
    """

    name: str
    digital_intensity: float
    management_intensity: float
    digital_components: tuple[tuple[str, float | None], ...]
    management_components: tuple[tuple[str, float | None], ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "name": self.name,
            "digital_intensity": round_or_none(self.digital_intensity),
            "management_intensity": round_or_none(self.management_intensity),
            "components": {
                "digital": {k: round_or_none(v) for k, v in self.digital_components},
                "management": {k: round_or_none(v) for k, v in self.management_components},
            },
        }


class StepStatus(enum.StrEnum):
    """The status of a method step; compares equal to its string (``"partial"``)."""

    EVIDENCED = "evidenced"
    PARTIAL = "partial"
    MISSING = "missing"


@attrs.frozen
class StepResult:
    """One of the eight steps of the method, as evidenced by the model.

    Attributes:
        number: 1 to 8.
        id: a stable id (``smart-objectives``).
        title: what the step is.
        status: ``evidenced``, ``partial`` or ``missing``.
        evidence: the facts behind the status.
    """

    number: int
    id: str
    title: str
    status: StepStatus = attrs.field(converter=StepStatus)
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return plain_fields(self)


@attrs.frozen
class Assessment(Displayable):
    """The maturity assessment of one model.

    In a notebook it shows the overall score, the quadrant, a table of the dimensions and
    the eight steps; ``to_frame()`` gives one row per criterion (dimension, criterion,
    score, weight, level; needs pandas).

    Attributes:
        model: the model's name.
        maturity_model: the maturity model's name.
        size: the organisation's size class.
        as_of: the date the assessment was made for.
        overall: overall score, level and spread.
        dimensions: each dimension's result, in the maturity model's order.
        quadrant: the position on the digital / management quadrant.
        steps: the eight steps of the method.
        jumped: ids of missing steps that later steps passed over (tactics and tools
            deployed before the objectives or the situation analysis, …).
        warnings: problems met while assessing (a custom criterion that raised).
    """

    model: str
    maturity_model: str
    size: str
    as_of: dt.date
    overall: Overall
    dimensions: tuple[DimensionScore, ...]
    quadrant: QuadrantPosition
    steps: tuple[StepResult, ...]
    jumped: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def dimension(self, dimension_id: str) -> DimensionScore:
        """One dimension's result.

        Raises:
            KeyError: when the maturity model has no such dimension.
        """
        for item in self.dimensions:
            if item.id == dimension_id:
                return item
        raise KeyError(dimension_id)

    def step(self, step_id: str) -> StepResult:
        """One step's result, by id.

        Raises:
            KeyError: when there is no such step.
        """
        for item in self.steps:
            if item.id == step_id:
                return item
        raise KeyError(step_id)

    @property
    def levels(self) -> dict[str, int | None]:
        """Dimension id to level, the short summary a consultant starts with."""
        return {d.id: d.level for d in self.dimensions}

    def to_dict(self) -> dict[str, Any]:
        """The assessment as the JSON output prints it (``version`` 1; fields are only added)."""
        return {
            "version": JSON_VERSION,
            "model": self.model,
            "maturity_model": self.maturity_model,
            "size": self.size,
            "as_of": self.as_of.isoformat(),
            "overall": self.overall.to_dict(),
            "quadrant": self.quadrant.to_dict(),
            "dimensions": [d.to_dict() for d in self.dimensions],
            "steps": [s.to_dict() for s in self.steps],
            "jumped_steps": list(self.jumped),
            "warnings": list(self.warnings),
        }

    def _rows(self) -> list[dict[str, Any]]:
        return [
            {
                "dimension": d.id,
                "dimension_score": d.score,
                "level": d.level,
                "level_name": d.level_name,
                "criterion": c.id,
                "score": c.score,
                "weight": c.weight,
                "evidence": "; ".join(e.fact for e in c.evidence),
            }
            for d in self.dimensions
            for c in d.criteria
        ]

    def _html_head(self) -> str:
        esc, q = html_text, self.quadrant
        return (
            f"<h4>Maturity of {esc(self.model)}</h4>"
            f"<p>Overall {self.overall.score:.0f}/100 ({esc(self.overall.level_name)}), "
            f"spread {self.overall.spread:.0f}; quadrant <b>{esc(q.name)}</b> "
            f"(digital {q.digital_intensity:.0f}, management {q.management_intensity:.0f})</p>"
        )

    def _html_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "dimension": d.name,
                "score": "n/a" if d.score is None else f"{d.score:.0f}",
                "level": f"{d.level or ''} {d.level_name or ''}",
            }
            for d in self.dimensions
        ]

    def _html_tail(self) -> str:
        steps = "".join(
            f"<li>{s.number}. {html_text(s.title)}: <b>{html_text(s.status)}</b></li>"
            for s in self.steps
        )
        return f"<ol style='list-style:none'>{steps}</ol>"
