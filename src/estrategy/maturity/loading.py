"""Read maturity-model TOML files, with the same clean errors as model files.

The text is read by the model files' TOML reader (:mod:`estrategy.io`), with its size,
encoding and nesting checks and its positions. Every problem of a file is reported
together, each with the file, a line and column (those of the key or item, or of its
nearest placed ancestor) and the path in the file (``dimensions[2].criteria[1].weight``).
"""

from __future__ import annotations

import itertools
import math
import os
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from estrategy.base.escape import excerpt
from estrategy.base.messages import Message, ntr, tr
from estrategy.maturity.criteria import BUILTIN_CRITERIA
from estrategy.maturity.criterion import Criterion
from estrategy.maturity.plugins import CriterionPluginError, discover_criteria, merge_criteria
from estrategy.maturity.spec import (
    SIZES,
    CriterionSpec,
    DimensionSpec,
    LevelScale,
    MaturityModel,
    QuadrantSpec,
    SizeValue,
    StepsSpec,
)
from estrategy.model import ModelPath
from estrategy.model.suggest import suggestion

if TYPE_CHECKING:  # estrategy.io is imported when a file is read, not with this module
    from estrategy.io import Limits, LoadError
    from estrategy.io.toml import Problems, TomlDocument

__all__ = ["load_maturity_model", "maturity_model_from_text"]

_MAX_BYTES = 1_000_000  # the default maturity model is under 6 kB

_SYNTAX = re.compile(r"\ATOML syntax error: ")
_TOP = ("version", "name", "levels", "thresholds", "quadrant", "steps", "dimensions")
_DIMENSION_KEYS = ("id", "name", "weight", "criteria")
_CRITERION_KEYS = ("id", "weight")
_SATURATION = ("digital_tactic_kinds", "tool_kinds", "audiences", "digital_actions")
_QUADRANT_KEYS = (
    "digital_threshold",
    "management_threshold",
    "digital_internal_kinds",
    "management",
    *_SATURATION,
)
_MANAGEMENT_DEFAULT: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "strategy_and_objectives",
        ("situation-analysis", "smart-objectives", "tactics-serve-strategy"),
    ),
    ("governance_and_reviews", ("regular-reviews", "lessons-learned")),
    ("roles_and_skills", ("digital-lead", "presupposed-roles", "role-competences")),
    ("change_support", ("change-support",)),
    ("measurement", ("tactics-measured", "objectives-measured")),
)
_ID = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*\Z")


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _unknown_criterion(criterion_id: str, known: Iterable[str]) -> Message:
    close = suggestion(criterion_id, known)
    if close is None:
        return tr("unknown criterion {criterion}", criterion=excerpt(criterion_id))
    return tr(
        "unknown criterion {criterion} (did you mean {suggestion}?)",
        criterion=excerpt(criterion_id),
        suggestion=excerpt(close),
    )


def _size_value(
    value: object, path: ModelPath, problems: Problems, *, minimum: float = 0.0
) -> SizeValue | None:
    """Read ``1`` or ``{ default = 1, micro = 0 }``."""
    if isinstance(value, Mapping):
        problems.unknown_keys(value, ("default", *SIZES), path)
        if "default" not in value:
            problems.add(path, tr("a per-size table needs a 'default' value"))
            return None
        numbers = {}
        ok = True
        for key, item in value.items():
            number = _number(item)
            if number is None or number < minimum:
                problems.add(
                    (*path, key),
                    tr(
                        "expected a number ≥ {minimum}, got {value}",
                        minimum=f"{minimum:g}",
                        value=excerpt(item),
                    ),
                )
                ok = False
            elif key in ("default", *SIZES):
                numbers[key] = number
        if not ok or "default" not in numbers:
            return None
        default = numbers.pop("default")
        return SizeValue(default, numbers)
    number = _number(value)
    if number is None or number < minimum:
        problems.add(
            path,
            tr(
                "expected a number ≥ {minimum} or a table by size ({example}), got {value}",
                minimum=f"{minimum:g}",
                example="{ default = …, micro = … }",
                value=excerpt(value),
            ),
        )
        return None
    return SizeValue(number)


def _strings(value: object, path: ModelPath, problems: Problems) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.add(path, tr("expected a list of strings"))
        return None
    return tuple(value)


def _levels(data: object, base: LevelScale | None, problems: Problems) -> LevelScale | None:
    path: ModelPath = ("levels",)
    if data is None:
        if base is None:
            problems.add(path, tr("the [levels] table is missing"))
        return base
    if not isinstance(data, Mapping):
        problems.add(path, tr("expected a table with 'names' and 'cutoffs'"))
        return None
    problems.unknown_keys(data, ("names", "cutoffs"), path)
    names = _strings(data.get("names"), (*path, "names"), problems)
    raw = data.get("cutoffs")
    cutoffs: list[float] = []
    if not isinstance(raw, list) or any(_number(v) is None for v in raw):
        problems.add((*path, "cutoffs"), tr("expected a list of numbers"))
        return None
    cutoffs = [float(v) for v in raw]
    if names is None:
        return None
    if len(names) < 2:
        problems.add((*path, "names"), tr("a scale needs at least two levels"))
        return None
    if len(cutoffs) != len(names) - 1:
        problems.add(
            (*path, "cutoffs"),
            ntr(
                "{levels} levels need {n} cut-off, got {got}",
                "{levels} levels need {n} cut-offs, got {got}",
                len(names) - 1,
                levels=len(names),
                got=len(cutoffs),
            ),
        )
        return None
    if any(not 0 < c < 100 for c in cutoffs) or any(b <= a for a, b in itertools.pairwise(cutoffs)):
        problems.add((*path, "cutoffs"), tr("cut-offs must increase strictly, between 0 and 100"))
        return None
    return LevelScale(names, tuple(cutoffs))


def _thresholds(
    data: object, base: tuple[tuple[str, SizeValue], ...], problems: Problems
) -> tuple[tuple[str, SizeValue], ...]:
    merged = dict(base)
    if data is None:
        return tuple(sorted(merged.items()))
    if not isinstance(data, Mapping):
        problems.add(("thresholds",), tr("expected a table of named numbers"))
        return tuple(sorted(merged.items()))
    for name, value in data.items():
        parsed = _size_value(value, ("thresholds", name), problems)
        if parsed is not None:
            merged[name] = parsed
    return tuple(sorted(merged.items()))


def _quadrant(
    data: object, base: QuadrantSpec | None, known: Iterable[str], problems: Problems
) -> QuadrantSpec | None:
    path: ModelPath = ("quadrant",)
    if data is None:
        if base is None:
            problems.add(path, tr("the [quadrant] table is missing"))
        return base
    if not isinstance(data, Mapping):
        problems.add(path, tr("expected a table"))
        return None
    problems.unknown_keys(data, _QUADRANT_KEYS, path)
    values: dict[str, Any] = {}
    for key in ("digital_threshold", "management_threshold"):
        fallback = getattr(base, key) if base is not None else None
        raw = data.get(key, fallback)
        number = _number(raw)
        if number is None or not 0 <= number <= 100:
            problems.add(
                (*path, key),
                tr("expected a number from 0 to 100, got {value}", value=excerpt(raw)),
            )
        values[key] = number
    saturation = dict(base.saturation) if base is not None else {}
    for key in _SATURATION:
        if key in data:
            parsed = _size_value(data[key], (*path, key), problems, minimum=1.0)
            if parsed is not None:
                saturation[key] = parsed
        elif key not in saturation:
            problems.add((*path, key), tr("missing: the count that earns full marks"))
    kinds = (
        _strings(data["digital_internal_kinds"], (*path, "digital_internal_kinds"), problems)
        if "digital_internal_kinds" in data
        else (base.digital_internal_kinds if base is not None else ())
    )
    management = base.management if base is not None else _MANAGEMENT_DEFAULT
    if "management" in data:
        raw = data["management"]
        if not isinstance(raw, Mapping) or not raw:
            problems.add((*path, "management"), tr("expected a table: component = [criterion ids]"))
        else:
            parts = []
            for name, ids in raw.items():
                parsed_ids = _strings(ids, (*path, "management", name), problems)
                for i, criterion_id in enumerate(parsed_ids or ()):
                    if criterion_id not in known:
                        problems.add(
                            (*path, "management", name, i),
                            _unknown_criterion(criterion_id, known),
                        )
                parts.append((str(name), parsed_ids or ()))
            management = tuple(parts)
    if None in values.values() or kinds is None:
        return None
    return QuadrantSpec(
        digital_threshold=values["digital_threshold"],
        management_threshold=values["management_threshold"],
        saturation=tuple(sorted(saturation.items())),
        digital_internal_kinds=tuple(kinds),
        management=management,
    )


def _steps(data: object, base: StepsSpec | None, problems: Problems) -> StepsSpec | None:
    if data is None:
        return base if base is not None else StepsSpec(())
    if not isinstance(data, Mapping):
        problems.add(("steps",), tr("expected a table"))
        return None
    problems.unknown_keys(data, ("digital_words",), ("steps",))
    if "digital_words" not in data:
        return base if base is not None else StepsSpec(())
    words = _strings(data["digital_words"], ("steps", "digital_words"), problems)
    return StepsSpec(tuple(w.lower() for w in words)) if words is not None else None


class _Resolver:
    """Finds criteria by id: built-ins, those passed explicitly, then entry points (lazily)."""

    def __init__(self, extra: Mapping[str, Criterion]) -> None:
        self.extra = extra
        self.plugins: Mapping[str, Criterion] | None = None

    def known(self) -> list[str]:
        return sorted({*BUILTIN_CRITERIA, *self.extra, *(self.plugins or {})})

    def find(self, criterion_id: str) -> Criterion | None:
        if criterion_id in BUILTIN_CRITERIA:
            return BUILTIN_CRITERIA[criterion_id]
        if criterion_id in self.extra:
            return self.extra[criterion_id]
        if self.plugins is None:
            self.plugins = discover_criteria()
        return self.plugins.get(criterion_id)


def _dimensions(data: object, resolver: _Resolver, problems: Problems) -> tuple[DimensionSpec, ...]:
    path: ModelPath = ("dimensions",)
    if not isinstance(data, list) or not data:
        problems.add(path, tr("expected at least one [[dimensions]] table"))
        return ()
    dimensions = []
    seen_dimensions: set[str] = set()
    seen_criteria: dict[str, str] = {}
    for d, raw in enumerate(data):
        here: ModelPath = (*path, d)
        if not isinstance(raw, Mapping):
            problems.add(here, tr("expected a table"))
            continue
        problems.unknown_keys(raw, _DIMENSION_KEYS, here)
        dimension_id = raw.get("id")
        if not isinstance(dimension_id, str) or not _ID.match(dimension_id):
            problems.add(
                (*here, "id"),
                tr("expected a lower-case id, got {value}", value=excerpt(dimension_id)),
            )
            dimension_id = None
        elif dimension_id in seen_dimensions:
            problems.add((*here, "id"), tr("duplicate dimension id {id}", id=excerpt(dimension_id)))
        else:
            seen_dimensions.add(dimension_id)
        name = raw.get("name", dimension_id or "")
        if not isinstance(name, str):
            problems.add((*here, "name"), tr("expected a string"))
            name = ""
        weight = _size_value(raw.get("weight", 1), (*here, "weight"), problems)
        criteria = []
        items = raw.get("criteria")
        if not isinstance(items, list) or not items:
            problems.add((*here, "criteria"), tr("expected a non-empty list of criteria"))
            items = []
        for c, item in enumerate(items):
            where: ModelPath = (*here, "criteria", c)
            if isinstance(item, str):
                item = {"id": item}
            if not isinstance(item, Mapping):
                problems.add(
                    where,
                    tr("expected {example} or a criterion id", example="{ id = …, weight = … }"),
                )
                continue
            problems.unknown_keys(item, _CRITERION_KEYS, where)
            criterion_id = item.get("id")
            if not isinstance(criterion_id, str):
                problems.add((*where, "id"), tr("expected a criterion id"))
                continue
            try:
                found = resolver.find(criterion_id)
            except CriterionPluginError as exc:
                problems.add((*where, "id"), str(exc))
                continue
            if found is None:
                problems.add(
                    (*where, "id"),
                    tr(
                        "{problem}; built-in, passed with criteria=…, or published under the "
                        "'estrategy.criteria' entry points",
                        problem=_unknown_criterion(criterion_id, resolver.known()),
                    ),
                )
                continue
            if criterion_id in seen_criteria:
                problems.add(
                    (*where, "id"),
                    tr(
                        "criterion {criterion} is already used by dimension {dimension}",
                        criterion=excerpt(criterion_id),
                        dimension=excerpt(seen_criteria[criterion_id]),
                    ),
                )
                continue
            seen_criteria[criterion_id] = dimension_id or f"#{d}"
            criterion_weight = _size_value(item.get("weight", 1), (*where, "weight"), problems)
            if criterion_weight is not None:
                criteria.append(CriterionSpec(found, criterion_weight))
        if dimension_id is not None and weight is not None:
            dimensions.append(DimensionSpec(dimension_id, name, tuple(criteria), weight))
    return tuple(dimensions)


def _floats(value: Any) -> Any:
    """Plain floats for the exact decimals the TOML reader keeps (a score is a float)."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, dict):
        return {key: _floats(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_floats(item) for item in value]
    return value


def _limits(limits: Limits | None) -> Limits:
    from estrategy.io import Limits

    return limits if limits is not None else Limits(max_bytes=_MAX_BYTES)


def _syntax(error: LoadError) -> LoadError:
    from estrategy.io import LoadError

    # the prefix maturity-model files have always used for a syntax error
    return LoadError(
        attrs.evolve(e, message=_SYNTAX.sub("invalid TOML: ", e.message)) for e in error.errors
    )


def maturity_model_from_text(
    text: str,
    *,
    source: str = "<string>",
    criteria: Iterable[Criterion] = (),
    base: MaturityModel | None = None,
    limits: Limits | None = None,
) -> MaturityModel:
    r"""Build a maturity model from TOML text.

    The text is read by the same TOML reader as model files, so an error has the same
    kind of ``file:line:col`` and model path.

    Args:
        text: the TOML document.
        source: the file name used in errors.
        criteria: custom criteria the file may name, besides built-ins and entry points.
        base: the model whose levels, thresholds, quadrant and steps fill what the file
            leaves out (thresholds are merged name by name).
        limits: size, depth and node bounds (default: 1 MB, and the depth and node
            bounds of :data:`estrategy.io.DEFAULT_LIMITS`).

    Returns:
        The maturity model.

    Raises:
        LoadError: listing every problem, each with file, line, column and path.
        CriterionPluginError: when a custom criterion clashes with a built-in one.

    Example:
        >>> from estrategy.maturity import default_maturity_model
        >>> text = '[[dimensions]]\nid = "plan"\ncriteria = ["smart-objectives"]\n'
        >>> spec = maturity_model_from_text(text, base=default_maturity_model())
        >>> [d.id for d in spec.dimensions], spec.quadrant.digital_threshold
        (['plan'], 50.0)
        >>> maturity_model_from_text(text + "name = 3\n", source="mm.toml")
        Traceback (most recent call last):
          ...
        estrategy.io.errors.LoadError: 3 problems in mm.toml:
          mm.toml:1:1: levels: the [levels] table is missing
          mm.toml:1:1: quadrant: the [quadrant] table is missing
          mm.toml:4:1: dimensions[0].name: expected a string
    """
    from estrategy.io import LoadError
    from estrategy.io.toml import parse_toml

    try:
        document = parse_toml(text, source=source, limits=_limits(limits))
    except LoadError as error:
        raise _syntax(error) from None
    return _from_document(document, criteria=criteria, base=base)


def _from_document(
    document: TomlDocument, *, criteria: Iterable[Criterion], base: MaturityModel | None
) -> MaturityModel:
    data = _floats(document.data)
    problems = document.problems()
    extra = merge_criteria([("criteria=…", criteria)])
    problems.unknown_keys(data, _TOP, ())
    version = data.get("version", 1)
    if version != 1 or isinstance(version, bool):
        problems.add(
            ("version",),
            tr(
                "maturity-model version {version} is not supported (1 is)", version=excerpt(version)
            ),
        )
    name = data.get("name", "custom maturity model")
    if not isinstance(name, str):
        problems.add(("name",), tr("expected a string"))
    resolver = _Resolver(extra)
    levels = _levels(data.get("levels"), base.levels if base else None, problems)
    thresholds = _thresholds(data.get("thresholds"), base.thresholds if base else (), problems)
    dimensions = _dimensions(data.get("dimensions"), resolver, problems)
    used = [spec.id for d in dimensions for spec in d.criteria]
    quadrant = _quadrant(
        data.get("quadrant"),
        base.quadrant if base else None,
        sorted({*used, *BUILTIN_CRITERIA, *extra}),
        problems,
    )
    steps = _steps(data.get("steps"), base.steps if base else None, problems)
    problems.raise_if_any()
    if levels is None or quadrant is None or steps is None:  # pragma: no cover - reported
        raise AssertionError("unreachable: a missing section was reported above")
    return MaturityModel(
        name=str(name),
        levels=levels,
        thresholds=thresholds,
        quadrant=quadrant,
        steps=steps,
        dimensions=dimensions,
    )


def load_maturity_model(
    path: str | os.PathLike[str],
    *,
    criteria: Iterable[Criterion] = (),
    complete: bool = True,
    limits: Limits | None = None,
) -> MaturityModel:
    """Read a maturity-model TOML file.

    The file is read like a model file (size checked first, UTF-8 with an optional BOM,
    no binary content, the same TOML reader and positions).

    Args:
        path: the file.
        criteria: custom criteria the file may name, besides built-ins and entry points.
        complete: fill the levels, thresholds, quadrant and steps the file leaves out from
            the default maturity model (its dimensions are never merged).
        limits: size, depth and node bounds (default: 1 MB, and the depth and node
            bounds of :data:`estrategy.io.DEFAULT_LIMITS`); the size is checked before
            the file is read.

    Returns:
        The maturity model.

    Raises:
        LoadError: when the file cannot be read or is not a valid maturity model; lists
            every problem with file, line, column and path.

    Example:
        >>> from importlib import resources
        >>> model = load_maturity_model(resources.files("estrategy.data") / "maturity.toml")
        >>> model.name, len(model.dimensions)
        ('estrategy default', 7)
    """
    from estrategy.io import LoadError
    from estrategy.io.toml import read_toml_file
    from estrategy.maturity.spec import default_maturity_model

    try:
        document = read_toml_file(path, limits=_limits(limits))
    except LoadError as error:
        raise _syntax(error) from None
    base = default_maturity_model() if complete else None
    return _from_document(document, criteria=criteria, base=base)
