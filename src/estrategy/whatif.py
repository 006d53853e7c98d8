"""What if people, units, groups or tools were gone: :func:`simulate` and its result.

A simulation takes a model, removes what it is asked to, and compares the two models:
the findings that appear and disappear, the actions left without a responsible, the
external experts left unsupervised, the lines that become silos, the field roles that
lose every upward path, and the change of maturity. What a removal means:

- a **person** leaves: their ties and group memberships go with them; the people they
  managed report to their manager instead (or to no one); the externals they
  supervised are left unsupervised; their actions and objectives lose their
  responsible and owner;
- a **unit** is merged into its parent: its people and sub-units move up to it, and so
  do the tactics it owned (a root unit's people are left without a unit);
- a **group** is dissolved;
- a **tool** is withdrawn: the actions that used it no longer do.

Nothing is replaced: the simulation shows what breaks when nobody steps in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from estrategy.base.display import Displayable
from estrategy.base.errors import EstrategyError
from estrategy.base.escape import excerpt
from estrategy.base.formats import Series
from estrategy.base.messages import Message, ntr, tr
from estrategy.catalogue import Catalogue
from estrategy.model import StrategyModel
from estrategy.model.definitions import is_live
from estrategy.model.suggest import suggestion, with_suggestion
from estrategy.rules import Finding
from estrategy.settings import Config

__all__ = ["Simulation", "SimulationError", "simulate", "without"]


class SimulationError(EstrategyError, ValueError):
    """A simulation asked to remove something the model does not have."""


def _kinds(model: StrategyModel) -> dict[str, str]:
    org = model.organization
    kinds = {p.id: "person" for p in org.people}
    kinds.update({u.id: "unit" for u in org.units})
    kinds.update({g.id: "group" for g in org.groups})
    kinds.update({t.id: "tool" for t in model.tools})
    return kinds


def _unknown(value: str, kinds: Mapping[str, str]) -> Message:
    problem = tr("{id} is no person, unit, group or tool of the model", id=excerpt(value))
    return with_suggestion(problem, suggestion(value, kinds))


def without(model: StrategyModel, remove: Iterable[str]) -> StrategyModel:
    """The model with the given people, units, groups and tools removed (see the module).

    Args:
        model: the model.
        remove: ids of people, units, groups or tools.

    Returns:
        A new model that holds together (every reference resolves).

    Raises:
        SimulationError: an id is none of the model's people, units, groups or tools.

    Example:
        >>> from estrategy.model import Organization, Person
        >>> m = StrategyModel(organization=Organization(people=[
        ...     Person(id="boss"), Person(id="lead", manager="boss"),
        ...     Person(id="ann", manager="lead")]))
        >>> [(p.id, p.manager) for p in without(m, ["lead"]).organization.people]
        [('boss', None), ('ann', 'boss')]
    """
    kinds = _kinds(model)
    ids = list(dict.fromkeys(remove))
    unknown = [i for i in ids if i not in kinds]
    if unknown:
        problems = [_unknown(i, kinds) for i in unknown]
        if len(problems) == 1:
            raise SimulationError(problems[0])
        raise SimulationError(
            ntr(
                "{n} id is not in the model: {problems}",
                "{n} ids are not in the model: {problems}",
                len(problems),
                problems=Series(problems, separator="; "),
            )
        )
    gone = set(ids)
    org = model.organization
    manager = {p.id: p.manager for p in org.people}
    parent = {u.id: u.parent for u in org.units}

    def up(table: Mapping[str, str | None], value: str | None) -> str | None:
        # follow the chain past every removed link (a manager's manager, a parent's parent)
        seen: set[str] = set()
        while value is not None and value in gone and value not in seen:
            seen.add(value)
            value = table.get(value)
        return value

    people = tuple(
        attrs.evolve(
            p,
            manager=up(manager, p.manager),
            unit=up(parent, p.unit),
            supervisor=None if p.supervisor in gone else p.supervisor,
        )
        for p in org.people
        if p.id not in gone
    )
    units = tuple(
        attrs.evolve(u, parent=up(parent, u.parent)) for u in org.units if u.id not in gone
    )
    groups = tuple(
        attrs.evolve(g, members=tuple(m for m in g.members if m not in gone))
        for g in org.groups
        if g.id not in gone
    )
    ties = tuple(t for t in org.ties if t.source not in gone and t.target not in gone)
    organization = attrs.evolve(
        org, people=people, units=units, groups=groups, ties=ties, source=None
    )
    return attrs.evolve(
        model,
        organization=organization,
        objectives=tuple(
            attrs.evolve(o, owner=None if o.owner in gone else o.owner) for o in model.objectives
        ),
        tactics=tuple(attrs.evolve(t, owner_unit=up(parent, t.owner_unit)) for t in model.tactics),
        actions=tuple(
            attrs.evolve(
                a,
                responsible=None if a.responsible in gone else a.responsible,
                tools=tuple(x for x in a.tools if x not in gone),
            )
            for a in model.actions
        ),
        tools=tuple(t for t in model.tools if t.id not in gone),
    )


def _key(finding: Finding) -> tuple[str, tuple[str, ...]]:
    """What a finding is about: its rule and subjects (its path moves when items go)."""
    return (finding.code, finding.subjects)


@attrs.frozen
class MaturityChange(Displayable):
    """How the maturity score moves.

    Attributes:
        before: the overall score before.
        after: the overall score after.
        dimensions: per dimension whose score moves: ``(dimension, before, after)``.
        names: each moving dimension's name in the maturity model, by id (English; the
            renderers translate it).
    """

    before: float
    after: float
    dimensions: tuple[tuple[str, float, float], ...]
    names: tuple[tuple[str, str], ...] = ()

    @property
    def delta(self) -> float:
        """``after - before``."""
        return self.after - self.before

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        names = dict(self.names)
        return {
            "before": self.before,
            "after": self.after,
            "delta": self.delta,
            "dimensions": [
                {"dimension": d, "name": names.get(d, d), "before": b, "after": a}
                for d, b, a in self.dimensions
            ],
        }


@attrs.frozen
class Simulation(Displayable):
    """What removing people, units, groups or tools changes in a model.

    Attributes:
        model: the model's name.
        as_of: the date the rules and the maturity were judged at.
        removed: each id removed, with its kind (``person``, ``unit``, ``group``, ``tool``).
        appeared: findings the removal brings.
        disappeared: findings the removal takes away.
        changed: findings about the same subjects whose message changes: ``(before,
            after)``.
        unowned_actions: live actions left without a responsible.
        unsupervised: external experts left without a supervisor.
        new_silos: lines that become silos.
        cut_off: field-role holders who reached a decision maker and no longer do.
        maturity: the change of the maturity score (``None`` when not assessed).
    """

    model: str
    as_of: dt.date
    removed: tuple[tuple[str, str], ...]
    appeared: tuple[Finding, ...]
    disappeared: tuple[Finding, ...]
    changed: tuple[tuple[Finding, Finding], ...]
    unowned_actions: tuple[str, ...]
    unsupervised: tuple[str, ...]
    new_silos: tuple[str, ...]
    cut_off: tuple[str, ...]
    maturity: MaturityChange | None

    def _rows(self) -> list[dict[str, Any]]:
        return (
            [{"change": "appears", **f.to_dict()} for f in self.appeared]
            + [{"change": "disappears", **f.to_dict()} for f in self.disappeared]
            + [{"change": "changes", **after.to_dict()} for _, after in self.changed]
        )

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """Plain data for JSON (``version`` 1); the findings' messages in ``lang``."""
        return {
            "version": 1,
            "model": self.model,
            "as_of": self.as_of.isoformat(),
            "removed": [{"id": i, "kind": k} for i, k in self.removed],
            "appeared": [f.to_dict(lang) for f in self.appeared],
            "disappeared": [f.to_dict(lang) for f in self.disappeared],
            "changed": [
                {"before": before.to_dict(lang), "after": after.to_dict(lang)}
                for before, after in self.changed
            ],
            "unowned_actions": list(self.unowned_actions),
            "unsupervised": list(self.unsupervised),
            "new_silos": list(self.new_silos),
            "cut_off": list(self.cut_off),
            "maturity": None if self.maturity is None else self.maturity.to_dict(),
        }


def simulate(
    model: StrategyModel,
    *,
    remove: Iterable[str],
    as_of: dt.date | None = None,
    settings: Mapping[str, Any] | None = None,
    catalogue: Catalogue | None = None,
    maturity: bool = True,
    config: Config | None = None,
) -> Simulation:
    """Remove people, units, groups or tools from a model and say what changes.

    Args:
        model: the model.
        remove: ids of people, units, groups or tools (see :func:`without`).
        as_of: the date the rules and the maturity are judged at (the model's, else today).
        settings: rule settings, as :func:`estrategy.analysis.check` takes them (they
            win over the configuration's).
        catalogue: the tactic and role catalogue (default: the configuration's, else the
            shipped one).
        maturity: also assess the maturity before and after (the slower part).
        config: a configuration (``estrategy.toml``, see
            :func:`~estrategy.settings.config_for`): both checks select, ignore, suppress
            and grade findings as ``estrategy check`` does with it, so a rule the project
            ignores appears in no simulation either.

    Returns:
        The findings that appear and disappear, and what the removal leaves broken.

    Raises:
        SimulationError: an id is none of the model's people, units, groups or tools.
        SettingsError: a setting is unknown or out of its range.
        CatalogueError: the configuration's catalogue file cannot be read.

    Example:
        >>> from estrategy import io
        >>> m = io.load_demo()
        >>> person = m.organization.people[0].id
        >>> simulate(m, remove=[person], maturity=False).removed[0][1]
        'person'
    """
    from estrategy.model.dates import resolve_as_of
    from estrategy.org.reach import upward_reach
    from estrategy.org.transversal import silos

    kinds = _kinds(model)
    after = without(model, remove)
    removed = tuple((i, kinds[i]) for i in dict.fromkeys(remove))
    date = resolve_as_of(as_of, model.as_of)
    config = config if config is not None else Config()
    if settings:
        config = config.merged(Config(settings=settings))
    if catalogue is None:
        catalogue = config.load_catalogue()
    before_report = config.check(model, as_of=date, catalogue=catalogue)
    after_report = config.check(after, as_of=date, catalogue=catalogue)
    before_by = {_key(f): f for f in before_report.findings}
    after_by = {_key(f): f for f in after_report.findings}
    gone = {i for i, _ in removed}
    old_actions = {a.id: a for a in model.actions}
    unowned = tuple(
        a.id
        for a in after.actions
        if is_live(a) and a.responsible is None and old_actions[a.id].responsible is not None
    )
    old_people = {p.id: p for p in model.organization.people}
    unsupervised = tuple(
        p.id
        for p in after.organization.people
        if p.external and p.supervisor is None and old_people[p.id].supervisor in gone
    )
    was_silo = set(silos(model.organization).lines)
    new_silos = tuple(h for h in silos(after.organization).lines if h not in was_silo)
    reached = {h.person for h in upward_reach(model.organization).holders if h.steps is not None}
    cut_off = tuple(
        h.person
        for h in upward_reach(after.organization).holders
        if h.steps is None and h.person in reached
    )
    change = None
    if maturity:
        from estrategy.maturity import assess

        first = assess(model, as_of=date, catalogue=catalogue, settings=config.settings)
        second = assess(after, as_of=date, catalogue=catalogue, settings=config.settings)
        moved = tuple(
            (d1.id, d1.score or 0.0, d2.score or 0.0)
            for d1, d2 in zip(first.dimensions, second.dimensions, strict=True)
            if d1.score != d2.score
        )
        names = tuple((d.id, d.name) for d in first.dimensions if d.score is not None)
        change = MaturityChange(first.overall.score, second.overall.score, moved, names)
    return Simulation(
        model=model.name,
        as_of=date,
        removed=removed,
        appeared=tuple(f for f in after_report.findings if _key(f) not in before_by),
        disappeared=tuple(f for f in before_report.findings if _key(f) not in after_by),
        changed=tuple(
            (before_by[k], f)
            for f in after_report.findings
            if (k := _key(f)) in before_by and before_by[k].message != f.message
        ),
        unowned_actions=unowned,
        unsupervised=unsupervised,
        new_silos=new_silos,
        cut_off=cut_off,
        maturity=change,
    )
