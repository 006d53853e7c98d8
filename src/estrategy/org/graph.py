"""The organisation as networkx graphs, for users who script their own analyses.

The package's analyses never build these graphs (they run on compact arrays); build them
when you want networkx's algorithms. The full graph, :func:`org_graph`, lives with the
GraphML and GEXF files it is written to (:mod:`estrategy.io.graph`) and is re-exported
here.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from estrategy.io.graph import RELATIONS, org_graph
from estrategy.model import Organization
from estrategy.model.tables import OrgTables, as_tables
from estrategy.org._kernels import undirected_ties

__all__ = ["RELATIONS", "org_graph", "sampled_betweenness", "tie_graph"]


def tie_graph(organization: OrgTables | Organization) -> nx.Graph:
    """The simple undirected graph of ties between people (what ONA measures run on).

    Every person is a node; two people are joined when a tie of any kind joins them
    (duplicates merged, self-ties left out). Built from the arrays, without going
    through :func:`org_graph`.

    Args:
        organization: the organisation, as a model object or compact arrays.

    Returns:
        A new :class:`networkx.Graph`.

    Example:
        >>> import networkx as nx
        >>> from estrategy.model import Organization, Person, Tie
        >>> org = Organization(
        ...     people=[Person(id="ann"), Person(id="bob"), Person(id="cy")],
        ...     ties=[Tie(source="ann", target="bob")],
        ... )
        >>> sorted(nx.degree_centrality(tie_graph(org)).items())
        [('ann', 0.5), ('bob', 0.5), ('cy', 0.0)]
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
