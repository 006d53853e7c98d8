"""The organisation as a networkx graph, for users who script their own analyses.

The package's analyses never build this graph (they run on compact arrays); build it
when you want networkx's algorithms, or to export to Gephi or yEd.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from estrategy.model import Organization
from estrategy.org._kernels import as_tables, undirected_ties
from estrategy.org.tables import GROUP_KINDS, OrgTables

__all__ = ["RELATIONS", "org_graph", "sampled_betweenness", "tie_graph"]

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
        Centrality of people on their ties, and the shortest path between two units:

        >>> import networkx as nx
        >>> from estrategy.model import Organization, Person, Tie, Unit
        >>> org = Organization(
        ...     units=[Unit(id="sales"), Unit(id="it")],
        ...     people=[Person(id="ann", unit="sales"), Person(id="bob", unit="it"),
        ...             Person(id="cy", unit="it", manager="bob")],
        ...     ties=[Tie(source="ann", target="bob")],
        ... )
        >>> g = org_graph(org)
        >>> sorted(nx.degree_centrality(tie_graph(org)).items())
        [('ann', 0.5), ('bob', 0.5), ('cy', 0.0)]
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
    units, people, groups = tables.unit_ids, tables.person_ids, tables.group_ids
    for u, p in enumerate(tables.unit_parent.tolist()):
        if p >= 0:
            graph.add_edge(units[u], units[p], relation="child_of")
    for i, (u, m, s) in enumerate(
        zip(
            tables.person_unit.tolist(),
            tables.person_manager.tolist(),
            tables.person_supervisor.tolist(),
            strict=True,
        )
    ):
        if u >= 0:
            graph.add_edge(people[i], units[u], relation="belongs_to")
        if m >= 0:
            graph.add_edge(people[i], people[m], relation="reports_to")
        if s >= 0:
            graph.add_edge(people[s], people[i], relation="supervises")
    # ``order`` keeps the order of members and ties, so files written from the graph
    # read back into the same organisation
    for k, (g, p) in enumerate(
        zip(tables.member_group.tolist(), tables.member_person.tolist(), strict=True)
    ):
        graph.add_edge(people[p], groups[g], relation="member_of", order=k)
    for k, (s, t, e, w) in enumerate(
        zip(
            tables.tie_source.tolist(),
            tables.tie_target.tolist(),
            tables.tie_esn.tolist(),
            tables.tie_weight.tolist(),
            strict=True,
        )
    ):
        graph.add_edge(
            people[s],
            people[t],
            relation="ties",
            kind="esn" if e else "collaboration",
            weight=w,
            order=k,
        )
    return graph


def tie_graph(organization: OrgTables | Organization) -> nx.Graph:
    """The simple undirected graph of ties between people (what ONA measures run on).

    Every person is a node; two people are joined when a tie of any kind joins them
    (duplicates merged, self-ties left out). Built from the arrays, without going
    through :func:`org_graph`.

    Args:
        organization: the organisation, as a model object or compact arrays.

    Returns:
        A new :class:`networkx.Graph`.
    """
    tables = as_tables(organization)
    graph = nx.Graph()
    graph.add_nodes_from(tables.person_ids)
    a, b = undirected_ties(tables)
    ids = tables.person_ids
    graph.add_edges_from((ids[x], ids[y]) for x, y in zip(a.tolist(), b.tolist(), strict=True))
    return graph


def sampled_betweenness(
    organization: OrgTables | Organization | nx.Graph,
    *,
    k: int | None = 1000,
    seed: int = 0,
    backend: str | None = None,
    **backend_kwargs: Any,
) -> dict[str, float]:
    """Betweenness centrality of people on their ties, sampled for large organisations.

    Exact betweenness costs ``O(people × ties)``: days at a million people. ``k`` pivots
    give an unbiased estimate in ``O(k × ties)``. Pass ``backend=`` (``"parallel"`` with
    nx-parallel installed, ``"cugraph"`` on a GPU) to have a networkx backend compute it.

    Args:
        organization: the organisation, or a tie graph already built (:func:`tie_graph`).
        k: pivots to sample; ``None`` for the exact value (small organisations only).
        seed: the sampling seed.
        backend: a networkx backend name, passed through to networkx.
        **backend_kwargs: passed through to networkx as backend keyword arguments.

    Returns:
        Person id to betweenness (normalised).
    """
    graph = organization if isinstance(organization, nx.Graph) else tie_graph(organization)
    if k is not None:
        k = min(k, graph.number_of_nodes())
    kwargs: dict[str, Any] = dict(backend_kwargs)
    if backend is not None:
        kwargs["backend"] = backend
    result = nx.betweenness_centrality(graph, k=k, seed=seed, **kwargs)
    return {str(node): float(value) for node, value in result.items()}
