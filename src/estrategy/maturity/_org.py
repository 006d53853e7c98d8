"""The few organisation facts maturity needs, computed simply from the model.

They follow DESIGN's shared definitions (hierarchical line, step). They live behind these
small private functions so that they can be switched to ``estrategy.org``'s analyses
without touching the criteria.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Mapping

from estrategy.model import Organization

__all__ = ["joined_line_pairs", "line_count", "line_heads", "lines_of_people", "steps_to_nearest"]


def _line_heads(organization: Organization) -> dict[str, str]:
    """Unit id to the id of the unit heading its line (units of a root with children: none)."""
    parent = {u.id: u.parent for u in organization.units}
    children: dict[str, list[str]] = defaultdict(list)
    for unit in organization.units:
        if unit.parent is not None:
            children[unit.parent].append(unit.id)
    head: dict[str, str] = {}
    for unit in organization.units:
        chain = [unit.id]
        current = unit.id
        seen = {current}
        while parent.get(current) is not None and parent[current] not in seen:
            current = parent[current]  # type: ignore[assignment]
            seen.add(current)
            chain.append(current)
        # chain ends at the root; the line head is the unit just below it
        if len(chain) >= 2:
            head[unit.id] = chain[-2]
        elif not children.get(unit.id):
            head[unit.id] = unit.id  # a root without children is a line of its own
    return head


def line_heads(organization: Organization) -> tuple[str, ...]:
    """The units heading the hierarchical lines, sorted."""
    return tuple(sorted(set(_line_heads(organization).values())))


def line_count(organization: Organization) -> int:
    """The number of hierarchical lines of an organisation."""
    return len(line_heads(organization))


def lines_of_people(organization: Organization) -> dict[str, str]:
    """Person id to their line's head unit, for people who belong to a line."""
    head = _line_heads(organization)
    return {
        p.id: head[p.unit] for p in organization.people if p.unit is not None and p.unit in head
    }


def joined_line_pairs(
    organization: Organization, lines: Mapping[str, str]
) -> frozenset[tuple[str, str]]:
    """Pairs of lines joined by a transversal group or a tie, each pair sorted."""
    pairs: set[tuple[str, str]] = set()
    for group in organization.groups:
        spanned = sorted({lines[m] for m in group.members if m in lines})
        pairs.update((a, b) for i, a in enumerate(spanned) for b in spanned[i + 1 :])
    for tie in organization.ties:
        a, b = lines.get(tie.source), lines.get(tie.target)
        if a is not None and b is not None and a != b:
            pairs.add((min(a, b), max(a, b)))
    return frozenset(pairs)


def steps_to_nearest(
    organization: Organization,
    sources: Iterable[str],
    targets: frozenset[str],
    limit: int | None = None,
) -> dict[str, int | None]:
    """For each source person, the fewest steps to a target person (``None``: unreachable).

    Linear in people, links and group memberships: one search from all targets at once,
    stopped once every source is reached or, with ``limit``, beyond ``limit`` steps (a
    source further away is then reported as ``None``).

    A step is a manager link, a supervision link, a tie, or a shared group (one step however
    large the group is), each read both ways.
    """
    neighbours: dict[str, set[str]] = defaultdict(set)
    for person in organization.people:
        for other in (person.manager, person.supervisor):
            if other is not None:
                neighbours[person.id].add(other)
                neighbours[other].add(person.id)
    for tie in organization.ties:
        neighbours[tie.source].add(tie.target)
        neighbours[tie.target].add(tie.source)
    groups_of: dict[str, list[int]] = defaultdict(list)
    members = [tuple(g.members) for g in organization.groups]
    for index, group_members in enumerate(members):
        for member in group_members:
            groups_of[member].append(index)

    # one breadth-first search from every target at once: the graph is read undirected,
    # so the distance from a source to its nearest target is the distance found here
    wanted = set(sources)
    distance = dict.fromkeys(targets, 0)
    missing = len(wanted - distance.keys())
    expanded: set[int] = set()
    queue = deque(distance)
    while queue and missing:
        current = queue.popleft()
        step = distance[current] + 1
        if limit is not None and step > limit:
            break
        reached = set(neighbours.get(current, ()))
        for index in groups_of.get(current, ()):
            if index not in expanded:
                expanded.add(index)
                reached.update(members[index])
        for other in reached:
            if other not in distance:
                distance[other] = step
                queue.append(other)
                if other in wanted:
                    missing -= 1
    return {source: distance.get(source) for source in sorted(wanted)}
