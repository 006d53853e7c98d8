"""The organisation graph as GraphML, GEXF (Gephi, yEd) and Gephi's node and edge CSVs.

GraphML and GEXF hold :func:`estrategy.io.graph.org_graph` as it is: nodes with a ``kind``
(``person``, ``unit``, ``group``), edges with a ``relation``. :func:`read_graphml` reads
such a file back into an :class:`~estrategy.model.Organization`. For the largest graphs,
:func:`write_gephi_csv` streams Gephi's spreadsheet import format straight from the
compact arrays, without building a networkx graph.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

from estrategy.io.atomic import atomic_path
from estrategy.io.errors import FileError, LoadError
from estrategy.io.orgcsv._values import _boolean, _items
from estrategy.model import (
    GroupKind,
    Organization,
    OrganizationSize,
    Person,
    Tie,
    TieKind,
    TransversalGroup,
    Unit,
)
from estrategy.model.dates import parse_date
from estrategy.model.tables import GROUP_KINDS, OrgTables

__all__ = ["read_graphml", "write_gephi_csv", "write_gexf", "write_graphml"]

_MAX_BYTES = 2 * 1024**3


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    with atomic_path(path) as temporary:
        write(temporary)


def _write_graph(organization: Organization | OrgTables, path: Path, format_name: str) -> None:
    import networkx as nx

    from estrategy.io.graph import org_graph

    write = nx.write_graphml if format_name == "graphml" else nx.write_gexf
    graph = org_graph(organization)
    _atomic(Path(path), lambda target: write(graph, target))


def write_graphml(organization: Organization | OrgTables, path: Path) -> None:
    """Write the organisation graph as GraphML (yEd, Gephi, Cytoscape).

    Args:
        organization: the organisation, as a model object or compact arrays.
        path: the file to write (replaced atomically).
    """
    _write_graph(organization, path, "graphml")


def write_gexf(organization: Organization | OrgTables, path: Path) -> None:
    """Write the organisation graph as GEXF, Gephi's preferred format.

    Args:
        organization: the organisation, as a model object or compact arrays.
        path: the file to write (replaced atomically).
    """
    _write_graph(organization, path, "gexf")


def write_gephi_csv(organization: Organization | OrgTables, folder: Path) -> None:
    """Write ``nodes.csv`` and ``edges.csv`` for Gephi's spreadsheet import, streaming.

    Nodes have ``Id``, ``Label``, ``kind`` and, for people, ``unit``, ``external`` and
    ``decision_maker``; edges have ``Source``, ``Target``, ``Type`` (``Directed``),
    ``relation`` and ``Weight``. Suited to organisations too large for GEXF.

    Args:
        organization: the organisation, as a model object or compact arrays.
        folder: where to write (created if needed).
    """
    from estrategy.model.tables import as_tables

    tables = as_tables(organization)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    units, people, groups = tables.unit_ids, tables.person_ids, tables.group_ids

    def nodes(target: Path) -> None:
        with target.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["Id", "Label", "kind", "unit", "external", "decision_maker", "roles"])
            w.writerows(
                (u, tables.unit_names[i], "unit", "", "", "", "") for i, u in enumerate(units)
            )
            w.writerows(
                (
                    p,
                    tables.person_names[i],
                    "person",
                    units[u] if u >= 0 else "",
                    "true" if e else "false",
                    "true" if d else "false",
                    ";".join(tables.roles.row(i)),
                )
                for i, (p, u, e, d) in enumerate(
                    zip(
                        people,
                        tables.person_unit.tolist(),
                        tables.person_external.tolist(),
                        tables.person_decision_maker.tolist(),
                        strict=True,
                    )
                )
            )
            w.writerows(
                (g, tables.group_names[i], "group", "", "", "", "") for i, g in enumerate(groups)
            )

    def edges(target: Path) -> None:
        with target.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["Source", "Target", "Type", "relation", "Weight"])
            w.writerows(
                (units[u], units[p], "Directed", "child_of", 1)
                for u, p in enumerate(tables.unit_parent.tolist())
                if p >= 0
            )
            for relation, refs in (
                ("belongs_to", tables.person_unit),
                ("reports_to", tables.person_manager),
            ):
                names = units if relation == "belongs_to" else people
                w.writerows(
                    (people[i], names[r], "Directed", relation, 1)
                    for i, r in enumerate(refs.tolist())
                    if r >= 0
                )
            w.writerows(
                (people[s], people[i], "Directed", "supervises", 1)
                for i, s in enumerate(tables.person_supervisor.tolist())
                if s >= 0
            )
            w.writerows(
                (people[p], groups[g], "Directed", "member_of", 1)
                for g, p in zip(
                    tables.member_group.tolist(), tables.member_person.tolist(), strict=True
                )
            )
            w.writerows(
                (people[s], people[t], "Directed", "ties", wt)
                for s, t, wt in zip(
                    tables.tie_source.tolist(),
                    tables.tie_target.tolist(),
                    tables.tie_weight.tolist(),
                    strict=True,
                )
            )

    _atomic(folder / "nodes.csv", nodes)
    _atomic(folder / "edges.csv", edges)


def _flag(data: dict[str, Any], key: str) -> bool:
    """A true/false attribute, read like the same CSV cell (anything else is an error)."""
    value = data.get(key, False)
    if isinstance(value, bool):  # typed GraphML attributes arrive as booleans
        return value
    try:
        return _boolean(str(value))
    except ValueError as exc:
        raise ValueError(f"{key}: {exc}") from None


def _list(data: dict[str, Any], key: str) -> tuple[str, ...]:
    """A ``;``-separated attribute, read like the same CSV cell."""
    return tuple(_items(str(data.get(key) or "")))


def _order(data: dict[str, Any]) -> float:
    """An edge's position in the input (edges from other tools have none: they come last)."""
    try:
        return float(data.get("order", float("inf")))
    except (TypeError, ValueError):
        return float("inf")


_PERSON_KEYS = {"kind", "name", "roles", "skills", "external", "decision_maker"}


def read_graphml(path: Path) -> Organization:
    """Read an organisation from a GraphML file written by :func:`write_graphml`.

    Nodes need a ``kind`` (``person``, ``unit`` or ``group``); edges a ``relation`` (see
    :data:`estrategy.io.graph.RELATIONS`). Other node attributes of people are kept as
    :attr:`~estrategy.model.Person.attributes`.

    Args:
        path: the GraphML file.

    Returns:
        The organisation.

    Raises:
        LoadError: the file is not GraphML, or a node or edge does not fit (GraphML
            readers give no line numbers, so errors name the node or edge instead).
    """
    import networkx as nx

    source = str(path)
    path = Path(path)
    if path.stat().st_size > _MAX_BYTES:
        raise LoadError([FileError(source, None, None, (), "file larger than 2 GiB")])
    try:
        graph = nx.read_graphml(path, force_multigraph=True)
    except Exception as exc:  # networkx raises several parser errors; all mean "not GraphML"
        raise LoadError([FileError(source, None, None, (), f"not valid GraphML: {exc}")]) from None
    errors: list[FileError] = []

    def error(message: str) -> None:
        errors.append(FileError(source, None, None, ("organization",), message))

    kinds: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        kind = data.get("kind")
        if kind not in ("person", "unit", "group"):
            error(f"node {node!r}: kind must be person, unit or group, got {kind!r}")
        else:
            kinds[str(node)] = kind
    parent: dict[str, str] = {}
    unit_of: dict[str, str] = {}
    manager: dict[str, str] = {}
    supervisor: dict[str, str] = {}
    members: dict[str, list[tuple[float, str]]] = {n: [] for n, k in kinds.items() if k == "group"}
    ties: list[tuple[float, Tie]] = []
    expected = {
        "child_of": ("unit", "unit"),
        "belongs_to": ("person", "unit"),
        "reports_to": ("person", "person"),
        "supervises": ("person", "person"),
        "member_of": ("person", "group"),
        "ties": ("person", "person"),
    }
    for u, v, data in graph.edges(data=True):
        u, v = str(u), str(v)
        relation = data.get("relation")
        if relation not in expected:
            error(f"edge {u} -> {v}: unknown relation {relation!r}")
            continue
        want = expected[relation]
        if (kinds.get(u), kinds.get(v)) != want:
            error(f"edge {u} -> {v}: {relation} goes from a {want[0]} to a {want[1]}")
            continue
        if relation == "child_of":
            parent[u] = v
        elif relation == "belongs_to":
            unit_of[u] = v
        elif relation == "reports_to":
            manager[u] = v
        elif relation == "supervises":
            supervisor[v] = u
        elif relation == "member_of":
            members[v].append((_order(data), u))
        else:
            try:
                tie = Tie(
                    source=u,
                    target=v,
                    kind=TieKind(data.get("kind", "collaboration")),
                    weight=float(data.get("weight", 1.0)),
                )
                ties.append((_order(data), tie))
            except (ValueError, TypeError) as exc:
                error(f"tie {u} -> {v}: {exc}")
    units, people, groups = [], [], []
    for node, data in graph.nodes(data=True):
        node = str(node)
        kind = kinds.get(node)
        try:
            if kind == "unit":
                units.append(Unit(id=node, name=str(data.get("name", "")), parent=parent.get(node)))
            elif kind == "person":
                people.append(
                    Person(
                        id=node,
                        name=str(data.get("name", "")),
                        unit=unit_of.get(node),
                        manager=manager.get(node),
                        roles=_list(data, "roles"),
                        skills=_list(data, "skills"),
                        external=_flag(data, "external"),
                        supervisor=supervisor.get(node),
                        decision_maker=_flag(data, "decision_maker"),
                        attributes=tuple(
                            (str(k), str(v)) for k, v in data.items() if k not in _PERSON_KEYS
                        ),
                    )
                )
            elif kind == "group":
                deadline = data.get("deadline")
                groups.append(
                    TransversalGroup(
                        id=node,
                        name=str(data.get("name", "")),
                        kind=GroupKind(data.get("group_kind", GROUP_KINDS[0].value)),
                        members=tuple(m for _, m in sorted(members[node])),
                        objective=data.get("objective"),
                        deadline=None if deadline is None else parse_date(str(deadline)),
                    )
                )
        except (ValueError, TypeError) as exc:
            error(f"node {node!r}: {exc}")
    if errors:
        raise LoadError(errors)
    size = graph.graph.get("size", OrganizationSize.SMALL.value)
    try:
        size_class = OrganizationSize(size)
    except ValueError:
        raise LoadError(
            [FileError(source, None, None, ("organization", "size"), f"unknown size {size!r}")]
        ) from None
    return Organization(
        name=str(graph.graph.get("name", path.stem)),
        size=size_class,
        units=units,
        people=people,
        groups=groups,
        ties=[t for _, t in sorted(ties, key=lambda pair: pair[0])],
    )
