"""The public strategies: their surface, their argument checks, and what they promise."""

from __future__ import annotations

import contextlib
import inspect
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument, NoSuchExample
from hypothesis.strategies import SearchStrategy

import estrategy.testing
from estrategy.model import (
    KPI,
    Action,
    BusinessStake,
    Measurement,
    Objective,
    Organization,
    OrganizationSize,
    Person,
    Review,
    SituationAnalysis,
    Strategy,
    StrategyModel,
    Tactic,
    TacticKind,
    Tie,
    Tool,
    TransversalGroup,
    Unit,
    integrity_problems,
)
from estrategy.testing import (
    actions,
    business_stakes,
    clean_models,
    kpis,
    measurements,
    models,
    objectives,
    organizations,
    people,
    plan_strategies,
    reviews,
    situations,
    slugs,
    tactics,
    texts,
    ties,
    tools,
    transversal_groups,
    units,
)

HALF = settings.get_profile("half")

# Finding one example is enough: no shrinking, no database.
_SEARCH = settings(max_examples=300, phases=[Phase.generate], database=None)

# -- the public surface --------------------------------------------------------------


@pytest.mark.parametrize("name", estrategy.testing.__all__)
def test_every_public_strategy_is_keyword_only_typed_and_documented(name: str) -> None:
    function = getattr(estrategy.testing, name)
    signature = inspect.signature(function)
    assert all(p.kind is p.KEYWORD_ONLY for p in signature.parameters.values()), name
    assert "SearchStrategy[" in str(signature.return_annotation), name
    assert function.__doc__, name
    assert isinstance(function(), SearchStrategy)


def test_importing_estrategy_does_not_import_hypothesis() -> None:
    code = "import sys, estrategy, estrategy.model; assert 'hypothesis' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_synthetic_hr_exports_do_not_need_hypothesis() -> None:
    code = "import sys, estrategy.testing.hr_export; assert 'hypothesis' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unknown_names_are_attribute_errors() -> None:
    with pytest.raises(AttributeError, match="no attribute 'strategies'"):
        _ = estrategy.testing.strategies


def test_clean_models_signature_is_stable() -> None:
    # Other test suites call it by these names: renaming one is a breaking change.
    assert list(inspect.signature(clean_models).parameters) == [
        "max_objectives",
        "max_tactics",
        "max_people",
        "sizes",
        "as_of",
    ]


# -- argument checks happen at call time, with clear messages ------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: organizations(min_people=3, max_people=2), "must not be greater than"),
        (lambda: organizations(max_units=-1), "max_units=-1 must be at least 0"),
        (lambda: organizations(max_people=2.5), "must be an integer"),  # type: ignore[arg-type]  # the wrong type is the point
        (lambda: organizations(max_ties=True), "must be an integer"),
        (lambda: organizations(sizes=OrganizationSize.MICRO), r"st\.just"),  # type: ignore[arg-type]  # the wrong type is the point
        (lambda: models(max_tactics=-1), "max_tactics"),
        (lambda: models(organization=Organization()), "must be a hypothesis strategy"),  # type: ignore[arg-type]  # the wrong type is the point
        (lambda: models(text="x"), "must be a hypothesis strategy"),  # type: ignore[arg-type]  # the wrong type is the point
        (lambda: clean_models(max_objectives=0), "max_objectives=0 must be at least 1"),
        (lambda: clean_models(max_tactics=2), "max_tactics=2 must be at least 3"),
        (lambda: clean_models(max_people=7), "max_people=7 must be at least 8"),
        (lambda: clean_models(as_of="2026-01-01"), "must be a hypothesis strategy"),  # type: ignore[arg-type]  # the wrong type is the point
        (lambda: slugs(max_size=0), "max_size=0"),
        (lambda: texts(max_size=-1), "max_size=-1"),
        (lambda: units(ids="u-1"), "ids='u-1' must be a hypothesis strategy"),  # type: ignore[arg-type]  # the wrong type is the point
        (lambda: tactics(kinds=TacticKind.EVENTS), "kinds"),  # type: ignore[arg-type]  # the wrong type is the point
        (lambda: kpis(max_measurements=-2), "max_measurements"),
    ],
)
def test_bad_arguments_are_refused_when_called(call: Callable[[], object], message: str) -> None:
    with pytest.raises(InvalidArgument, match=message):
        call()


# -- building blocks -----------------------------------------------------------------

BLOCKS: list[tuple[Callable[[], SearchStrategy[Any]], type]] = [
    (units, Unit),
    (people, Person),
    (transversal_groups, TransversalGroup),
    (ties, Tie),
    (organizations, Organization),
    (business_stakes, BusinessStake),
    (situations, SituationAnalysis),
    (objectives, Objective),
    (plan_strategies, Strategy),
    (tactics, Tactic),
    (actions, Action),
    (measurements, Measurement),
    (kpis, KPI),
    (reviews, Review),
    (tools, Tool),
    (models, StrategyModel),
    (clean_models, StrategyModel),
]


@pytest.mark.parametrize(("block", "cls"), BLOCKS, ids=[b.__name__ for b, _ in BLOCKS])
@HALF
@given(data=st.data())
def test_each_block_draws_its_class(
    block: Callable[[], SearchStrategy[Any]], cls: type, data: st.DataObject
) -> None:
    assert isinstance(data.draw(block()), cls)


@given(
    tactics(ids=st.just("t-1"), strategy_ids=st.just("st-1"), unit_ids=st.none()),
    actions(tactic_ids=st.just("t-1"), tool_ids=st.sampled_from(["crm", "site"])),
    people(external=st.just(True), supervisor_ids=st.just("boss"), manager_ids=st.just("m")),
)
def test_blocks_take_their_references_from_the_strategies_given(
    tactic: Tactic, action: Action, person: Person
) -> None:
    assert (tactic.id, tactic.strategy, tactic.owner_unit) == ("t-1", "st-1", None)
    assert action.tactic == "t-1"
    assert set(action.tools) <= {"crm", "site"}
    assert len(set(action.tools)) == len(action.tools)
    # An external person has a supervisor, never a manager.
    assert (person.external, person.supervisor, person.manager) == (True, "boss", None)


@given(ties(person_ids=st.sampled_from(["a", "b"])))
def test_a_tie_joins_two_different_people(tie: Tie) -> None:
    assert {tie.source, tie.target} == {"a", "b"}
    assert tie.weight >= 0


# -- organizations -------------------------------------------------------------------


def _roots_reached(parent_of: dict[str, str | None]) -> bool:
    """Whether every chain of parents ends at a root, i.e. there is no cycle."""
    for start in parent_of:
        seen: set[str] = set()
        node: str | None = start
        while node is not None:
            if node in seen:
                return False
            seen.add(node)
            node = parent_of.get(node)
    return True


@given(organizations(min_people=2, max_people=12, max_units=6, max_groups=3, max_ties=10))
def test_organizations_are_whole_and_realistic(org: Organization) -> None:
    assert 2 <= len(org.people) <= 12
    assert len(org.units) <= 6
    assert len(org.groups) <= 3
    assert len(org.ties) <= 10
    ids = [u.id for u in org.units] + [p.id for p in org.people] + [g.id for g in org.groups]
    assert len(ids) == len(set(ids))
    assert integrity_problems(StrategyModel(organization=org)) == []
    assert _roots_reached({u.id: u.parent for u in org.units})
    assert _roots_reached({p.id: p.manager for p in org.people})
    by_id = {p.id: p for p in org.people}
    for person in org.people:
        if person.external:
            assert person.manager is None
            assert person.supervisor is None or not by_id[person.supervisor].external
        else:
            assert person.supervisor is None
            assert person.manager is None or not by_id[person.manager].external
    for tie in org.ties:
        assert tie.source != tie.target
    for group in org.groups:
        assert len(set(group.members)) == len(group.members)
    assert org.source is None


@given(organizations(max_people=0))
def test_an_organisation_may_have_nobody(org: Organization) -> None:
    assert org.people == ()
    assert org.ties == ()
    assert all(g.members == () for g in org.groups)


@given(organizations(sizes=st.just(OrganizationSize.LARGE)))
def test_sizes_are_taken_from_the_strategy_given(org: Organization) -> None:
    assert org.size is OrganizationSize.LARGE


def test_organizations_have_externals_with_and_without_supervisor() -> None:
    def external(supervised: bool) -> Callable[[Organization], bool]:
        return lambda org: any(
            p.external and (p.supervisor is not None) == supervised for p in org.people
        )

    assert find(organizations(), external(supervised=True), settings=_SEARCH)
    assert find(organizations(), external(supervised=False), settings=_SEARCH)


def test_organizations_list_children_before_parents_sometimes() -> None:
    def child_first(org: Organization) -> bool:
        position = {u.id: i for i, u in enumerate(org.units)}
        return any(u.parent is not None and position[u.parent] > i for i, u in enumerate(org.units))

    assert find(organizations(), child_first, settings=_SEARCH)


# -- models --------------------------------------------------------------------------


FIXED_ORG = Organization(
    name="Fixed", units=[Unit(id="u")], people=[Person(id="p", unit="u")], size="micro"
)


@HALF
@given(models(organization=st.just(FIXED_ORG), max_tactics=2, max_actions=3, max_kpis=1))
def test_models_respect_their_bounds_and_organisation(model: StrategyModel) -> None:
    assert model.organization == FIXED_ORG
    assert len(model.tactics) <= 2
    assert len(model.actions) <= 3
    assert len(model.kpis) <= 1
    assert all(a.responsible in (None, "p") for a in model.actions)
    assert all(t.owner_unit in (None, "u") for t in model.tactics)


@HALF
@given(models(max_tactics=0))
def test_models_without_tactics_have_no_actions(model: StrategyModel) -> None:
    assert model.actions == ()


OPTIONAL: dict[str, Callable[[StrategyModel], bool]] = {
    "as_of None": lambda m: m.as_of is None,
    "as_of set": lambda m: m.as_of is not None,
    "mission None": lambda m: m.mission is None,
    "orphan tactic": lambda m: any(t.strategy is None for t in m.tactics),
    "tactic with strategy": lambda m: any(t.strategy is not None for t in m.tactics),
    "budget None": lambda m: any(a.budget is None for a in m.actions),
    "budget set": lambda m: any(a.budget is not None for a in m.actions),
    "deadline None": lambda m: any(o.deadline is None for o in m.objectives),
    "KPI without objective": lambda m: any(k.objective is None for k in m.kpis),
    "tool side None": lambda m: any(t.side is None for t in m.tools),
    "manager set": lambda m: any(p.manager is not None for p in m.organization.people),
}


@pytest.fixture(scope="module")
def optional_cases_drawn() -> frozenset[str]:
    """The cases of ``OPTIONAL`` that some model of one search is (it stops once all are).

    One search serves every case: drawing models is the costly part, checking a case is not.
    """
    seen: set[str] = set()

    def every_case_seen(model: StrategyModel) -> bool:
        seen.update(name for name, condition in OPTIONAL.items() if condition(model))
        return len(seen) == len(OPTIONAL)

    with contextlib.suppress(NoSuchExample):
        find(models(), every_case_seen, settings=_SEARCH)
    return frozenset(seen)


@pytest.mark.parametrize("case", OPTIONAL)
def test_models_sometimes_leave_optional_fields_out_and_sometimes_fill_them(
    case: str, optional_cases_drawn: frozenset[str]
) -> None:
    assert case in optional_cases_drawn, (
        f"none of the {_SEARCH.max_examples} models drawn is {case!r}"
    )
