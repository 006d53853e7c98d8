"""The root of a model, :class:`StrategyModel`, and its integrity check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from estrategy.base.escape import excerpt
from estrategy.base.messages import Message, tr
from estrategy.model._convert import to_tuple
from estrategy.model.errors import IntegrityProblem, ModelIntegrityError
from estrategy.model.labels import label
from estrategy.model.organization import Organization
from estrategy.model.paths import ModelPath, format_path
from estrategy.model.plan import (
    KPI,
    Action,
    BusinessStake,
    Objective,
    Review,
    SituationAnalysis,
    Strategy,
    Tactic,
    Tool,
)
from estrategy.model.suggest import Suggestions
from estrategy.model.validators import is_date

__all__ = ["SCHEMA_VERSIONS", "StrategyModel", "integrity_problems"]

SCHEMA_VERSIONS: tuple[int, ...] = (1,)
"""The ``schema_version`` values this release reads."""


def _check_schema_version(_instance: object, _attribute: object, value: int) -> None:
    if isinstance(value, bool) or value not in SCHEMA_VERSIONS:
        readable = ", ".join(str(v) for v in SCHEMA_VERSIONS)
        raise ValueError(
            f"schema_version {value!r} is not supported; this release reads version {readable}"
        )


@attrs.frozen
class StrategyModel:
    """A company's digital strategy and the organisation that carries it out.

    Building one checks referential integrity: every id referenced exists, and ids
    are unique in their collection (units, people and groups share one namespace).
    All problems are reported together by :class:`ModelIntegrityError`.

    Attributes:
        schema_version: version of the file format (``1``).
        name: name of the plan.
        currency: currency of every budget (ISO 4217 code).
        as_of: the date the model describes; rules that depend on time use it.
        organization: the organisation.
        mission: the company's mission.
        stakes: business stakes.
        situation: the situation analysis.
        objectives: business objectives.
        strategies: candidate, retained and rejected strategies.
        tactics: tactics implementing strategies.
        actions: concrete actions declining tactics.
        kpis: indicators.
        reviews: control meetings.
        tools: digital tools.
        language: the language the model is written in (``fr``, ``en``…); outputs are in
            that language unless a flag or the configuration chooses another
            (docs/languages.md).

    Example:
        >>> from estrategy.model import Tactic
        >>> m = StrategyModel(name="Demo", tactics=[Tactic(id="t-blog", kind="content_marketing")])
        >>> m.tactics[0].strategy is None
        True
    """

    schema_version: int = attrs.field(default=1, validator=_check_schema_version)
    name: str = ""
    currency: str = "EUR"
    as_of: dt.date | None = attrs.field(default=None, validator=is_date)
    organization: Organization = attrs.field(factory=Organization)
    mission: str | None = None
    stakes: tuple[BusinessStake, ...] = attrs.field(default=(), converter=to_tuple)
    situation: SituationAnalysis = attrs.field(factory=SituationAnalysis)
    objectives: tuple[Objective, ...] = attrs.field(default=(), converter=to_tuple)
    strategies: tuple[Strategy, ...] = attrs.field(default=(), converter=to_tuple)
    tactics: tuple[Tactic, ...] = attrs.field(default=(), converter=to_tuple)
    actions: tuple[Action, ...] = attrs.field(default=(), converter=to_tuple)
    kpis: tuple[KPI, ...] = attrs.field(default=(), converter=to_tuple)
    reviews: tuple[Review, ...] = attrs.field(default=(), converter=to_tuple)
    tools: tuple[Tool, ...] = attrs.field(default=(), converter=to_tuple)
    # last, so that the order of every other field (and of the workbook's rows) is kept
    language: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = integrity_problems(self)
        if problems:
            raise ModelIntegrityError(problems)

    def _repr_html_(self) -> str:
        """A notebook's summary: how many objects of each kind, and the frame of each.

        Example:
            >>> model = StrategyModel(tactics=[Tactic(id="t")])
            >>> "<td>tactics</td><td>1</td>" in model._repr_html_()
            True
        """
        from estrategy.base.display import html_summary
        from estrategy.base.escape import html_text

        as_of = f", as of {self.as_of.isoformat()}" if self.as_of is not None else ""
        head = f"<strong>{html_text(self.name or 'StrategyModel')}</strong>{as_of}"
        rows = [
            {"table": name, "rows": count, "frame": f'estrategy.to_frames(model)["{name}"]'}
            for name, count in _counts(self)
        ]
        tail = (
            "<p>Each table is a pandas data frame: <code>estrategy.to_frames(model)</code> "
            "gives them all (<code>estrategy.from_frames(frames)</code> builds the model "
            "back).</p>"
        )
        return html_summary(head, rows, tail)


def _counts(model: StrategyModel) -> list[tuple[str, int]]:
    """How many objects each list of the model holds, the organisation's last."""
    counts = [
        (field.name, len(getattr(model, field.name)))
        for field in attrs.fields(StrategyModel)
        if isinstance(getattr(model, field.name), tuple)
    ]
    counts.insert(
        [name for name, _ in counts].index("kpis") + 1,
        ("measurements", sum(len(kpi.measurements) for kpi in model.kpis)),
    )
    org = model.organization
    counts += [(name, len(getattr(org, name))) for name in ("units", "people", "groups", "ties")]
    return counts


def _wrong_kind(value: str, found: str, expected: str) -> Message:
    """``'admin' is a unit, not a person``: one msgid per pair of English articles."""
    shown = {"value": excerpt(value), "found": label(found), "expected": label(expected)}
    found_an, expected_an = _starts_with_vowel(found), _starts_with_vowel(expected)
    if found_an and expected_an:
        return tr("{value} is an {found}, not an {expected}", **shown)
    if found_an:
        return tr("{value} is an {found}, not a {expected}", **shown)
    if expected_an:
        return tr("{value} is a {found}, not an {expected}", **shown)
    return tr("{value} is a {found}, not a {expected}", **shown)


def _starts_with_vowel(word: str) -> bool:
    # "an objective", "an action", but "a unit", "a KPI"
    return word[:1] in tuple("aeio")


class _Checker:
    """Collects integrity problems; one pass per collection, linear in the model."""

    def __init__(self) -> None:
        self.problems: list[IntegrityProblem] = []
        self.hints = Suggestions()
        # every id to the kind of the first item that bears it, so that a reference to an
        # item of the wrong kind says what the id is ("'admin' is a unit, not a person")
        self.kind_of: dict[str, str] = {}

    def ids(
        self,
        items: Iterable[tuple[str, ModelPath]],
        what: str,
        seen: dict[str, tuple[str, ModelPath]] | None = None,
    ) -> set[str]:
        """Collect ids, reporting duplicates (also against ``seen``, a shared namespace).

        A duplicate is reported at its second place, and its message names the first.
        """
        found: dict[str, ModelPath] = {}
        for item_id, path in items:
            if item_id in found:
                first = format_path(found[item_id])
                message = tr(
                    "duplicate {what} id {id} (first at {first})",
                    what=label(what),
                    id=excerpt(item_id),
                    first=first,
                )
                self.problems.append(IntegrityProblem(path, message))
            elif seen is not None and item_id in seen:
                other, first_path = seen[item_id]
                self.problems.append(
                    IntegrityProblem(
                        path,
                        f"{what} id {excerpt(item_id)} is already the id of a {other} "
                        f"(at {format_path(first_path)})",
                    )
                )
            found.setdefault(item_id, path)
            self.kind_of.setdefault(item_id, what)
            if seen is not None:
                seen.setdefault(item_id, (what, path))
        return set(found)

    def ref(self, value: str | None, known: set[str], what: str, path: ModelPath) -> None:
        """Report ``value`` if it is set and not among ``known``."""
        if value is not None and value not in known:
            other = self.kind_of.get(value)
            if other is not None and other != what:
                self.problems.append(IntegrityProblem(path, _wrong_kind(value, other, what)))
                return
            # one index of the known ids of each kind, and a bounded number of hints, so
            # that thousands of dangling references report in seconds
            message = self.hints.unknown_reference(label(what), value, known, key=what)
            self.problems.append(IntegrityProblem(path, message))

    def refs(self, values: Iterable[str], known: set[str], what: str, path: ModelPath) -> None:
        """Report every unknown id of a list, with its index."""
        for index, value in enumerate(values):
            self.ref(value, known, what, (*path, index))

    def acyclic(
        self, parent_of: Mapping[str, str | None], what: str, path_of: dict[str, ModelPath]
    ) -> None:
        """Report each cycle of a parent relation once (linear: every node is walked once)."""
        state: dict[str, int] = {}  # 1: on the current walk, 2: done
        for start in parent_of:
            walk: list[str] = []
            node: str | None = start
            while node is not None and node in parent_of and node not in state:
                state[node] = 1
                walk.append(node)
                node = parent_of[node]
            if node is not None and state.get(node) == 1:
                cycle = walk[walk.index(node) :]
                first = min(cycle)
                chain = " → ".join(
                    [*cycle[cycle.index(first) :], *cycle[: cycle.index(first)], first]
                )
                self.problems.append(IntegrityProblem(path_of[first], f"{what} cycle: {chain}"))
            for visited in walk:
                state[visited] = 2


_PLAN_COLLECTIONS: Mapping[str, str] = {
    "stakes": "stake",
    "objectives": "objective",
    "strategies": "strategy",
    "tactics": "tactic",
    "actions": "action",
    "kpis": "KPI",
    "tools": "tool",
}
"""The plan's collections of items with ids, and what one item is called in messages."""

_KINDS: Mapping[str, str] = {"units": "unit", "people": "person", **_PLAN_COLLECTIONS}

_PLAN_REFERENCES: tuple[tuple[str, tuple[tuple[str, str, bool], ...]], ...] = (
    ("objectives", (("stake", "stakes", False), ("owner", "people", False))),
    ("strategies", (("objectives", "objectives", True),)),
    ("tactics", (("strategy", "strategies", False), ("owner_unit", "units", False))),
    (
        "actions",
        (("tactic", "tactics", False), ("responsible", "people", False), ("tools", "tools", True)),
    ),
    ("kpis", (("objective", "objectives", False), ("tactics", "tactics", True))),
    ("reviews", (("kpis", "kpis", True),)),
)
"""Each plan collection's reference fields: the field, the collection it names, and
whether it holds a list of ids; checked in this order, item by item."""


def integrity_problems(model: StrategyModel) -> list[IntegrityProblem]:
    """Every broken reference, duplicate id and hierarchy cycle of ``model``.

    Args:
        model: the model to check (already built, or being built).

    Returns:
        The problems in the order of the model's fields; empty when the model holds.
    """
    check = _Checker()
    org = model.organization
    op: ModelPath = ("organization",)
    namespace: dict[str, tuple[str, ModelPath]] = {}
    units = check.ids(
        ((u.id, (*op, "units", i, "id")) for i, u in enumerate(org.units)), "unit", namespace
    )
    people = check.ids(
        ((p.id, (*op, "people", i, "id")) for i, p in enumerate(org.people)), "person", namespace
    )
    groups = check.ids(
        ((g.id, (*op, "groups", i, "id")) for i, g in enumerate(org.groups)), "group", namespace
    )
    known = {"units": units, "people": people}
    for collection, what in _PLAN_COLLECTIONS.items():
        items = getattr(model, collection)
        known[collection] = check.ids(
            ((item.id, (collection, i, "id")) for i, item in enumerate(items)), what
        )
    del groups
    for i, unit in enumerate(org.units):
        check.ref(unit.parent, units, "unit", (*op, "units", i, "parent"))
    for i, person in enumerate(org.people):
        path = (*op, "people", i)
        check.ref(person.unit, units, "unit", (*path, "unit"))
        check.ref(person.manager, people, "person", (*path, "manager"))
        check.ref(person.supervisor, people, "person", (*path, "supervisor"))
        if person.manager == person.id:
            check.problems.append(
                IntegrityProblem((*path, "manager"), "a person cannot manage themself")
            )
    for i, group in enumerate(org.groups):
        check.refs(group.members, people, "person", (*op, "groups", i, "members"))
    for i, tie in enumerate(org.ties):
        check.ref(tie.source, people, "person", (*op, "ties", i, "source"))
        check.ref(tie.target, people, "person", (*op, "ties", i, "target"))
    check.acyclic(
        {u.id: u.parent for u in org.units if u.parent != u.id},
        "unit parent",
        {u.id: (*op, "units", i, "parent") for i, u in enumerate(org.units)},
    )
    for i, unit in enumerate(org.units):
        if unit.parent == unit.id:
            check.problems.append(
                IntegrityProblem((*op, "units", i, "parent"), "a unit cannot be its own parent")
            )
    check.acyclic(
        {p.id: p.manager for p in org.people if p.manager != p.id},
        "manager",
        {p.id: (*op, "people", i, "manager") for i, p in enumerate(org.people)},
    )

    for collection, fields in _PLAN_REFERENCES:
        for i, item in enumerate(getattr(model, collection)):
            for field, target, many in fields:
                what = _KINDS[target]
                path = (collection, i, field)
                if many:
                    check.refs(getattr(item, field), known[target], what, path)
                else:
                    check.ref(getattr(item, field), known[target], what, path)
    return check.problems
