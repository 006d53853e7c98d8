"""``assess``: score a model against a maturity model."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from estrategy.catalogue import Catalogue, default_catalogue
from estrategy.maturity.criteria import BUILTIN_CRITERIA
from estrategy.maturity.criteria.tools import adoption
from estrategy.maturity.criterion import Criterion, CriterionContext, CriterionResult
from estrategy.maturity.facts import build_facts
from estrategy.maturity.quadrant import quadrant_position
from estrategy.maturity.results import (
    Assessment,
    CriterionScore,
    DimensionScore,
    Overall,
)
from estrategy.maturity.spec import DimensionSpec, MaturityModel, default_maturity_model
from estrategy.maturity.steps import derive_steps, jumped_steps
from estrategy.model import StrategyModel
from estrategy.model.dates import resolve_as_of

__all__ = ["assess", "results_ceiling", "weakest_result"]

ADOPTION = adoption.id
"""The criterion the quadrant's digital intensity reads for its ``adoption`` component."""


def _run(
    criterion: Criterion, model: StrategyModel, context: CriterionContext
) -> tuple[CriterionResult, str | None]:
    """Run one criterion; a criterion that raises counts as not applicable, with its error."""
    try:
        return criterion(model, context), None
    except Exception as exc:  # a custom criterion's bug must not stop the assessment
        return CriterionResult(None), f"{type(exc).__name__}: {exc}"


def _weighted(pairs: Iterable[tuple[float, float]]) -> float | None:
    items = [(w, s) for w, s in pairs if w > 0]
    total = math.fsum(w for w, _ in items)
    return math.fsum(w * s for w, s in items) / total if total > 0 else None


def assess(
    model: StrategyModel,
    maturity_model: MaturityModel | None = None,
    *,
    as_of: dt.date | None = None,
    catalogue: Catalogue | None = None,
    criteria: Iterable[Criterion] = (),
    settings: Mapping[str, Any] | None = None,
) -> Assessment:
    """Assess the digital maturity of a model.

    Args:
        model: the strategy model.
        maturity_model: dimensions, criteria, weights, levels and thresholds; the default
            one (``estrategy/data/maturity.toml``) when not given.
        as_of: the date of the assessment (a datetime counts as its date); the model's
            ``as_of``, else today.
        catalogue: the tactic and role catalogue; the default one when not given.
        criteria: custom criteria the quadrant's components may name besides those of the
            maturity model (rarely needed: pass them to ``load_maturity_model`` instead).
        settings: rule settings by name, as ``check`` takes them (the ``[settings]`` of
            ``estrategy.toml``); the criteria that mirror a rule read the same values
            (``pull_tactic_kinds``, ``upward_hops``, …), and a setting given here wins
            over the maturity model's threshold of the same notion. The others keep the
            defaults their rules declare.

    Returns:
        Per dimension a score, a level and the criteria behind it, with their evidence;
        the overall score and spread; the quadrant; the eight steps.

    Raises:
        SettingsError: a setting is unknown, has a value of the wrong type, or is below
            the minimum its rule declares (as ``check`` says).

    Example:
        >>> from estrategy.model import StrategyModel
        >>> result = assess(StrategyModel(name="Empty plan"))
        >>> result.quadrant.name, str(result.step("objectives").status)
        ('beginner', 'missing')
    """
    spec = maturity_model if maturity_model is not None else default_maturity_model()
    date = resolve_as_of(as_of, model.as_of)
    size = model.organization.size
    # Checked and coerced exactly as check() does; only the names given are kept, so a
    # criterion can tell a configured value from a rule's default (CriterionContext.threshold).
    resolved: Mapping[str, Any] = {}
    if settings:
        # The rules are imported only when settings are given (import estrategy.maturity
        # stays light).
        from estrategy.analysis import resolve_settings

        resolved = resolve_settings(settings)
    catalogue = catalogue if catalogue is not None else default_catalogue()
    context = CriterionContext(
        model=model,
        size=size,
        as_of=date,
        thresholds=spec.thresholds_for(size),
        catalogue=catalogue,
        facts=build_facts(
            model,
            date,
            catalogue=catalogue,
            digital_internal_kinds=spec.quadrant.digital_internal_kinds,
        ),
        settings={name: resolved[name] for name in settings or ()},
    )
    available: dict[str, Criterion] = {**BUILTIN_CRITERIA, **{c.id: c for c in criteria}}
    available.update(spec.criteria())
    needed = [spec_c.criterion for d in spec.dimensions for spec_c in d.criteria]
    # the quadrant's components: the management criteria, and adoption for digital intensity
    quadrant_ids = [i for _, ids in spec.quadrant.management for i in ids] + [ADOPTION]
    needed += [
        available[i] for i in quadrant_ids if i in available and i not in {c.id for c in needed}
    ]
    results: dict[str, CriterionResult] = {}
    errors: dict[str, str] = {}
    for criterion in needed:
        if criterion.id not in results:
            results[criterion.id], error = _run(criterion, model, context)
            if error is not None:
                errors[criterion.id] = error
    missing = [i for _, ids in spec.quadrant.management for i in ids if i not in results]
    if missing:
        raise ValueError(f"the quadrant names unknown criteria: {', '.join(sorted(set(missing)))}")

    dimensions = tuple(_dimension(d, results, errors, str(size), spec) for d in spec.dimensions)
    overall = _overall(dimensions, spec, context.thresholds.get("results_cap_base"))
    quadrant = quadrant_position(model, context, spec, results)
    steps = derive_steps(model, context, spec.steps.digital_words)
    warnings = tuple(f"criterion {key!r} failed: {value}" for key, value in sorted(errors.items()))
    return Assessment(
        model=model.name,
        maturity_model=spec.name,
        size=str(size),
        as_of=date,
        overall=overall,
        dimensions=dimensions,
        quadrant=quadrant,
        steps=steps,
        jumped=jumped_steps(steps, model),
        warnings=warnings,
    )


def _dimension(
    dimension: DimensionSpec,
    results: Mapping[str, CriterionResult],
    errors: Mapping[str, str],
    size: str,
    spec: MaturityModel,
) -> DimensionScore:
    scores = []
    for item in dimension.criteria:
        result = results[item.id]
        scores.append(
            CriterionScore(
                id=item.id,
                title=item.criterion.title,
                score=result.score,
                weight=item.weight.resolve(size),
                evidence=result.evidence,
                error=errors.get(item.id),
            )
        )
    score = _weighted((c.weight, c.score) for c in scores if c.score is not None)
    level = spec.levels.level(score) if score is not None else None
    return DimensionScore(
        id=dimension.id,
        name=dimension.name,
        score=score,
        level=level,
        level_name=spec.levels.name(level) if level is not None else None,
        weight=dimension.weight.resolve(size),
        criteria=tuple(scores),
    )


def weakest_result(
    dimensions: Iterable[DimensionScore], criteria: Mapping[str, Criterion]
) -> tuple[str, float] | None:
    """The delivery criterion that counts with the lowest score, and that score.

    Args:
        dimensions: the scored dimensions (their criteria's scores and weights).
        criteria: criterion id to its declaration (which says whether it measures
            delivery); a criterion of weight 0 for the organisation's size does not count.

    Returns:
        ``(criterion id, score)``, the first in the maturity model's order on ties; ``None``
        when no delivery criterion counts.
    """
    counted = [
        (c.score, c.id)
        for d in dimensions
        for c in d.criteria
        if c.counted and c.id in criteria and criteria[c.id].delivery
    ]
    if not counted:
        return None
    score, criterion_id = min(counted, key=lambda pair: pair[0] or 0.0)
    return criterion_id, score or 0.0


def results_ceiling(result: float, base: float) -> float:
    """The highest overall score a plan may have when its weakest result scores ``result``.

    ``base`` with no result at all, rising in a straight line to 100 for a result of 100.

    Example:
        >>> results_ceiling(0, 50), results_ceiling(50, 50), results_ceiling(80, 50)
        (50.0, 75.0, 90.0)
    """
    return base + (100.0 - base) * result / 100.0


def _overall(
    dimensions: tuple[DimensionScore, ...], spec: MaturityModel, base: float | None
) -> Overall:
    scored = [d for d in dimensions if d.score is not None]
    mean = _weighted((d.weight, d.score) for d in scored if d.score is not None) or 0.0
    weakest_delivery = weakest_result(dimensions, spec.criteria())
    # A plan is only as mature as what it delivers (docs/maturity.md, "Results").
    ceiling = (
        results_ceiling(weakest_delivery[1], base)
        if weakest_delivery is not None and base is not None
        else None
    )
    score = min(mean, ceiling) if ceiling is not None else mean
    level = spec.levels.level(score)
    cap = partial(
        Overall,
        dimension_mean=mean,
        weakest_result=weakest_delivery[0] if weakest_delivery else None,
        result_score=weakest_delivery[1] if weakest_delivery else None,
        ceiling=ceiling,
    )
    if not scored:
        return cap(score, level, spec.levels.name(level), 0.0, None, None)
    strongest = max(scored, key=lambda d: d.score or 0.0)
    weakest = min(scored, key=lambda d: d.score or 0.0)
    spread = (strongest.score or 0.0) - (weakest.score or 0.0)
    return cap(score, level, spec.levels.name(level), spread, strongest.id, weakest.id)
