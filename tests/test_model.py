"""Unit and property tests of the domain model: local validators and integrity checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estrategy.model import (
    KPI,
    Action,
    BusinessStake,
    IntegrityProblem,
    Measurement,
    ModelIntegrityError,
    ModelPath,
    Objective,
    Organization,
    Person,
    Review,
    Strategy,
    StrategyModel,
    Tactic,
    Tie,
    Tool,
    TransversalGroup,
    Unit,
    format_path,
    integrity_problems,
    parse_path,
)
from estrategy.model.validators import MAX_TIE_WEIGHT
from estrategy.testing import models, slugs

HALF = settings.get_profile("half")

# -- local validators ----------------------------------------------------------------


@given(slugs())
def test_every_generated_slug_is_a_valid_id(value: str) -> None:
    assert Unit(id=value).id == value


@pytest.mark.parametrize("bad", ["", " a", "a b", "-a", "_a", "é", "a\n", "a,b"])
def test_ids_must_be_slugs(bad: str) -> None:
    with pytest.raises(ValueError, match="not a valid id"):
        Unit(id=bad)


@pytest.mark.parametrize("bad", ["", "a b"])
def test_reference_lists_are_checked_item_by_item(bad: str) -> None:
    with pytest.raises(ValueError, match="not a valid id"):
        Strategy(id="st", objectives=["o-1", bad])


def test_optional_ids_accept_none_but_not_blanks() -> None:
    assert Person(id="p", manager=None).manager is None
    with pytest.raises(ValueError, match="not a valid id"):
        Person(id="p", manager="")


def test_a_bare_string_is_not_taken_for_a_list() -> None:
    with pytest.raises(TypeError, match="expected a list"):
        Person(id="p", roles="sales")  # type: ignore[arg-type]


def test_lists_become_tuples_so_models_are_hashable() -> None:
    person = Person(id="p", roles=["sales"], skills=iter(["seo"]))  # type: ignore[arg-type]
    assert person.roles == ("sales",)
    assert person.skills == ("seo",)
    assert hash(StrategyModel(organization=Organization(people=[person])))


def test_attributes_are_sorted_pairs() -> None:
    person = Person(id="p", attributes={"b": "2", "a": "1"})  # type: ignore[arg-type]
    assert person.attributes == (("a", "1"), ("b", "2"))


@pytest.mark.parametrize("budget", [-1, Decimal("-0.01"), Decimal("NaN"), Decimal("Infinity")])
def test_a_budget_is_finite_and_not_negative(budget: object) -> None:
    with pytest.raises(ValueError, match="finite number >= 0"):
        Action(id="a", tactic="t", budget=budget)  # type: ignore[arg-type]


def test_zero_is_a_budget_and_floats_are_read_exactly() -> None:
    assert Action(id="a", tactic="t", budget=0).budget == Decimal(0)
    assert Action(id="a", tactic="t", budget=0.1).budget == Decimal("0.1")
    assert Action(id="a", tactic="t", budget="12.50").budget == Decimal("12.50")


def test_a_boolean_is_not_a_number() -> None:
    with pytest.raises(TypeError, match="true/false"):
        Action(id="a", tactic="t", budget=True)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="true/false"):
        Objective(id="o", target=False)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="true/false"):
        Measurement(date=dt.date(2026, 1, 1), value=True)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_floats_are_finite(value: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        Objective(id="o", baseline=value)
    with pytest.raises(ValueError, match="finite"):
        Measurement(date=dt.date(2026, 1, 1), value=value)
    with pytest.raises(ValueError, match="from 0 to 1e12"):
        Tie(source="a", target="b", weight=value)


@pytest.mark.parametrize("weight", [-1.0, MAX_TIE_WEIGHT * 10])
def test_a_tie_weighs_from_nothing_to_a_trillion(weight: float) -> None:
    assert Tie(source="a", target="b", weight=MAX_TIE_WEIGHT).weight == MAX_TIE_WEIGHT
    assert Tie(source="a", target="b", weight=0).weight == 0
    with pytest.raises(ValueError, match="must be a number from 0 to 1e12, got"):
        Tie(source="a", target="b", weight=weight)


@pytest.mark.parametrize("value", [dt.datetime(2026, 1, 1, 12, 0), "2026-01-01", 20260101])
def test_dates_are_calendar_dates(value: object) -> None:
    with pytest.raises(ValueError, match="must be a date"):
        Action(id="a", tactic="t", deadline=value)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="must be a date"):
        Review(date=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("version", [0, 2, True, "1"])
def test_only_known_schema_versions_are_read(version: object) -> None:
    with pytest.raises(ValueError, match="schema_version"):
        StrategyModel(schema_version=version)  # type: ignore[arg-type]


def test_field_errors_name_their_field() -> None:
    with pytest.raises(ValueError, match="not a valid id") as info:
        Tactic(id="t", owner_unit="a b")
    assert getattr(info.value, "field", None) == "owner_unit"


# -- paths ---------------------------------------------------------------------------


@given(
    st.lists(
        st.one_of(st.integers(0, 10**6), st.from_regex(r"[a-z_][a-z0-9_]*", fullmatch=True)),
        max_size=6,
    ).filter(lambda parts: not parts or isinstance(parts[0], str))
)
def test_format_path_and_parse_path_round_trip(parts: list[str | int]) -> None:
    path = tuple(parts)
    assert parse_path(format_path(path)) == path


def test_problem_prints_its_path() -> None:
    problem = IntegrityProblem(("tactics", 3, "strategy"), "unknown strategy 'x'")
    assert str(problem) == "tactics[3].strategy: unknown strategy 'x'"


# -- integrity: every problem, together, with its path -------------------------------


def _problems(build: Callable[[], StrategyModel]) -> list[IntegrityProblem]:
    with pytest.raises(ModelIntegrityError) as info:
        build()
    return list(info.value.problems)


def test_every_broken_reference_is_reported_together_in_field_order() -> None:
    problems = _problems(
        lambda: StrategyModel(
            organization=Organization(
                units=[Unit(id="u", parent="nowhere")],
                people=[Person(id="p", unit="u2", manager="boss", supervisor="sup")],
                groups=[TransversalGroup(id="g", members=["p", "ghost"])],
                ties=[Tie(source="p", target="q")],
            ),
            objectives=[Objective(id="o", stake="s", owner="nobody")],
            strategies=[Strategy(id="st", objectives=["o", "o2"])],
            tactics=[Tactic(id="t", strategy="st2", owner_unit="u3")],
            actions=[Action(id="a", tactic="t2", responsible="r", tools=["crm"])],
            kpis=[KPI(id="k", objective="o3", tactics=["t", "t3"])],
            reviews=[Review(date=dt.date(2026, 1, 1), kpis=["k2"])],
        )
    )
    assert [format_path(p.path) for p in problems] == [
        "organization.units[0].parent",
        "organization.people[0].unit",
        "organization.people[0].manager",
        "organization.people[0].supervisor",
        "organization.groups[0].members[1]",
        "organization.ties[0].target",
        "objectives[0].stake",
        "objectives[0].owner",
        "strategies[0].objectives[1]",
        "tactics[0].strategy",
        "tactics[0].owner_unit",
        "actions[0].tactic",
        "actions[0].responsible",
        "actions[0].tools[0]",
        "kpis[0].objective",
        "kpis[0].tactics[1]",
        "reviews[0].kpis[0]",
    ]
    assert problems[9].message == "unknown strategy 'st2' (did you mean 'st'?)"


def test_the_error_message_lists_every_problem() -> None:
    with pytest.raises(ModelIntegrityError) as info:
        StrategyModel(tactics=[Tactic(id="t", strategy="a"), Tactic(id="u", strategy="b")])
    text = str(info.value)
    assert text.startswith("2 integrity problems:")
    assert "tactics[0].strategy: unknown strategy 'a'" in text
    assert "tactics[1].strategy: unknown strategy 'b'" in text


def test_duplicates_name_both_places() -> None:
    problems = _problems(
        lambda: StrategyModel(
            tactics=[Tactic(id="t"), Tactic(id="x"), Tactic(id="t")],
            tools=[Tool(id="crm"), Tool(id="crm")],
        )
    )
    assert [(format_path(p.path), p.message) for p in problems] == [
        ("tactics[2].id", "duplicate tactic id 't' (first at tactics[0].id)"),
        ("tools[1].id", "duplicate tool id 'crm' (first at tools[0].id)"),
    ]


def test_units_people_and_groups_share_one_namespace() -> None:
    problems = _problems(
        lambda: StrategyModel(
            organization=Organization(
                units=[Unit(id="sales")],
                people=[Person(id="sales"), Person(id="g")],
                groups=[TransversalGroup(id="g")],
            )
        )
    )
    assert [(format_path(p.path), p.message) for p in problems] == [
        (
            "organization.people[0].id",
            "person id 'sales' is already the id of a unit (at organization.units[0].id)",
        ),
        (
            "organization.groups[0].id",
            "group id 'g' is already the id of a person (at organization.people[1].id)",
        ),
    ]


def test_other_collections_have_their_own_namespaces() -> None:
    model = StrategyModel(
        stakes=[BusinessStake(id="x")],
        objectives=[Objective(id="x", stake="x")],
        strategies=[Strategy(id="x", objectives=["x"])],
        tactics=[Tactic(id="x", strategy="x")],
        actions=[Action(id="x", tactic="x", tools=["x"])],
        kpis=[KPI(id="x", objective="x", tactics=["x"])],
        tools=[Tool(id="x")],
        organization=Organization(units=[Unit(id="x")]),
    )
    assert integrity_problems(model) == []


def test_a_unit_cycle_is_reported_once_with_its_chain() -> None:
    problems = _problems(
        lambda: StrategyModel(
            organization=Organization(
                units=[
                    Unit(id="c", parent="a"),
                    Unit(id="a", parent="b"),
                    Unit(id="b", parent="c"),
                    Unit(id="d", parent="a"),
                ]
            )
        )
    )
    assert [(format_path(p.path), p.message) for p in problems] == [
        ("organization.units[1].parent", "unit parent cycle: a → b → c → a"),
    ]


def test_a_manager_cycle_is_reported() -> None:
    problems = _problems(
        lambda: StrategyModel(
            organization=Organization(
                people=[Person(id="p1", manager="p2"), Person(id="p2", manager="p1")]
            )
        )
    )
    assert [(format_path(p.path), p.message) for p in problems] == [
        ("organization.people[0].manager", "manager cycle: p1 → p2 → p1"),
    ]


def test_nobody_manages_themself_and_no_unit_is_its_own_parent() -> None:
    problems = _problems(
        lambda: StrategyModel(
            organization=Organization(
                units=[Unit(id="u", parent="u")], people=[Person(id="p", manager="p")]
            )
        )
    )
    assert {(format_path(p.path), p.message) for p in problems} == {
        ("organization.people[0].manager", "a person cannot manage themself"),
        ("organization.units[0].parent", "a unit cannot be its own parent"),
    }


def test_two_separate_cycles_are_two_problems() -> None:
    problems = _problems(
        lambda: StrategyModel(
            organization=Organization(
                units=[
                    Unit(id="a", parent="b"),
                    Unit(id="b", parent="a"),
                    Unit(id="c", parent="d"),
                    Unit(id="d", parent="c"),
                ]
            )
        )
    )
    assert len(problems) == 2


# -- properties over generated models ------------------------------------------------


@HALF
@given(models())
def test_generated_models_hold(model: StrategyModel) -> None:
    assert integrity_problems(model) == []
    # Rebuilding from the fields runs the check again and gives an equal model.
    assert attrs.evolve(model) == model


Site = tuple[ModelPath, Callable[[str], StrategyModel]]


def _sites(model: StrategyModel) -> list[Site]:
    """Every place a model references an id, with a way to point it at another id."""
    org = model.organization
    sites: list[Site] = []

    def in_org(field: str, i: int, item: Any, attr: str, listed: bool = False) -> None:
        items: Any = list(getattr(org, field))

        def put(value: str) -> StrategyModel:
            new = (*getattr(item, attr), value) if listed else value
            items[i] = attrs.evolve(item, **{attr: new})
            return attrs.evolve(model, organization=attrs.evolve(org, **{field: items}))

        where = len(getattr(item, attr)) if listed else None
        path: ModelPath = ("organization", field, i, attr)
        sites.append(((*path, where) if where is not None else path, put))

    def in_root(field: str, i: int, item: Any, attr: str, listed: bool = False) -> None:
        items: Any = list(getattr(model, field))

        def put(value: str) -> StrategyModel:
            new = (*getattr(item, attr), value) if listed else value
            items[i] = attrs.evolve(item, **{attr: new})
            return attrs.evolve(model, **{field: items})

        path: ModelPath = (field, i, attr)
        sites.append(((*path, len(getattr(item, attr))) if listed else path, put))

    for i, unit in enumerate(org.units):
        in_org("units", i, unit, "parent")
    for i, person in enumerate(org.people):
        for attr in ("unit", "manager", "supervisor"):
            in_org("people", i, person, attr)
    for i, group in enumerate(org.groups):
        in_org("groups", i, group, "members", listed=True)
    for i, tie in enumerate(org.ties):
        in_org("ties", i, tie, "source")
        in_org("ties", i, tie, "target")
    for i, objective in enumerate(model.objectives):
        in_root("objectives", i, objective, "stake")
        in_root("objectives", i, objective, "owner")
    for i, strategy in enumerate(model.strategies):
        in_root("strategies", i, strategy, "objectives", listed=True)
    for i, tactic in enumerate(model.tactics):
        in_root("tactics", i, tactic, "strategy")
        in_root("tactics", i, tactic, "owner_unit")
    for i, action in enumerate(model.actions):
        in_root("actions", i, action, "tactic")
        in_root("actions", i, action, "responsible")
        in_root("actions", i, action, "tools", listed=True)
    for i, kpi in enumerate(model.kpis):
        in_root("kpis", i, kpi, "objective")
        in_root("kpis", i, kpi, "tactics", listed=True)
    for i, review in enumerate(model.reviews):
        in_root("reviews", i, review, "kpis", listed=True)
    return sites


def _absent_id(model: StrategyModel) -> str:
    text = repr(model)
    candidate = "missing"
    while f"'{candidate}'" in text:
        candidate += "-x"
    return candidate


@HALF
@given(models(), st.data())
def test_a_dangling_reference_is_reported_at_its_path(
    model: StrategyModel, data: st.DataObject
) -> None:
    sites = _sites(model)
    if not sites:
        return
    path, put = data.draw(st.sampled_from(sites), label="site")
    with pytest.raises(ModelIntegrityError) as info:
        put(_absent_id(model))
    assert [p.path for p in info.value.problems] == [path]
    assert "unknown" in info.value.problems[0].message


_COLLECTIONS = ("stakes", "objectives", "strategies", "tactics", "actions", "kpis", "tools")
_ORG_COLLECTIONS = ("units", "people", "groups")


@HALF
@given(models(), st.data())
def test_a_duplicate_id_is_reported_with_both_paths(
    model: StrategyModel, data: st.DataObject
) -> None:
    org = model.organization
    choices = [(f, False) for f in _COLLECTIONS if getattr(model, f)]
    choices += [(f, True) for f in _ORG_COLLECTIONS if getattr(org, f)]
    if not choices:
        return
    field, in_org = data.draw(st.sampled_from(choices), label="collection")
    items = getattr(org if in_org else model, field)
    first = data.draw(st.integers(0, len(items) - 1), label="copied")
    copy = items[first]
    fields: dict[str, Any] = {field: (*items, copy)}
    prefix: ModelPath = ("organization", field) if in_org else (field,)
    with pytest.raises(ModelIntegrityError) as info:
        _ = (
            attrs.evolve(model, organization=attrs.evolve(org, **fields))
            if in_org
            else attrs.evolve(model, **fields)
        )
    problems = info.value.problems
    assert [p.path for p in problems] == [(*prefix, len(items), "id")]
    assert format_path((*prefix, first, "id")) in problems[0].message


@HALF
@given(models(organization=st.just(Organization())), st.data())
def test_an_org_id_clashing_across_kinds_is_reported(
    model: StrategyModel, data: st.DataObject
) -> None:
    unit_id = data.draw(slugs(), label="id")
    org = Organization(units=[Unit(id=unit_id)], people=[Person(id=unit_id)])
    with pytest.raises(ModelIntegrityError) as info:
        attrs.evolve(model, organization=org)
    assert [str(p) for p in info.value.problems] == [
        f"organization.people[0].id: person id {unit_id!r} is already the id of a unit "
        "(at organization.units[0].id)"
    ]


def test_enumerated_fields_accept_their_strings_and_refuse_others() -> None:
    from estrategy.model import (
        Audience,
        GroupKind,
        Licence,
        TacticKind,
        Tie,
        TieKind,
        Tool,
        ToolSide,
        TransversalGroup,
    )

    tactic = Tactic(id="t", kind="events", audience="prospects")
    assert tactic.kind is TacticKind.EVENTS
    assert tactic.audience is Audience.PROSPECTS
    assert TransversalGroup(id="g", kind="project").kind is GroupKind.PROJECT
    assert Tie(source="a", target="b", kind="esn").kind is TieKind.ESN
    tool = Tool(id="x", side="back", licence="saas")
    assert tool.side is ToolSide.BACK
    assert tool.licence is Licence.SAAS
    with pytest.raises(ValueError, match="not a valid TacticKind"):
        Tactic(id="t", kind="telepathy")
