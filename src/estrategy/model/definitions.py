"""The domain notions that rules, maturity criteria and ``estrategy.testing`` share.

Each notion is defined once, here: what makes an objective SMART, an action complete, live
or overdue, which tactic kinds pull rather than push, which audiences are external, which
tactic kinds support change and which tool kinds form the back office. The coherence
rules and the maturity assessment read these definitions, and the rules' settings take
their defaults from them, so that ``check`` and ``assess`` never disagree about the same
objective, action or tactic (docs/architecture.md, "Shared definitions").

Example:
    >>> from estrategy.model import Action, Objective
    >>> smart_gaps(Objective(id="o-1", statement="Grow", metric="   "))
    ('M (no metric and no target)', 'R (no stake)', 'T (no deadline)')
    >>> missing_action_fields(Action(id="a-1", tactic="t-1", budget=0))
    ('competences', 'responsible', 'tools', 'deadline')
    >>> [str(kind) for kind in PULL_TACTIC_KINDS]
    ['content_marketing', 'social_media_marketing', 'social_selling']
"""

from __future__ import annotations

import datetime as dt

from estrategy.base.messages import Message, tr
from estrategy.model.enums import ActionStatus, Audience, TacticKind, ToolKind
from estrategy.model.plan import Action, Objective

__all__ = [
    "ACTION_FIELDS",
    "BACK_OFFICE_TOOL_KINDS",
    "CHANGE_SUPPORT_KINDS",
    "CUSTOMER_FACING_AUDIENCES",
    "EXTERNAL_AUDIENCES",
    "PULL_TACTIC_KINDS",
    "SMART_PARTS",
    "is_live",
    "is_overdue",
    "missing_action_fields",
    "missing_smart_parts",
    "smart_gap_messages",
    "smart_gaps",
]

PULL_TACTIC_KINDS: tuple[TacticKind, ...] = (
    TacticKind.CONTENT_MARKETING,
    TacticKind.SOCIAL_MEDIA_MARKETING,
    TacticKind.SOCIAL_SELLING,
)
"""Tactic kinds that *pull*: they earn attention instead of pushing messages.

CHN002's ``pull_tactic_kinds`` setting defaults to these, and the ``pull-tactics``
criterion reads that setting.

Example:
    >>> TacticKind.ONLINE_ADVERTISING in PULL_TACTIC_KINDS
    False
"""

EXTERNAL_AUDIENCES: tuple[Audience, ...] = (
    Audience.CUSTOMERS,
    Audience.PROSPECTS,
    Audience.PARTNERS,
    Audience.SUPPLIERS,
)
"""The audiences outside the company: every audience but ``employees``.

Example:
    >>> sorted(set(Audience) - set(EXTERNAL_AUDIENCES))
    [<Audience.EMPLOYEES: 'employees'>]
"""

CUSTOMER_FACING_AUDIENCES: tuple[Audience, ...] = (Audience.CUSTOMERS, Audience.PROSPECTS)
"""The external audiences a CRM must follow: customers and prospects (TEC002).

Example:
    >>> set(CUSTOMER_FACING_AUDIENCES) <= set(EXTERNAL_AUDIENCES)
    True
"""

CHANGE_SUPPORT_KINDS: tuple[TacticKind, ...] = (TacticKind.TRAINING, TacticKind.CHANGE_MANAGEMENT)
"""Tactic kinds that support change beside tactics aimed at employees.

ROL006's ``change_support_kinds`` setting defaults to these, and the ``change-support``
criterion reads that setting.

Example:
    >>> [str(kind) for kind in CHANGE_SUPPORT_KINDS]
    ['training', 'change_management']
"""

BACK_OFFICE_TOOL_KINDS: tuple[ToolKind, ...] = (ToolKind.CRM, ToolKind.ERP, ToolKind.ANALYTICS)
"""Tool kinds that serve the front tools from the back office.

TEC003's ``back_tool_kinds`` setting defaults to these, and the ``back-serves-front``
criterion reads that setting.

Example:
    >>> [str(kind) for kind in BACK_OFFICE_TOOL_KINDS]
    ['crm', 'erp', 'analytics']
"""

ACTION_FIELDS: tuple[str, ...] = ("competences", "responsible", "tools", "budget", "deadline")
"""The fields that make an action complete (step five of the method), in report order."""

SMART_PARTS: tuple[tuple[str, str], ...] = (
    ("statement", "S"),
    ("metric", "M"),
    ("target", "M"),
    ("change", "A"),
    ("stake", "R"),
    ("deadline", "T"),
)
"""Each part an objective needs to be SMART, with the letter it serves, in SMART order.

``change`` is a target that differs from the baseline: without it there is nothing to
achieve.
"""


def _blank(value: object) -> bool:
    # None from Python callers, or text of spaces only: nothing was said.
    return value is None or (isinstance(value, str) and not value.strip())


def missing_smart_parts(objective: Objective) -> tuple[str, ...]:
    """The parts of :data:`SMART_PARTS` that ``objective`` lacks, in SMART order.

    A statement or metric of spaces only is missing; ``change`` is missing when the
    target equals the baseline (both given).

    Example:
        >>> from estrategy.model import Objective
        >>> missing_smart_parts(Objective(id="o-1", statement="Grow", target=5, baseline=5))
        ('metric', 'change', 'stake', 'deadline')
        >>> missing_smart_parts(Objective(id="o-2", statement=None))  # None from Python callers
        ('statement', 'metric', 'target', 'stake', 'deadline')
    """
    present = {
        "statement": not _blank(objective.statement),
        "metric": not _blank(objective.metric),
        "target": not _blank(objective.target),
        "change": objective.target is None
        or objective.baseline is None
        or objective.target != objective.baseline,
        "stake": objective.stake is not None,
        "deadline": objective.deadline is not None,
    }
    return tuple(part for part, _ in SMART_PARTS if not present[part])


def _gap(letter: str, parts: list[str]) -> Message:
    # One whole msgid per gap, so that each reads naturally once translated.
    if letter == "S":
        return tr("S (no statement)")
    if letter == "M":
        # M is the one letter two parts serve: name whichever are missing.
        if parts == ["metric", "target"]:
            return tr("M (no metric and no target)")
        return tr("M (no metric)") if parts == ["metric"] else tr("M (no target)")
    if letter == "A":
        return tr("A (target equals baseline)")
    if letter == "R":
        return tr("R (no stake)")
    return tr("T (no deadline)")


def smart_gap_messages(objective: Objective) -> tuple[Message, ...]:
    """:func:`smart_gaps` as messages, to render in the reader's language.

    Example:
        >>> from estrategy.model import Objective
        >>> [m.render("fr") for m in smart_gap_messages(Objective(id="o", statement=" "))][:2]
        ['S (pas d’énoncé)', 'M (ni métrique ni cible)']
    """
    missing = missing_smart_parts(objective)
    letters: dict[str, list[str]] = {}
    for part, letter in SMART_PARTS:
        if part in missing:
            letters.setdefault(letter, []).append(part)
    return tuple(_gap(letter, parts) for letter, parts in letters.items())


def smart_gaps(objective: Objective) -> tuple[str, ...]:
    """The SMART letters ``objective`` fails, each with its reason; empty when SMART.

    One entry per failing letter, in the order S, M, A, R, T, written ``"M (no metric and
    no target)"``: the text STR004 reports.

    Example:
        >>> import datetime as dt
        >>> from estrategy.model import Objective
        >>> smart_gaps(Objective(id="o-1", statement=" ", stake="sales", target=5,
        ...                      baseline=5, metric="leads", deadline=dt.date(2027, 1, 1)))
        ('S (no statement)', 'A (target equals baseline)')
        >>> smart_gaps(Objective(id="o-2", statement="Grow", stake="sales", target=5,
        ...                      metric="leads", deadline=dt.date(2027, 1, 1)))
        ()
    """
    return tuple(str(gap) for gap in smart_gap_messages(objective))


def missing_action_fields(action: Action) -> tuple[str, ...]:
    """The fields of :data:`ACTION_FIELDS` that ``action`` lacks (``0`` is a budget).

    Whether the action is dropped is not looked at: callers decide which actions count.

    Example:
        >>> import datetime as dt
        >>> from estrategy.model import Action
        >>> missing_action_fields(Action(id="a-1", tactic="t-1", competences=("video",),
        ...     responsible="p-1", tools=("crm",), budget=0, deadline=dt.date(2027, 1, 1)))
        ()
    """
    present = {
        "competences": bool(action.competences),
        "responsible": action.responsible is not None,
        "tools": bool(action.tools),
        "budget": action.budget is not None,
        "deadline": action.deadline is not None,
    }
    return tuple(name for name in ACTION_FIELDS if not present[name])


def is_live(action: Action) -> bool:
    """Whether an action still implements its tactic: it is not dropped.

    Rules and the maturity assessment treat a dropped action as gone (see
    ``docs/rules.md``, decisions).

    Example:
        >>> is_live(Action(id="a", tactic="t", status="dropped"))
        False
    """
    return action.status != ActionStatus.DROPPED


def is_overdue(action: Action, as_of: dt.date) -> bool:
    """Whether an action's deadline is before ``as_of`` and it is neither done nor dropped.

    ACT003 reports these actions, and the ``on-schedule`` criterion counts them.

    Example:
        >>> import datetime as dt
        >>> late = Action(id="a", tactic="t", deadline=dt.date(2026, 1, 1))
        >>> is_overdue(late, dt.date(2026, 6, 1)), is_overdue(late, dt.date(2025, 6, 1))
        (True, False)
        >>> is_overdue(Action(id="b", tactic="t", deadline=dt.date(2026, 1, 1), status="done"),
        ...            dt.date(2026, 6, 1))
        False
    """
    return (
        action.deadline is not None
        and action.deadline < as_of
        and action.status not in (ActionStatus.DONE, ActionStatus.DROPPED)
    )
