"""A synthetic HR export: a seeded, realistic organisation written as a CSV folder.

Used by the benchmarks and by anyone who wants an organisation of a given size to try the
analyses on. The shape: one head office (the root unit) with divisions below it (the
hierarchical lines), departments in divisions, teams in departments; a chief executive,
division and department heads (the decision makers), team leads, and members. A few
percent hold field roles (sales, community manager, data scientist), about 1 % are
external experts with an internal supervisor, and a few people have no unit. Groups
(projects, communities of practice, ESN communities) gather people mostly from one
division, sometimes several. Ties favour colleagues of the same team and department.

Example:
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> summary = write_hr_export(folder, people=500, ties_per_person=4, seed=1)
    >>> summary.people, (folder / "ties.csv").exists()
    (500, True)
"""

from __future__ import annotations

from pathlib import Path

import attrs
import numpy as np
import numpy.typing as npt

__all__ = ["HRExportSummary", "WorkplaceExportSummary", "write_hr_export", "write_workplace_export"]

_CHUNK = 500_000


@attrs.frozen
class HRExportSummary:
    """What :func:`write_hr_export` wrote.

    Attributes:
        people: number of people.
        units: number of units.
        groups: number of groups.
        memberships: number of group memberships.
        ties: number of ties.
    """

    people: int
    units: int
    groups: int
    memberships: int
    ties: int


def write_hr_export(
    folder: Path,
    *,
    people: int,
    ties_per_person: float = 10.0,
    seed: int = 0,
    divisions: int = 8,
    team_size: int = 10,
    department_size: int = 400,
    group_size: int = 20,
    people_per_group: int = 50,
) -> HRExportSummary:
    """Write a synthetic organisation as a CSV folder (see :mod:`estrategy.io.orgcsv`).

    Args:
        folder: where to write (created if needed).
        people: how many people (at least ``divisions + 2``).
        ties_per_person: average ties each person starts (the file holds
            ``people * ties_per_person`` rows).
        seed: the random seed; the same arguments always write the same files.
        divisions: hierarchical lines below the head office.
        team_size: average people per team.
        department_size: average people per department.
        group_size: average members per group.
        people_per_group: one group per this many people.

    Returns:
        What was written.

    Raises:
        ValueError: an argument is out of range.
    """
    if divisions < 1 or people < divisions + 2:
        raise ValueError("need at least one division and divisions + 2 people")
    if ties_per_person < 0 or team_size < 1 or department_size < 1 or group_size < 1:
        raise ValueError("sizes and ties_per_person must be positive")
    rng = np.random.default_rng(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)

    n = people
    n_dept = max(divisions, n // department_size)
    n_team = max(n_dept, n // team_size)
    # units: 0 head office, 1..divisions, then departments, then teams
    dept0 = 1 + divisions
    team0 = dept0 + n_dept
    n_units = team0 + n_team
    unit_parent = np.full(n_units, -1, dtype=np.int64)
    unit_parent[1:dept0] = 0
    unit_parent[dept0:team0] = 1 + np.arange(n_dept) % divisions
    unit_parent[team0:] = dept0 + np.arange(n_team) % n_dept

    # people: 0 CEO, then division heads, department heads, team leads, members
    heads_end = 1 + divisions + n_dept + n_team
    unit = np.empty(n, dtype=np.int64)
    manager = np.full(n, -1, dtype=np.int64)
    n_heads = min(n, heads_end)
    unit[:n_heads] = np.arange(n_heads)  # person i heads unit i
    manager[1:n_heads] = _head_of(unit_parent[unit[1:n_heads]])
    members = n - n_heads
    if members > 0:
        team = team0 + rng.integers(0, n_team, size=members)
        team = np.minimum(team, n_heads - 1)
        unit[n_heads:] = team
        manager[n_heads:] = team
    decision_maker = np.zeros(n, dtype=np.bool_)
    decision_maker[: min(n, dept0 + n_dept)] = True
    external = rng.random(n) < 0.01
    external[:n_heads] = False
    supervisor = np.where(external, manager, -1)
    manager = np.where(external, -1, manager)
    no_unit = (rng.random(n) < 0.002) & ~external
    no_unit[:n_heads] = False
    unit = np.where(no_unit, -1, unit)
    role_draw = rng.random(n)
    roles = np.full(n, "", dtype=object)
    roles[role_draw < 0.06] = "sales"
    roles[role_draw < 0.02] = "data_scientist"
    roles[role_draw < 0.01] = "community_manager"
    roles[0] = "executive"

    _write_units(folder / "units.csv", unit_parent, divisions, dept0, team0)
    _write_people(folder / "people.csv", unit, manager, supervisor, external, decision_maker, roles)

    # groups: mostly inside one division, one in four across two or three
    n_groups = max(1, n // people_per_group)
    kinds = np.array(["project", "community_of_practice", "esn_community"], dtype=object)
    kind = kinds[rng.integers(0, 3, size=n_groups)]
    sizes = np.maximum(1, rng.poisson(group_size, size=n_groups))
    member_group = np.repeat(np.arange(n_groups), sizes)
    person_division = _division_of(unit, unit_parent)
    by_division = [np.flatnonzero(person_division == d) for d in range(1, 1 + divisions)]
    home = rng.integers(1, 1 + divisions, size=n_groups)
    cross = (
        rng.random(len(member_group))
        < np.where(rng.random(n_groups) < 0.25, 0.5, 0.0)[member_group]
    )
    division = np.where(
        cross, rng.integers(1, 1 + divisions, size=len(member_group)), home[member_group]
    )
    member_person = np.empty(len(member_group), dtype=np.int64)
    for d in range(1, 1 + divisions):
        pool = by_division[d - 1]
        where = division == d
        if len(pool) == 0:
            pool = np.arange(n)
        member_person[where] = pool[rng.integers(0, len(pool), size=int(where.sum()))]
    pairs = np.unique(member_group * n + member_person)
    member_group, member_person = pairs // n, pairs % n
    with (folder / "groups.csv").open("w", encoding="utf-8", newline="") as f:
        f.write("id,name,kind,objective,deadline\n")
        for g in range(n_groups):
            project = kind[g] == "project"
            objective = f"objective {g}" if project and g % 7 else ""
            deadline = "2027-06-30" if project and g % 5 else ""
            f.write(f"g{g},Group {g},{kind[g]},{objective},{deadline}\n")
    _write_pairs(
        folder / "memberships.csv", "group,person", "g", member_group, "p", member_person, ""
    )

    # ties: 60 % inside the team, 25 % inside the department, 15 % anywhere
    m = round(n * ties_per_person)
    written = 0
    team_members = _members_by_unit(unit, n_units)
    with (folder / "ties.csv").open("w", encoding="utf-8", newline="") as f:
        f.write("source,target,kind,weight\n")
        while written < m:
            size = min(_CHUNK, m - written)
            source = rng.integers(0, n, size=size)
            draw = rng.random(size)
            target = rng.integers(0, n, size=size)
            local = unit[source] >= 0
            same_team = local & (draw < 0.6)
            same_dept = local & (draw >= 0.6) & (draw < 0.85)
            target[same_team] = _pick_in(team_members, unit[source[same_team]], rng)
            dept_unit = np.where(unit >= team0, unit_parent[np.maximum(unit, 0)], unit)
            target[same_dept] = _pick_in(
                team_members,
                _random_team_of(dept_unit[source[same_dept]], unit_parent, team0, rng),
                rng,
            )
            target = np.where(target < 0, rng.integers(0, n, size=size), target)
            esn = rng.random(size) < 0.3
            weight = rng.integers(1, 6, size=size)
            lines = [
                f"p{s},p{t},{'esn' if e else 'collaboration'},{w}\n"
                for s, t, e, w in zip(
                    source.tolist(), target.tolist(), esn.tolist(), weight.tolist(), strict=True
                )
            ]
            f.write("".join(lines))
            written += size
    return HRExportSummary(n, n_units, n_groups, len(member_group), m)


def _head_of(units: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    # person i heads unit i for the first units
    return units


def _division_of(
    unit: npt.NDArray[np.int64], parent: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    """The division (child of the head office) of each person's unit; 0 for none."""
    top = np.arange(len(parent))
    for _ in range(4):
        up = parent[top]
        top = np.where((up > 0), up, top)
    out = np.where(unit >= 0, top[np.maximum(unit, 0)], 0)
    return np.where(out == 0, 0, out)


def _members_by_unit(
    unit: npt.NDArray[np.int64], n_units: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    placed = unit >= 0
    order = np.argsort(np.where(placed, unit, n_units), kind="stable")
    starts = np.searchsorted(np.where(placed, unit, n_units)[order], np.arange(n_units + 1))
    return order, starts


def _pick_in(
    members: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]],
    units: npt.NDArray[np.int64],
    rng: np.random.Generator,
) -> npt.NDArray[np.int64]:
    """A random member of each given unit; -1 where the unit is empty."""
    order, starts = members
    lo = starts[units]
    count = starts[units + 1] - lo
    pick = lo + (rng.random(len(units)) * np.maximum(count, 1)).astype(np.int64)
    return np.where(count > 0, order[np.minimum(pick, len(order) - 1)], -1)


def _random_team_of(
    units: npt.NDArray[np.int64],
    parent: npt.NDArray[np.int64],
    team0: int,
    rng: np.random.Generator,
) -> npt.NDArray[np.int64]:
    """A random team of each department (teams of department d are d, d + n_dept, …)."""
    n_units = len(parent)
    n_team = n_units - team0
    dept0 = int(np.flatnonzero(parent == 1)[0]) if (parent == 1).any() else team0
    n_dept = team0 - dept0
    per = np.maximum(1, (n_team - (units - dept0)) // max(n_dept, 1))
    k = (rng.random(len(units)) * per).astype(np.int64)
    team = team0 + (units - dept0) + k * n_dept
    return np.where((units >= dept0) & (units < team0), np.minimum(team, n_units - 1), units)


def _write_units(
    path: Path, parent: npt.NDArray[np.int64], divisions: int, dept0: int, team0: int
) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("id,name,parent,cost_centre\n")
        for u, p in enumerate(parent.tolist()):
            label = (
                "Head office"
                if u == 0
                else "Division"
                if u < dept0
                else "Department"
                if u < team0
                else "Team"
            )
            f.write(f"u{u},{label} {u},{'' if p < 0 else f'u{p}'},CC{u % 97:02d}\n")


def _write_people(
    path: Path,
    unit: npt.NDArray[np.int64],
    manager: npt.NDArray[np.int64],
    supervisor: npt.NDArray[np.int64],
    external: npt.NDArray[np.bool_],
    decision_maker: npt.NDArray[np.bool_],
    roles: npt.NDArray[np.object_],
) -> None:
    flag = ("false", "true")
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("id,name,unit,manager,roles,skills,external,supervisor,decision_maker,site\n")
        n = len(unit)
        for start in range(0, n, _CHUNK):
            stop = min(n, start + _CHUNK)
            rows = zip(
                range(start, stop),
                unit[start:stop].tolist(),
                manager[start:stop].tolist(),
                roles[start:stop].tolist(),
                external[start:stop].tolist(),
                supervisor[start:stop].tolist(),
                decision_maker[start:stop].tolist(),
                strict=True,
            )
            f.write(
                "".join(
                    f"p{i},Person {i},{'' if u < 0 else f'u{u}'},{'' if m < 0 else f'p{m}'},{r},,"
                    f"{flag[e]},{'' if s < 0 else f'p{s}'},{flag[d]},site-{i % 13}\n"
                    for i, u, m, r, e, s, d in rows
                )
            )


def _write_pairs(
    path: Path,
    header: str,
    a_prefix: str,
    a: npt.NDArray[np.int64],
    b_prefix: str,
    b: npt.NDArray[np.int64],
    tail: str,
) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(header + "\n")
        for start in range(0, len(a), _CHUNK):
            f.write(
                "".join(
                    f"{a_prefix}{x},{b_prefix}{y}{tail}\n"
                    for x, y in zip(
                        a[start : start + _CHUNK].tolist(),
                        b[start : start + _CHUNK].tolist(),
                        strict=True,
                    )
                )
            )


_ORGANIZATIONS = ("Sales and Marketing", "Finance", "HR", "Product", "IT", "Operations")
_LEVELS = ("Individual Contributor", "Senior IC", "Manager", "Director")


@attrs.frozen
class WorkplaceExportSummary:
    """What :func:`write_workplace_export` wrote.

    Attributes:
        people: people of the person query.
        weeks: weekly rows per person.
        outsiders: people found only in the collaboration query.
        pairs: distinct pairs of collaborators (each written in both directions).
    """

    people: int
    weeks: int
    outsiders: int
    pairs: int


def write_workplace_export(
    folder: Path,
    *,
    people: int = 60,
    weeks: int = 4,
    outsiders: int = 5,
    collaborators: int = 3,
    manager: bool = True,
    seed: int = 0,
) -> WorkplaceExportSummary:
    """Write a workplace-analytics export as it comes: weekly person and collaboration queries.

    ``person_query.csv`` has one row per person and week (``PersonId``, ``MetricDate``,
    the metrics ``Collaboration_hours`` and ``Meetings``, and the HR attributes
    ``Organization``, ``LevelDesignation``, ``FunctionType``, optionally ``ManagerId``), as
    Microsoft's Viva Insights and its vivainsights package name them; ids are GUIDs,
    dates ``M/D/YYYY``. ``collaboration_query.csv`` is a person-to-person query, both
    directions of each pair (``PrimaryCollaborator_PersonId``,
    ``SecondaryCollaborator_PersonId``, each side's ``Organization`` and
    ``LevelDesignation``, ``Collaboration_hours``, ``Meetings``), including people the
    person query does not hold. What ``estrategy org FOLDER --mapping workplace`` reads.

    Args:
        folder: where to write (created if needed).
        people: people of the person query.
        weeks: weekly rows per person (the last week is the latest).
        outsiders: collaborators found only in the collaboration query.
        collaborators: pairs each person starts.
        manager: write a ``ManagerId`` column (a person query often lacks it).
        seed: the random seed; the same arguments write the same files.

    Returns:
        What was written.

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> write_workplace_export(folder, people=10, weeks=2, outsiders=1).people
        10
    """
    import datetime as dt
    import uuid

    if people < 2 or weeks < 1 or outsiders < 0 or collaborators < 0:
        raise ValueError("need two people, one week and no negative count")
    rng = np.random.default_rng(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    total = people + outsiders
    ids = [str(uuid.UUID(int=int(rng.integers(0, 2**62)) << 64 | i)) for i in range(total)]
    organization = [_ORGANIZATIONS[int(k)] for k in rng.integers(0, len(_ORGANIZATIONS), total)]
    level = [_LEVELS[int(k)] for k in rng.integers(0, len(_LEVELS), total)]
    boss = [-1] + [int(rng.integers(0, max(1, i))) for i in range(1, people)]
    first = dt.date(2024, 1, 7)
    with (folder / "person_query.csv").open("w", encoding="utf-8", newline="") as f:
        header = ["PersonId", "MetricDate", "Collaboration_hours", "Meetings"]
        header += ["Organization", "LevelDesignation", "FunctionType"]
        f.write(",".join([*header, "ManagerId"] if manager else header) + "\n")
        for week in range(weeks):
            day = first + dt.timedelta(days=7 * week)
            date = f"{day.month}/{day.day}/{day.year}"
            for i in range(people):
                hours = round(float(rng.uniform(2, 30)), 2)
                row = [ids[i], date, str(hours), str(int(rng.integers(0, 20)))]
                row += [organization[i], level[i], "Engineering"]
                if manager:
                    row.append("" if boss[i] < 0 else ids[boss[i]])
                f.write(",".join(row) + "\n")
    pairs: set[tuple[int, int]] = set()
    for i in range(people):
        for j in rng.integers(0, total, collaborators).tolist():
            if i != j:
                pairs.add((min(i, j), max(i, j)))
    for k in range(outsiders):  # every outsider works with someone measured
        pairs.add((int(rng.integers(0, people)), people + k))
    with (folder / "collaboration_query.csv").open("w", encoding="utf-8", newline="") as f:
        sides = ("PrimaryCollaborator", "SecondaryCollaborator")
        columns = [
            f"{s}_{c}" for s in sides for c in ("PersonId", "Organization", "LevelDesignation")
        ]
        f.write(",".join([*columns, "Collaboration_hours", "Meetings"]) + "\n")
        for a, b in sorted(pairs):
            hours, meetings = round(float(rng.uniform(0.5, 10)), 2), int(rng.integers(1, 8))
            for x, y in ((a, b), (b, a)):
                row = [ids[x], organization[x], level[x], ids[y], organization[y], level[y]]
                f.write(",".join([*row, str(hours), str(meetings)]) + "\n")
    return WorkplaceExportSummary(people, weeks, outsiders, len(pairs))
