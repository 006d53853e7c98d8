"""The eight steps of the method (*L'adoption massive du Social Selling, devait décoiffer…*).

Each step is derived from the model, never typed in: *evidenced* when the model shows it
done, *partial* when it shows it begun, *missing* otherwise. The exact tests are in
docs/maturity.md. A plan *jumped* a step when the step is missing while a later step is
not, or while tactics or tools are already deployed (for the four steps that come before
tactics): the haste the seeds warn of.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from estrategy.base.formats import Day, Number, Series
from estrategy.base.messages import ntr, tr
from estrategy.maturity.criterion import CriterionContext, Evidence
from estrategy.maturity.results import StepResult, StepStatus
from estrategy.model import StrategyModel
from estrategy.model.definitions import (
    is_live,
    missing_action_fields,
    missing_smart_parts,
    review_rhythm,
)
from estrategy.model.labels import label

__all__ = ["STEP_IDS", "derive_steps", "jumped_steps"]

STEP_IDS = (
    "new-rules",
    "situation",
    "objectives",
    "strategy",
    "tactics",
    "indicators",
    "controls",
    "lessons",
)
_TITLES = tuple(
    title.msgid  # kept in English in results; renderers translate them
    for title in (
        tr("Understand the new rules of the digital game"),
        tr("Analyse the current situation"),
        tr("Set SMART objectives"),
        tr("Choose a strategy among challenged options"),
        tr("Decline it into tactics and complete actions"),
        tr("Define indicators"),
        tr("Control regularly"),
        tr("Learn from the field and iterate"),
    )
)
_E, _P, _M = StepStatus.EVIDENCED, StepStatus.PARTIAL, StepStatus.MISSING


def _mentions(texts: Iterable[str], words: Iterable[str]) -> list[str]:
    """The texts that contain one of ``words`` at the start of a word."""
    patterns = [re.compile(r"(?<![\w])" + re.escape(w), re.IGNORECASE) for w in words]
    return [t for t in texts if any(p.search(t) for p in patterns)]


def _new_rules(model: StrategyModel, words: tuple[str, ...]) -> tuple[str, list[Evidence]]:
    situation = model.situation
    environment = [*situation.opportunities, *situation.threats]
    digital_env = sorted(_mentions(environment, words))
    digital_stakes = sorted(s.id for s in model.stakes if _mentions([s.statement], words))
    digital_mission = bool(model.mission and _mentions([model.mission], words))
    digital_business = digital_mission or bool(digital_stakes)
    stakes = sorted(s.id for s in model.stakes)
    evidence = []
    if digital_env:
        quoted = Series([tr("“{text}”", text=t) for t in digital_env], separator="; ")
        evidence.append(
            Evidence(
                tr("the situation names digital opportunities or threats: {quotes}", quotes=quoted)
            )
        )
    elif environment:
        evidence.append(
            Evidence(
                tr("opportunities and threats are listed, none about the digital shift"),
                supports=False,
            )
        )
    else:
        evidence.append(Evidence(tr("no opportunity or threat is recorded"), supports=False))
    if stakes:
        evidence.append(Evidence(tr("business stakes say what is at stake"), stakes))
    else:
        evidence.append(
            Evidence(tr("no business stake records the impact on the business"), supports=False)
        )
    if digital_stakes:
        evidence.append(Evidence(tr("stakes that answer the digital shift"), digital_stakes))
    if digital_mission:
        evidence.append(Evidence(tr("the mission answers the digital shift")))
    if digital_env and stakes:
        return _E, evidence
    if digital_env or digital_business or environment:
        return _P, evidence
    return _M, evidence


def _situation(model: StrategyModel) -> tuple[str, list[Evidence]]:
    s = model.situation
    core = {"strengths": s.strengths, "weaknesses": s.weaknesses, "competitors": s.competitors}
    present = [k for k, v in core.items() if v]
    absent = [k for k, v in core.items() if not v]
    evidence = []
    if present:
        parts = [label(k) for k in present]
        evidence.append(Evidence(tr("the situation analysis records {parts}", parts=parts)))
    if absent:
        parts = [label(k) for k in absent]
        evidence.append(
            Evidence(tr("the situation analysis has no {parts}", parts=parts), supports=False)
        )
    if not absent:
        return _E, evidence
    if present or s.opportunities or s.threats:
        return _P, evidence
    return _M, evidence


def _objectives(model: StrategyModel) -> tuple[str, list[Evidence]]:
    if not model.objectives:
        return _M, [Evidence(tr("no objective is recorded"), supports=False)]
    smart = sorted(o.id for o in model.objectives if not missing_smart_parts(o))
    loose = sorted(o.id for o in model.objectives if missing_smart_parts(o))
    evidence = []
    if smart:
        evidence.append(Evidence(tr("SMART objectives"), smart))
    if loose:
        evidence.append(Evidence(tr("objectives that are not SMART"), loose, supports=False))
    if not loose:
        return _E, evidence
    return (_P if smart else _M), evidence


def _strategy(model: StrategyModel, context: CriterionContext) -> tuple[str, list[Evidence]]:
    facts = context.facts
    if not facts.retained:
        return _M, [Evidence(tr("no strategy is retained"), supports=False)]
    pursued = sorted({o for s in facts.retained.values() for o in s.objectives})
    challenged = [o for o in pursued if len(facts.strategies_of.get(o, ())) >= 2]
    single = [o for o in pursued if o not in challenged]
    evidence = [Evidence(tr("retained strategies"), facts.retained)]
    if challenged:
        evidence.append(
            Evidence(tr("objectives whose strategy was challenged by alternatives"), challenged)
        )
    if single:
        evidence.append(
            Evidence(
                tr("objectives with a single strategy ever considered"), single, supports=False
            )
        )
    if not pursued:
        evidence.append(Evidence(tr("the retained strategies pursue no objective"), supports=False))
    return (_E if pursued and not single else _P), evidence


def _tactics(model: StrategyModel, context: CriterionContext) -> tuple[str, list[Evidence]]:
    facts = context.facts
    if not model.tactics:
        return _M, [Evidence(tr("no tactic is deployed"), supports=False)]
    orphan = [t.id for t in model.tactics if not facts.serves_retained(t)]
    bare = [t.id for t in model.tactics if not facts.actions_of.get(t.id)]  # live actions
    incomplete = [a.id for a in model.actions if is_live(a) and missing_action_fields(a)]
    evidence = [Evidence(tr("tactics"), [t.id for t in model.tactics])]
    if orphan:
        evidence.append(
            Evidence(tr("tactics serving no retained strategy"), orphan, supports=False)
        )
    if bare:
        evidence.append(Evidence(tr("tactics without actions"), bare, supports=False))
    if incomplete:
        evidence.append(Evidence(tr("incomplete actions"), incomplete, supports=False))
    return (_P if orphan or bare or incomplete else _E), evidence


def _indicators(model: StrategyModel, context: CriterionContext) -> tuple[str, list[Evidence]]:
    if not model.kpis:
        return _M, [Evidence(tr("no KPI is defined"), supports=False)]
    facts = context.facts
    measured_objectives = {k.objective for k in model.kpis if k.objective is not None}
    bare_tactics = [t.id for t in model.tactics if t.id not in facts.kpis_of_tactic]
    bare_objectives = [o.id for o in model.objectives if o.id not in measured_objectives]
    evidence = [Evidence(tr("KPIs"), [k.id for k in model.kpis])]
    if bare_tactics:
        evidence.append(Evidence(tr("tactics no KPI measures"), bare_tactics, supports=False))
    if bare_objectives:
        evidence.append(Evidence(tr("objectives no KPI measures"), bare_objectives, supports=False))
    return (_P if bare_tactics or bare_objectives else _E), evidence


def _controls(model: StrategyModel, context: CriterionContext) -> tuple[str, list[Evidence]]:
    # the rhythm MES003 and regular-reviews judge: recent gaps, within the review window
    interval = context.threshold("review_interval_days", 90, setting="review_interval_days")
    window = float(context.setting("review_window_days"))
    rhythm = review_rhythm((r.date for r in model.reviews), context.as_of, window)
    if rhythm.age is None:
        return _M, [Evidence(tr("no review has taken place"), supports=False)]
    recent = rhythm.age <= interval
    regular = bool(rhythm.gaps) and not rhythm.long_gaps(interval)
    on_kpis = bool(context.facts.reviewed_kpis)
    evidence = [Evidence(tr("reviews on {dates}", dates=[Day(d) for d in rhythm.dates]))]
    if not recent:
        evidence.append(
            Evidence(
                ntr(
                    "no review in the last {days} day",
                    "no review in the last {days} days",
                    int(interval),
                    days=Number(interval),
                ),
                supports=False,
            )
        )
    if not regular:
        evidence.append(Evidence(tr("no regular rhythm of reviews yet"), supports=False))
    if not on_kpis:
        evidence.append(Evidence(tr("reviews do not look at KPIs"), supports=False))
    return (_E if recent and regular and on_kpis else _P), evidence


def _lessons(model: StrategyModel) -> tuple[str, list[Evidence]]:
    lessons = sorted(lesson for r in model.reviews for lesson in r.lessons)
    decisions = sorted(decision for r in model.reviews for decision in r.decisions)
    evidence = []
    if lessons:
        lessons_learned = Series(lessons, separator="; ")
        evidence.append(Evidence(tr("lessons learned: {lessons}", lessons=lessons_learned)))
    else:
        evidence.append(Evidence(tr("no lesson from the field is recorded"), supports=False))
    if decisions:
        taken = Series(decisions, separator="; ")
        evidence.append(Evidence(tr("decisions taken: {decisions}", decisions=taken)))
    else:
        evidence.append(Evidence(tr("no review records a decision"), supports=False))
    if lessons and decisions:
        return _E, evidence
    return (_P if lessons or decisions else _M), evidence


def derive_steps(
    model: StrategyModel, context: CriterionContext, digital_words: tuple[str, ...]
) -> tuple[StepResult, ...]:
    """Derive the eight steps from a model.

    Args:
        model: the model.
        context: the criterion context (as-of date, thresholds, facts).
        digital_words: the words that show the digital shift was understood (step 1).

    Returns:
        The eight steps, in order.
    """
    derived = (
        _new_rules(model, digital_words),
        _situation(model),
        _objectives(model),
        _strategy(model, context),
        _tactics(model, context),
        _indicators(model, context),
        _controls(model, context),
        _lessons(model),
    )
    return tuple(
        StepResult(n + 1, STEP_IDS[n], _TITLES[n], status, tuple(evidence))
        for n, (status, evidence) in enumerate(derived)
    )


def jumped_steps(steps: tuple[StepResult, ...], model: StrategyModel) -> tuple[str, ...]:
    """The ids of the missing steps the plan jumped over.

    A missing step is jumped when a later step is evidenced or partial, or, for the steps
    before tactics (1–4), when tactics or tools are already deployed.
    """
    deployed = bool(model.tactics or model.tools)
    jumped = []
    for index, step in enumerate(steps):
        if step.status != _M:
            continue
        later = any(s.status != _M for s in steps[index + 1 :])
        if later or (deployed and step.number <= 4):
            jumped.append(step.id)
    return tuple(jumped)
