"""Read maturity-model TOML files, with the same clean errors as model files.

The text is read by the model files' TOML reader (:mod:`estrategy.io`), with its size,
encoding and nesting checks and its positions. Every problem of a file is reported
together, each with the file, a line and column (those of the key or item, or of its
nearest placed ancestor) and the path in the file (``dimensions[2].criteria[1].weight``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from estrategy.base.escape import excerpt
from estrategy.base.messages import Message, tr
from estrategy.maturity.criteria import BUILTIN_CRITERIA
from estrategy.maturity.criterion import Criterion
from estrategy.maturity.file import (
    SATURATION_KEYS,
    DimensionFile,
    MaturityFile,
    QuadrantFile,
    SizeNumber,
    size_pairs,
)
from estrategy.maturity.plugins import CriterionPluginError, discover_criteria, merge_criteria
from estrategy.maturity.spec import (
    SIZES,
    THRESHOLD_NAMES,
    CriterionSpec,
    DimensionSpec,
    LevelScale,
    MaturityModel,
    QuadrantSpec,
    SizeValue,
    StepsSpec,
)
from estrategy.model import ModelPath
from estrategy.model.suggest import suggestion, with_suggestion

if TYPE_CHECKING:  # estrategy.io is imported when a file is read, not with this module
    from estrategy.io import Limits, LoadError
    from estrategy.io.toml import Problems, TomlDocument

__all__ = ["load_maturity_model", "maturity_model_from_text"]

_MAX_BYTES = 1_000_000  # the default maturity model is under 6 kB

_SYNTAX = re.compile(r"\ATOML syntax error: ")
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


def _items(data: Mapping[str, Any], key: str) -> list[tuple[int, Mapping[str, Any]]]:
    """The tables of a list of tables, with their indexes; what is not a table is left out.

    The checks below read ids from the file as it is, so that they report next to the
    problems of shape (a bad weight does not hide a duplicate id); the shape itself is
    checked by :class:`MaturityFile`.
    """
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, Mapping)]


def _criterion_refs(dimension: Mapping[str, Any]) -> list[tuple[int, str]]:
    """The criterion ids a dimension names (a bare id or ``{ id = … }``), with indexes."""
    items = dimension.get("criteria")
    refs = []
    for c, item in enumerate(items if isinstance(items, list) else ()):
        criterion_id = item.get("id") if isinstance(item, Mapping) else item
        if isinstance(criterion_id, str):
            refs.append((c, criterion_id))
    return refs


def _resolve_criteria(
    data: Mapping[str, Any], resolver: _Resolver, problems: Problems
) -> dict[str, Criterion]:
    """Every criterion the dimensions name, found; unknown and twice-used ids reported."""
    found: dict[str, Criterion] = {}
    seen_dimensions: set[str] = set()
    used_by: dict[str, str] = {}
    for d, dimension in _items(data, "dimensions"):
        here: ModelPath = ("dimensions", d)
        dimension_id = dimension.get("id")
        if isinstance(dimension_id, str):
            if dimension_id in seen_dimensions:
                problems.add(
                    (*here, "id"), tr("duplicate dimension id {id}", id=excerpt(dimension_id))
                )
            seen_dimensions.add(dimension_id)
        owner = dimension_id if isinstance(dimension_id, str) else f"#{d}"
        for c, criterion_id in _criterion_refs(dimension):
            where: ModelPath = (*here, "criteria", c, "id")
            try:
                criterion = resolver.find(criterion_id)
            except CriterionPluginError as exc:
                problems.add(where, str(exc))
                continue
            if criterion is None:
                problems.add(
                    where,
                    tr(
                        "{problem}; built-in, passed with criteria=…, or published under the "
                        "'estrategy.criteria' entry points",
                        problem=_unknown_criterion(criterion_id, resolver.known()),
                    ),
                )
            elif criterion_id in used_by:
                problems.add(
                    where,
                    tr(
                        "criterion {criterion} is already used by dimension {dimension}",
                        criterion=excerpt(criterion_id),
                        dimension=excerpt(used_by[criterion_id]),
                    ),
                )
            else:
                used_by[criterion_id] = owner
                found[criterion_id] = criterion
    return found


def _check_management(data: Mapping[str, Any], known: Iterable[str], problems: Problems) -> None:
    """The quadrant's management components name criteria the model knows."""
    quadrant = data.get("quadrant")
    management = quadrant.get("management") if isinstance(quadrant, Mapping) else None
    if not isinstance(management, Mapping):
        return
    names = sorted(known)
    for component, ids in management.items():
        for i, criterion_id in enumerate(ids if isinstance(ids, list) else ()):
            if isinstance(criterion_id, str) and criterion_id not in names:
                problems.add(
                    ("quadrant", "management", component, i),
                    _unknown_criterion(criterion_id, names),
                )


def _check_sections(
    data: Mapping[str, Any], base: MaturityModel | None, problems: Problems
) -> None:
    """Without a base model, the file must give what no default would."""
    if base is not None:
        return
    for section in ("levels", "quadrant"):
        if section not in data:
            if section == "levels":
                problems.add((section,), tr("the [levels] table is missing"))
            else:
                problems.add((section,), tr("the [quadrant] table is missing"))
    quadrant = data.get("quadrant")
    if not isinstance(quadrant, Mapping):
        return
    for key in ("digital_threshold", "management_threshold"):
        if key not in quadrant:
            problems.add(("quadrant", key), tr("missing: a number from 0 to 100"))
    for key in SATURATION_KEYS:
        if key not in quadrant:
            problems.add(("quadrant", key), tr("missing: the count that earns full marks"))


def _check_thresholds(
    data: Mapping[str, Any],
    base: MaturityModel | None,
    criteria: Mapping[str, Criterion],
    problems: Problems,
) -> None:
    """Threshold names are those criteria read: a typo is reported, with a "did you mean".

    The built-in criteria read :data:`THRESHOLD_NAMES`; a custom criterion may read any
    name, so a model that uses one may add thresholds of its own, but not one that is a
    near miss of a built-in name.
    """
    thresholds = data.get("thresholds")
    if not isinstance(thresholds, Mapping):
        return
    known = sorted({*THRESHOLD_NAMES, *(name for name, _ in (base.thresholds if base else ()))})
    custom = any(criterion_id not in BUILTIN_CRITERIA for criterion_id in criteria)
    for name in thresholds:
        if name in known:
            continue
        close = suggestion(name, known)
        shown = {"name": excerpt(name), "suggestion": excerpt(close) if close else ""}
        if not custom:
            if close is None:
                message = tr(
                    "unknown threshold {name}; the criteria read {known}",
                    known=", ".join(known),
                    **shown,
                )
            else:
                message = tr(
                    "unknown threshold {name} (did you mean {suggestion}?); the criteria read "
                    "{known}",
                    known=", ".join(known),
                    **shown,
                )
            problems.add(("thresholds", name), message)
        elif close is not None:
            problems.add(
                ("thresholds", name),
                tr(
                    "unknown threshold {name} (did you mean {suggestion}?); a custom criterion "
                    "may read a threshold of its own, but this name is too close to a built-in "
                    "one",
                    **shown,
                ),
            )


def _unknown_criterion(criterion_id: str, known: Iterable[str]) -> Message:
    problem = tr("unknown criterion {criterion}", criterion=excerpt(criterion_id))
    return with_suggestion(problem, suggestion(criterion_id, known))


def _size(value: SizeNumber) -> SizeValue:
    default, by_size = size_pairs(value)
    return SizeValue(default, by_size)


def _dimensions(
    files: Iterable[DimensionFile], criteria: Mapping[str, Criterion]
) -> tuple[DimensionSpec, ...]:
    return tuple(
        DimensionSpec(
            d.id,
            d.name if d.name is not None else d.id,
            tuple(CriterionSpec(criteria[c.id], _size(c.weight)) for c in d.criterion_files()),
            _size(d.weight),
        )
        for d in files
    )


def _quadrant(shape: QuadrantFile | None, base: QuadrantSpec | None) -> QuadrantSpec:
    if shape is None:
        assert base is not None, "a missing [quadrant] without a base was reported"
        return base
    saturation = dict(base.saturation) if base is not None else {}
    saturation.update((key, _size(value)) for key, value in shape.saturation().items())

    def given(value: Any, key: str) -> Any:
        return value if value is not None else getattr(base, key)

    kinds = shape.digital_internal_kinds
    return QuadrantSpec(
        digital_threshold=given(shape.digital_threshold, "digital_threshold"),
        management_threshold=given(shape.management_threshold, "management_threshold"),
        saturation=tuple(sorted(saturation.items())),
        digital_internal_kinds=(
            tuple(str(k) for k in kinds)
            if kinds is not None
            else given(None, "digital_internal_kinds")
            if base is not None
            else ()
        ),
        management=(
            tuple((name, tuple(ids)) for name, ids in shape.management.items())
            if shape.management is not None
            else base.management
            if base is not None
            else _MANAGEMENT_DEFAULT
        ),
    )


def _check_weights(dimensions: tuple[DimensionSpec, ...], problems: Problems) -> None:
    """Some dimension, with some criterion, weighs something for every size."""
    empty = [
        size
        for size in SIZES
        if not any(
            d.weight.resolve(size) > 0 and any(c.weight.resolve(size) > 0 for c in d.criteria)
            for d in dimensions
        )
    ]
    if empty:
        if len(empty) == len(SIZES):
            message = tr(
                "every dimension (or every criterion of it) weighs 0 for every size: the overall "
                "score would mean nothing; give one a weight above 0"
            )
        else:
            message = tr(
                "every dimension (or every criterion of it) weighs 0 for {sizes}: the overall "
                "score would mean nothing; give one a weight above 0",
                sizes=", ".join(empty),
            )
        problems.add(("dimensions",), message)


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
        >>> maturity_model_from_text(text + "name = true\n", source="mm.toml")
        Traceback (most recent call last):
          ...
        estrategy.io.errors.LoadError: 3 problems in mm.toml:
          mm.toml:1:1: levels: the [levels] table is missing
          mm.toml:1:1: quadrant: the [quadrant] table is missing
          mm.toml:4:1: dimensions[0].name: expected text, got true/false (true)
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
    from estrategy.io import LoadError
    from estrategy.io.toml import structure

    document = document.as_floats()
    data = document.data
    problems = document.problems()
    extra = merge_criteria([("criteria=…", criteria)])
    found = _resolve_criteria(data, _Resolver(extra), problems)
    _check_management(data, {*found, *BUILTIN_CRITERIA, *extra}, problems)
    _check_sections(data, base, problems)
    _check_thresholds(data, base, found, problems)
    try:
        shape: MaturityFile | None = structure(document, MaturityFile)
    except LoadError as error:
        problems.errors.extend(error.errors)
        shape = None
    dimensions = _dimensions(shape.dimensions, found) if shape and not problems else ()
    if shape is not None and not problems:
        _check_weights(dimensions, problems)
    problems.raise_if_any()
    assert shape is not None, "a file that did not structure raised above"
    if shape.levels is not None:
        levels = LevelScale(shape.levels.names, shape.levels.cutoffs)
    else:
        assert base is not None, "a missing [levels] without a base was reported"
        levels = base.levels
    thresholds = dict(base.thresholds) if base is not None else {}
    thresholds.update((name, _size(value)) for name, value in shape.thresholds.items())
    steps = (
        StepsSpec(tuple(w.lower() for w in shape.steps.digital_words))
        if shape.steps is not None and shape.steps.digital_words is not None
        else base.steps
        if base is not None
        else StepsSpec(())
    )
    return MaturityModel(
        name=shape.name,
        levels=levels,
        thresholds=tuple(sorted(thresholds.items())),
        quadrant=_quadrant(shape.quadrant, base.quadrant if base else None),
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
