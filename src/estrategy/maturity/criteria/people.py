"""The criteria of the ``people`` dimension: the roles and skills the plan needs.

They check for an internal digital lead, for the roles the tactics presuppose, for the
competences of role holders and of the people responsible for actions, for the
supervision of external experts, and for change support beside employee-facing tactics.
"""

from __future__ import annotations

import math
from collections import defaultdict

from estrategy.base.messages import tr
from estrategy.maturity.criteria._scoring import pct
from estrategy.maturity.criterion import Criterion, CriterionContext, CriterionResult, Evidence
from estrategy.maturity.criterion import criterion as declare
from estrategy.model import Audience, StrategyModel
from estrategy.model.definitions import is_live
from estrategy.model.labels import label

__all__ = ["CRITERIA"]


def _coverage(skills: tuple[str, ...], expected: tuple[str, ...]) -> float:
    return len(set(skills) & set(expected)) / len(expected) if expected else 1.0


@declare("digital-lead", title="An internal digital lead")
def digital_lead(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """An experienced internal digital lead with the expected qualities (001)."""
    leads = context.facts.holders.get("digital_lead", ())
    if not leads:
        return CriterionResult(
            0, [Evidence(tr("nobody internal holds the digital-lead role"), supports=False)]
        )
    expected = context.catalogue.competences("digital_lead")
    people = context.facts.internal_people
    best = max(leads, key=lambda p: (_coverage(people[p].skills, expected), p))
    coverage = _coverage(people[best].skills, expected)
    evidence = [Evidence(tr("internal digital lead"), leads)]
    missing = sorted(set(expected) - set(people[best].skills))
    if missing:
        evidence.append(
            Evidence(
                tr(
                    "{person} lacks the digital-lead competences {competences}",
                    person=best,
                    competences=missing,
                ),
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
        return CriterionResult.not_applicable(tr("no tactic presupposes a role"))
    evidence = []
    held = 0
    for role in sorted(needed):
        holders = context.facts.holders.get(role, ())
        if holders:
            held += 1
            evidence.append(
                Evidence(
                    tr("{role} held by {people}", role=label(role), people=list(holders)),
                    holders,
                )
            )
        else:
            fact = tr(
                "no internal {role}, though {tactics} presuppose one",
                role=label(role),
                tactics=sorted(needed[role]),
            )
            evidence.append(Evidence(fact, needed[role], supports=False))
    return CriterionResult(pct(held, len(needed)), evidence)


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
                fact = tr(
                    "{person} ({role}) lacks {competences}",
                    person=person.id,
                    role=label(role),
                    competences=missing,
                )
                evidence.append(Evidence(fact, [person.id], supports=False))
            else:
                complete.append(person.id)
    if not shares:
        return CriterionResult.not_applicable(tr("nobody holds a role with expected competences"))
    if complete:
        evidence.insert(0, Evidence(tr("role holders with every expected competence"), complete))
    return CriterionResult(100 * math.fsum(shares) / len(shares), evidence)


@declare("action-skills", title="Responsible people have the skills")
def action_skills(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Each action's responsible person has the competences it requires (001)."""
    people = {p.id: p for p in model.organization.people}
    skilled: dict[str, bool] = {}
    for action in model.actions:
        if not is_live(action) or not action.competences:
            continue
        person = people.get(action.responsible) if action.responsible else None
        if person is None:
            continue
        skilled[action.id] = set(action.competences) <= set(person.skills)
    return CriterionResult.share(
        skilled,
        met_fact=tr("actions whose responsible person has the required competences"),
        unmet_fact=tr("actions whose responsible person lacks a required competence"),
        empty=tr("no action names both competences and a responsible person"),
    )


@declare("expert-supervision", title="External experts supervised")
def expert_supervision(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """External experts are supervised by an experienced internal profile (001)."""
    internal = context.facts.internal_people
    externals = [p for p in model.organization.people if p.external]
    return CriterionResult.share(
        {p.id: p.supervisor in internal for p in externals},
        met_fact=tr("external experts with an internal supervisor"),
        unmet_fact=tr("external experts nobody internal supervises"),
        empty=tr("no external expert"),
    )


@declare("change-support", title="Change supported by training")
def change_support(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Tactics aimed at employees come with training or change management (003, 001)."""
    facts = context.facts
    # ROL006's setting: the criterion and the rule count the same tactics as support.
    kinds = frozenset(str(k) for k in context.setting("change_support_kinds"))
    supported_strategies = {
        t.strategy
        for t in model.tactics
        if str(t.kind) in kinds and t.strategy is not None and facts.actions_of.get(t.id)
    }
    aimed = [
        t for t in model.tactics if t.audience == Audience.EMPLOYEES and str(t.kind) not in kinds
    ]
    return CriterionResult.share(
        {t.id: t.strategy in supported_strategies for t in aimed},
        met_fact=tr("employee-facing tactics backed by training or change management"),
        unmet_fact=tr("employee-facing tactics with no training or change management beside them"),
        empty=tr("no tactic is aimed at employees"),
    )


CRITERIA: tuple[Criterion, ...] = (
    digital_lead,
    presupposed_roles,
    role_competences,
    action_skills,
    expert_supervision,
    change_support,
)
"""The people criteria, in the order the default maturity model lists them."""
