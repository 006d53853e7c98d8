"""What an objective lacks to be SMART and what an action lacks to be complete (one rule).

The coherence rules (STR004, ACT002) and the maturity assessment read these definitions
from here, so that ``check`` and ``assess`` never disagree about the same objective or
action.

Example:
    >>> from estrategy.model import Action, Objective
    >>> smart_gaps(Objective(id="o-1", statement="Grow", metric="   "))
    ('M (no metric and no target)', 'R (no stake)', 'T (no deadline)')
    >>> missing_action_fields(Action(id="a-1", tactic="t-1", budget=0))
    ('competences', 'responsible', 'tools', 'deadline')
"""

from __future__ import annotations

from estrategy.model.enums import ActionStatus
from estrategy.model.plan import Action, Objective

__all__ = [
    "ACTION_FIELDS",
    "SMART_PARTS",
    "is_live",
    "missing_action_fields",
    "missing_smart_parts",
    "smart_gaps",
]

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


_REASONS = {"S": "no statement", "A": "target equals baseline", "R": "no stake", "T": "no deadline"}


def _reason(letter: str, parts: list[str]) -> str:
    # M is the one letter two parts serve: name whichever are missing.
    return "no " + " and no ".join(parts) if letter == "M" else _REASONS[letter]


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
    missing = missing_smart_parts(objective)
    letters: dict[str, list[str]] = {}
    for part, letter in SMART_PARTS:
        if part in missing:
            letters.setdefault(letter, []).append(part)
    return tuple(f"{letter} ({_reason(letter, parts)})" for letter, parts in letters.items())


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
