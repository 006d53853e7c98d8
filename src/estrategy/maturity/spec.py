"""Maturity models: dimensions, weighted criteria, levels and size-aware thresholds, as data.

The default model is ``estrategy/data/maturity.toml``; users write their own in the same
shape and load it with :func:`load_maturity_model`. Numbers that depend on the company's
size are :class:`SizeValue` objects, written ``1`` or ``{ default = 1, micro = 0 }``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

import attrs

from estrategy.maturity.criterion import Criterion
from estrategy.model import OrganizationSize

__all__ = [
    "THRESHOLD_NAMES",
    "CriterionSpec",
    "DimensionSpec",
    "LevelScale",
    "MaturityModel",
    "QuadrantSpec",
    "SizeValue",
    "StepsSpec",
    "default_maturity_model",
]

SIZES: tuple[str, ...] = tuple(str(s) for s in OrganizationSize)

THRESHOLD_NAMES: tuple[str, ...] = (
    "atomisation_hhi",
    "atomisation_min_tactics",
    "esn_reach_target",
    "results_cap_base",
    "review_interval_days",
    "transversality_target",
    "upward_hops",
)
"""The thresholds the built-in criteria, steps and overall score read.

A maturity-model file naming another threshold is taken for a typo, unless the model
uses a custom criterion (which may read a threshold of its own).
"""


def _pairs(
    value: Mapping[str, float] | tuple[tuple[str, float], ...],
) -> tuple[tuple[str, float], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    pairs = tuple(sorted((str(k), float(v)) for k, v in items))
    unknown = [k for k, _ in pairs if k not in SIZES]
    if unknown:
        raise ValueError(f"unknown size(s) {', '.join(unknown)}; sizes are {', '.join(SIZES)}")
    return pairs


@attrs.frozen
class SizeValue:
    """A number that may depend on the organisation's size.

    Attributes:
        default: the value for sizes not listed.
        by_size: ``(size, value)`` pairs overriding the default, sorted by size.

    Example:
        >>> weight = SizeValue(2, {"micro": 0})
        >>> weight.resolve("micro"), weight.resolve("large")
        (0.0, 2.0)
    """

    default: float = attrs.field(converter=float)
    by_size: tuple[tuple[str, float], ...] = attrs.field(default=(), converter=_pairs)

    def resolve(self, size: OrganizationSize | str) -> float:
        """The value for one size."""
        return dict(self.by_size).get(str(size), self.default)

    def to_data(self) -> float | dict[str, float]:
        """The value as a maturity-model file writes it."""
        if not self.by_size:
            return self.default
        return {"default": self.default, **dict(self.by_size)}


@attrs.frozen
class LevelScale:
    """Level names and the scores at which each level after the first starts.

    Attributes:
        names: level names, lowest first (``initial`` … ``optimising``).
        cutoffs: ``len(names) - 1`` increasing scores; level ``n`` starts at
            ``cutoffs[n - 2]``.

    Example:
        >>> scale = LevelScale(("low", "mid", "high"), (40, 70))
        >>> scale.level(39.9), scale.level(40), scale.level(100)
        (1, 2, 3)
    """

    names: tuple[str, ...]
    cutoffs: tuple[float, ...]

    def level(self, score: float) -> int:
        """The 1-based level of a score."""
        return 1 + sum(1 for cutoff in self.cutoffs if score >= cutoff)

    def name(self, level: int) -> str:
        """The name of a 1-based level."""
        return self.names[level - 1]


@attrs.frozen
class CriterionSpec:
    """A criterion as a dimension uses it.

    Attributes:
        criterion: the criterion (its id, title and function).
        weight: its weight in the dimension, per size (0: not judged for that size).
    """

    criterion: Criterion
    weight: SizeValue = SizeValue(1)

    @property
    def id(self) -> str:
        """The criterion's id."""
        return self.criterion.id


@attrs.frozen
class DimensionSpec:
    """One dimension of maturity.

    Attributes:
        id: short id (``measurement``).
        name: display name (``Measurement and learning``).
        weight: the dimension's weight in the overall score, per size.
        criteria: its weighted criteria.
    """

    id: str
    name: str
    criteria: tuple[CriterionSpec, ...]
    weight: SizeValue = SizeValue(1)


@attrs.frozen
class QuadrantSpec:
    """The two axes of the quadrant, as data.

    Attributes:
        digital_threshold: digital intensity at or above which a model is "high".
        management_threshold: the same for transformation-management intensity.
        saturation: component of digital intensity to the count that earns it full marks
            (``digital_tactic_kinds``, ``tool_kinds``, ``audiences``, ``digital_actions``).
        digital_internal_kinds: internal tactic kinds that deploy technology.
        management: component of management intensity to the criterion ids averaged in it.
    """

    digital_threshold: float
    management_threshold: float
    saturation: tuple[tuple[str, SizeValue], ...]
    digital_internal_kinds: tuple[str, ...]
    management: tuple[tuple[str, tuple[str, ...]], ...]


@attrs.frozen
class StepsSpec:
    """Settings of the eight steps.

    Attributes:
        digital_words: words (or word starts) that show the digital shift was understood.
    """

    digital_words: tuple[str, ...]


@attrs.frozen
class MaturityModel:
    """A complete maturity model.

    Attributes:
        name: its name, shown in reports.
        levels: level names and cut-offs.
        thresholds: named numbers criteria read through ``context.threshold``, per size.
        quadrant: the quadrant's axes.
        steps: settings of the eight steps.
        dimensions: the dimensions, in display order.
    """

    name: str
    levels: LevelScale
    thresholds: tuple[tuple[str, SizeValue], ...]
    quadrant: QuadrantSpec
    steps: StepsSpec
    dimensions: tuple[DimensionSpec, ...]

    def thresholds_for(self, size: OrganizationSize | str) -> Mapping[str, float]:
        """Every threshold resolved for one size."""
        return MappingProxyType({name: value.resolve(size) for name, value in self.thresholds})

    def criterion_weights(self, size: OrganizationSize | str) -> Mapping[str, float]:
        """Criterion id to its weight for one size (the first dimension that uses it)."""
        weights: dict[str, float] = {}
        for dimension in self.dimensions:
            for spec in dimension.criteria:
                weights.setdefault(spec.id, spec.weight.resolve(size))
        return MappingProxyType(weights)

    def criteria(self) -> Mapping[str, Criterion]:
        """Every criterion the model uses, by id."""
        return MappingProxyType(
            {spec.id: spec.criterion for d in self.dimensions for spec in d.criteria}
        )


@functools.cache
def default_maturity_model() -> MaturityModel:
    """The maturity model shipped with estrategy (``estrategy/data/maturity.toml``)."""
    from estrategy.maturity.loading import maturity_model_from_text

    text = resources.files("estrategy.data").joinpath("maturity.toml").read_text("utf-8")
    return maturity_model_from_text(text, source="<estrategy>/data/maturity.toml")
