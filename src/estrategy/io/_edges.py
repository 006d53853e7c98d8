"""The edges of an organisation's graph, in the order every graph writer follows."""

from __future__ import annotations

from collections.abc import Iterator

from estrategy.model.tables import OrgTables

__all__ = ["TIE_KINDS", "hierarchy_edges", "tie_edges"]

TIE_KINDS = ("collaboration", "esn")
"""The ``kind`` of a tie edge, by ``tie_esn``."""


def hierarchy_edges(tables: OrgTables) -> Iterator[tuple[str, str, str]]:
    """``(source, target, relation)`` of every unit parent, unit, manager and supervisor link.

    Relations: ``child_of`` (unit to parent unit), ``belongs_to`` (person to unit),
    ``reports_to`` (person to manager) and ``supervises`` (supervisor to external).
    """
    units, people = tables.unit_ids, tables.person_ids
    for u, p in enumerate(tables.unit_parent.tolist()):
        if p >= 0:
            yield units[u], units[p], "child_of"
    for i, (u, m, s) in enumerate(
        zip(
            tables.person_unit.tolist(),
            tables.person_manager.tolist(),
            tables.person_supervisor.tolist(),
            strict=True,
        )
    ):
        if u >= 0:
            yield people[i], units[u], "belongs_to"
        if m >= 0:
            yield people[i], people[m], "reports_to"
        if s >= 0:
            yield people[s], people[i], "supervises"


def tie_edges(tables: OrgTables) -> Iterator[tuple[str, str, str, float]]:
    """``(source, target, kind, weight)`` of every tie, in the tables' order."""
    people = tables.person_ids
    for s, t, e, w in zip(
        tables.tie_source.tolist(),
        tables.tie_target.tolist(),
        tables.tie_esn.tolist(),
        tables.tie_weight.tolist(),
        strict=True,
    ):
        yield people[s], people[t], TIE_KINDS[e], w
