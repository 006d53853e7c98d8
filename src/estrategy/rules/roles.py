"""ROL rules: the roles and competences the strategy presupposes."""

from __future__ import annotations

from collections.abc import Iterator

from estrategy.base.formats import Series
from estrategy.base.messages import Message, ntr, tr
from estrategy.model import (
    CHANGE_SUPPORT_KINDS,
    ActionStatus,
    Audience,
    OrganizationSize,
    Person,
    RoleKind,
)
from estrategy.model.labels import label
from estrategy.model.suggest import NearMisses, near_misses
from estrategy.model.vocabulary import ROLE_SYNONYMS
from estrategy.rules._engine import RuleContext, Violation, rule
from estrategy.rules._index import is_retained, live_actions, model_index, person

__all__ = [
    "no_change_support",
    "no_community_manager",
    "no_data_scientist",
    "no_digital_lead",
    "skills_gap",
    "unknown_competence",
    "unknown_role",
    "unsupervised_expert",
]


def _missing_role(
    role: str, tactics: Series, close: tuple[str, str] | None, *, internal_only: bool
) -> Message:
    """ROL001 and ROL002's message: one whole sentence for each case."""
    shown = {"role": role, "tactics": tactics}
    if close is None:
        if internal_only:
            return tr(
                "no internal person holds the {role} role, which tactics {tactics} presuppose",
                **shown,
            )
        return tr("nobody holds the {role} role, which tactics {tactics} presuppose", **shown)
    person, written = close
    if internal_only:
        return tr(
            "no internal person holds the {role} role, which tactics {tactics} presuppose, "
            "though {person} holds the role '{written}': did you mean {role}?",
            person=person,
            written=written,
            **shown,
        )
    return tr(
        "nobody holds the {role} role, which tactics {tactics} presuppose, though {person} "
        "holds the role '{written}': did you mean {role}?",
        person=person,
        written=written,
        **shown,
    )


def _holders(context: RuleContext, role: str, *, internal_only: bool) -> list[Person]:
    return [
        p
        for p in context.model.organization.people
        if role in p.roles and not (internal_only and p.external)
    ]


_ROLE_SYNONYMS = tuple(sorted(ROLE_SYNONYMS.items()))


def _role_misses(context: RuleContext) -> NearMisses:
    """The catalogue's roles, ready to tell a misspelt role (kept across runs)."""
    return context.memo(
        "roles.near-misses", lambda: near_misses(context.catalogue.known_roles(), _ROLE_SYNONYMS)
    )


def _competence_misses(context: RuleContext) -> NearMisses:
    """The catalogue's competences, ready to tell a misspelt one (kept across runs)."""
    return context.memo(
        "competences.near-misses", lambda: near_misses(context.catalogue.known_competences())
    )


def _misspelt_role(role: str, context: RuleContext) -> str | None:
    """The catalogue role ``role`` misspells, unless it is an accepted custom role."""
    custom = context.memo(
        "roles.custom", lambda: frozenset(str(r) for r in context.settings.get("custom_roles", ()))
    )
    if role in custom:
        return None
    return _role_misses(context).near(role)


def _near_miss_holder(
    context: RuleContext, role: str, *, internal_only: bool
) -> tuple[str, str] | None:
    """``(person, written role)`` for the first person whose role misspells ``role``."""
    for someone in sorted(context.model.organization.people, key=lambda p: p.id):
        if internal_only and someone.external:
            continue
        for written in someone.roles:
            if _misspelt_role(written, context) == role:
                return someone.id, written
    return None


def _missing_presupposed(
    context: RuleContext, role: str, *, internal_only: bool
) -> Iterator[Violation]:
    """The violation when tactics presuppose ``role`` (per the catalogue) and nobody holds it."""
    needing = sorted(
        {
            t.id: i
            for i, t in enumerate(context.model.tactics)
            if role in context.catalogue.presupposes(t.kind)
        }.items()
    )
    if not needing or _holders(context, role, internal_only=internal_only):
        return
    tactics = Series([tactic_id for tactic_id, _ in needing], limit=5)
    first = min(i for _, i in needing)
    close = _near_miss_holder(context, role, internal_only=internal_only)
    message = _missing_role(role, tactics, close, internal_only=internal_only)
    yield Violation(message, [], ["tactics", first])


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
        drop the tactics that need it. When an employee holds a role spelt close to it
        (``community-manager``, ``Community Managers``), the message names them: correct
        the spelling (ROL007 reports it too).
    """
    yield from _missing_presupposed(context, RoleKind.COMMUNITY_MANAGER, internal_only=True)


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
        expert), or drop the tactics that need it. When someone holds a role spelt close to
        it, the message names them: correct the spelling (ROL007 reports it too).
    """
    yield from _missing_presupposed(context, RoleKind.DATA_SCIENTIST, internal_only=False)


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
        Give the ``digital_lead`` role to an employee with the expected competences. When
        an employee holds a role spelt close to it (``digital-lead``, ``responsable
        digital``), the message names them: correct the spelling (ROL007 reports it too).
    """
    model = context.model
    if model.organization.size == OrganizationSize.MICRO:
        return
    if not any(is_retained(s) for s in model.strategies):
        return
    if _holders(context, RoleKind.DIGITAL_LEAD, internal_only=True):
        return
    close = _near_miss_holder(context, RoleKind.DIGITAL_LEAD, internal_only=True)
    if close is not None:
        message = tr(
            "retained strategies exist but no internal person holds the {role} role, though "
            "{person} holds the role '{written}': did you mean {role}?",
            role=str(RoleKind.DIGITAL_LEAD),
            person=close[0],
            written=close[1],
        )
    else:
        message = tr("retained strategies exist but no internal person holds the digital_lead role")
    yield Violation(message, [], ["organization", "people"])


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
            if supervisor is None:
                message = tr("external person {person} has no supervisor", person=someone.id)
            else:
                message = tr(
                    "external person {person} has an external supervisor ({supervisor})",
                    person=someone.id,
                    supervisor=supervisor.id,
                )
            yield Violation(
                message,
                [someone.id],
                ["organization", "people", i],
            )


@rule("ROL005", "skills-gap", "info")
def skills_gap(context: RuleContext) -> Iterator[Violation]:
    """Someone lacks the competences their action or role requires.

    What it checks:
        Every action that is neither done nor dropped, requiring a competence
        (``competences``) that its ``responsible`` person does not have in their
        ``skills`` (subject: the action); and every holder of a role who lacks more than
        half of the competences the role catalogue expects of that role (subject: the
        person). A done action needs no more competence: whoever did it managed.

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
        if action.status == ActionStatus.DONE:
            continue
        skills = skills_of[action.responsible]
        lacking = sorted({c for c in action.competences if c not in skills})
        if lacking:
            yield Violation(
                tr(
                    "action {action} requires {competences}, which its responsible {person} lacks",
                    action=action.id,
                    competences=lacking,
                    person=action.responsible,
                ),
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
                    ntr(
                        "{person} holds the {role} role but lacks {lacking} of its {n} "
                        "expected competence ({competences})",
                        "{person} holds the {role} role but lacks {lacking} of its {n} "
                        "expected competences ({competences})",
                        len(expected),
                        person=someone.id,
                        role=label(role),
                        lacking=len(lacking),
                        competences=lacking,
                    ),
                    [someone.id],
                    ["organization", "people", i, "skills"],
                )


@rule(
    "ROL006",
    "no-change-support",
    "warning",
    settings={"change_support_kinds": CHANGE_SUPPORT_KINDS},
)
def no_change_support(context: RuleContext) -> Iterator[Violation]:
    """A tactic aimed at employees has no training or change management beside it.

    What it checks:
        Every tactic whose ``audience`` is ``employees`` when its strategy has no tactic of
        a kind in ``change_support_kinds`` (default ``training`` and
        ``change_management``) with at least one action that is not dropped. A tactic with
        no strategy has no such support by definition. A tactic of a kind in
        ``change_support_kinds`` is the support itself and is never reported (a training
        with no action is ACT001's concern).

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
        if str(tactic.kind) in kinds:  # the support itself
            continue
        if tactic.strategy is None:
            message = tr(
                "tactic {tactic} addresses employees but implements no strategy, so no "
                "training or change-management tactic supports it",
                tactic=tactic.id,
            )
        else:
            message = tr(
                "tactic {tactic} addresses employees but its strategy {strategy} has no "
                "training or change-management tactic with an action",
                tactic=tactic.id,
                strategy=tactic.strategy,
            )
        yield Violation(message, [tactic.id], ["tactics", i])


@rule("ROL007", "unknown-role", "warning", settings={"custom_roles": ()})
def unknown_role(context: RuleContext) -> Iterator[Violation]:
    """Someone holds a role spelt close to a catalogue role, but not as the catalogue spells it.

    What it checks:
        Every role a person holds that is neither a role of the catalogue (or of the
        library: ``community_manager``, ``sales``, ``executive``…) nor listed in the
        ``custom_roles`` setting, but is close to one: the same once case, accents,
        hyphens, spaces and a plural are set aside (``community-manager``,
        ``Data Scientists``), one or two letters off (``comunity_manager``), or the
        French name of the role (``responsable digital``). A role far from every catalogue
        role is a custom role and is fine.

    Why it matters:
        *Stratégie digitale interne et externe* names the new roles the strategy needs
        (community manager, data scientist), and *Entreprises traditionnelles : De l'ombre
        à la lumière digitale* the digital lead who carries it. The rules that look for
        them (ROL001, ROL002, ROL003, ROL005) compare spellings: a misspelt role hides that
        the role is held, and the model then reports a missing role that is in fact there.

    How to fix:
        Write the role as the catalogue does (the message says which); or, when the role
        is a different one on purpose, list it in ``custom_roles``.
    """
    for i, someone in enumerate(context.model.organization.people):
        for j, written in enumerate(someone.roles):
            meant = _misspelt_role(written, context)
            if meant is not None:
                yield Violation(
                    tr(
                        "{person} holds the role '{written}', which is not in the catalogue: "
                        "did you mean {role}?",
                        person=someone.id,
                        written=written,
                        role=meant,
                    ),
                    [someone.id],
                    ["organization", "people", i, "roles", j],
                )


@rule("ROL008", "unknown-competence", "warning", settings={"custom_competences": ()})
def unknown_competence(context: RuleContext) -> Iterator[Violation]:
    """A skill or a required competence is spelt close to a catalogue competence, but not as it.

    What it checks:
        Every competence in a person's ``skills`` and in the ``competences`` of an action
        that is not dropped which is not a competence of the catalogue (those its roles
        expect, and its list of others: ``social_selling``, ``crm_administration``…) nor
        listed in the ``custom_competences`` setting, but is close to one: the same once
        case, accents, hyphens, spaces and a plural are set aside (``editorial-content``),
        or one or two letters off (``editoral_content``). A competence far from every
        catalogue competence is a custom one and is fine.

    Why it matters:
        *Entreprises traditionnelles : De l'ombre à la lumière digitale* asks for an
        inventory of the competences present and missing. The inventory compares
        spellings: a skill recorded as ``editorial-content`` does not meet an action that
        requires ``editorial_content``, and the model reports a skills gap that is not one.

    How to fix:
        Write the competence as the catalogue does (the message says which); or, when it is
        a different competence on purpose, list it in ``custom_competences``.
    """
    custom = {str(c) for c in context.settings["custom_competences"]}
    misses = _competence_misses(context)

    people = context.model.organization.people
    places = [
        (True, p.id, p.skills, ("organization", "people", i, "skills"))
        for i, p in enumerate(people)
    ] + [
        (False, a.id, a.competences, ("actions", i, "competences"))
        for i, a in live_actions(context)
    ]
    for is_person, subject, words, path in places:
        for j, written in enumerate(words):
            close = None if written in custom else misses.near(written)
            if close is None:
                continue
            if is_person:
                message = tr(
                    "{person} has the skill '{written}', which is not a competence of the "
                    "catalogue: did you mean {competence}?",
                    person=subject,
                    written=written,
                    competence=close,
                )
            else:
                message = tr(
                    "action {action} requires '{written}', which is not a competence of the "
                    "catalogue: did you mean {competence}?",
                    action=subject,
                    written=written,
                    competence=close,
                )
            yield Violation(message, [subject], [*path, j])
