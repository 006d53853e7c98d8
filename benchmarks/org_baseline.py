"""Plain-networkx baseline: the five ORG analyses the way a consultant would script them.

Reads the CSV folder with the ``csv`` module, builds an ``nx.Graph`` of people and groups,
and loops: silos (ORG001), single-line groups (ORG002), project groups without charter
(ORG003), field roles more than three steps from a decision maker (ORG004), isolated
people (ORG005). Used by ``org_scale.py`` as the reference time; run alone with::

    python benchmarks/org_baseline.py FOLDER
"""

from __future__ import annotations

import csv
import itertools
import sys
import time
from pathlib import Path

import networkx as nx


def main(folder: Path) -> None:
    start = time.perf_counter()
    parent: dict[str, str] = {}
    with (folder / "units.csv").open(newline="") as f:
        for row in csv.DictReader(f):
            if row["parent"]:
                parent[row["id"]] = row["parent"]
    people: dict[str, dict[str, str]] = {}
    with (folder / "people.csv").open(newline="") as f:
        for row in csv.DictReader(f):
            people[row["id"]] = row
    groups: dict[str, dict[str, str]] = {}
    with (folder / "groups.csv").open(newline="") as f:
        for row in csv.DictReader(f):
            groups[row["id"]] = row
    members: dict[str, list[str]] = {g: [] for g in groups}
    with (folder / "memberships.csv").open(newline="") as f:
        for row in csv.DictReader(f):
            members[row["group"]].append(row["person"])
    graph = nx.Graph()
    graph.add_nodes_from(people)
    with (folder / "ties.csv").open(newline="") as f:
        for row in csv.DictReader(f):
            if row["source"] != row["target"]:
                graph.add_edge(row["source"], row["target"], weight=2)

    def line_of(unit: str) -> str | None:
        chain = [unit]
        while chain[-1] in parent:
            chain.append(parent[chain[-1]])
        return chain[-2] if len(chain) >= 2 else None

    unit_line: dict[str, str | None] = {}
    line: dict[str, str | None] = {}
    for pid, row in people.items():
        unit = row["unit"]
        if unit and unit not in unit_line:
            unit_line[unit] = line_of(unit)
        line[pid] = unit_line.get(unit) if unit else None
    heads = {x for x in unit_line.values() if x}

    # ORG001: lines joined by a group or a tie
    joined: set[frozenset[str]] = set()
    for ms in members.values():
        spanned = {x for x in (line[m] for m in ms) if x}
        for a, b in itertools.combinations(sorted(spanned), 2):
            joined.add(frozenset((a, b)))
    for a, b in graph.edges():
        if line[a] and line[b] and line[a] != line[b]:
            joined.add(frozenset((line[a], line[b])))
    touched = {x for pair in joined for x in pair}
    silos = sorted(h for h in heads if h not in touched) if len(heads) >= 2 else []
    # ORG002
    single = [g for g, ms in members.items() if len({line[m] for m in ms if line[m]}) == 1]
    # ORG003
    charterless = [
        g
        for g, row in groups.items()
        if row["kind"] == "project" and (not row["objective"] or not row["deadline"])
    ]
    # ORG005, before the hierarchy joins the graph: no tie and no group
    grouped = {m for ms in members.values() for m in ms}
    isolated = [p for p in people if p not in grouped and graph.degree(p) == 0]
    # ORG004: steps (manager, supervisor, tie = 2 half steps; a group = 1 + 1)
    for pid, row in people.items():
        for ref in (row["manager"], row["supervisor"]):
            if ref and ref != pid:
                graph.add_edge(pid, ref, weight=2)
    for group, ms in members.items():
        for m in ms:
            graph.add_edge(m, ("group", group), weight=1)
    deciders = [p for p, row in people.items() if row["decision_maker"] == "true"]
    distance = nx.multi_source_dijkstra_path_length(graph, deciders, weight="weight")
    field = {"community_manager", "data_scientist", "sales"}
    far = [
        p
        for p, row in people.items()
        if row["external"] != "true"
        and field & set(row["roles"].split(";"))
        and distance.get(p, 10**9) // 2 > 3
    ]
    elapsed = time.perf_counter() - start
    print(
        f"baseline: {len(people)} people, silos {len(silos)}, single-line groups {len(single)}, "
        f"charterless {len(charterless)}, far field roles {len(far)}, isolated {len(isolated)} "
        f"in {elapsed:.1f} s"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
