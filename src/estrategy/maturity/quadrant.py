"""The quadrant: digital intensity against transformation-management intensity.

Digital intensity (0–100) weighs what is deployed *and used*. It is the mean of six
components. Four count what is in use, each count divided by the count that earns full
marks for the organisation's size (``[quadrant]`` of the maturity model), capped at 1:

* ``digital_tactic_kinds``: distinct kinds of digital tactics (digital channel, or an
  internal kind that deploys technology: ESN, CRM deployment, process digitalisation)
  *in use*, that is with a live (not dropped) action;
* ``tool_kinds``: distinct kinds of tools a live action uses;
* ``audiences``: distinct audiences the digital tactics in use address;
* ``digital_actions``: live actions of digital tactics.

Two measure depth of use, as shares:

* ``measured_use``: the share of digital tactics in use measured by a KPI that has
  measurements (left out when no digital tactic is in use);
* ``adoption``: the score of the ``adoption`` criterion, the ESN's reach and the share of
  digital tactics whose KPIs are on their planned line (left out when the model has
  neither).

It counts what is deployed and used, whether or not it serves a strategy: a tool nobody
uses and a tactic with no action add nothing.

Transformation-management intensity (0–100) is the mean of its components (by default:
strategy and objectives, governance and reviews, roles and skills, change support,
measurement), each the weighted mean of the scores of its criteria, with the criteria's
weights for the organisation's size; a component none of whose criteria applies is left
out of the mean, and a model where none applies has 0.

High means at or above the axis's threshold (50 by default):
low/low *beginner*, high digital/low management *fashionista* (the seeds' Ab-sens:
technology without meaning), low digital/high management *conservative*, high/high
*digirati* (E-sens).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from estrategy.maturity.criterion import CriterionContext, CriterionResult
from estrategy.maturity.results import QuadrantPosition
from estrategy.maturity.spec import MaturityModel, default_maturity_model
from estrategy.model import StrategyModel
from estrategy.model.definitions import is_live

__all__ = ["QUADRANT_NAMES", "quadrant_name", "quadrant_position", "quadrant_thresholds"]

QUADRANT_NAMES = ("beginner", "fashionista", "conservative", "digirati")
"""The four quadrants: (low, low), (high digital, low management), (low, high), (high, high)."""


def quadrant_name(digital: bool, managed: bool) -> str:
    """The quadrant of a model high or low on each axis."""
    return QUADRANT_NAMES[(1 if digital else 0) + (2 if managed else 0)]


def quadrant_thresholds(
    maturity_model: str, spec: MaturityModel | None = None
) -> tuple[float, float]:
    """The ``(digital, management)`` thresholds an assessment's quadrant was drawn with.

    An :class:`~estrategy.maturity.Assessment` records only the name of its maturity
    model, so the model itself is needed to draw the quadrant's lines where they are.

    Args:
        maturity_model: the name the assessment records (``assessment.maturity_model``).
        spec: the maturity model the assessment was made with (default: the default
            maturity model).

    Returns:
        Where "high" digital intensity and "high" management intensity start, 0–100.

    Raises:
        ValueError: when ``spec`` (or the default model) is not the one named, as the
            thresholds would then belong to another model.

    Example:
        >>> quadrant_thresholds("estrategy default")
        (50.0, 50.0)
    """
    if spec is None:
        spec = default_maturity_model()
    if spec.name != maturity_model:
        raise ValueError(
            f"the assessment was made with the maturity model {maturity_model!r}, "
            f"not {spec.name!r}: pass the maturity model it was made with"
        )
    return spec.quadrant.digital_threshold, spec.quadrant.management_threshold


def _digital_components(
    model: StrategyModel,
    context: CriterionContext,
    spec: MaturityModel,
    results: Mapping[str, CriterionResult],
) -> tuple[tuple[str, float | None], ...]:
    facts = context.facts
    in_use = [facts.tactics[t] for t in sorted(facts.digital_tactics) if facts.actions_of.get(t)]
    used_tools = {tool for a in model.actions if is_live(a) for tool in a.tools}
    counts = {
        "digital_tactic_kinds": len({str(t.kind) for t in in_use}),
        "tool_kinds": len({str(t.kind) for t in model.tools if t.id in used_tools}),
        "audiences": len({str(t.audience) for t in in_use if t.audience is not None}),
        "digital_actions": sum(len(facts.actions_of[t.id]) for t in in_use),
    }
    saturation = dict(spec.quadrant.saturation)
    components: list[tuple[str, float | None]] = []
    for name in ("digital_tactic_kinds", "tool_kinds", "audiences", "digital_actions"):
        full = saturation[name].resolve(context.size)
        components.append((name, 100.0 * min(1.0, counts[name] / full)))
    measured = [t.id for t in in_use if t.id in facts.measured_tactics]
    components.append(("measured_use", 100.0 * len(measured) / len(in_use) if in_use else None))
    adopted = results.get("adoption")
    components.append(("adoption", adopted.score if adopted is not None else None))
    return tuple(components)


def _management_components(
    results: Mapping[str, CriterionResult], weights: Mapping[str, float], spec: MaturityModel
) -> tuple[tuple[str, float | None], ...]:
    components: list[tuple[str, float | None]] = []
    for name, ids in spec.quadrant.management:
        pairs = [
            (weights.get(i, 1.0), score)
            for i in ids
            if (score := results[i].score) is not None and weights.get(i, 1.0) > 0
        ]
        total = math.fsum(w for w, _ in pairs)
        components.append((name, math.fsum(w * s for w, s in pairs) / total if total > 0 else None))
    return tuple(components)


def _mean(components: tuple[tuple[str, float | None], ...]) -> float:
    """The mean of the components that apply; 0 when none does."""
    known = [v for _, v in components if v is not None]
    return math.fsum(known) / len(known) if known else 0.0


def quadrant_position(
    model: StrategyModel,
    context: CriterionContext,
    spec: MaturityModel,
    results: Mapping[str, CriterionResult],
) -> QuadrantPosition:
    """Place a model on the quadrant.

    Args:
        model: the model.
        context: the criterion context (size, catalogue).
        spec: the maturity model (saturations, thresholds, management components).
        results: criterion id to its result, for every criterion the components name
            (and ``adoption``, a component of digital intensity).

    Returns:
        The quadrant's name and both coordinates, with their components.
    """
    digital = _digital_components(model, context, spec, results)
    management = _management_components(results, spec.criterion_weights(context.size), spec)
    digital_score = _mean(digital)
    management_score = _mean(management)
    name = quadrant_name(
        digital_score >= spec.quadrant.digital_threshold,
        management_score >= spec.quadrant.management_threshold,
    )
    return QuadrantPosition(name, digital_score, management_score, digital, management)
