"""Models that follow the method everywhere: no coherence rule fires on them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from estrategy.catalogue import default_catalogue
from estrategy.model import (
    CHANGE_SUPPORT_KINDS,
    EXTERNAL_AUDIENCES,
    KPI,
    PULL_TACTIC_KINDS,
    Action,
    ActionStatus,
    Audience,
    BusinessStake,
    Direction,
    GroupKind,
    Licence,
    Measurement,
    Objective,
    Organization,
    OrganizationSize,
    Person,
    Review,
    RoleKind,
    SituationAnalysis,
    Strategy,
    StrategyModel,
    StrategyScope,
    StrategyStatus,
    Tactic,
    TacticKind,
    Tie,
    TieKind,
    Tool,
    ToolKind,
    ToolSide,
    TransversalGroup,
    Unit,
)
from estrategy.testing._models import CURRENCIES
from estrategy.testing._validation import check_count, check_strategy

__all__ = ["clean_models"]

_WORDS = (
    "grow", "customer", "loyalty", "share", "data", "sales", "teams", "online", "leads",
    "brand", "expert", "content", "network", "partners", "service", "quality", "market",
    "export", "digital", "training", "process", "faster", "community", "listen", "measure",
    "reach", "retain", "open", "regional", "products", "catalogue",
)  # fmt: skip
# Plain phrases, drawn whole: one choice per text keeps generation fast.
_PHRASE = st.sampled_from(
    [
        f"{a} {b} {c}".capitalize()
        for a, b, c in zip(_WORDS, _WORDS[7:] + _WORDS[:7], _WORDS[13:] + _WORDS[:13], strict=True)
    ]
    + [f"{a} {b}".capitalize() for a, b in zip(_WORDS, _WORDS[3:] + _WORDS[:3], strict=True)]
)

_EXTERNAL_KINDS = (
    TacticKind.SOCIAL_SELLING,
    TacticKind.CONTENT_MARKETING,
    TacticKind.SOCIAL_MEDIA_MARKETING,
    TacticKind.WEB_MARKETING,
    TacticKind.EMAIL_MARKETING,
    TacticKind.MARKETING_AUTOMATION,
    TacticKind.ONLINE_ADVERTISING,
    TacticKind.TRADITIONAL_ADVERTISING,
    TacticKind.EVENTS,
    TacticKind.DIRECT_SALES,
    TacticKind.PARTNERSHIP,
    TacticKind.DATA_ANALYTICS,
)
_INTERNAL_KINDS = (
    TacticKind.ENTERPRISE_SOCIAL_NETWORK,
    TacticKind.TRANSVERSAL_STRUCTURE,
    TacticKind.CRM_DEPLOYMENT,
    TacticKind.PROCESS_DIGITALISATION,
    TacticKind.TRAINING,
    TacticKind.CHANGE_MANAGEMENT,
    TacticKind.DATA_ANALYTICS,
)
_OTHER_TOOL_KINDS = tuple(k for k in ToolKind if k is not ToolKind.CRM)
# Roles that expect no competence in the default catalogue, held by anyone.
_PLAIN_ROLES = ("marketing", "hr", "it", "buyer", "product_owner")
_GENERIC_SKILLS = (
    "social_selling",
    "negotiation",
    "crm_administration",
    "web_analytics",
    "copywriting",
    "accounting",
    "project_management",
)


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


@attrs.frozen
class _Org:
    organization: Organization
    internal: tuple[str, ...]
    skills: dict[str, tuple[str, ...]]


@st.composite
def _organization(
    draw: st.DrawFn,
    max_people: int,
    needed_roles: frozenset[str],
    objective_ids: tuple[str, ...],
    as_of: dt.date,
    sizes: SearchStrategy[OrganizationSize],
) -> _Org:
    catalogue = default_catalogue()
    n_lines = draw(st.integers(2, 3))
    n_roots = draw(st.integers(1, 2))
    units = [Unit(id=f"u-r{r}", name=draw(_PHRASE)) for r in range(n_roots)]
    line_units: list[list[str]] = []  # per line: its head unit, then its sub-units
    for j in range(n_lines):
        head = Unit(id=f"u-l{j}", name=draw(_PHRASE), parent=f"u-r{j % n_roots}")
        subs = [
            Unit(id=f"u-l{j}-{k}", name=draw(_PHRASE), parent=head.id)
            for k in range(draw(st.integers(0, 2)))
        ]
        units += [head, *subs]
        line_units.append([head.id] + [s.id for s in subs])

    people: list[Person] = []
    line_of: dict[str, int] = {}

    def skills(minimum: int = 1) -> list[str]:
        return draw(
            st.lists(st.sampled_from(_GENERIC_SKILLS), min_size=minimum, max_size=3, unique=True)
        )

    for r in range(n_roots):
        people.append(
            Person(
                id=f"p-r{r}",
                name=draw(_PHRASE),
                unit=f"u-r{r}",
                roles=["executive"],
                skills=skills(),
                decision_maker=True,
            )
        )
    # Line heads decide; every holder of a field role reports to one (ORG004).
    for j in range(n_lines):
        pid = f"p-l{j}"
        people.append(
            Person(
                id=pid,
                name=draw(_PHRASE),
                unit=f"u-l{j}",
                manager=f"p-r{j % n_roots}",
                roles=draw(
                    st.lists(
                        st.sampled_from(("sales", "executive", *_PLAIN_ROLES)),
                        max_size=2,
                        unique=True,
                    )
                ),
                skills=skills(),
                decision_maker=True,
            )
        )
        line_of[pid] = j
    # Holders of the roles the catalogue gives competences to have all of them (ROL005).
    optional_roles = draw(
        st.sets(st.sampled_from(sorted(r for r in catalogue.roles if catalogue.competences(r))))
    )
    for role in sorted(needed_roles | {RoleKind.DIGITAL_LEAD} | optional_roles):
        j = draw(st.integers(0, n_lines - 1))
        pid = f"p-{role}".replace("_", "-")
        people.append(
            Person(
                id=pid,
                name=draw(_PHRASE),
                unit=draw(st.sampled_from(line_units[j])),
                manager=f"p-l{j}",
                roles=[str(role)],
                skills=[*catalogue.competences(role), *skills(0)],
            )
        )
        line_of[pid] = j
    room = max_people - len(people)
    n_external = draw(st.integers(0, min(2, room)))
    staff: list[list[str]] = [[] for _ in range(n_lines)]  # per line: the others, in order
    for i in range(draw(st.integers(0, room - n_external))):
        j = draw(st.integers(0, n_lines - 1))
        pid = f"p-{i}"
        roles = draw(st.lists(st.sampled_from(("sales", *_PLAIN_ROLES)), max_size=2, unique=True))
        # Sales people report to the line head (a decision maker); others may report to
        # a colleague of the line, which gives the hierarchy some depth.
        manager = (
            f"p-l{j}"
            if "sales" in roles or not staff[j]
            else draw(st.sampled_from([f"p-l{j}", *staff[j]]))
        )
        staff[j].append(pid)
        people.append(
            Person(
                id=pid,
                name=draw(_PHRASE),
                unit=draw(st.sampled_from(line_units[j])),
                manager=manager,
                roles=roles,
                skills=skills(),
            )
        )
        line_of[pid] = j
    internal = tuple(p.id for p in people)
    # Externals are always supervised by an internal person (ROL004).
    for i in range(n_external):
        people.append(
            Person(
                id=f"x-{i}",
                name=draw(_PHRASE),
                roles=["external_expert"],
                skills=skills(),
                external=True,
                supervisor=draw(st.sampled_from(internal)),
            )
        )

    by_line = [[p for p, line in line_of.items() if line == j] for j in range(n_lines)]
    everyone = [p.id for p in people]

    def group(gid: str, lines: list[int]) -> TransversalGroup:
        # Two members from each chosen line (one where the line has one person), so the
        # group spans two lines or more (ORG002) and no one person alone joins them
        # (ORG006).
        members = [
            m
            for j in lines
            for m in draw(
                st.lists(
                    st.sampled_from(by_line[j]),
                    min_size=min(2, len(by_line[j])),
                    max_size=2,
                    unique=True,
                )
            )
        ]
        members += [
            m for m in draw(st.lists(st.sampled_from(everyone), max_size=3)) if m not in members
        ]
        kind = draw(st.sampled_from(GroupKind))
        # Project groups always have a charter (ORG003); other kinds sometimes do.
        charter = kind is GroupKind.PROJECT or draw(st.booleans())
        return TransversalGroup(
            id=gid,
            name=draw(_PHRASE),
            kind=kind,
            members=list(dict.fromkeys(members)),
            objective=draw(st.sampled_from(objective_ids)) if charter else None,
            deadline=as_of + _days(draw(st.integers(30, 400))) if charter else None,
        )

    # The first group joins every line: no line is a silo (ORG001).
    groups = [group("g-0", list(range(n_lines)))]
    for g in range(draw(st.integers(0, 2))):
        lines = draw(
            st.lists(st.integers(0, n_lines - 1), min_size=2, max_size=n_lines, unique=True)
        )
        groups.append(group(f"g-{g + 1}", lines))
    ties = [
        Tie(
            source=a,
            target=b,
            kind=draw(st.sampled_from(TieKind)),
            weight=float(draw(st.integers(1, 20))),
        )
        for a, b in draw(
            st.lists(
                st.lists(st.sampled_from(everyone), min_size=2, max_size=2, unique=True), max_size=4
            )
        )
    ]
    # Nobody is isolated, so an ESN tool never leaves anyone out (ORG005).
    covered = {m for g in groups for m in g.members} | {
        e for t in ties for e in (t.source, t.target)
    }
    for person in people:
        if person.id not in covered:
            other = person.manager or person.supervisor or "p-l0"
            ties.append(Tie(source=person.id, target=other))
            covered |= {person.id, other}

    skills_of = {p.id: p.skills for p in people}
    org = Organization(
        name=draw(_PHRASE),
        size=draw(sizes),
        units=units,
        people=people,
        groups=groups,
        ties=ties,
    )
    return _Org(org, internal, skills_of)


@st.composite
def _clean_models(
    draw: st.DrawFn,
    max_objectives: int,
    max_tactics: int,
    max_people: int,
    sizes: SearchStrategy[OrganizationSize],
    as_of_dates: SearchStrategy[dt.date],
) -> StrategyModel:
    catalogue = default_catalogue()
    as_of = min(max(draw(as_of_dates), dt.date(100, 1, 1)), dt.date(9000, 1, 1))

    # Objectives: SMART (STR004). o-0 is pursued by every retained strategy, which joins
    # the two volets (STR007) and the traditional and digital channels (CHN001).
    n_objectives = draw(st.integers(1, max_objectives))
    objective_ids = tuple(f"o-{i}" for i in range(n_objectives))
    stakes = [
        BusinessStake(id=f"s-{i}", statement=draw(_PHRASE))
        for i in range(draw(st.integers(1, min(3, n_objectives))))
    ]

    # Strategies: both volets retained (STR006); each pursues an objective (STR002);
    # every objective is pursued by a retained strategy (STR009) and was challenged by
    # a rejected alternative (STR005).
    n_internal = draw(st.integers(1, 2 if max_tactics >= 5 else 1))
    n_external = draw(st.integers(1, min(2, max_tactics - 2 * n_internal)))
    retained: list[Strategy] = []
    for scope, count, prefix in (
        (StrategyScope.EXTERNAL, n_external, "st-e"),
        (StrategyScope.INTERNAL, n_internal, "st-i"),
    ):
        for i in range(count):
            extra = draw(st.lists(st.sampled_from(objective_ids), max_size=2, unique=True))
            retained.append(
                Strategy(
                    id=f"{prefix}{i}",
                    statement=draw(_PHRASE),
                    scope=scope,
                    objectives=list(dict.fromkeys(["o-0", *extra])),
                    status=StrategyStatus.RETAINED,
                    rationale=draw(st.none() | _PHRASE),
                )
            )
    for oid in objective_ids:
        if not any(oid in s.objectives for s in retained):
            k = draw(st.integers(0, len(retained) - 1))
            retained[k] = attrs.evolve(retained[k], objectives=(*retained[k].objectives, oid))
    alternatives = [
        Strategy(
            id="st-alt0",
            statement=draw(_PHRASE),
            scope=draw(st.sampled_from(StrategyScope)),
            objectives=objective_ids,
            status=StrategyStatus.REJECTED,
            rationale=draw(_PHRASE),
        )
    ]
    if draw(st.booleans()):
        alternatives.append(
            Strategy(
                id="st-alt1",
                statement=draw(_PHRASE),
                scope=draw(st.sampled_from(StrategyScope)),
                objectives=draw(
                    st.lists(st.sampled_from(objective_ids), min_size=1, max_size=2, unique=True)
                ),
                status=draw(st.sampled_from((StrategyStatus.CANDIDATE, StrategyStatus.REJECTED))),
                rationale=draw(st.none() | _PHRASE),
            )
        )

    # Tactics: every one implements a retained strategy (STR001), every retained
    # strategy has one (STR003). Each external strategy pulls (CHN002); each internal
    # one supports change with training and change management (ROL006), and only
    # internal strategies address employees.
    plans: list[tuple[str, TacticKind, Audience | None]] = []
    for s in retained:
        if s.scope is StrategyScope.EXTERNAL:
            plans.append(
                (
                    s.id,
                    draw(st.sampled_from(PULL_TACTIC_KINDS)),
                    draw(st.sampled_from(EXTERNAL_AUDIENCES)),
                )
            )
        else:
            plans.extend((s.id, kind, Audience.EMPLOYEES) for kind in CHANGE_SUPPORT_KINDS)
    for _ in range(draw(st.integers(0, max_tactics - len(plans)))):
        s = draw(st.sampled_from(retained))
        if s.scope is StrategyScope.EXTERNAL:
            kind = draw(st.sampled_from(_EXTERNAL_KINDS))
            audience = draw(st.none() | st.sampled_from(EXTERNAL_AUDIENCES))
        else:
            kind = draw(st.sampled_from(_INTERNAL_KINDS))
            audience = draw(st.none() | st.just(Audience.EMPLOYEES))
        plans.append((s.id, kind, audience))

    # People: a role a tactic presupposes is held by an internal person (ROL001,
    # ROL002), and an internal digital lead is always there (ROL003).
    needed = frozenset(role for _, kind, _ in plans for role in catalogue.presupposes(kind))
    org_info = draw(_organization(max_people, needed, objective_ids, as_of, sizes))
    org = org_info.organization
    unit_ids = [u.id for u in org.units]
    tactics = [
        Tactic(
            id=f"t-{i}",
            name=draw(_PHRASE),
            kind=kind,
            strategy=sid,
            audience=audience,
            owner_unit=draw(st.none() | st.sampled_from(unit_ids)),
        )
        for i, (sid, kind, audience) in enumerate(plans)
    ]

    objectives = []
    for oid in objective_ids:
        baseline = draw(st.integers(0, 1000))
        change = draw(st.integers(1, 500)) * draw(st.sampled_from((1, -1)))
        objectives.append(
            Objective(
                id=oid,
                statement=draw(_PHRASE),
                stake=draw(st.sampled_from([s.id for s in stakes])),
                metric=draw(_PHRASE),
                baseline=baseline,
                target=baseline + change,
                deadline=as_of + _days(draw(st.integers(60, 1000))),
                owner=draw(st.sampled_from(org_info.internal)),
            )
        )
    deadline_of = {o.id: o.deadline for o in objectives}

    # Tools: a CRM always (TEC002, TEC003); every tool is used by an action (TEC001).
    tools = [
        Tool(
            id="tool-crm",
            name=draw(_PHRASE),
            kind=ToolKind.CRM,
            side=draw(st.none() | st.just(ToolSide.BACK)),
            licence=draw(st.none() | st.sampled_from(Licence)),
        )
    ]
    for tool_kind in draw(st.lists(st.sampled_from(_OTHER_TOOL_KINDS), max_size=4, unique=True)):
        tools.append(
            Tool(
                id=f"tool-{tool_kind}".replace("_", "-"),
                name=draw(_PHRASE),
                kind=tool_kind,
                side=draw(st.none() | st.sampled_from(ToolSide)),
                licence=draw(st.none() | st.sampled_from(Licence)),
            )
        )
    tool_ids = [t.id for t in tools]

    # Actions: complete (ACT002), not overdue (ACT003), competences the responsible
    # person has (ROL005); actions towards external audiences use the CRM (TEC004).
    actions: list[Action] = []
    people_ids = sorted(org_info.skills)
    for tactic in tactics:
        for _ in range(draw(st.integers(1, 2))):
            responsible = draw(st.sampled_from(people_ids))
            used = draw(st.lists(st.sampled_from(tool_ids), min_size=1, max_size=2, unique=True))
            if tactic.audience in EXTERNAL_AUDIENCES and "tool-crm" not in used:
                used.insert(0, "tool-crm")
            status = draw(
                st.sampled_from((ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.DONE))
            )
            offset = draw(st.integers(-300 if status is ActionStatus.DONE else 1, 400))
            actions.append(
                Action(
                    id=f"a-{len(actions)}",
                    tactic=tactic.id,
                    description=draw(_PHRASE),
                    competences=draw(
                        st.lists(
                            st.sampled_from(org_info.skills[responsible]),
                            min_size=1,
                            max_size=2,
                            unique=True,
                        )
                    ),
                    responsible=responsible,
                    tools=used,
                    budget=Decimal(draw(st.integers(0, 5_000_000))) / 100,
                    deadline=as_of + _days(offset),
                    status=status,
                )
            )
    for tool_id in tool_ids:
        if not any(tool_id in a.tools for a in actions):
            k = draw(st.integers(0, len(actions) - 1))
            actions[k] = attrs.evolve(actions[k], tools=(*actions[k].tools, tool_id))
    # One tactic holds at least half the budget, so it is never spread thin (ACT004).
    spent = {
        t.id: sum((a.budget or Decimal(0) for a in actions if a.tactic == t.id), Decimal(0))
        for t in tactics
    }
    rest = sum(spent.values(), Decimal(0)) - spent["t-0"]
    if spent["t-0"] < rest:
        first = next(i for i, a in enumerate(actions) if a.tactic == "t-0")
        actions[first] = attrs.evolve(
            actions[first], budget=(actions[first].budget or Decimal(0)) + rest - spent["t-0"]
        )

    # KPIs: one per retained strategy measures all its tactics (MES001) and one of its
    # objectives (MES004); measured (MES002), and ahead of the planned line (MES005).
    kpis = []
    for i, s in enumerate(retained):
        objective = draw(st.sampled_from(s.objectives))
        kpis.append(
            _kpi(
                draw,
                f"k-{i}",
                objective,
                [t.id for t in tactics if t.strategy == s.id],
                as_of,
                deadline_of[objective],
            )
        )

    # Reviews: the last within 60 days of as_of, gaps under 90 days (MES003).
    review_dates = [as_of - _days(draw(st.integers(0, 60)))]
    for _ in range(draw(st.integers(0, 3))):
        review_dates.append(review_dates[-1] - _days(draw(st.integers(14, 80))))
    kpi_ids = [k.id for k in kpis]
    reviews = [
        Review(
            date=day,
            kpis=draw(st.lists(st.sampled_from(kpi_ids), min_size=1, max_size=3, unique=True)),
            decisions=draw(st.lists(_PHRASE, min_size=1, max_size=2)),
            lessons=draw(st.lists(_PHRASE, max_size=2)),
        )
        for day in reversed(review_dates)
    ]

    items = st.lists(_PHRASE, min_size=1, max_size=3)
    return StrategyModel(
        name=draw(_PHRASE),
        currency=draw(st.sampled_from(CURRENCIES)),
        as_of=as_of,
        organization=org,
        mission=draw(_PHRASE),
        stakes=stakes,
        # All five headings filled (STR008).
        situation=SituationAnalysis(
            strengths=draw(items),
            weaknesses=draw(items),
            opportunities=draw(items),
            threats=draw(items),
            competitors=draw(items),
        ),
        objectives=objectives,
        strategies=[*retained, *alternatives],
        tactics=tactics,
        actions=actions,
        kpis=kpis,
        reviews=reviews,
        tools=tools,
    )


def _kpi(
    draw: st.DrawFn,
    kpi_id: str,
    objective: str,
    tactic_ids: list[str],
    as_of: dt.date,
    deadline: dt.date | None,
) -> KPI:
    """A KPI whose latest value is on or ahead of the line from its first one to its target.

    The latest value is ahead of the line's value at ``as_of`` itself, which is further
    along than at the latest measurement's date: it holds however MES005 reads "now".
    """
    assert deadline is not None  # objectives of clean models are SMART
    direction = draw(st.sampled_from(Direction))
    sign = 1 if direction is Direction.INCREASE else -1
    change = draw(st.integers(1, 500))
    # Values stay non-negative, as counts and durations are, even a little past the target.
    first_value = draw(st.integers(0, 1000)) + (change * 2 if sign < 0 else 0)
    target = first_value + sign * change
    days = [as_of - _days(draw(st.integers(0, 30)))]
    for _ in range(draw(st.integers(1, 3))):
        days.append(days[-1] - _days(draw(st.integers(7, 60))))
    days.reverse()
    span = (deadline - days[0]).days

    def planned(day: dt.date) -> float:
        return first_value + sign * change * (day - days[0]).days / span

    values = [float(first_value)]
    for day in days[1:-1]:
        values.append(round(planned(day) + sign * change * draw(st.integers(0, 30)) / 100, 2))
    values.append(round(planned(as_of) + sign * change * draw(st.integers(0, 30)) / 100, 2))
    return KPI(
        id=kpi_id,
        name=draw(_PHRASE),
        objective=objective,
        tactics=tactic_ids,
        unit=draw(st.sampled_from(("leads", "hours", "%", "orders", "EUR"))),
        target=float(target),
        direction=direction,
        measurements=[Measurement(date=d, value=v) for d, v in zip(days, values, strict=True)],
    )


def clean_models(
    *,
    max_objectives: int = 3,
    max_tactics: int = 8,
    max_people: int = 14,
    sizes: SearchStrategy[OrganizationSize] | None = None,
    as_of: SearchStrategy[dt.date] | None = None,
) -> SearchStrategy[StrategyModel]:
    """Models that follow the method everywhere: no rule of the catalogue fires on them.

    Ids are readable (``o-0``, ``st-e0``, ``t-3``, ``p-l1``) and texts are plain words,
    so a failing example is easy to read. What holds for every model drawn, by rule:

    - ``as_of`` is always set; every date below is relative to it.
    - Strategy (STR): every objective is SMART (statement, stake, metric, baseline,
      target different from the baseline, deadline after ``as_of``, owner); both
      volets have retained strategies, all of which pursue objective ``o-0``; every
      objective is pursued by a retained strategy and by the rejected alternative
      ``st-alt0`` (so it was challenged); every tactic implements a retained strategy
      and every retained strategy has tactics; the situation analysis fills all five
      headings.
    - Actions (ACT): every tactic has one or two actions, each with competences, a
      responsible person, tools, a budget and a deadline; none is dropped; an action
      not done is due after ``as_of``; tactic ``t-0`` holds at least half the budget.
    - Measurement (MES): one KPI per retained strategy measures all its tactics and one
      of its objectives; it has two to four measurements up to ``as_of``, whose latest
      value is on or ahead of the line from the first value to the KPI's target at the
      objective's deadline (also when that line is read at ``as_of``); reviews are at
      most 80 days apart, the last within 60 days before ``as_of``.
    - Roles (ROL): an internal digital lead always; an internal holder of every role a
      tactic presupposes (community manager, data scientist); a holder of a catalogue
      role has all its competences; an action's competences are skills of its
      responsible person; every external person has an internal supervisor; every
      internal strategy has a training and a change-management tactic (employees are
      addressed by internal strategies only).
    - Tools (TEC): a CRM always, on the back side; every tool is used by an action;
      every action of a tactic with an external audience uses the CRM.
    - Channels (CHN): every external strategy has a content, social media or social
      selling tactic; all strategies share ``o-0``.
    - Organisation (ORG): one or two root units with two or three hierarchical lines,
      each headed by a decision maker who reports to the root's executive (also a
      decision maker); every holder of a field role (community manager, data scientist,
      sales) is a decision maker or reports to one; every group has members in two
      lines or more and group ``g-0`` joins all lines; project groups have an
      objective and a deadline; every person has a tie or a group.

    Args:
        max_objectives: the most objectives (at least 1).
        max_tactics: the most tactics (at least 3: a pull tactic, training and change
            management).
        max_people: the most people (at least 8: executives, line heads, specialists).
        sizes: the organisation's size class (default: any).
        as_of: the model's date (default: between 2020 and 2035).

    Returns:
        A strategy of :class:`~estrategy.model.StrategyModel`.

    Raises:
        hypothesis.errors.InvalidArgument: on a bound below its minimum, or a value
            where a strategy is expected.

    Example:
        >>> from hypothesis import given
        >>> from estrategy import check
        >>> @given(clean_models())
        ... def test_no_finding(model):
        ...     assert check(model).findings == ()
    """
    check_count("max_objectives", max_objectives, minimum=1)
    check_count("max_tactics", max_tactics, minimum=3)
    check_count("max_people", max_people, minimum=8)
    return _clean_models(
        max_objectives,
        max_tactics,
        max_people,
        st.sampled_from(OrganizationSize) if sizes is None else check_strategy("sizes", sizes),
        st.dates(dt.date(2020, 1, 1), dt.date(2035, 12, 31))
        if as_of is None
        else check_strategy("as_of", as_of),
    )
