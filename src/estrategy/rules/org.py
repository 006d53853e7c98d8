"""ORG rules: transversality of the organisation and the upward flow of field knowledge.

The rules read the analyses of :mod:`estrategy.org`, computed once per run on the compact
arrays of the model's organisation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from estrategy.base.formats import Series
from estrategy.base.messages import Message, ntr, tr
from estrategy.model import GroupKind, ToolKind
from estrategy.model.labels import label
from estrategy.org.reach import UPWARD_HOPS
from estrategy.rules._engine import RuleContext, Violation, rule

if TYPE_CHECKING:
    from estrategy.model.tables import OrgTables
    from estrategy.org.hierarchy import HierarchicalLines

__all__ = [
    "isolated_person",
    "no_upward_path",
    "project_without_charter",
    "pseudo_transversal_group",
    "silo",
    "single_point_of_failure",
]

_FIELD_ROLES = ("community_manager", "data_scientist", "sales")
"""The field roles, named first in ORG004's message."""


def _both(roles: list[str]) -> Message:
    return tr(
        "{roles} and {last}",
        roles=Series([label(r) for r in roles[:-1]]),
        last=label(roles[-1]),
    )


def _tables(context: RuleContext) -> OrgTables:
    from estrategy.model.tables import as_tables

    # Built once per organisation and shared with assess() and the org analyses.
    return as_tables(context.model.organization)


def _lines(context: RuleContext) -> HierarchicalLines:
    from estrategy.org.hierarchy import hierarchical_lines

    tables = _tables(context)
    return context.memo("org.lines", lambda: hierarchical_lines(tables))


@rule("ORG001", "silo", "warning")
def silo(context: RuleContext) -> Iterator[Violation]:
    """A hierarchical line has no transversal group or tie with any other line.

    What it checks:
        With two hierarchical lines or more (the subtrees of the units directly below a
        root unit), every line none of whose people shares a group with, or has a tie to,
        a person of another line. The subject is the unit heading the line.

    Why it matters:
        *Stratégie digitale interne et externe* makes transversality the heart of the
        internal strategy: collective intelligence and agility come from people working
        across departments, through support functions, product, market or region
        directions, project groups and communities of practice. A line that talks to no
        other keeps its knowledge, and its customers' signals, to itself.

    How to fix:
        Bring people of the line into a project group or a community of practice with
        other lines, or record the ties that already exist.
    """
    from estrategy.org.transversal import silos

    tables = _tables(context)
    lines = _lines(context)
    found = silos(tables, lines=lines)
    codes = dict(zip(lines.heads, lines.head_codes.tolist(), strict=True))
    for head in found.lines:
        yield Violation(
            tr("line {line} has no transversal group or tie with any other line", line=head),
            [head],
            ["organization", "units", codes[head]],
        )


@rule("ORG002", "pseudo-transversal-group", "warning")
def pseudo_transversal_group(context: RuleContext) -> Iterator[Violation]:
    """A transversal group's members all belong to one hierarchical line.

    What it checks:
        With two hierarchical lines or more, every group whose members who belong to a
        line (people of a root unit or without a unit are not counted) all belong to the
        same line. A group with no member in any line is not reported.

    Why it matters:
        In *Stratégie digitale interne et externe* a transversal structure exists to cross
        the hierarchy. A "transversal" group drawn from one line adds a meeting, not a
        bridge: the organisation believes it is transversal while its lines stay apart.

    How to fix:
        Invite members from the other lines the group's subject concerns, or record the
        group as the line's own team rather than a transversal group.
    """
    from estrategy.org.transversal import group_transversality

    spans = group_transversality(_tables(context), lines=_lines(context))
    for i, span in enumerate(spans.groups):
        if spans.n_lines >= 2 and len(span.lines) == 1:
            yield Violation(
                tr(
                    "group {group}: every member in a line belongs to line {line}",
                    group=span.group,
                    line=span.lines[0],
                ),
                [span.group],
                ["organization", "groups", i],
            )


@rule("ORG003", "project-without-charter", "warning")
def project_without_charter(context: RuleContext) -> Iterator[Violation]:
    """A project group has no objective or no deadline.

    What it checks:
        Every group of kind ``project`` whose ``objective`` or ``deadline`` is empty.

    Why it matters:
        *Stratégie digitale interne et externe* describes project groups as gathered for a
        precise objective and a deadline: that is what lets them cut across the
        hierarchy for a while and then dissolve. Without them a project group drifts
        into a permanent committee nobody can judge.

    How to fix:
        Give the group its objective (text, or the id of a model objective) and its
        deadline, or change its kind (a community of practice has neither).
    """
    for i, group in enumerate(context.model.organization.groups):
        if group.kind != GroupKind.PROJECT:
            continue
        no_objective = group.objective in (None, "")
        no_deadline = group.deadline in (None, "")
        if no_objective and no_deadline:
            message = tr("project group {group} has no objective and no deadline", group=group.id)
        elif no_objective:
            message = tr("project group {group} has no objective", group=group.id)
        else:
            message = tr("project group {group} has no deadline", group=group.id)
        if no_objective or no_deadline:
            yield Violation(
                message,
                [group.id],
                ["organization", "groups", i],
            )


@rule(
    "ORG004",
    "no-upward-path",
    "warning",
    settings={"upward_hops": UPWARD_HOPS},
    minimums={"upward_hops": 0},
)
def no_upward_path(context: RuleContext) -> Iterator[Violation]:
    """A field role is too many steps from a decision maker, or cannot reach one.

    What it checks:
        Every internal holder of the ``community_manager``, ``data_scientist`` or
        ``sales`` role more than ``upward_hops`` steps from the nearest decision maker,
        or with no path to one. A step is a manager link, a supervision link, a tie or a
        shared group (a group is one step however large), in either direction.

    Why it matters:
        *Stratégie digitale interne et externe* insists that what community managers,
        data scientists and salespeople learn in the field must flow up into the
        company. Each intermediary filters and delays it; beyond a few steps, customer
        signals no longer reach anyone who can decide.

    How to fix:
        Shorten the path: a tie or a shared group with a decision maker (a digital
        committee, a community of practice), or mark the person who actually decides on
        the field's information as ``decision_maker``, or raise ``upward_hops``.
    """
    from estrategy.org.reach import upward_reach

    hops = int(context.settings.get("upward_hops", UPWARD_HOPS))
    tables = _tables(context)
    reach = context.memo("org.upward_reach", lambda: upward_reach(tables))
    index = {pid: i for i, pid in enumerate(tables.person_ids)}
    for holder in reach.beyond(hops):
        # Each role named once, in a fixed order, whatever the person's list says.
        roles = sorted(set(holder.roles), key=lambda r: (r not in _FIELD_ROLES, r))
        role = label(roles[0]) if len(roles) == 1 else _both(roles)
        if holder.steps is None:
            message = tr(
                "{role} {person} has no path to any decision maker",
                role=role,
                person=holder.person,
            )
        else:
            message = ntr(
                "{role} {person} is {n} step from the nearest decision maker (more than {hops})",
                "{role} {person} is {n} steps from the nearest decision maker (more than {hops})",
                holder.steps,
                role=role,
                person=holder.person,
                hops=hops,
            )
        yield Violation(message, [holder.person], ["organization", "people", index[holder.person]])


@rule("ORG005", "isolated-person", "info")
def isolated_person(context: RuleContext) -> Iterator[Violation]:
    """With an ESN deployed, a person has no tie and belongs to no group.

    What it checks:
        When the model has a tool of kind ``esn``, every person with no tie to anyone
        else and in no group. Manager links do not count: they are the hierarchy the
        ESN is meant to go beyond.

    Why it matters:
        *Stratégie digitale interne et externe* makes the enterprise social network the
        main tool of the internal strategy. A person the network does not reach is left
        out of the collective intelligence it is deployed for.

    How to fix:
        Bring the person into a community or project group, or record their ties.
    """
    from estrategy.org.transversal import isolates

    if not any(tool.kind == ToolKind.ESN for tool in context.model.tools):
        return
    tables = _tables(context)
    alone = isolates(tables)
    index = {pid: i for i, pid in enumerate(tables.person_ids)}
    for person in alone.people:
        yield Violation(
            tr(
                "person {person} has no tie and belongs to no group, though an ESN is deployed",
                person=person,
            ),
            [person],
            ["organization", "people", index[person]],
        )


@rule(
    "ORG006",
    "single-point-of-failure",
    "warning",
    settings={"spof_join_share": 0.5, "spof_field_roles": 2},
    minimums={"spof_join_share": 0.0, "spof_field_roles": 1},
)
def single_point_of_failure(context: RuleContext) -> Iterator[Violation]:
    """One internal person alone joins most pairs of lines, or carries field roles' upward paths.

    What it checks:
        With two hierarchical lines or more, every internal person who alone joins more
        than ``spof_join_share`` of the joined pairs of lines: every tie between the two
        lines is one of theirs, and every group joining them has them as its only member
        in one of the two (the only person of a line is not counted: without them the
        line is empty, not cut off). And every internal person, not a decision maker,
        through whom every upward path of at least ``spof_field_roles`` internal
        field-role holders goes: without them, those holders reach no decision maker.

    Why it matters:
        *Stratégie digitale interne et externe* wants field knowledge to flow up and the
        lines to work across the hierarchy. When those bridges and that flow hang on one
        person, a departure, an illness or a new job cuts them, and the organisation
        learns it only when the customer signals stop arriving. One holder's single
        route is a manager chain, which ORG004 measures; a person on whom several field
        roles depend is the bottleneck.

    How to fix:
        Give the lines a second bridge (another tie, a project group or a community of
        practice with two members or more from each line), and give the field roles a
        path of their own to a decision maker (a digital committee, an ESN community).
    """
    from estrategy.org.risk import key_person_risk

    tables = _tables(context)
    lines = _lines(context)
    share_limit = float(context.settings.get("spof_join_share", 0.5))
    least_roles = int(context.settings.get("spof_field_roles", 2))
    risk = context.memo("org.key_person_risk", lambda: key_person_risk(tables, top=0, lines=lines))
    for i, person in enumerate(tables.person_ids):
        if tables.person_external[i]:
            continue
        alone = int(risk.line_pair_counts[i])
        joins = len(lines) >= 2 and alone > 0 and alone / risk.joined_pairs > share_limit
        held = int(risk.field_role_counts[i])
        carries = not tables.person_decision_maker[i] and held >= least_roles
        holders = risk.field_roles_cut_by(i) if carries else []
        if joins and carries:
            message = ntr(
                "person {person} alone joins {alone} of the {n} joined pair of lines and is on "
                "every upward path of {held} field roles ({holders})",
                "person {person} alone joins {alone} of the {n} joined pairs of lines and is "
                "on every upward path of {held} field roles ({holders})",
                risk.joined_pairs,
                person=person,
                alone=alone,
                held=held,
                holders=Series(holders, limit=10),
            )
        elif joins:
            message = ntr(
                "person {person} alone joins {alone} of the {n} joined pair of lines",
                "person {person} alone joins {alone} of the {n} joined pairs of lines",
                risk.joined_pairs,
                person=person,
                alone=alone,
            )
        elif carries:
            message = ntr(
                "person {person} is on every upward path of {n} field role ({holders})",
                "person {person} is on every upward path of {n} field roles ({holders})",
                held,
                person=person,
                holders=Series(holders, limit=10),
            )
        else:
            continue
        yield Violation(message, [person, *holders], ["organization", "people", i])
