"""The one reference for organisation analyses: brute force, simple and obviously right.

Each analysis follows its definition (``docs/org.md``, ``docs/maturity.md``) word for
word, with Python loops and networkx, on :func:`estrategy.org.org_graph`. Two test areas
check against it:

- ``tests/org``: the fast, vectorised analyses of :mod:`estrategy.org` must give identical
  results;
- ``tests/maturity``: the organisation criteria (``transversality``, ``genuine-groups``,
  ``upward-paths``, ``esn-reach``), built here from the same analyses, must give the same
  scores and evidence as the maturity engine's criteria.
"""

from __future__ import annotations

import itertools
from collections import defaultdict

import networkx as nx

from estrategy.maturity import CriterionResult, Evidence
from estrategy.model import GroupKind, Organization
from estrategy.org import org_graph

FIELD_ROLES = ("community_manager", "data_scientist", "sales")


def _edges(g: nx.MultiDiGraph, relation: str) -> list[tuple[str, str, dict[str, object]]]:
    return [(u, v, d) for u, v, d in g.edges(data=True) if d["relation"] == relation]


def _of_kind(g: nx.MultiDiGraph, kind: str) -> list[str]:
    return [n for n, k in g.nodes(data="kind") if k == kind]


def lines(org: Organization) -> tuple[list[str], dict[str, str | None]]:
    """Line heads (in unit order) and the line head of each person (or None)."""
    g = org_graph(org)
    units = _of_kind(g, "unit")
    parent = {u: v for u, v, _ in _edges(g, "child_of")}
    children = defaultdict(list)
    for child, p in parent.items():
        children[p].append(child)
    heads = [
        u
        for u in units
        if (u in parent and parent[u] not in parent) or (u not in parent and not children[u])
    ]

    def head_of(unit: str) -> str | None:
        chain = [unit]
        while chain[-1] in parent:
            chain.append(parent[chain[-1]])
        # chain ends at a root; the head is the unit just below it, or a childless root
        if len(chain) >= 2:
            return chain[-2]
        return unit if not children[unit] else None

    person_line: dict[str, str | None] = dict.fromkeys(_of_kind(g, "person"))
    for person, unit, _ in _edges(g, "belongs_to"):
        person_line[person] = head_of(unit)
    return heads, person_line


def tie_pairs(org: Organization) -> set[frozenset[str]]:
    g = org_graph(org)
    return {frozenset((u, v)) for u, v, _ in _edges(g, "ties") if u != v}


def members(org: Organization) -> dict[str, set[str]]:
    g = org_graph(org)
    out: dict[str, set[str]] = {gid: set() for gid in _of_kind(g, "group")}
    for person, group, _ in _edges(g, "member_of"):
        out[group].add(person)
    return out


def group_lines(org: Organization) -> dict[str, set[str]]:
    _, line = lines(org)
    return {g: {x for p in ms if (x := line[p]) is not None} for g, ms in members(org).items()}


def links(org: Organization) -> dict[tuple[str, str], tuple[int, int]]:
    """For each pair of lines (in head order) joined: (groups, tie pairs)."""
    heads, line = lines(org)
    spans = group_lines(org)
    out = {}
    for a, b in itertools.combinations(heads, 2):
        k = sum(1 for s in spans.values() if a in s and b in s)
        t = 0
        for pair in tie_pairs(org):
            x, y = tuple(pair)
            if {line[x], line[y]} == {a, b}:
                t += 1
        if k or t:
            out[(a, b)] = (k, t)
    return out


def silos(org: Organization) -> list[str]:
    heads, _ = lines(org)
    if len(heads) < 2:
        return []
    joined = links(org)
    return [h for h in heads if not any(h in pair for pair in joined)]


def collaboration(org: Organization) -> dict[str, tuple[int, int]]:
    heads, line = lines(org)
    out = {h: [0, 0] for h in heads}
    for pair in tie_pairs(org):
        x, y = tuple(pair)
        own = line[x]
        if own is not None and own == line[y]:
            out[own][0] += 1
        else:
            for z in (line[x], line[y]):
                if z is not None:
                    out[z][1] += 1
    return {h: (i, e) for h, (i, e) in out.items()}


def isolates(org: Organization) -> list[str]:
    g = org_graph(org)
    tied = {p for pair in tie_pairs(org) for p in pair}
    grouped = {p for p, _, _ in _edges(g, "member_of")}
    return [p for p in _of_kind(g, "person") if p not in tied and p not in grouped]


def esn_connected(org: Organization) -> set[str]:
    """People with an ESN tie to someone else or in an ESN community."""
    g = org_graph(org)
    reached = set()
    for u, v, d in _edges(g, "ties"):
        if u != v and d["kind"] == "esn":
            reached |= {u, v}
    for person, group, _ in _edges(g, "member_of"):
        if g.nodes[group]["group_kind"] == "esn_community":
            reached.add(person)
    return reached


def internal_people(org: Organization) -> list[str]:
    """Internal people, in the organisation's order."""
    g = org_graph(org)
    return [p for p in _of_kind(g, "person") if not g.nodes[p]["external"]]


def esn_reached(org: Organization) -> tuple[int, int]:
    reached = esn_connected(org)
    internal = internal_people(org)
    return len(internal), sum(1 for p in internal if p in reached)


def steps(org: Organization) -> dict[str, int | None]:
    """Steps to the nearest decision maker: weighted search, a group being two half steps."""
    g = org_graph(org)
    h = nx.Graph()
    people = _of_kind(g, "person")
    h.add_nodes_from(people)
    for relation in ("reports_to", "supervises", "ties"):
        for u, v, _ in _edges(g, relation):
            if u != v:
                h.add_edge(u, v, weight=2)
    for person, group, _ in _edges(g, "member_of"):
        h.add_edge(person, ("group", group), weight=1)
    sources = {p for p in people if g.nodes[p]["decision_maker"]}
    if not sources:
        return dict.fromkeys(people)
    dist = nx.multi_source_dijkstra_path_length(h, sources, weight="weight")
    return {p: (dist[p] // 2 if p in dist else None) for p in people}


def broker_pairs(org: Organization) -> dict[str, int]:
    _, line = lines(org)
    spans = group_lines(org)
    touched: dict[str, set[str]] = {p: set() for p in line}
    for p, own in line.items():
        if own is not None:
            touched[p].add(own)
    for pair in tie_pairs(org):
        x, y = tuple(pair)
        if (of_y := line[y]) is not None:
            touched[x].add(of_y)
        if (of_x := line[x]) is not None:
            touched[y].add(of_x)
    for group, ms in members(org).items():
        for p in ms:
            touched[p] |= spans[group]
    return {p: len(s) * (len(s) - 1) // 2 for p, s in touched.items()}


def spans_and_depths(org: Organization) -> tuple[list[int], list[int]]:
    g = org_graph(org)
    manager = {u: v for u, v, _ in _edges(g, "reports_to")}
    reports: dict[str, int] = defaultdict(int)
    for m in manager.values():
        reports[m] += 1
    depths = []
    for p in _of_kind(g, "person"):
        d, q = 0, p
        while q in manager:
            q, d = manager[q], d + 1
        depths.append(d)
    return sorted(reports.values()), depths


def simple_tie_graph(org: Organization) -> nx.Graph:
    g = org_graph(org)
    h = nx.Graph()
    h.add_nodes_from(_of_kind(g, "person"))
    h.add_edges_from(tuple(pair) for pair in tie_pairs(org))
    return h


def brokerage_roles(org: Organization, directed: bool = False) -> dict[str, tuple[int, ...]]:
    """Open two-paths a -> b -> c per broker b, by the lines of a, b and c.

    Counts: coordinator, itinerant, representative, gatekeeper, liaison. Undirected: each
    open pair {a, c} once, a mixed pair once as representative and once as gatekeeper.
    """
    _, line = lines(org)
    g = org_graph(org)
    arcs = {(u, v) for u, v, _ in _edges(g, "ties") if u != v}
    if not directed:
        arcs |= {(v, u) for u, v in arcs}
    out_of: dict[str, set[str]] = defaultdict(set)
    into: dict[str, set[str]] = defaultdict(set)
    for u, v in arcs:
        out_of[u].add(v)
        into[v].add(u)
    result = {}
    for b in line:
        counts = [0, 0, 0, 0, 0]
        if line[b] is not None:
            for a in into[b]:
                for c in out_of[b]:
                    if a == c or (a, c) in arcs or line[a] is None or line[c] is None:
                        continue
                    la, lb, lc = line[a], line[b], line[c]
                    if la == lb == lc:
                        counts[0] += 1
                    elif la == lc:
                        counts[1] += 1
                    elif la == lb:
                        counts[2] += 1
                    elif lc == lb:
                        counts[3] += 1
                    else:
                        counts[4] += 1
        if not directed:
            counts[0] //= 2
            counts[1] //= 2
            counts[4] //= 2
        result[b] = tuple(counts)
    return result


# The organisation criteria of the maturity model, read from the analyses above.


def _pct(part: float, whole: float) -> float:
    return 100.0 * part / whole if whole else 0.0


def joined_line_pairs(org: Organization) -> set[tuple[str, str]]:
    """Pairs of lines joined by a transversal group or a tie, each pair sorted by id."""
    return {(min(a, b), max(a, b)) for a, b in links(org)}


def internal_holders(org: Organization, roles: tuple[str, ...]) -> list[str]:
    """Internal people holding one of ``roles``, sorted."""
    return sorted(p.id for p in org.people if not p.external and set(p.roles) & set(roles))


def transversality_criterion(org: Organization, target: float) -> CriterionResult:
    """The ``transversality`` criterion."""
    heads = sorted(lines(org)[0])
    if len(heads) < 2:
        return CriterionResult.not_applicable("fewer than two hierarchical lines")
    pairs = len(heads) * (len(heads) - 1) // 2
    joined = joined_line_pairs(org)
    linked = sorted({h for pair in joined for h in pair})
    isolated = [h for h in heads if h not in linked]
    evidence = [Evidence(f"{len(joined)} of {pairs} pairs of lines are joined", linked)]
    if isolated:
        evidence.append(Evidence("lines with no transversal link", isolated, supports=False))
    return CriterionResult(min(100.0, _pct(len(joined) / pairs, target)), evidence)


def genuine_groups_criterion(org: Organization) -> CriterionResult:
    """The ``genuine-groups`` criterion."""
    heads, _ = lines(org)
    several = len(heads) >= 2
    spans = group_lines(org)
    met, unmet, evidence = [], [], []
    for group in sorted(org.groups, key=lambda g: g.id):
        problems = []
        if several and len(spans[group.id]) < 2:
            problems.append("spans one line only")
        if group.kind == GroupKind.PROJECT and (not group.objective or group.deadline is None):
            problems.append("has no objective or no deadline")
        if problems:
            unmet.append(group.id)
            evidence.append(
                Evidence(f"{group.id} {' and '.join(problems)}", [group.id], supports=False)
            )
        else:
            met.append(group.id)
    if not met and not unmet:
        return CriterionResult.not_applicable("no transversal group")
    if met:
        evidence.insert(0, Evidence("groups that genuinely cross lines", met))
    return CriterionResult(_pct(len(met), len(met) + len(unmet)), evidence)


def upward_paths_criterion(org: Organization, hops: float) -> CriterionResult:
    """The ``upward-paths`` criterion."""
    distance = steps(org)
    field = internal_holders(org, FIELD_ROLES)
    return CriterionResult.ratio(
        [p for p in field if (s := distance[p]) is not None and s <= hops],
        [p for p in field if (s := distance[p]) is None or s > hops],
        met_fact=f"field roles within {hops:g} steps of a decision maker",
        unmet_fact=f"field roles more than {hops:g} steps from any decision maker",
        empty="nobody internal holds a field role (community manager, data scientist, sales)",
    )


def esn_reach_criterion(org: Organization, esn_tools: list[str], target: float) -> CriterionResult:
    """The ``esn-reach`` criterion."""
    people = sorted(internal_people(org))
    if not people:
        return CriterionResult.not_applicable("nobody is recorded in the organisation")
    if not esn_tools:
        return CriterionResult(
            0, [Evidence("no enterprise social network is deployed", supports=False)]
        )
    connected = esn_connected(org)
    reached = [p for p in people if p in connected]
    unreached = [p for p in people if p not in connected]
    evidence = [Evidence(f"the ESN reaches {len(reached)} of {len(people)} people", esn_tools)]
    if unreached:
        fact = "people with no ESN tie and in no ESN community"
        evidence.append(Evidence(fact, unreached, supports=False))
    return CriterionResult(min(100.0, _pct(len(reached) / len(people), target)), evidence)


# The second stage: weights, the group-to-group matrix, key-person risk.


def pair_weights(org: Organization) -> dict[frozenset[str], float]:
    """The weight of each distinct pair: the sum of its tie rows, both directions."""
    out: dict[frozenset[str], float] = defaultdict(float)
    for tie in org.ties:
        if tie.source != tie.target:
            out[frozenset((tie.source, tie.target))] += tie.weight
    return dict(out)


def weighted_collaboration(org: Organization) -> dict[str, tuple[float, float]]:
    heads, line = lines(org)
    out = {h: [0.0, 0.0] for h in heads}
    for pair, weight in pair_weights(org).items():
        x, y = tuple(pair)
        lx, ly = line[x], line[y]
        if lx is not None and lx == ly:
            out[lx][0] += weight
        else:
            for z in (lx, ly):
                if z is not None:
                    out[z][1] += weight
    return {h: (i, e) for h, (i, e) in out.items()}


def weighted_tie_graph(org: Organization) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(p.id for p in org.people)
    for pair, weight in pair_weights(org).items():
        graph.add_edge(*tuple(pair), weight=weight)
    return graph


def group_pairs(org: Organization, attribute: str) -> dict[tuple[str, str], tuple[int, float]]:
    """Per pair of attribute values (sorted), the distinct tied pairs and their weight."""
    value = {p.id: dict(p.attributes).get(attribute, "") for p in org.people}
    out: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0, 0.0])
    for pair, weight in pair_weights(org).items():
        x, y = tuple(pair)
        if value[x] and value[y]:
            key = (min(value[x], value[y]), max(value[x], value[y]))
            out[key][0] += 1
            out[key][1] += weight
    return {k: (int(c), w) for k, (c, w) in out.items()}


def directed_within_share(org: Organization, attribute: str) -> dict[str, float | None]:
    """vivainsights' share: per group, over directed rows (each pair both ways), within/all."""
    value = {p.id: dict(p.attributes).get(attribute, "") for p in org.people}
    rows: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for pair in pair_weights(org):
        x, y = tuple(pair)
        for a, b in ((x, y), (y, x)):
            if value[a]:
                rows[value[a]][1] += 1
                rows[value[a]][0] += value[a] == value[b]
    return {g: (w / t if t else None) for g, (w, t) in rows.items()}


def without_person(org: Organization, person: str) -> Organization:
    """The organisation without one person and every link of theirs (nobody steps in)."""
    import attrs

    people = [
        attrs.evolve(
            p,
            manager=None if p.manager == person else p.manager,
            supervisor=None if p.supervisor == person else p.supervisor,
        )
        for p in org.people
        if p.id != person
    ]
    groups = [attrs.evolve(g, members=[m for m in g.members if m != person]) for g in org.groups]
    ties = [t for t in org.ties if person not in (t.source, t.target)]
    return attrs.evolve(org, people=people, groups=groups, ties=ties)


def line_links(org: Organization) -> list[tuple[str, str, object]]:
    """Every line-joining link: ``(line a, line b, what)``, a distinct tie or a group."""
    _, line = lines(org)
    out: list[tuple[str, str, object]] = []
    for pair in tie_pairs(org):
        x, y = tuple(pair)
        lx, ly = line[x], line[y]
        if lx is not None and ly is not None and lx != ly:
            a, b = sorted((lx, ly))
            out.append((a, b, pair))
    for group, spanned in group_lines(org).items():
        for a, b in itertools.combinations(sorted(spanned), 2):
            out.append((a, b, group))
    return out


def key_people(org: Organization) -> dict[str, tuple[int, int, float]]:
    """Per person, by removing them: pairs of lines unjoined, holders cut off, links lost.

    The only person of a line joins nothing (without them the line is empty).
    """
    _, line = lines(org)
    size: dict[str | None, int] = defaultdict(int)
    for p in org.people:
        size[line[p.id]] += 1
    before_links = line_links(org)
    before_pairs = {(a, b) for a, b, _ in before_links}
    reach = steps(org)
    holders = [
        p.id
        for p in org.people
        if not p.external and set(p.roles) & set(FIELD_ROLES) and reach[p.id] is not None
    ]
    out = {}
    for person in org.people:
        after = without_person(org, person.id)
        if line[person.id] is not None and size[line[person.id]] == 1:
            unjoined, lost = 0, 0
        else:
            links_after = line_links(after)
            unjoined = len(before_pairs - {(a, b) for a, b, _ in links_after})
            lost = len(before_links) - len(links_after)
        after_steps = steps(after)
        cut = sum(1 for h in holders if h != person.id and after_steps[h] is None)
        share = lost / len(before_links) if before_links else 0.0
        out[person.id] = (unjoined, cut, share)
    return out
