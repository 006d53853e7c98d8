"""The built-in criteria of the default maturity model, one function per criterion.

Each criterion reads the model (and the facts derived from it once) and returns a score
from 0 to 100 with the evidence a consultant would cite: the ids concerned, strengths and
gaps. Their rationale comes from the source articles; docs/maturity.md explains each one.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING

from estrategy.maturity.criteria import Criterion, CriterionContext, CriterionResult, Evidence
from estrategy.maturity.criteria import criterion as declare
from estrategy.maturity.facts import ACTION_FIELDS, missing_action_fields, missing_smart_parts
from estrategy.model import (
    Audience,
    Direction,
    GroupKind,
    StrategyModel,
    StrategyScope,
    TacticKind,
    ToolKind,
    ToolSide,
)
from estrategy.model.gaps import is_live

if TYPE_CHECKING:  # pragma: no cover
    from estrategy.org import OrgTables

__all__ = ["BUILTIN_CRITERIA"]

_EXTERNAL = frozenset(
    {Audience.CUSTOMERS, Audience.PROSPECTS, Audience.PARTNERS, Audience.SUPPLIERS}
)
_PULL = frozenset(
    {TacticKind.CONTENT_MARKETING, TacticKind.SOCIAL_MEDIA_MARKETING, TacticKind.SOCIAL_SELLING}
)


def _change_support_kinds() -> frozenset[str]:
    """ROL006's default ``change_support_kinds``: the criterion and the rule read one list."""
    from estrategy.rules.roles import no_change_support

    return frozenset(str(k) for k in no_change_support.settings["change_support_kinds"])


def _back_tool_kinds() -> frozenset[str]:
    """TEC003's default ``back_tool_kinds``: the criterion and the rule read one list."""
    from estrategy.rules.technology import front_without_back

    return frozenset(str(k) for k in front_without_back.settings["back_tool_kinds"])


def _pct(part: float, whole: float) -> float:
    return 100.0 * part / whole if whole else 0.0


def _signals(*checks: tuple[str, str, Sequence[str]]) -> CriterionResult:
    """Score the share of signals present: ``(fact if present, gap if absent, ids)`` each.

    Present signals come first as supporting evidence, then the gaps, in the given order.
    """
    present = [Evidence(fact, ids) for fact, _, ids in checks if ids]
    gaps = [Evidence(gap, supports=False) for _, gap, ids in checks if not ids]
    return CriterionResult(_pct(len(present), len(checks)), [*present, *gaps])


# --- strategy ---------------------------------------------------------------------------


@declare("stakes-and-mission", title="Mission and business stakes")
def stakes_and_mission(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """The plan starts from why: a mission, business stakes, objectives tied to them (003)."""
    evidence = []
    parts = 0.0
    if model.mission and model.mission.strip():
        parts += 1
        evidence.append(Evidence("the mission is stated"))
    else:
        evidence.append(Evidence("no mission is stated", supports=False))
    if model.stakes:
        parts += 1
        evidence.append(Evidence("business stakes are recorded", [s.id for s in model.stakes]))
    else:
        evidence.append(Evidence("no business stake is recorded", supports=False))
    tied = [o.id for o in model.objectives if o.stake is not None]
    loose = [o.id for o in model.objectives if o.stake is None]
    if model.objectives:
        parts += len(tied) / len(model.objectives)
    if loose:
        evidence.append(Evidence("objectives tied to no business stake", loose, supports=False))
    return CriterionResult(_pct(parts, 3), evidence)


_SITUATION_PARTS = ("strengths", "weaknesses", "opportunities", "threats", "competitors")


@declare("situation-analysis", title="Situation analysis")
def situation_analysis(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Strengths, weaknesses, opportunities, threats and competitors are analysed (003 step 2)."""
    filled = [p for p in _SITUATION_PARTS if getattr(model.situation, p)]
    empty = [p for p in _SITUATION_PARTS if p not in filled]
    evidence = []
    if filled:
        evidence.append(Evidence(f"the situation analysis records {', '.join(filled)}"))
    if empty:
        evidence.append(
            Evidence(f"the situation analysis has no {', '.join(empty)}", supports=False)
        )
    return CriterionResult(_pct(len(filled), len(_SITUATION_PARTS)), evidence)


@declare("smart-objectives", title="SMART objectives")
def smart_objectives(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Objectives are specific, measurable, tied to a stake, with a target and a deadline."""
    if not model.objectives:
        return CriterionResult(0, [Evidence("no objective is recorded", supports=False)])
    smart = [o.id for o in model.objectives if not missing_smart_parts(o)]
    evidence = []
    if smart:
        evidence.append(Evidence("SMART objectives", smart))
    for objective in sorted(model.objectives, key=lambda o: o.id):
        gaps = missing_smart_parts(objective)
        if gaps:
            evidence.append(
                Evidence(f"{objective.id} lacks {', '.join(gaps)}", [objective.id], supports=False)
            )
    return CriterionResult(_pct(len(smart), len(model.objectives)), evidence)


@declare("challenged-strategies", title="Strategies chosen among challenged options")
def challenged_strategies(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Each pursued objective had several candidate strategies, challenged (003 step 4)."""
    facts = context.facts
    pursued = sorted({o for s in facts.retained.values() for o in s.objectives})
    if not pursued:
        return CriterionResult(
            0, [Evidence("no retained strategy pursues an objective", supports=False)]
        )
    return CriterionResult.ratio(
        [o for o in pursued if len(facts.strategies_of.get(o, ())) >= 2],
        [o for o in pursued if len(facts.strategies_of.get(o, ())) < 2],
        met_fact="objectives whose strategy was chosen among several candidates",
        unmet_fact="objectives for which only one strategy was ever considered",
        empty="",
    )


@declare("tactics-serve-strategy", title="Tactics serve a retained strategy")
def tactics_serve_strategy(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Every tactic implements a retained strategy that pursues objectives (003, why→how→what)."""
    facts = context.facts
    met, orphan, weak = [], [], []
    for tactic in model.tactics:
        strategy = facts.retained.get(tactic.strategy) if tactic.strategy else None
        if strategy is None:
            orphan.append(tactic.id)
        elif not strategy.objectives:
            weak.append(tactic.id)
        else:
            met.append(tactic.id)
    if not model.tactics:
        return CriterionResult.not_applicable("no tactic is deployed")
    evidence = []
    if met:
        evidence.append(Evidence("tactics implementing a retained strategy with objectives", met))
    if orphan:
        evidence.append(
            Evidence("tactics implementing no retained strategy", orphan, supports=False)
        )
    if weak:
        evidence.append(
            Evidence("tactics whose strategy pursues no objective", weak, supports=False)
        )
    return CriterionResult(_pct(len(met), len(model.tactics)), evidence)


@declare("two-volets", title="Internal and external volets, connected")
def two_volets(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Both volets have retained strategies, tied by a shared objective (004)."""
    retained = context.facts.retained.values()
    scopes: dict[StrategyScope, set[str]] = defaultdict(set)
    for strategy in retained:
        scopes[strategy.scope].update(strategy.objectives)
    score = 0.0
    evidence = []
    for scope in (StrategyScope.EXTERNAL, StrategyScope.INTERNAL):
        ids = [s.id for s in retained if s.scope == scope]
        if ids:
            score += 35
            evidence.append(Evidence(f"retained {scope} strategies", ids))
        else:
            evidence.append(Evidence(f"no retained {scope} strategy", supports=False))
    shared = scopes[StrategyScope.EXTERNAL] & scopes[StrategyScope.INTERNAL]
    if shared:
        score += 30
        evidence.append(Evidence("objectives pursued by both volets", shared))
    elif len(scopes) == 2:
        evidence.append(Evidence("the two volets pursue no common objective", supports=False))
    return CriterionResult(score, evidence)


# --- execution --------------------------------------------------------------------------


@declare("tactics-with-actions", title="Tactics declined into actions")
def tactics_with_actions(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Every tactic is declined into at least one live action (003 step 5)."""
    actions_of = context.facts.actions_of  # live actions only
    return CriterionResult.ratio(
        [t.id for t in model.tactics if actions_of.get(t.id)],
        [t.id for t in model.tactics if not actions_of.get(t.id)],
        met_fact="tactics with actions",
        unmet_fact="tactics without any action",
        empty="no tactic is deployed",
    )


@declare("complete-actions", title="Complete actions")
def complete_actions(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Actions name competences, a responsible person, tools, a budget and a deadline (003)."""
    actions = [a for a in model.actions if is_live(a)]
    if not actions:
        return CriterionResult.not_applicable("no live action")
    filled = 0
    complete, evidence = [], []
    for action in sorted(actions, key=lambda a: a.id):
        missing = missing_action_fields(action)
        filled += len(ACTION_FIELDS) - len(missing)
        if missing:
            evidence.append(
                Evidence(f"{action.id} lacks {', '.join(missing)}", [action.id], supports=False)
            )
        else:
            complete.append(action.id)
    if complete:
        evidence.insert(0, Evidence("complete actions", complete))
    return CriterionResult(_pct(filled, len(ACTION_FIELDS) * len(actions)), evidence)


@declare("on-schedule", title="Actions on schedule")
def on_schedule(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """No live action with a deadline is past it without being done (001: milestones)."""
    live = [a.id for a in model.actions if is_live(a) and a.deadline]
    overdue = context.facts.overdue
    return CriterionResult.ratio(
        [a for a in live if a not in overdue],
        [a for a in live if a in overdue],
        met_fact="actions on schedule",
        unmet_fact="actions past their deadline and not done",
        empty="no live action has a deadline",
    )


@declare("budget-focus", title="Focused budget")
def budget_focus(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """The budget is not spread thin over many tactics (001: atomised means and budgets)."""
    if not model.actions:
        return CriterionResult.not_applicable("no action")
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for action in model.actions:
        if action.budget is not None:
            totals[action.tactic] += action.budget
    funded = {t: v for t, v in totals.items() if v > 0}
    if not funded:
        return CriterionResult(0, [Evidence("no action has a budget", supports=False)])
    total = sum(funded.values(), Decimal(0))
    hhi = math.fsum(float(v / total) ** 2 for v in funded.values())
    minimum = context.threshold("atomisation_min_tactics", 8)
    threshold = context.threshold("atomisation_hhi", 0.10)
    if len(funded) < minimum or hhi >= threshold:
        fact = f"the budget is concentrated on {len(funded)} tactic(s) (Herfindahl {hhi:.2f})"
        return CriterionResult(100, [Evidence(fact, funded)])
    fact = f"the budget is spread over {len(funded)} tactics (Herfindahl {hhi:.2f})"
    return CriterionResult(_pct(hhi, threshold), [Evidence(fact, funded, supports=False)])


# --- measurement and learning -----------------------------------------------------------


@declare("tactics-measured", title="Tactics measured")
def tactics_measured(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Every tactic is measured by a KPI that has actually been measured (003 step 6)."""
    facts = context.facts
    if not model.tactics:
        return CriterionResult.not_applicable("no tactic is deployed")
    measured = [t.id for t in model.tactics if t.id in facts.measured_tactics]
    never = [
        t.id
        for t in model.tactics
        if t.id not in facts.measured_tactics and t.id in facts.kpis_of_tactic
    ]
    none = [t.id for t in model.tactics if t.id not in facts.kpis_of_tactic]
    evidence = []
    if measured:
        evidence.append(Evidence("tactics measured by a KPI with measurements", measured))
    if never:
        evidence.append(Evidence("tactics whose KPIs were never measured", never, supports=False))
    if none:
        evidence.append(Evidence("tactics measured by no KPI", none, supports=False))
    return CriterionResult(_pct(len(measured), len(model.tactics)), evidence)


@declare("objectives-measured", title="Objectives measured")
def objectives_measured(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Every objective is measured by a KPI with measurements (003 step 6)."""
    if not model.objectives:
        return CriterionResult(0, [Evidence("no objective to measure", supports=False)])
    measured = context.facts.measured_objectives
    return CriterionResult.ratio(
        [o.id for o in model.objectives if o.id in measured],
        [o.id for o in model.objectives if o.id not in measured],
        met_fact="objectives measured by a KPI with measurements",
        unmet_fact="objectives with no measured KPI",
        empty="",
    )


@declare("regular-reviews", title="Regular reviews")
def regular_reviews(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Reviews are recent and regular, and look at the KPIs (003 step 7; 001: stage reviews)."""
    interval = context.threshold("review_interval_days", 90)
    dates = sorted({r.date for r in model.reviews if r.date <= context.as_of})
    if not dates:
        return CriterionResult(0, [Evidence("no review has taken place", supports=False)])
    evidence = []
    score = 0.0
    age = (context.as_of - dates[-1]).days
    if age <= interval:
        score += 40
        evidence.append(Evidence(f"the last review ({dates[-1].isoformat()}) is {age} days old"))
    else:
        evidence.append(
            Evidence(
                f"no review in the {interval:g} days before {context.as_of.isoformat()}",
                supports=False,
            )
        )
    gaps = [(b - a).days for a, b in itertools.pairwise(dates)]
    if gaps and max(gaps) <= interval:
        score += 40
        evidence.append(Evidence(f"{len(dates)} reviews, never more than {max(gaps)} days apart"))
    elif gaps:
        evidence.append(
            Evidence(
                f"reviews were once {max(gaps)} days apart (over {interval:g})", supports=False
            )
        )
    else:
        evidence.append(Evidence("a single review so far: no rhythm yet", supports=False))
    reviewed = sorted(context.facts.reviewed_kpis)
    if reviewed:
        score += 20
        evidence.append(Evidence("KPIs looked at in reviews", reviewed))
    else:
        evidence.append(Evidence("no review looks at a KPI", supports=False))
    return CriterionResult(score, evidence)


@declare("lessons-learned", title="Decisions and lessons learned")
def lessons_learned(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Reviews decide and record what the field taught, to iterate (003 step 8)."""
    if not model.reviews:
        return CriterionResult(0, [Evidence("no review, hence no lesson", supports=False)])
    decided = sorted({r.date.isoformat() for r in model.reviews if r.decisions})
    learned = sorted({r.date.isoformat() for r in model.reviews if r.lessons})
    evidence = []
    score = 0.0
    if decided:
        score += 50
        evidence.append(Evidence(f"reviews record decisions ({', '.join(decided)})"))
    else:
        evidence.append(Evidence("no review records a decision", supports=False))
    if learned:
        score += 50
        evidence.append(Evidence(f"reviews record lessons from the field ({', '.join(learned)})"))
    else:
        evidence.append(Evidence("no review records a lesson learned", supports=False))
    return CriterionResult(score, evidence)


# --- people and skills ------------------------------------------------------------------


def _coverage(skills: tuple[str, ...], expected: tuple[str, ...]) -> float:
    return len(set(skills) & set(expected)) / len(expected) if expected else 1.0


@declare("digital-lead", title="An internal digital lead")
def digital_lead(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """An experienced internal digital lead with the expected qualities (001)."""
    leads = context.facts.holders.get("digital_lead", ())
    if not leads:
        return CriterionResult(
            0, [Evidence("nobody internal holds the digital-lead role", supports=False)]
        )
    expected = context.catalogue.competences("digital_lead")
    people = context.facts.internal_people
    best = max(leads, key=lambda p: (_coverage(people[p].skills, expected), p))
    coverage = _coverage(people[best].skills, expected)
    evidence = [Evidence("internal digital lead", leads)]
    missing = sorted(set(expected) - set(people[best].skills))
    if missing:
        evidence.append(
            Evidence(
                f"{best} lacks the digital-lead competences {', '.join(missing)}",
                [best],
                supports=False,
            )
        )
    return CriterionResult(60 + 40 * coverage, evidence)


@declare("presupposed-roles", title="Roles the tactics presuppose")
def presupposed_roles(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """The roles the tactics presuppose are held internally (004: community manager, …)."""
    needed: dict[str, set[str]] = defaultdict(set)
    for tactic in model.tactics:
        for role in context.catalogue.presupposes(tactic.kind):
            needed[role].add(tactic.id)
    if not needed:
        return CriterionResult.not_applicable("no tactic presupposes a role")
    evidence = []
    held = 0
    for role in sorted(needed):
        holders = context.facts.holders.get(role, ())
        if holders:
            held += 1
            evidence.append(Evidence(f"{role} held by {', '.join(holders)}", holders))
        else:
            fact = f"no internal {role}, though {', '.join(sorted(needed[role]))} presuppose one"
            evidence.append(Evidence(fact, needed[role], supports=False))
    return CriterionResult(_pct(held, len(needed)), evidence)


@declare("role-competences", title="Role holders' competences")
def role_competences(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Role holders have the competences their role expects (001: skills inventory)."""
    shares = []
    evidence = []
    complete = []
    for person in sorted(context.facts.internal_people.values(), key=lambda p: p.id):
        for role in sorted(set(person.roles)):
            expected = context.catalogue.competences(role)
            if not expected:
                continue
            shares.append(_coverage(person.skills, expected))
            missing = sorted(set(expected) - set(person.skills))
            if missing:
                fact = f"{person.id} ({role}) lacks {', '.join(missing)}"
                evidence.append(Evidence(fact, [person.id], supports=False))
            else:
                complete.append(person.id)
    if not shares:
        return CriterionResult.not_applicable("nobody holds a role with expected competences")
    if complete:
        evidence.insert(0, Evidence("role holders with every expected competence", complete))
    return CriterionResult(100 * math.fsum(shares) / len(shares), evidence)


@declare("action-skills", title="Responsible people have the skills")
def action_skills(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Each action's responsible person has the competences it requires (001)."""
    people = {p.id: p for p in model.organization.people}
    met: list[str] = []
    unmet: list[str] = []
    for action in model.actions:
        if not is_live(action) or not action.competences:
            continue
        person = people.get(action.responsible) if action.responsible else None
        if person is None:
            continue
        (met if set(action.competences) <= set(person.skills) else unmet).append(action.id)
    return CriterionResult.ratio(
        met,
        unmet,
        met_fact="actions whose responsible person has the required competences",
        unmet_fact="actions whose responsible person lacks a required competence",
        empty="no action names both competences and a responsible person",
    )


@declare("expert-supervision", title="External experts supervised")
def expert_supervision(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """External experts are supervised by an experienced internal profile (001)."""
    internal = context.facts.internal_people
    externals = [p for p in model.organization.people if p.external]
    return CriterionResult.ratio(
        [p.id for p in externals if p.supervisor in internal],
        [p.id for p in externals if p.supervisor not in internal],
        met_fact="external experts with an internal supervisor",
        unmet_fact="external experts nobody internal supervises",
        empty="no external expert",
    )


@declare("change-support", title="Change supported by training")
def change_support(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Tactics aimed at employees come with training or change management (003, 001)."""
    facts = context.facts
    kinds = _change_support_kinds()
    supported_strategies = {
        t.strategy
        for t in model.tactics
        if str(t.kind) in kinds and t.strategy is not None and facts.actions_of.get(t.id)
    }
    aimed = [
        t for t in model.tactics if t.audience == Audience.EMPLOYEES and str(t.kind) not in kinds
    ]
    return CriterionResult.ratio(
        [t.id for t in aimed if t.strategy in supported_strategies],
        [t.id for t in aimed if t.strategy not in supported_strategies],
        met_fact="employee-facing tactics backed by training or change management",
        unmet_fact="employee-facing tactics with no training or change management beside them",
        empty="no tactic is aimed at employees",
    )


# --- tools and data ---------------------------------------------------------------------


def _used_tools(model: StrategyModel) -> frozenset[str]:
    return frozenset(t for a in model.actions if is_live(a) for t in a.tools)


@declare("tools-with-purpose", title="Tools with a purpose")
def tools_with_purpose(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Every tool serves an action, not technology for its own sake (000: Ab-sens)."""
    used = _used_tools(model)
    return CriterionResult.ratio(
        [t.id for t in model.tools if t.id in used],
        [t.id for t in model.tools if t.id not in used],
        met_fact="tools used by actions",
        unmet_fact="tools no action uses",
        empty="no tool is recorded",
    )


@declare("crm-backbone", title="A CRM behind customer-facing tactics")
def crm_backbone(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Tactics towards prospects and customers rest on a CRM that actions use (004, 000)."""
    facing = [t.id for t in model.tactics if t.audience in (Audience.PROSPECTS, Audience.CUSTOMERS)]
    if not facing:
        return CriterionResult.not_applicable("no tactic addresses prospects or customers")
    crms = [t.id for t in model.tools if t.kind == ToolKind.CRM]
    if not crms:
        fact = "tactics address prospects or customers but there is no CRM"
        return CriterionResult(0, [Evidence(fact, facing, supports=False)])
    used = [t for t in crms if t in _used_tools(model)]
    if used:
        return CriterionResult(100, [Evidence("a CRM used by actions", used)])
    return CriterionResult(
        60,
        [Evidence("a CRM exists", crms), Evidence("no action uses the CRM", crms, supports=False)],
    )


@declare("back-serves-front", title="Back office behind front tools")
def back_serves_front(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Front tools are served by a CRM, an ERP or analytics (001: the back office must follow)."""
    front = [t.id for t in model.tools if context.catalogue.tool_side(t) == ToolSide.FRONT]
    if not front:
        return CriterionResult.not_applicable("no front tool")
    kinds = _back_tool_kinds()
    back = [t.id for t in model.tools if str(t.kind) in kinds]
    if back:
        return CriterionResult(100, [Evidence("back-office tools serve the front tools", back)])
    return CriterionResult(
        0, [Evidence("front tools with no CRM, ERP or analytics behind", front, supports=False)]
    )


@declare("efficiency", title="Digital for efficiency")
def efficiency(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Digital makes the company more efficient: processes, back office, time saved (002)."""
    facts = context.facts
    process = [
        t.id
        for t in model.tactics
        if t.kind in (TacticKind.PROCESS_DIGITALISATION, TacticKind.CRM_DEPLOYMENT)
        and facts.actions_of.get(t.id)
    ]
    saving = [k.id for k in model.kpis if k.direction == Direction.DECREASE and k.measurements]
    used = _used_tools(model)
    back = [
        t.id
        for t in model.tools
        if t.id in used
        and (
            context.catalogue.tool_side(t) == ToolSide.BACK
            or t.kind in (ToolKind.DOCUMENT_MANAGEMENT, ToolKind.COLLABORATION)
        )
    ]
    return _signals(
        ("processes being digitalised", "no process is being digitalised", process),
        (
            "measured KPIs aiming at less time or cost",
            "no measured KPI aims at less time or cost",
            saving,
        ),
        (
            "back-office or collaboration tools in use",
            "no back-office or collaboration tool is in use",
            back,
        ),
    )


@declare("data-capability", title="Data capability")
def data_capability(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Data is collected, analysed and followed over time (004: the data scientist)."""
    analytics = [t.id for t in model.tools if t.kind == ToolKind.ANALYTICS] + [
        t.id for t in model.tactics if t.kind == TacticKind.DATA_ANALYTICS
    ]
    scientists = context.facts.holders.get("data_scientist", ())
    trends = [k.id for k in model.kpis if len({m.date for m in k.measurements}) >= 2]
    return _signals(
        (
            "analytics tools or tactics",
            "no analytics tool or data-analytics tactic",
            analytics,
        ),
        ("internal data scientists", "no internal data scientist", scientists),
        (
            "KPIs followed over time (two measurements or more)",
            "no KPI is followed over time",
            trends,
        ),
    )


# --- organisation and transversality ----------------------------------------------------


# The organisation criteria read estrategy.org's analyses on the arrays ModelFacts builds
# once per assessment; estrategy.org (numpy, scipy) is imported when they first run.


@declare("transversality", title="Transversality between lines")
def transversality(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Hierarchical lines are joined by transversal groups or ties (004)."""
    import estrategy.org as org

    facts = context.facts
    joined = org.transversality(facts.org_tables, lines=facts.org_lines)
    if joined.share is None:
        return CriterionResult.not_applicable("fewer than two hierarchical lines")
    target = context.threshold("transversality_target", 0.5)
    linked = {h for link in joined.links for h in (link.a, link.b)}
    silos = org.silos(facts.org_tables, lines=facts.org_lines, joined=joined).lines
    fact = f"{len(joined.links)} of {joined.possible_pairs} pairs of lines are joined"
    evidence = [Evidence(fact, linked)]
    if silos:
        evidence.append(Evidence("lines with no transversal link", silos, supports=False))
    return CriterionResult(min(100.0, _pct(joined.share, target)), evidence)


@declare("genuine-groups", title="Genuine transversal groups")
def genuine_groups(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Groups span several lines; project groups have an objective and a deadline (004)."""
    import estrategy.org as org

    facts = context.facts
    spans = org.group_transversality(facts.org_tables, lines=facts.org_lines)
    several = spans.n_lines >= 2
    met, unmet, evidence = [], [], []
    # spans come in the order of the model's groups; a group with no member in a line
    # spans fewer than two lines too
    pairs = zip(model.organization.groups, spans.groups, strict=True)
    for group, span in sorted(pairs, key=lambda pair: pair[0].id):
        problems = []
        if several and len(span.lines) < 2:
            problems.append("spans one line only")
        if group.kind == GroupKind.PROJECT and (not group.objective or group.deadline is None):
            problems.append("has no objective or no deadline")
        if problems:
            unmet.append(group.id)
            evidence.append(
                Evidence(f"{group.id} {' and '.join(problems)}", [group.id], supports=False)
            )
        else:
            met.append(group.id)
    if not met and not unmet:
        return CriterionResult.not_applicable("no transversal group")
    if met:
        evidence.insert(0, Evidence("groups that genuinely cross lines", met))
    return CriterionResult(_pct(len(met), len(met) + len(unmet)), evidence)


@declare("upward-paths", title="Field information flows up")
def upward_paths(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Community managers, data scientists and sales reach a decision maker quickly (004)."""
    import estrategy.org as org

    hops = context.threshold("upward_hops", 3)
    reach = org.upward_reach(context.facts.org_tables, roles=org.FIELD_ROLES)
    return CriterionResult.ratio(
        [h.person for h in reach.holders if h.steps is not None and h.steps <= hops],
        [h.person for h in reach.holders if h.steps is None or h.steps > hops],
        met_fact=f"field roles within {hops:g} steps of a decision maker",
        unmet_fact=f"field roles more than {hops:g} steps from any decision maker",
        empty="nobody internal holds a field role (community manager, data scientist, sales)",
    )


@declare("esn-reach", title="Enterprise social network reach")
def esn_reach(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """An enterprise social network connects most people (004: the ESN as main tool)."""
    import estrategy.org as org

    reach = org.esn_reach(context.facts.org_tables)
    if reach.internal_people == 0:
        return CriterionResult.not_applicable("nobody is recorded in the organisation")
    esn = [t.id for t in model.tools if t.kind == ToolKind.ESN]
    if not esn:
        return CriterionResult(
            0, [Evidence("no enterprise social network is deployed", supports=False)]
        )
    target = context.threshold("esn_reach_target", 0.6)
    fact = f"the ESN reaches {reach.reached} of {reach.internal_people} people"
    evidence = [Evidence(fact, esn)]
    unreached = _esn_unreached(context.facts.org_tables)
    if unreached:
        fact = "people with no ESN tie and in no ESN community"
        evidence.append(Evidence(fact, unreached, supports=False))
    return CriterionResult(min(100.0, _pct(reach.share, target)), evidence)


def _esn_unreached(tables: OrgTables) -> list[str]:
    """Internal people ``estrategy.org.esn_reach`` does not count as reached.

    ``EsnReach`` gives counts only; the evidence names the people, so they are read
    here with its definition: an ESN tie to someone else, or an ESN community.
    """
    import numpy as np

    from estrategy.model.tables import GROUP_KINDS

    reached = np.zeros(tables.n_people, dtype=np.bool_)
    esn = tables.tie_esn & (tables.tie_source != tables.tie_target)
    reached[tables.tie_source[esn]] = True
    reached[tables.tie_target[esn]] = True
    community = GROUP_KINDS.index(GroupKind.ESN_COMMUNITY)
    reached[tables.member_person[tables.group_kind[tables.member_group] == community]] = True
    return [tables.person_ids[i] for i in np.flatnonzero(~reached & ~tables.person_external)]


# --- customer and channels --------------------------------------------------------------


@declare("pull-tactics", title="Content and conversation, not push only")
def pull_tactics(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """The external volet includes content, social media or social selling (004)."""
    retained = context.facts.retained
    external = {s for s, strategy in retained.items() if strategy.scope == StrategyScope.EXTERNAL}
    facing = [t for t in model.tactics if t.audience in _EXTERNAL]
    if not external and not facing:
        return CriterionResult.not_applicable("no external strategy and no external tactic")
    pull = [t for t in model.tactics if t.kind in _PULL]
    serving = [t.id for t in pull if t.strategy in external]
    if serving:
        return CriterionResult(100, [Evidence("pull tactics in the external volet", serving)])
    if pull:
        fact = "pull tactics exist but serve no retained external strategy"
        return CriterionResult(50, [Evidence(fact, [t.id for t in pull], supports=False)])
    fact = "no content, social-media or social-selling tactic: push only"
    return CriterionResult(0, [Evidence(fact, [t.id for t in facing], supports=False)])


@declare("mixed-energy", title="Traditional and digital channels work together")
def mixed_energy(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Traditional and digital tactics serve common objectives (001: mixed energy)."""
    objectives_of = {s.id: set(s.objectives) for s in model.strategies}
    by_channel: dict[str, set[str]] = defaultdict(set)
    tactics_by_channel: dict[str, list[str]] = defaultdict(list)
    for tactic in model.tactics:
        channel = str(context.catalogue.channel(tactic.kind))
        tactics_by_channel[channel].append(tactic.id)
        if tactic.strategy is not None:
            by_channel[channel] |= objectives_of.get(tactic.strategy, set())
    if not tactics_by_channel["traditional"] or not tactics_by_channel["digital"]:
        return CriterionResult.not_applicable("traditional and digital tactics do not both exist")
    common = by_channel["traditional"] & by_channel["digital"]
    if common:
        return CriterionResult(
            100, [Evidence("objectives served by both traditional and digital tactics", common)]
        )
    fact = "traditional tactics serve no objective that digital tactics serve"
    return CriterionResult(0, [Evidence(fact, tactics_by_channel["traditional"], supports=False)])


@declare("coordinated-contacts", title="Coordinated customer contacts")
def coordinated_contacts(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Units addressing the same audience share a CRM (000: the repeated calls)."""
    crms = {t.id for t in model.tools if t.kind == ToolKind.CRM}
    units: dict[Audience, set[str]] = defaultdict(set)
    with_crm: dict[Audience, set[str]] = defaultdict(set)
    for tactic in model.tactics:
        if tactic.audience in _EXTERNAL and tactic.owner_unit is not None:
            units[tactic.audience].add(tactic.owner_unit)
            for action in context.facts.actions_of.get(tactic.id, ()):
                if crms & set(action.tools):
                    with_crm[tactic.audience].add(tactic.owner_unit)
    shared = {a: u for a, u in units.items() if len(u) >= 2}
    if not shared:
        return CriterionResult.not_applicable("no audience is addressed by two units or more")
    met = unmet = 0
    evidence = []
    for audience in sorted(shared):
        lacking = sorted(shared[audience] - with_crm[audience])
        met += len(shared[audience]) - len(lacking)
        unmet += len(lacking)
        if lacking:
            fact = f"{audience}: units addressing them without a CRM-backed action"
            evidence.append(Evidence(fact, [str(audience), *lacking], supports=False))
        else:
            evidence.append(
                Evidence(f"{audience}: every unit's actions use the CRM", [str(audience)])
            )
    return CriterionResult(_pct(met, met + unmet), evidence)


@declare("audience-coverage", title="Prospects won and customers kept")
def audience_coverage(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """The plan both conquers prospects and retains customers through retained tactics (004)."""
    facts = context.facts
    if not any(t.audience in _EXTERNAL for t in model.tactics):
        return CriterionResult.not_applicable("no tactic addresses an external audience")
    evidence = []
    score = 0.0
    for audience in (Audience.PROSPECTS, Audience.CUSTOMERS):
        serving = [
            t.id for t in model.tactics if t.audience == audience and facts.serves_retained(t)
        ]
        if serving:
            score += 50
            evidence.append(Evidence(f"retained tactics address {audience}", serving))
        else:
            others = [t.id for t in model.tactics if t.audience == audience]
            evidence.append(
                Evidence(
                    f"no tactic of a retained strategy addresses {audience}", others, supports=False
                )
            )
    return CriterionResult(score, evidence)


BUILTIN_CRITERIA: Mapping[str, Criterion] = MappingProxyType(
    {
        c.id: c
        for c in (
            stakes_and_mission,
            situation_analysis,
            smart_objectives,
            challenged_strategies,
            tactics_serve_strategy,
            two_volets,
            tactics_with_actions,
            complete_actions,
            on_schedule,
            budget_focus,
            tactics_measured,
            objectives_measured,
            regular_reviews,
            lessons_learned,
            digital_lead,
            presupposed_roles,
            role_competences,
            action_skills,
            expert_supervision,
            change_support,
            tools_with_purpose,
            crm_backbone,
            back_serves_front,
            efficiency,
            data_capability,
            transversality,
            genuine_groups,
            upward_paths,
            esn_reach,
            pull_tactics,
            mixed_energy,
            coordinated_contacts,
            audience_coverage,
        )
    }
)
"""The built-in criteria by id; their ids are reserved."""
