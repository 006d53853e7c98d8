"""From compact arrays to the model's :class:`~estrategy.model.Organization`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from estrategy.model import Organization, Person, Tie, TieKind, TransversalGroup, Unit
from estrategy.model.dates import parse_date
from estrategy.model.tables import GROUP_KINDS, OrgTables


def tables_to_organization(tables: OrgTables, *, source: str | None = None) -> Organization:
    """Build the model's :class:`~estrategy.model.Organization` from compact arrays.

    Extra person columns become :attr:`~estrategy.model.Person.attributes` (empty cells
    are left out); extra unit and group columns have no place in the model and are dropped.

    Args:
        tables: the arrays.
        source: the path to record as the organisation's source.

    Returns:
        The organisation.
    """

    def ref(ids: Sequence[str], code: int) -> str | None:
        return None if code < 0 else ids[code]

    units = [
        Unit(id=u, name=n, parent=ref(tables.unit_ids, int(p)))
        for u, n, p in zip(
            tables.unit_ids, tables.unit_names, tables.unit_parent.tolist(), strict=True
        )
    ]
    extra = tables.attributes.get("person", {})
    people = []
    for i, pid in enumerate(tables.person_ids):
        people.append(
            Person(
                id=pid,
                name=tables.person_names[i],
                unit=ref(tables.unit_ids, int(tables.person_unit[i])),
                manager=ref(tables.person_ids, int(tables.person_manager[i])),
                roles=tables.roles.row(i),
                skills=tables.skills.row(i),
                external=bool(tables.person_external[i]),
                supervisor=ref(tables.person_ids, int(tables.person_supervisor[i])),
                decision_maker=bool(tables.person_decision_maker[i]),
                attributes=tuple((c, v[i]) for c, v in extra.items() if v[i] != ""),
            )
        )
    order = np.argsort(tables.member_group, kind="stable")
    bounds = np.searchsorted(tables.member_group[order], np.arange(tables.n_groups + 1))
    groups = []
    for g, gid in enumerate(tables.group_ids):
        members = tables.member_person[order[bounds[g] : bounds[g + 1]]]
        deadline = tables.group_deadline[g]
        groups.append(
            TransversalGroup(
                id=gid,
                name=tables.group_names[g],
                kind=GROUP_KINDS[int(tables.group_kind[g])],
                members=tuple(tables.person_ids[m] for m in members.tolist()),
                objective=tables.group_objective[g],
                deadline=None if deadline is None else parse_date(deadline),
            )
        )
    ties = [
        Tie(
            source=tables.person_ids[s],
            target=tables.person_ids[t],
            kind=TieKind.ESN if e else TieKind.COLLABORATION,
            weight=w,
        )
        for s, t, e, w in _tie_rows(tables)
    ]
    return Organization(
        name=tables.name,
        size=tables.size,
        units=units,
        people=people,
        groups=groups,
        ties=ties,
        source=source,
    )


def _tie_rows(tables: OrgTables) -> Iterator[tuple[int, int, bool, float]]:
    """Source code, target code, ESN flag and weight of each tie, as Python values."""
    return zip(
        tables.tie_source.tolist(),
        tables.tie_target.tolist(),
        tables.tie_esn.tolist(),
        tables.tie_weight.tolist(),
        strict=True,
    )
