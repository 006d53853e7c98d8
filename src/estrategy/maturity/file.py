"""The shape of a maturity-model file, declared as attrs classes and checked by cattrs.

:func:`estrategy.io.toml.structure` reads a file into :class:`MaturityFile` with the
strict converter of model files, so a maturity model reports its problems as every other
file does: unknown keys with a "did you mean", wrong types, numbers out of range, each
at ``file:line:col: path``. What needs more than one value at a time (criteria that
exist, ids used twice, thresholds the criteria read) is checked after, by
:mod:`estrategy.maturity.loading`.

A number that depends on the organisation's size is written ``1`` or
``{ default = 1, micro = 0 }``: a ``float | SizeTable``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from estrategy.base.escape import excerpt
from estrategy.base.messages import Message, ntr, tr
from estrategy.model import ModelIntegrityError, TacticKind
from estrategy.model.errors import IntegrityProblem
from estrategy.model.paths import ModelPath
from estrategy.model.validators import FieldValueError

__all__ = [
    "CriterionFile",
    "DimensionFile",
    "LevelsFile",
    "MaturityFile",
    "QuadrantFile",
    "SizeNumber",
    "SizeTable",
    "StepsFile",
]

_ID = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*\Z")
_BY_SIZE = "({ default = …, micro = … })"

MAX_WEIGHT = 1_000_000.0
"""The largest weight: far more than any ratio needs, far from overflowing a sum."""

_MAX_NUMBER = 1e15  # thresholds and counts: finite, and far from float's limits


@attrs.frozen
class SizeTable:
    """``{ default = 1, micro = 0 }``: a number for each size, ``default`` for the others.

    Attributes:
        default: the value for sizes not listed.
        micro: for micro companies (TPE).
        small: for small companies (PE).
        medium: for medium companies (ME).
        mid_cap: for mid-caps (ETI).
        large: for large companies (GE).
    """

    default: float
    micro: float | None = None
    small: float | None = None
    medium: float | None = None
    mid_cap: float | None = None
    large: float | None = None

    def by_size(self) -> dict[str, float]:
        """The sizes given, and their values."""
        return {
            size: value
            for size, value in attrs.asdict(self).items()
            if size != "default" and value is not None
        }


SizeNumber = float | SizeTable
"""A number, or a number per size."""


def _too_large(value: float, high: float) -> Message:
    return tr("{value} is too large (at most {maximum})", value=f"{value:g}", maximum=f"{high:g}")


def _size_problems(
    path: ModelPath, value: SizeNumber, low: float, high: float
) -> list[IntegrityProblem]:
    """Where a number, or a table of numbers, lies outside ``[low, high]``."""
    if isinstance(value, SizeTable):
        return [
            IntegrityProblem((*path, size), _too_large(number, high))
            if number > high
            else IntegrityProblem(
                (*path, size),
                tr(
                    "expected a number ≥ {minimum}, got {value}",
                    minimum=f"{low:g}",
                    value=f"{number:g}",
                ),
            )
            for size, number in attrs.asdict(value).items()
            if number is not None and not low <= number <= high
        ]
    if low <= value <= high:
        return []
    if value > high:  # nan compares false: it is reported as below the range
        return [IntegrityProblem(path, _too_large(value, high))]
    return [
        IntegrityProblem(
            path,
            tr(
                "expected a number ≥ {minimum} or a table by size {example}, got {value}",
                minimum=f"{low:g}",
                example=_BY_SIZE,
                value=f"{value:g}",
            ),
        )
    ]


def _in_range(low: float, high: float) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator: a size number (or each of a table's) lies in ``[low, high]``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None:
            return
        problems = _size_problems((attribute.name,), value, low, high)
        if problems:
            raise ModelIntegrityError(problems)

    return check


def _each_in_range(low: float, high: float) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator: every size number of a table of named ones lies in ``[low, high]``."""

    def check(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        problems = [
            problem
            for name, number in value.items()
            for problem in _size_problems((attribute.name, name), number, low, high)
        ]
        if problems:
            raise ModelIntegrityError(problems)

    return check


def _not_empty(what: Message) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and not value:
            raise FieldValueError(attribute.name, what)

    return check


def _lower_case_id(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not _ID.match(value):
        raise FieldValueError(
            attribute.name, tr("expected a lower-case id, got {value}", value=excerpt(value))
        )


@attrs.frozen
class CriterionFile:
    """``{ id = "smart-objectives", weight = 2 }``: a criterion as a dimension uses it.

    Attributes:
        id: the criterion's id (built-in, passed in, or from an entry point).
        weight: its weight in the dimension, per size (0: not judged for that size).
    """

    id: str
    weight: SizeNumber = attrs.field(default=1.0, validator=_in_range(0, MAX_WEIGHT))


@attrs.frozen
class DimensionFile:
    """One ``[[dimensions]]`` table.

    Attributes:
        id: a lower-case id (``measurement``).
        criteria: criteria, each a table or a bare id (weight 1).
        name: the name shown in reports (the id when not given).
        weight: the dimension's weight in the overall score, per size.
    """

    id: str = attrs.field(validator=_lower_case_id)
    criteria: tuple[CriterionFile | str, ...] = attrs.field(
        validator=_not_empty(tr("expected a non-empty list of criteria"))
    )
    name: str | None = None
    weight: SizeNumber = attrs.field(default=1.0, validator=_in_range(0, MAX_WEIGHT))

    def criterion_files(self) -> tuple[CriterionFile, ...]:
        """The criteria, a bare id read as ``{ id = …, weight = 1 }``."""
        return tuple(c if isinstance(c, CriterionFile) else CriterionFile(c) for c in self.criteria)


def _cutoffs(
    instance: LevelsFile, _attribute: attrs.Attribute[Any], value: tuple[float, ...]
) -> None:
    names = instance.names
    if len(value) != len(names) - 1:
        raise FieldValueError(
            "cutoffs",
            ntr(
                "{levels} levels need {n} cut-off, got {got}",
                "{levels} levels need {n} cut-offs, got {got}",
                len(names) - 1,
                levels=len(names),
                got=len(value),
            ),
        )
    if any(not 0 < c < 100 for c in value) or any(b <= a for a, b in itertools.pairwise(value)):
        raise FieldValueError("cutoffs", tr("cut-offs must increase strictly, between 0 and 100"))


def _level_names(
    _instance: object, _attribute: attrs.Attribute[Any], value: tuple[str, ...]
) -> None:
    if len(value) < 2:
        raise FieldValueError("names", tr("a scale needs at least two levels"))


@attrs.frozen
class LevelsFile:
    """The ``[levels]`` table.

    Attributes:
        names: level names, lowest first; at least two.
        cutoffs: one score fewer than names, increasing strictly between 0 and 100.
    """

    names: tuple[str, ...] = attrs.field(validator=_level_names)
    cutoffs: tuple[float, ...] = attrs.field(validator=_cutoffs)


def _percent(_instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not 0 <= value <= 100:
        raise FieldValueError(
            attribute.name, tr("expected a number from 0 to 100, got {value}", value=f"{value:g}")
        )


@attrs.frozen
class QuadrantFile:
    """The ``[quadrant]`` table; what it leaves out comes from the base model.

    Attributes:
        digital_threshold: digital intensity (0–100) at or above which a model is "high".
        management_threshold: the same for transformation-management intensity.
        digital_tactic_kinds: the count of digital tactic kinds that earns full marks.
        tool_kinds: the count of tool kinds that earns full marks.
        audiences: the count of external audiences that earns full marks.
        digital_actions: the count of live digital actions that earns full marks.
        digital_internal_kinds: internal tactic kinds that deploy technology.
        management: component of management intensity to the criterion ids averaged in it.
    """

    digital_threshold: float | None = attrs.field(default=None, validator=_percent)
    management_threshold: float | None = attrs.field(default=None, validator=_percent)
    digital_tactic_kinds: SizeNumber | None = attrs.field(
        default=None, validator=_in_range(1, _MAX_NUMBER)
    )
    tool_kinds: SizeNumber | None = attrs.field(default=None, validator=_in_range(1, _MAX_NUMBER))
    audiences: SizeNumber | None = attrs.field(default=None, validator=_in_range(1, _MAX_NUMBER))
    digital_actions: SizeNumber | None = attrs.field(
        default=None, validator=_in_range(1, _MAX_NUMBER)
    )
    digital_internal_kinds: tuple[TacticKind, ...] | None = None
    management: Mapping[str, tuple[str, ...]] | None = attrs.field(
        default=None, validator=_not_empty(tr("expected a table: component = [criterion ids]"))
    )

    def saturation(self) -> dict[str, SizeNumber]:
        """The counts given (``digital_tactic_kinds``, ``tool_kinds``, …)."""
        counts = {
            "digital_tactic_kinds": self.digital_tactic_kinds,
            "tool_kinds": self.tool_kinds,
            "audiences": self.audiences,
            "digital_actions": self.digital_actions,
        }
        return {key: value for key, value in counts.items() if value is not None}


SATURATION_KEYS: tuple[str, ...] = tuple(field.name for field in attrs.fields(QuadrantFile)[2:6])
"""The quadrant's counts that earn full marks, in file order."""


@attrs.frozen
class StepsFile:
    """The ``[steps]`` table.

    Attributes:
        digital_words: words (or word starts) that show the digital shift was understood.
    """

    digital_words: tuple[str, ...] | None = None


def _version(_instance: object, _attribute: attrs.Attribute[Any], value: int) -> None:
    if value != 1:
        raise FieldValueError(
            "version",
            tr("maturity-model version {version} is not supported (1 is)", version=excerpt(value)),
        )


@attrs.frozen
class MaturityFile:
    """A whole maturity-model file.

    Attributes:
        version: the format's version (1).
        name: the model's name, shown in reports.
        levels: the ``[levels]`` table.
        thresholds: named numbers the criteria read, per size (finite, at least 0).
        quadrant: the ``[quadrant]`` table.
        steps: the ``[steps]`` table.
        dimensions: the ``[[dimensions]]`` tables; at least one.
    """

    version: int = attrs.field(default=1, validator=_version)
    name: str = "custom maturity model"
    levels: LevelsFile | None = None
    thresholds: Mapping[str, SizeNumber] = attrs.field(
        factory=dict, validator=_each_in_range(0, _MAX_NUMBER)
    )
    quadrant: QuadrantFile | None = None
    steps: StepsFile | None = None
    dimensions: tuple[DimensionFile, ...] = attrs.field(
        default=(), validator=_not_empty(tr("expected at least one [[dimensions]] table"))
    )


def size_pairs(value: SizeNumber) -> tuple[float, dict[str, float]]:
    """The default and the per-size values of a size number.

    Example:
        >>> size_pairs(2.0), size_pairs(SizeTable(1.0, micro=0.0))
        ((2.0, {}), (1.0, {'micro': 0.0}))
    """
    if isinstance(value, SizeTable):
        return value.default, value.by_size()
    return value, {}


def criterion_ids(dimensions: Iterable[DimensionFile]) -> list[str]:
    """Every criterion id the dimensions name, in file order."""
    return [c.id for d in dimensions for c in d.criterion_files()]
