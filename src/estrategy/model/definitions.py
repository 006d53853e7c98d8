"""The domain notions that rules, maturity criteria and ``estrategy.testing`` share.

Each notion is defined once, here: what makes an objective SMART, an action complete, live
or overdue, which tactic kinds pull rather than push, which audiences are external, which
tactic kinds support change and which tool kinds form the back office; where a KPI stands
against its planned line, the rhythm of the reviews, and how concentrated the budget is.
The coherence rules and the maturity assessment read these definitions, and the rules'
settings take their defaults from them, so that ``check`` and ``assess`` never disagree
about the same objective, action or tactic (docs/architecture.md, "Shared definitions").

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
import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from estrategy.base.messages import Message, tr
from estrategy.model.enums import ActionStatus, Audience, Direction, TacticKind, ToolKind
from estrategy.model.plan import KPI, Action, Measurement, Objective

__all__ = [
    "ACTION_FIELDS",
    "BACK_OFFICE_TOOL_KINDS",
    "CHANGE_SUPPORT_KINDS",
    "CUSTOMER_FACING_AUDIENCES",
    "EXTERNAL_AUDIENCES",
    "PULL_TACTIC_KINDS",
    "SMART_PARTS",
    "KpiTrack",
    "ReviewRhythm",
    "funded_tactics",
    "is_live",
    "is_overdue",
    "kpi_track",
    "missing_action_fields",
    "missing_smart_parts",
    "normalised_herfindahl",
    "planned_value",
    "review_rhythm",
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


def planned_value(
    start: dt.date, start_value: float, deadline: dt.date, target: float, when: dt.date
) -> float:
    """The value the straight planned line expects on ``when``.

    The line runs from ``(start, start_value)`` to ``(deadline, target)``; before the
    start it is the start value, after the deadline the target.

    Example:
        >>> planned_value(dt.date(2026, 1, 1), 0.0, dt.date(2026, 1, 11), 10.0,
        ...               dt.date(2026, 1, 6))
        5.0
    """
    span = (deadline - start).days
    if span <= 0:
        return target if when >= deadline else start_value
    fraction = min(max((when - start).days / span, 0.0), 1.0)
    if fraction in (0.0, 1.0):
        return start_value if fraction == 0.0 else target
    change = target - start_value
    if math.isfinite(change):
        return start_value + change * fraction
    # values near the float limit: the change overflows, the weighted mean does not
    return start_value * (1.0 - fraction) + target * fraction


@attrs.frozen
class KpiTrack:
    """Where a KPI stands against its planned line (MES005, and the results criteria).

    The planned line runs from the KPI's first measurement to its target at its
    objective's deadline; the latest measurement is compared with the line on its date.
    The first and latest measurements are taken by date, then value, so that two values
    of one day give the same reading whatever their order.

    Attributes:
        kpi: the KPI's id.
        first: the first measurement.
        latest: the latest measurement.
        target: the KPI's target.
        deadline: its objective's deadline.
        sign: ``1`` when the line goes up (the target is above the first value), ``-1``
            when it goes down; for a flat line (target equal to the first value), the
            KPI's ``direction`` says which way is worse.
        expected: the line's value on the latest measurement's date.
        lag: how far the latest value is behind the line, in the KPI's unit (negative:
            ahead).
    """

    kpi: str
    first: Measurement
    latest: Measurement
    target: float
    deadline: dt.date
    sign: int
    expected: float
    lag: float

    @property
    def planned_change(self) -> float:
        """The whole planned change, ``|target - first value|`` (0 for a flat line)."""
        return abs(self.target - self.first.value)

    def off_track(self, tolerance: float) -> bool:
        """Whether the KPI is behind its line by more than ``tolerance`` of the planned change.

        With a flat line (no planned change) any lag at all is off track.
        """
        return self.lag > 0 and self.lag > tolerance * self.planned_change

    @property
    def reached(self) -> bool:
        """Whether the latest value is at the target or beyond it, the way the line goes."""
        return self.sign * (self.latest.value - self.target) >= 0


def _line_sign(kpi: KPI, first: float, target: float) -> int:
    if target != first:
        return 1 if target > first else -1
    return 1 if kpi.direction == Direction.INCREASE else -1


def kpi_track(
    kpi: KPI, objective: Objective | None, *, until: dt.date | None = None
) -> KpiTrack | None:
    """Read ``kpi`` against its planned line, or ``None`` when the line is not defined.

    The line needs a KPI target, at least one measurement and an objective with a deadline.

    Args:
        kpi: the KPI.
        objective: the objective it measures (``None``: no line).
        until: read only the measurements on or before this date (the objective's
            deadline, to tell whether the target was reached in time).

    Example:
        >>> from estrategy.model import KPI, Measurement, Objective
        >>> goal = Objective(id="o", deadline=dt.date(2027, 1, 1))
        >>> kpi = KPI(id="k", objective="o", target=100, measurements=[
        ...     Measurement(dt.date(2026, 1, 1), 0), Measurement(dt.date(2026, 7, 2), 20)])
        >>> track = kpi_track(kpi, goal)
        >>> round(track.expected), round(track.lag), track.off_track(0.2)
        (50, 30, True)
    """
    if kpi.target is None or objective is None or objective.deadline is None:
        return None
    points = [m for m in kpi.measurements if until is None or m.date <= until]
    if not points:
        return None
    ordered = sorted(points, key=lambda m: (m.date, m.value))
    first, latest = ordered[0], ordered[-1]
    expected = planned_value(first.date, first.value, objective.deadline, kpi.target, latest.date)
    sign = _line_sign(kpi, first.value, kpi.target)
    return KpiTrack(
        kpi=kpi.id,
        first=first,
        latest=latest,
        target=kpi.target,
        deadline=objective.deadline,
        sign=sign,
        expected=expected,
        lag=sign * (expected - latest.value),
    )


@attrs.frozen
class ReviewRhythm:
    """The rhythm of the reviews held up to an as-of date (MES003, ``regular-reviews``).

    Only the recent rhythm is judged: the time since the last review, and the gaps between
    reviews within the window before the as-of date. A gap that began before the window
    counts from the window's start, so an old gap stops counting as the window moves on,
    and a review added inside a gap shortens it.

    Attributes:
        dates: the distinct dates of the reviews held on or before the as-of date, sorted.
        age: days from the last review to the as-of date (``None`` without a review).
        gaps: ``(from, to, days)`` for each pair of consecutive reviews whose later one
            falls within the window; ``from`` is the earlier review, or the window's start
            when that review is older.
    """

    dates: tuple[dt.date, ...]
    age: int | None
    gaps: tuple[tuple[dt.date, dt.date, int], ...]

    def long_gaps(self, interval: float) -> tuple[tuple[dt.date, dt.date, int], ...]:
        """The gaps longer than ``interval`` days, longest first (then oldest)."""
        return tuple(sorted((g for g in self.gaps if g[2] > interval), key=lambda g: (-g[2], g[0])))


def review_rhythm(dates: Iterable[dt.date], as_of: dt.date, window_days: float) -> ReviewRhythm:
    """The rhythm of reviews held on ``dates``, as of a date, over a window of days.

    Reviews dated after ``as_of`` are planned ones and are left out.

    Example:
        >>> day = dt.date
        >>> rhythm = review_rhythm([day(2024, 1, 1), day(2026, 9, 1), day(2026, 11, 1)],
        ...                        day(2026, 11, 15), 365)
        >>> rhythm.age, [(str(a), str(b), n) for a, b, n in rhythm.gaps]
        (14, [('2025-11-15', '2026-09-01', 290), ('2026-09-01', '2026-11-01', 61)])
    """
    held = tuple(sorted({d for d in dates if d <= as_of}))
    if not held:
        return ReviewRhythm((), None, ())
    start = as_of - dt.timedelta(days=int(window_days))
    gaps = []
    for a, b in itertools.pairwise(held):
        if b >= start:
            begin = max(a, start)
            gaps.append((begin, b, (b - begin).days))
    return ReviewRhythm(held, (as_of - held[-1]).days, tuple(gaps))


def funded_tactics(actions: Iterable[Action]) -> Mapping[str, Decimal]:
    """Each tactic's budget, summed over its live actions, for the tactics above zero.

    Dropped actions' budgets do not count: that money will not be spent (ACT004,
    ``budget-focus``).

    Example:
        >>> funded_tactics([Action(id="a", tactic="t", budget=5),
        ...                 Action(id="b", tactic="t", budget=5, status="dropped"),
        ...                 Action(id="c", tactic="u", budget=0)])
        {'t': Decimal('5')}
    """
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for action in actions:
        if is_live(action) and action.budget is not None:
            totals[action.tactic] += action.budget
    return {tactic: amount for tactic, amount in sorted(totals.items()) if amount > 0}


def normalised_herfindahl(amounts: Iterable[Decimal]) -> float:
    """How concentrated a budget is over n items: 0 when shared equally, 1 when one takes all.

    The Herfindahl index H (the sum of the squared shares) lies between 1/n and 1, so a
    threshold on H itself means nothing below ``1/threshold`` items; the normalised index
    ``(H - 1/n) / (1 - 1/n)`` spans 0 to 1 whatever n is. One item, or none, counts as
    fully concentrated (1).

    Example:
        >>> normalised_herfindahl([Decimal(10)] * 8)
        0.0
        >>> round(normalised_herfindahl([Decimal(30)] + [Decimal(10)] * 7), 3)
        0.04
    """
    values = [a for a in amounts if a > 0]
    n = len(values)
    if n < 2:
        return 1.0
    total = sum(values, Decimal(0))
    hhi = math.fsum(float(v / total) ** 2 for v in values)
    return max(0.0, (hhi - 1 / n) / (1 - 1 / n))
