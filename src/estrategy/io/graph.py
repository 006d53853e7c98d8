"""The organisation as one networkx graph: what GraphML and GEXF files hold.

:func:`org_graph` turns the compact arrays (:mod:`estrategy.model.tables`) into a
:class:`networkx.MultiDiGraph` with every node and relation; :mod:`estrategy.io.graphml`
writes it and reads such files back. networkx is imported with this module, which
``import estrategy.io`` does not load.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from estrategy.io._edges import hierarchy_edges, tie_edges
from estrategy.model import Organization
from estrategy.model.tables import GROUP_KINDS, OrgTables, as_tables

__all__ = ["RELATIONS", "org_graph"]

RELATIONS: tuple[str, ...] = (
    "reports_to",
    "belongs_to",
    "member_of",
    "ties",
    "supervises",
    "child_of",
)
"""Edge relations of :func:`org_graph`:

- ``reports_to``: person → their manager;
- ``belongs_to``: person → their unit;
- ``member_of``: person → a group;
- ``ties``: tie source → tie target (``kind`` and ``weight`` on the edge);
- ``supervises``: supervisor → the external person they supervise;
- ``child_of``: unit → its parent unit.
"""


def org_graph(organization: OrgTables | Organization) -> nx.MultiDiGraph:
    """Build the organisation graph.

    Nodes are people, units and groups, keyed by id, with a ``kind`` attribute
    (``person``, ``unit``, ``group``) and their fields (people: ``name``, ``roles``,
    ``skills`` as ``;``-joined text, ``external``, ``decision_maker``, then the extra
    columns of an HR export; units: ``name``; groups: ``name``, ``group_kind``,
    ``objective``, ``deadline``). Edges carry a ``relation`` (see :data:`RELATIONS`).
    Every tie is one edge, duplicates and self-ties included, as in the input.

    Args:
        organization: the organisation, as a model object or compact arrays.

    Returns:
        A new :class:`networkx.MultiDiGraph`.

    Examples:
        The shortest path between two units:

        >>> import networkx as nx
        >>> from estrategy.model import Organization, Person, Tie, Unit
        >>> org = Organization(
        ...     units=[Unit(id="sales"), Unit(id="it")],
        ...     people=[Person(id="ann", unit="sales"), Person(id="bob", unit="it"),
        ...             Person(id="cy", unit="it", manager="bob")],
        ...     ties=[Tie(source="ann", target="bob")],
        ... )
        >>> g = org_graph(org)
        >>> nx.shortest_path(g.to_undirected(as_view=True), "sales", "it")
        ['sales', 'ann', 'bob', 'it']
    """
    tables = as_tables(organization)
    graph = nx.MultiDiGraph(name=tables.name, size=tables.size.value)
    unit_extra = tables.attributes.get("unit", {})
    for i, uid in enumerate(tables.unit_ids):
        extra = {k: v[i] for k, v in unit_extra.items() if v[i] != ""}
        graph.add_node(uid, kind="unit", name=tables.unit_names[i], **extra)
    person_extra = tables.attributes.get("person", {})
    external = tables.person_external.tolist()
    decision = tables.person_decision_maker.tolist()
    for i, pid in enumerate(tables.person_ids):
        extra = {k: v[i] for k, v in person_extra.items() if v[i] != ""}
        graph.add_node(
            pid,
            kind="person",
            name=tables.person_names[i],
            roles=";".join(tables.roles.row(i)),
            skills=";".join(tables.skills.row(i)),
            external=external[i],
            decision_maker=decision[i],
            **extra,
        )
    group_extra = tables.attributes.get("group", {})
    for i, gid in enumerate(tables.group_ids):
        extra = {k: v[i] for k, v in group_extra.items() if v[i] != ""}
        attributes: dict[str, Any] = {
            "kind": "group",
            "name": tables.group_names[i],
            "group_kind": GROUP_KINDS[int(tables.group_kind[i])].value,
        }
        if tables.group_objective[i] is not None:
            attributes["objective"] = tables.group_objective[i]
        if tables.group_deadline[i] is not None:
            attributes["deadline"] = tables.group_deadline[i]
        graph.add_node(gid, **attributes, **extra)
    people, groups = tables.person_ids, tables.group_ids
    for source, target, relation in hierarchy_edges(tables):
        graph.add_edge(source, target, relation=relation)
    # ``order`` keeps the order of members and ties, so files written from the graph
    # read back into the same organisation
    for k, (g, p) in enumerate(
        zip(tables.member_group.tolist(), tables.member_person.tolist(), strict=True)
    ):
        graph.add_edge(people[p], groups[g], relation="member_of", order=k)
    for k, (s, t, kind, w) in enumerate(tie_edges(tables)):
        graph.add_edge(s, t, relation="ties", kind=kind, weight=w, order=k)
    return graph
