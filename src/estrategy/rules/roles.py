"""ROL rules: the roles and competences the strategy presupposes."""

from __future__ import annotations

from collections.abc import Iterator

from estrategy.model import (
    CHANGE_SUPPORT_KINDS,
    Audience,
    OrganizationSize,
    Person,
    RoleKind,
    TacticKind,
)
from estrategy.rules._engine import RuleContext, Violation, rule
from estrategy.rules._index import is_retained, live_actions, model_index, person

__all__ = [
    "no_change_support",
    "no_community_manager",
    "no_data_scientist",
    "no_digital_lead",
    "skills_gap",
    "unsupervised_expert",
]


def _holders(context: RuleContext, role: str, *, internal_only: bool) -> list[Person]:
    return [
        p
        for p in context.model.organization.people
        if role in p.roles and not (internal_only and p.external)
    ]


def _missing_presupposed(
    context: RuleContext, role: str, *, internal_only: bool
) -> Violation | None:
    """A violation when tactics presuppose ``role`` (per the catalogue) and nobody holds it."""
    needing = sorted(
        {
            t.id: i
            for i, t in enumerate(context.model.tactics)
            if role in context.catalogue.presupposes(t.kind)
        }.items()
    )
    if not needing or _holders(context, role, internal_only=internal_only):
        return None
    ids = [tactic_id for tactic_id, _ in needing]
    shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
    who = "no internal person" if internal_only else "nobody"
    first = min(i for _, i in needing)
    return Violation(
        f"{who} holds the {role} role, which tactics {shown} presuppose",
        [],
        ["tactics", first],
    )


@rule("ROL001", "no-community-manager", "error")
def no_community_manager(context: RuleContext) -> Iterator[Violation]:
    """Tactics presuppose a community manager but no internal person holds the role.

    What it checks:
        Some tactic's kind presupposes the ``community_manager`` role in the tactic
        catalogue (by default ``content_marketing`` and ``social_media_marketing``), and
        no person who is not ``external`` holds that role.

    Why it matters:
        *Stratégie digitale interne et externe* names the community manager as one of the
        new roles the external volet creates: someone who writes, animates the
        communities, watches the networks and carries what is heard back into the company.
        Content and social-media tactics without one are left to nobody.

    How to fix:
        Give the role to an employee (add ``community_manager`` to their ``roles``), or
        drop the tactics that need it.
    """
    found = _missing_presupposed(context, RoleKind.COMMUNITY_MANAGER, internal_only=True)
    if found is not None:
        yield found


@rule("ROL002", "no-data-scientist", "error")
def no_data_scientist(context: RuleContext) -> Iterator[Violation]:
    """Tactics presuppose a data scientist but nobody holds the role.

    What it checks:
        Some tactic's kind presupposes the ``data_scientist`` role in the tactic catalogue
        (by default ``marketing_automation`` and ``data_analytics``), and no person,
        internal or external, holds that role.

    Why it matters:
        *Stratégie digitale interne et externe* names the data scientist as the second new
        role of the external volet: collecting and analysing what the networks and the
        customer data say, so that targeting and automation rest on evidence.

    How to fix:
        Give the ``data_scientist`` role to someone (an employee or a supervised external
        expert), or drop the tactics that need it.
    """
    found = _missing_presupposed(context, RoleKind.DATA_SCIENTIST, internal_only=False)
    if found is not None:
        yield found


@rule("ROL003", "no-digital-lead", "warning")
def no_digital_lead(context: RuleContext) -> Iterator[Violation]:
    """Retained strategies exist but no internal digital lead carries them.

    What it checks:
        The model has retained strategies, the organisation is not ``micro``, and no
        person who is not ``external`` holds the ``digital_lead`` role.

    Why it matters:
        *Entreprises traditionnelles : De l'ombre à la lumière digitale* describes the
        digital lead the transformation needs inside the company: a visionary who listens,
        runs projects and teaches. In a very small company the manager plays that part,
        hence the exemption.

    How to fix:
        Give the ``digital_lead`` role to an employee with the expected competences.
    """
    model = context.model
    if model.organization.size == OrganizationSize.MICRO:
        return
    if not any(is_retained(s) for s in model.strategies):
        return
    if not _holders(context, RoleKind.DIGITAL_LEAD, internal_only=True):
        yield Violation(
            "retained strategies exist but no internal person holds the digital_lead role",
            [],
            ["organization", "people"],
        )


@rule("ROL004", "unsupervised-expert", "warning")
def unsupervised_expert(context: RuleContext) -> Iterator[Violation]:
    """An external person has no internal supervisor.

    What it checks:
        Every ``external`` person whose ``supervisor`` is empty or is external too.

    Why it matters:
        *Entreprises traditionnelles : De l'ombre à la lumière digitale* recommends
        outside experts but insists that an experienced internal profile supervises them;
        *2017 : pour avancer, il faudra encore de l'E-Sens* values the outside eye. Without
        an internal counterpart the expertise leaves with the expert.

    How to fix:
        Set the person's ``supervisor`` to an internal person.
    """
    for i, someone in enumerate(context.model.organization.people):
        if not someone.external:
            continue
        supervisor = person(context, someone.supervisor)
        if supervisor is None or supervisor.external:
            detail = "no supervisor" if supervisor is None else "an external supervisor"
            yield Violation(
                f"external person {someone.id} has {detail}",
                [someone.id],
                ["organization", "people", i],
            )


@rule("ROL005", "skills-gap", "info")
def skills_gap(context: RuleContext) -> Iterator[Violation]:
    """Someone lacks the competences their action or role requires.

    What it checks:
        Every action, not dropped, requiring a competence (``competences``) that its
        ``responsible`` person does not have in their ``skills`` (subject: the action); and
        every holder of a role who lacks more than half of the competences the role
        catalogue expects of that role (subject: the person).

    Why it matters:
        *Entreprises traditionnelles : De l'ombre à la lumière digitale* asks for an
        inventory of the competences present and missing before acting, and for training
        and coaching to close the gaps.

    How to fix:
        Give the action to someone who has the competence, plan a training, or record the
        skills the person actually has.
    """
    people = context.model.organization.people
    skills_of = {p.id: frozenset(p.skills) for p in people}
    for i, action in live_actions(context):
        if action.responsible is None or not action.competences:
            continue
        skills = skills_of[action.responsible]
        lacking = sorted({c for c in action.competences if c not in skills})
        if lacking:
            yield Violation(
                f"action {action.id} requires {', '.join(lacking)}, which its responsible "
                f"{action.responsible} lacks",
                [action.id],
                ["actions", i, "competences"],
            )
    for i, someone in enumerate(people):
        skills = skills_of[someone.id]
        for role in dict.fromkeys(someone.roles):
            expected = set(context.catalogue.competences(role))
            if not expected:
                continue
            lacking = sorted(expected - skills)
            if 2 * len(lacking) > len(expected):
                yield Violation(
                    f"{someone.id} holds the {role} role but lacks {len(lacking)} of its "
                    f"{len(expected)} expected competences ({', '.join(lacking)})",
                    [someone.id],
                    ["organization", "people", i, "skills"],
                )


@rule(
    "ROL006",
    "no-change-support",
    "warning",
    settings={"change_support_kinds": tuple(k.value for k in CHANGE_SUPPORT_KINDS)},
    choices={"change_support_kinds": [k.value for k in TacticKind]},
)
def no_change_support(context: RuleContext) -> Iterator[Violation]:
    """A tactic aimed at employees has no training or change management beside it.

    What it checks:
        Every tactic whose ``audience`` is ``employees`` when its strategy has no tactic of
        a kind in ``change_support_kinds`` (default ``training`` and
        ``change_management``) with at least one action that is not dropped. A tactic with
        no strategy has no such support by definition.

    Why it matters:
        *L'adoption massive du Social Selling, devait décoiffer…* traces resistance to
        change to people who were neither informed nor trained;
        *Entreprises traditionnelles : De l'ombre à la lumière digitale* counts
        evangelisation, training, coaching and time among the internal competences a
        transformation needs.

    How to fix:
        Add a ``training`` or ``change_management`` tactic, with its actions, to the same
        strategy.
    """
    kinds = {str(k) for k in context.settings["change_support_kinds"]}
    index = model_index(context)
    tactics = context.model.tactics
    supported: set[str] = set()
    for tactic in tactics:
        # actions_of_tactic leaves dropped actions out: a dropped training supports nobody.
        if (
            tactic.strategy is not None
            and str(tactic.kind) in kinds
            and index.actions_of_tactic.get(tactic.id)
        ):
            supported.add(tactic.strategy)
    for i, tactic in enumerate(tactics):
        if tactic.audience != Audience.EMPLOYEES or tactic.strategy in supported:
            continue
        if tactic.strategy is None:
            message = (
                f"tactic {tactic.id} addresses employees but implements no strategy, so no "
                "training or change-management tactic supports it"
            )
        else:
            message = (
                f"tactic {tactic.id} addresses employees but its strategy {tactic.strategy} "
                "has no training or change-management tactic with an action"
            )
        yield Violation(message, [tactic.id], ["tactics", i])
