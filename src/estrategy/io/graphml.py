"""The organisation graph as GraphML, GEXF (Gephi, yEd) and Gephi's node and edge CSVs.

GraphML and GEXF hold :func:`estrategy.io.graph.org_graph` as it is: nodes with a ``kind``
(``person``, ``unit``, ``group``), edges with a ``relation``. Both are written as they
stream, straight from the compact arrays; :func:`read_graphml` (or
:func:`read_graphml_tables`, for the arrays) reads such a file back, streaming too.
:func:`write_gephi_csv` writes Gephi's spreadsheet import format, each text cell made
safe for spreadsheets.

Text XML cannot carry (NUL, ESC and the other control characters) is refused by the
XML exports, which then write nothing (:class:`ExportError`); every other text, markup
and line breaks included, reads back exactly as it was written.
"""

from __future__ import annotations

import csv
from pathlib import Path

from estrategy.base.escape import spreadsheet_cell
from estrategy.io._graphml_read import read_graphml_tables
from estrategy.io._graphml_write import ExportError, write_gexf_file, write_graphml_file
from estrategy.io.atomic import atomic_paths
from estrategy.io.limits import DEFAULT_LIMITS, Limits
from estrategy.model import Organization
from estrategy.model.tables import OrgTables, as_tables

__all__ = [
    "ExportError",
    "read_graphml",
    "read_graphml_tables",
    "write_gephi_csv",
    "write_gexf",
    "write_graphml",
]


def write_graphml(
    organization: Organization | OrgTables, path: Path, *, names: bool = True
) -> None:
    """Write the organisation graph as GraphML (yEd, Gephi, Cytoscape), streaming.

    Args:
        organization: the organisation, as a model object or compact arrays.
        path: the file to write (replaced atomically).
        names: write people's names (``False`` leaves them out: ids only).

    Raises:
        ExportError: a text holds a character XML cannot carry (NUL, ESC…); nothing is
            written.
    """
    write_graphml_file(as_tables(organization), Path(path), names=names)


def write_gexf(organization: Organization | OrgTables, path: Path, *, names: bool = True) -> None:
    """Write the organisation graph as GEXF 1.2, Gephi's preferred format, streaming.

    Args:
        organization: the organisation, as a model object or compact arrays.
        path: the file to write (replaced atomically).
        names: label people with their names (``False``: with their ids).

    Raises:
        ExportError: a text holds a character XML cannot carry; nothing is written.
    """
    write_gexf_file(as_tables(organization), Path(path), names=names)


def write_gephi_csv(
    organization: Organization | OrgTables, folder: Path, *, names: bool = True
) -> None:
    """Write ``nodes.csv`` and ``edges.csv`` for Gephi's spreadsheet import, streaming.

    Nodes have ``Id``, ``Label``, ``kind`` and, for people, ``unit``, ``external``,
    ``decision_maker`` and ``roles``; edges have ``Source``, ``Target``, ``Type``
    (``Directed``), ``relation`` and ``Weight``. Suited to organisations too large for
    GEXF. Text cells a spreadsheet would run as a formula (``=…``, ``+…``, ``-…``, ``@…``)
    start with an apostrophe. Both files are written, then moved into place together: a
    failure leaves the old pair.

    Args:
        organization: the organisation, as a model object or compact arrays.
        folder: where to write (created if needed).
        names: label people with their names (``False``: with their ids).
    """
    tables = as_tables(organization)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    units, people, groups = tables.unit_ids, tables.person_ids, tables.group_ids
    cell = spreadsheet_cell

    def nodes(target: Path) -> None:
        with target.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["Id", "Label", "kind", "unit", "external", "decision_maker", "roles"])
            w.writerows(
                (u, cell(tables.unit_names[i]), "unit", "", "", "", "") for i, u in enumerate(units)
            )
            w.writerows(
                (
                    p,
                    cell(tables.person_names[i]) if names else "",
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
                (g, cell(tables.group_names[i]), "group", "", "", "", "")
                for i, g in enumerate(groups)
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
                named = units if relation == "belongs_to" else people
                w.writerows(
                    (people[i], named[r], "Directed", relation, 1)
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

    with atomic_paths([folder / "nodes.csv", folder / "edges.csv"]) as (nodes_tmp, edges_tmp):
        nodes(nodes_tmp)
        edges(edges_tmp)


def read_graphml(path: Path, *, limits: Limits = DEFAULT_LIMITS) -> Organization:
    """Read an organisation from a GraphML file written by :func:`write_graphml`.

    Nodes need a ``kind`` (``person``, ``unit`` or ``group``); edges a ``relation`` (see
    :data:`estrategy.io.graph.RELATIONS`). Other node attributes of people are kept as
    :attr:`~estrategy.model.Person.attributes`. The file is read as it streams (see
    :func:`read_graphml_tables`, which gives the compact arrays).

    Args:
        path: the GraphML file.
        limits: the size and attribute-key bounds.

    Returns:
        The organisation.

    Raises:
        LoadError: the file is not GraphML, or a node or edge does not fit (each problem
            with the line of its node or edge).
    """
    from estrategy.io.orgcsv._convert import tables_to_organization

    return tables_to_organization(read_graphml_tables(path, limits=limits))
