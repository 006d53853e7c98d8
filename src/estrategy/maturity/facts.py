"""Facts derived from a model once, shared by the criteria, the quadrant and the steps.

Every collection here is keyed or sorted by id, so nothing downstream depends on the order
of the model's lists.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from estrategy.model import (
    KPI,
    Action,
    Channel,
    Organization,
    Person,
    Strategy,
    StrategyModel,
    StrategyStatus,
    Tactic,
)
from estrategy.model.dates import as_date
from estrategy.model.definitions import KpiTrack, is_live, is_overdue, kpi_track

if TYPE_CHECKING:  # pragma: no cover
    from estrategy.catalogue import Catalogue
    from estrategy.model.tables import OrgTables
    from estrategy.org import HierarchicalLines

__all__ = ["ModelFacts", "build_facts"]

_T = TypeVar("_T")


@attrs.frozen(eq=False)
class ModelFacts:
    """Indexes and derived facts of one model.

    Attributes:
        tactics: tactic id to tactic.
        actions_of: tactic id to its live actions (not dropped, as the rules read them),
            sorted by id.
        retained: retained strategy id to strategy.
        strategies_of: objective id to the ids of every strategy that pursues it.
        kpis_of_tactic: tactic id to the ids of the KPIs that measure it.
        measured_tactics: ids of tactics measured by a KPI with at least one measurement.
        measured_objectives: ids of objectives measured by a KPI with a measurement.
        reviewed_kpis: ids of KPIs looked at by some review.
        overdue: ids of actions whose deadline is before the as-of date and that are
            neither done nor dropped.
        internal_people: id to person, for everyone not external.
        holders: role to the sorted ids of internal people who hold it.
        tracks: KPI id to where the KPI stands against its planned line, for the KPIs
            that have one (MES005's reading: a target, a measurement, an objective with a
            deadline).
        digital_tactics: ids of the digital tactics: a digital channel in the catalogue,
            or an internal kind that deploys technology (the maturity model's
            ``digital_internal_kinds``).
        organization: the model's organisation; :attr:`org_tables` and :attr:`org_lines`
            give it to :mod:`estrategy.org`'s analyses.

    The organisation facts come from :mod:`estrategy.org`, built on first use and then
    shared by every criterion of the assessment (``estrategy.org``, and numpy with it, is
    imported only then).
    """

    tactics: Mapping[str, Tactic]
    actions_of: Mapping[str, tuple[Action, ...]]
    retained: Mapping[str, Strategy]
    strategies_of: Mapping[str, tuple[str, ...]]
    kpis_of_tactic: Mapping[str, tuple[str, ...]]
    measured_tactics: frozenset[str]
    measured_objectives: frozenset[str]
    reviewed_kpis: frozenset[str]
    overdue: frozenset[str]
    internal_people: Mapping[str, Person]
    holders: Mapping[str, tuple[str, ...]]
    organization: Organization = attrs.field(repr=False)
    tracks: Mapping[str, KpiTrack] = attrs.field(factory=dict, repr=False)
    digital_tactics: frozenset[str] = frozenset()
    _memo: dict[str, Any] = attrs.field(factory=dict, init=False, repr=False, alias="_memo")

    def _once(self, key: str, factory: Callable[[], _T]) -> _T:
        """``factory()``, computed on the first call for ``key`` and kept thereafter."""
        if key not in self._memo:
            self._memo[key] = factory()
        value: _T = self._memo[key]
        return value

    @property
    def org_tables(self) -> OrgTables:
        """The organisation as :mod:`estrategy.org`'s compact arrays (built once)."""
        from estrategy.model.tables import as_tables

        # Shared with check() and the org analyses of the same organisation.
        return as_tables(self.organization)

    @property
    def org_lines(self) -> HierarchicalLines:
        """The hierarchical lines of the organisation (docs/architecture.md), found once."""
        from estrategy.org import hierarchical_lines

        return self._once("org.lines", lambda: hierarchical_lines(self.org_tables))

    @property
    def lines(self) -> Mapping[str, str]:
        """Person id to the id of the unit heading their line, for people in a line."""

        def build() -> dict[str, str]:
            ids, heads = self.org_tables.person_ids, self.org_lines.heads
            placed = enumerate(self.org_lines.person_line.tolist())
            return {ids[i]: heads[line] for i, line in placed if line >= 0}

        return self._once("org.people_lines", build)

    @property
    def line_count(self) -> int:
        """The number of hierarchical lines."""
        return len(self.org_lines)

    def serves_retained(self, tactic: Tactic) -> bool:
        """Whether a tactic implements a retained strategy."""
        return tactic.strategy is not None and tactic.strategy in self.retained


def _measured(kpi: KPI) -> bool:
    return bool(kpi.measurements)


def build_facts(
    model: StrategyModel,
    as_of: dt.date,
    *,
    catalogue: Catalogue | None = None,
    digital_internal_kinds: Collection[str] = (),
) -> ModelFacts:
    """Compute the facts of ``model`` as of a date (linear in the model's size).

    A datetime counts as its date, as everywhere else (:func:`estrategy.model.dates.as_date`).

    Args:
        model: the model.
        as_of: the date of the assessment.
        catalogue: the tactic catalogue, for the channel of each tactic kind (the default
            catalogue when not given).
        digital_internal_kinds: the internal tactic kinds that deploy technology.
    """
    if catalogue is None:
        from estrategy.catalogue import default_catalogue

        catalogue = default_catalogue()
    as_of = as_date(as_of)
    actions_of: dict[str, list[Action]] = defaultdict(list)
    for action in model.actions:
        if is_live(action):  # a dropped action implements nothing (docs/rules.md)
            actions_of[action.tactic].append(action)
    strategies_of: dict[str, set[str]] = defaultdict(set)
    for strategy in model.strategies:
        for objective in strategy.objectives:
            strategies_of[objective].add(strategy.id)
    kpis_of_tactic: dict[str, set[str]] = defaultdict(set)
    measured_tactics: set[str] = set()
    measured_objectives: set[str] = set()
    for kpi in model.kpis:
        for tactic in kpi.tactics:
            kpis_of_tactic[tactic].add(kpi.id)
            if _measured(kpi):
                measured_tactics.add(tactic)
        if kpi.objective is not None and _measured(kpi):
            measured_objectives.add(kpi.objective)
    overdue = {a.id for a in model.actions if is_overdue(a, as_of)}
    people = model.organization.people
    internal = {p.id: p for p in people if not p.external}
    holders: dict[str, set[str]] = defaultdict(set)
    for person in internal.values():
        for role in person.roles:
            holders[role].add(person.id)
    objectives = {o.id: o for o in model.objectives}
    tracks = {
        kpi.id: track
        for kpi in model.kpis
        if (track := kpi_track(kpi, objectives.get(kpi.objective or ""))) is not None
    }
    internal_kinds = {str(k) for k in digital_internal_kinds}
    digital = frozenset(
        t.id
        for t in model.tactics
        if catalogue.channel(t.kind) == Channel.DIGITAL or str(t.kind) in internal_kinds
    )
    return ModelFacts(
        tactics={t.id: t for t in model.tactics},
        actions_of={k: tuple(sorted(v, key=lambda a: a.id)) for k, v in actions_of.items()},
        retained={s.id: s for s in model.strategies if s.status == StrategyStatus.RETAINED},
        strategies_of={k: tuple(sorted(v)) for k, v in strategies_of.items()},
        kpis_of_tactic={k: tuple(sorted(v)) for k, v in kpis_of_tactic.items()},
        measured_tactics=frozenset(measured_tactics),
        measured_objectives=frozenset(measured_objectives),
        reviewed_kpis=frozenset(k for r in model.reviews for k in r.kpis),
        overdue=frozenset(overdue),
        internal_people=internal,
        holders={k: tuple(sorted(v)) for k, v in holders.items()},
        organization=model.organization,
        tracks=tracks,
        digital_tactics=digital,
    )
