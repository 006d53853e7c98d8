"""The organisation criteria as maturity computed them before it used ``estrategy.org``.

Plain Python loops over the model, following DESIGN's definitions word for word (they
were ``estrategy/maturity/_org.py``). The property tests score arbitrary organisations
both ways: the criteria, now thin calls into ``estrategy.org``, must give the same
scores and evidence.
"""

from __future__ import annotations

from collections import defaultdict, deque

from estrategy.maturity import CriterionResult, Evidence
from estrategy.model import GroupKind, Organization, TieKind

FIELD_ROLES = ("community_manager", "data_scientist", "sales")


def _pct(part: float, whole: float) -> float:
    return 100.0 * part / whole if whole else 0.0


def line_of_unit(organization: Organization) -> dict[str, str]:
    """Unit id to the id of the unit heading its line (units of a root with children: none)."""
    parent = {u.id: u.parent for u in organization.units}
    children: dict[str, list[str]] = defaultdict(list)
    for unit in organization.units:
        if unit.parent is not None:
            children[unit.parent].append(unit.id)
    head: dict[str, str] = {}
    for unit in organization.units:
        chain = [unit.id]
        while (up := parent[chain[-1]]) is not None:
            chain.append(up)
        if len(chain) >= 2:
            head[unit.id] = chain[-2]  # the unit just below the root
        elif not children.get(unit.id):
            head[unit.id] = unit.id  # a root without children is a line of its own
    return head


def line_heads(organization: Organization) -> list[str]:
    """The units heading the hierarchical lines, sorted."""
    return sorted(set(line_of_unit(organization).values()))


def lines_of_people(organization: Organization) -> dict[str, str]:
    """Person id to their line's head unit, for people who belong to a line."""
    head = line_of_unit(organization)
    return {p.id: head[p.unit] for p in organization.people if p.unit in head}


def joined_line_pairs(organization: Organization) -> set[tuple[str, str]]:
    """Pairs of lines joined by a transversal group or a tie, each pair sorted."""
    lines = lines_of_people(organization)
    pairs: set[tuple[str, str]] = set()
    for group in organization.groups:
        spanned = sorted({lines[m] for m in group.members if m in lines})
        pairs.update((a, b) for i, a in enumerate(spanned) for b in spanned[i + 1 :])
    for tie in organization.ties:
        a, b = lines.get(tie.source), lines.get(tie.target)
        if a is not None and b is not None and a != b:
            pairs.add((min(a, b), max(a, b)))
    return pairs


def steps_to_decision_makers(organization: Organization) -> dict[str, int | None]:
    """Person id to the fewest steps to a decision maker (``None``: unreachable).

    A step is a manager link, a supervision link, a tie, or a shared group, read both ways.
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
    for group in organization.groups:
        for member in group.members:
            neighbours[member].update(group.members)
    distance = {p.id: 0 for p in organization.people if p.decision_maker}
    queue = deque(distance)
    while queue:
        current = queue.popleft()
        for other in neighbours[current]:
            if other not in distance:
                distance[other] = distance[current] + 1
                queue.append(other)
    return {p.id: distance.get(p.id) for p in organization.people}


def internal_holders(organization: Organization, roles: tuple[str, ...]) -> list[str]:
    """Internal people holding one of ``roles``, sorted."""
    return sorted(p.id for p in organization.people if not p.external and set(p.roles) & set(roles))


def transversality(organization: Organization, target: float) -> CriterionResult:
    """The ``transversality`` criterion."""
    heads = line_heads(organization)
    if len(heads) < 2:
        return CriterionResult.not_applicable("fewer than two hierarchical lines")
    pairs = len(heads) * (len(heads) - 1) // 2
    joined = joined_line_pairs(organization)
    linked = sorted({h for pair in joined for h in pair})
    silos = [h for h in heads if h not in linked]
    evidence = [Evidence(f"{len(joined)} of {pairs} pairs of lines are joined", linked)]
    if silos:
        evidence.append(Evidence("lines with no transversal link", silos, supports=False))
    return CriterionResult(min(100.0, _pct(len(joined) / pairs, target)), evidence)


def genuine_groups(organization: Organization) -> CriterionResult:
    """The ``genuine-groups`` criterion."""
    lines = lines_of_people(organization)
    several = len(line_heads(organization)) >= 2
    met, unmet, evidence = [], [], []
    for group in sorted(organization.groups, key=lambda g: g.id):
        problems = []
        if several and len({lines[m] for m in group.members if m in lines}) < 2:
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


def upward_paths(organization: Organization, hops: float) -> CriterionResult:
    """The ``upward-paths`` criterion."""
    steps = steps_to_decision_makers(organization)
    field = internal_holders(organization, FIELD_ROLES)
    return CriterionResult.ratio(
        [p for p in field if (s := steps[p]) is not None and s <= hops],
        [p for p in field if (s := steps[p]) is None or s > hops],
        met_fact=f"field roles within {hops:g} steps of a decision maker",
        unmet_fact=f"field roles more than {hops:g} steps from any decision maker",
        empty="nobody internal holds a field role (community manager, data scientist, sales)",
    )


def esn_reach(organization: Organization, esn_tools: list[str], target: float) -> CriterionResult:
    """The ``esn-reach`` criterion."""
    people = sorted(p.id for p in organization.people if not p.external)
    if not people:
        return CriterionResult.not_applicable("nobody is recorded in the organisation")
    if not esn_tools:
        return CriterionResult(
            0, [Evidence("no enterprise social network is deployed", supports=False)]
        )
    connected = {
        end
        for t in organization.ties
        if t.kind == TieKind.ESN and t.source != t.target
        for end in (t.source, t.target)
    }
    connected |= {
        m for g in organization.groups if g.kind == GroupKind.ESN_COMMUNITY for m in g.members
    }
    reached = [p for p in people if p in connected]
    unreached = [p for p in people if p not in connected]
    evidence = [Evidence(f"the ESN reaches {len(reached)} of {len(people)} people", esn_tools)]
    if unreached:
        fact = "people with no ESN tie and in no ESN community"
        evidence.append(Evidence(fact, unreached, supports=False))
    return CriterionResult(min(100.0, _pct(len(reached) / len(people), target)), evidence)
