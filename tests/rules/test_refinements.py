"""The rule refinements and the vocabulary rules: each change, triggered and just missed.

Every test here would have failed before its refinement: MES003's window, ROL005 on done
actions, ROL006 on the support itself, ACT004 from eight tactics, MES005 on a flat line,
and the new STR010, MES006, ROL007 and ROL008.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estrategy.analysis import check
from estrategy.catalogue import default_catalogue
from estrategy.model import (
    ActionStatus,
    Direction,
    Measurement,
    Person,
    Review,
    StrategyModel,
    Tactic,
)
from estrategy.testing import clean_models, misspellings, models

from .test_catalogue import (
    _action,
    add,
    base,
    edit,
    edit_person,
    findings,
)

# A third of the profile's examples for the properties that draw whole models (at least
# ten): the suite's time budget is shared.
FEW = settings.get_profile("few")

# -- MES003: the recent rhythm ------------------------------------------------------------


def _reviews(*days: dt.date) -> StrategyModel:
    return attrs.evolve(base(), reviews=[Review(date=d) for d in days])


def test_mes003_forgets_a_long_gap_outside_its_window() -> None:
    # 2024 to 2026: a two-year gap, but the last year is reviewed every two months
    recent = [dt.date(2026, m, 1) for m in (1, 3, 5, 7, 9, 11)]
    model = _reviews(dt.date(2024, 1, 1), *recent)
    assert findings(model, "MES003") == []
    # the rule as it was, judging every gap ever: a longer window brings the gap back
    assert findings(model, "MES003", settings={"review_window_days": 3650}) == [()]


def test_mes003_counts_a_gap_that_began_before_the_window_from_the_windows_start() -> None:
    # 2025-01-01 to 2026-10-01: clipped to 2025-11-15 .. 2026-10-01 (320 days)
    model = _reviews(dt.date(2025, 1, 1), dt.date(2026, 10, 1))
    (finding,) = check(model, select="MES003").findings
    assert "2025-11-15 to 2026-10-01, 320 days" in finding.message


def test_mes003_adding_a_review_can_clear_it() -> None:
    model = _reviews(dt.date(2026, 5, 15), dt.date(2026, 11, 1))
    assert findings(model, "MES003") == [()]
    fixed = add(model, reviews=[Review(date=dt.date(2026, 8, 10))])
    assert findings(fixed, "MES003") == []


@FEW
@given(models(), st.integers(30, 200), st.integers(200, 800))
def test_mes003_reviews_every_interval_across_the_window_clear_it(
    model: StrategyModel, interval: int, window: int
) -> None:
    as_of = dt.date(2026, 11, 15)
    days = [as_of - dt.timedelta(days=k * interval) for k in range(window // interval + 2)]
    reviewed = add(model, reviews=[Review(date=d) for d in days])
    settings = {"review_interval_days": interval, "review_window_days": window}
    assert findings(reviewed, "MES003", as_of=as_of, settings=settings) == []


# -- ROL005 and ROL006 ----------------------------------------------------------------------


def test_rol005_does_not_check_a_done_action() -> None:
    gap = edit(base(), "actions", "a-social", competences=["seo"])
    assert findings(gap, "ROL005") == [("a-social",)]
    assert findings(edit(gap, "actions", "a-social", status=ActionStatus.DONE), "ROL005") == []
    assert findings(edit(gap, "actions", "a-social", status="in_progress"), "ROL005") == [
        ("a-social",)
    ]


def test_rol006_never_reports_the_support_tactic_itself() -> None:
    # a training for employees, in a strategy whose only support is itself, with no action
    lone = add(
        base(),
        tactics=[Tactic(id="t-train2", kind="training", strategy="st-ext", audience="employees")],
    )
    assert findings(lone, "ROL006") == []
    as_other = edit(lone, "tactics", "t-train2", kind="other")
    assert findings(as_other, "ROL006") == [("t-train2",)]


# -- ACT004: meaningful from eight funded tactics -------------------------------------------


def _funded(*budgets: float) -> StrategyModel:
    """Base whose five actions and ``len(budgets) - 5`` new tactics carry ``budgets``."""
    model = base()
    actions = [a.id for a in model.actions]
    for k in range(len(budgets) - len(actions)):
        tactic = Tactic(id=f"t-x{k}", kind="web_marketing", strategy="st-ext")
        model = add(
            model,
            tactics=[tactic],
            actions=[_action(f"a-x{k}", tactic.id, ["negotiation"], "p-sales", 0)],
        )
        actions.append(f"a-x{k}")
    for action, budget in zip(actions, budgets, strict=True):
        model = edit(model, "actions", action, budget=Decimal(str(budget)))
    return model


def test_act004_fires_with_eight_tactics_as_its_documentation_says() -> None:
    assert findings(_funded(*[10] * 8), "ACT004") == [()]
    assert findings(_funded(30, *[10] * 7), "ACT004") == [()]  # normalised index 0.04
    assert findings(_funded(45, *[55 / 7] * 7), "ACT004") == []  # 0.16
    assert findings(_funded(*[10] * 7), "ACT004") == []  # seven: below the minimum


def test_act004_message_names_the_normalised_index() -> None:
    (finding,) = check(_funded(*[10] * 8), select="ACT004").findings
    assert "normalised Herfindahl index of 0.000" in finding.message


# -- MES005 on a flat line, MES006 ------------------------------------------------------------


def _flat(latest: float, direction: Direction) -> StrategyModel:
    return edit(
        base(),
        "kpis",
        "k-leads",
        target=40,
        direction=direction,
        measurements=[
            Measurement(date=dt.date(2026, 9, 30), value=40),
            Measurement(date=dt.date(2026, 10, 31), value=latest),
        ],
    )


def test_mes005_says_in_words_that_a_flat_line_was_to_hold_its_level() -> None:
    (finding,) = check(_flat(36, Direction.INCREASE), select="MES005").findings
    assert finding.message == (
        "KPI k-leads is off track: its target 40 equals its first measurement, so it was to "
        "hold that level, and the latest measurement (36 on 2026-10-31) is 4 below it"
    )
    assert "planned change of 0" not in finding.message
    (above,) = check(_flat(43, Direction.DECREASE), select="MES005").findings
    assert above.message.endswith("is 3 above it")


def test_mes006_reads_the_direction_against_the_first_measurement() -> None:
    up = edit(base(), "kpis", "k-leads", target=30)  # increase, from 40 down to 30
    (finding,) = check(up, select="MES006").findings
    assert finding.message == (
        "KPI k-leads should increase but its target 30 is below its first measurement "
        "(40 on 2026-09-30)"
    )
    assert findings(edit(up, "kpis", "k-leads", direction=Direction.DECREASE), "MES006") == []
    down = edit(base(), "kpis", "k-leads", direction=Direction.DECREASE, target=50)
    assert findings(down, "MES006") == [("k-leads",)]
    assert findings(edit(base(), "kpis", "k-leads", measurements=[]), "MES006") == []


# -- STR010 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["candidate", "rejected"])
def test_str010_names_the_tactic_and_its_unretained_strategy(status: str) -> None:
    model = edit(edit(base(), "strategies", "st-alt", status=status), "tactics", "t-events",
                 strategy="st-alt")  # fmt: skip
    (finding,) = check(model, select="STR010").findings
    assert finding.subjects == ("t-events", "st-alt")
    assert finding.message == f"tactic t-events implements strategy st-alt, which is {status}, " + (
        "not retained"
    )
    assert findings(edit(model, "tactics", "t-events", strategy=None), "STR010") == []


# -- ROL007, ROL008 and the near-miss messages of ROL001, ROL002, ROL003 ---------------------


def test_a_hyphenated_community_manager_gives_rol007_and_rol001_names_it() -> None:
    model = edit_person(base(), "p-cm", roles=["community-manager"])
    (rol007,) = check(model, select="ROL007").findings
    assert rol007.subjects == ("p-cm",)
    assert "did you mean community_manager?" in rol007.message
    assert rol007.path == ("organization", "people", 2, "roles", 0)
    (rol001,) = check(model, select="ROL001").findings
    assert rol001.severity == "error"
    assert rol001.message == (
        "no internal person holds the community_manager role, which tactics t-content "
        "presuppose, though p-cm holds the role 'community-manager': did you mean "
        "community_manager?"
    )


def test_rol002_and_rol003_name_a_near_miss_too() -> None:
    model = add(base(), tactics=[Tactic(id="t-data", kind="data_analytics", strategy="st-ext")])
    model = edit_person(model, "p-ds", roles=["Data_Scientists"])
    (rol002,) = check(model, select="ROL002").findings
    assert "though p-ds holds the role 'Data_Scientists'" in rol002.message
    lead = edit_person(base(), "p-lead", roles=["responsable_digital"])
    (rol003,) = check(lead, select="ROL003").findings
    assert rol003.message.endswith(
        "though p-lead holds the role 'responsable_digital': did you mean digital_lead?"
    )


def test_custom_roles_stay_allowed() -> None:
    far = edit_person(base(), "p-sales", roles=["sales", "product_owner", "buyer"])
    assert findings(far, "ROL007") == []
    near = edit_person(base(), "p-cm", roles=["community-manager"])
    accepted = {"custom_roles": ["community-manager"]}
    assert findings(near, "ROL007", settings=accepted) == []
    (rol001,) = check(near, select="ROL001", settings=accepted).findings
    assert "though" not in rol001.message


def test_rol008_reads_skills_and_required_competences() -> None:
    model = edit_person(base(), "p-cm", skills=[*base().organization.people[2].skills[:4], "SEO"])
    model = edit(model, "actions", "a-content", competences=["editorial-content"])
    assert Counter(findings(model, "ROL008")) == Counter([("p-cm",), ("a-content",)])
    custom = {"custom_competences": ["SEO", "editorial-content"]}
    assert findings(model, "ROL008", settings=custom) == []
    dropped = edit(model, "actions", "a-content", status=ActionStatus.DROPPED)
    assert findings(dropped, "ROL008") == [("p-cm",)]


def test_rol008_knows_the_catalogues_other_competences() -> None:
    model = edit_person(base(), "p-sales", skills=["social-selling", "negotiation", "knitting"])
    (finding,) = check(model, select="ROL008").findings
    assert finding.message == (
        "p-sales has the skill 'social-selling', which is not a competence of the catalogue: "
        "did you mean social_selling?"
    )


@given(st.data())
def test_every_misspelling_of_a_catalogue_role_gives_rol007_naming_it(data: st.DataObject) -> None:
    roles = st.sampled_from(sorted(default_catalogue().known_roles()))
    written, role = data.draw(misspellings(words=roles))
    model = edit_person(base(), "p-sales", roles=[written])
    (finding,) = check(model, select="ROL007").findings
    assert finding.message.endswith(f"did you mean {role}?")


@given(st.data())
def test_repairing_a_misspelt_skill_removes_its_finding_and_adds_none(data: st.DataObject) -> None:
    competences = st.sampled_from(sorted(default_catalogue().known_competences()))
    written, competence = data.draw(misspellings(words=competences))
    model = edit_person(base(), "p-sales", skills=["negotiation", written])
    assert findings(model, "ROL008") == [("p-sales",)]
    repaired = edit_person(model, "p-sales", skills=["negotiation", competence])
    assert findings(repaired, "ROL008") == []


# -- on models that follow the method: breaking one thing gives the new finding, repairing
# -- it gives back a model with no finding at all ----------------------------------------------


def _person_with(model: StrategyModel, test: Callable[[Person], bool]) -> Person | None:
    return next((p for p in model.organization.people if test(p)), None)


@FEW
@given(clean_models(), st.data())
def test_a_misspelt_role_gives_rol007_and_its_repair_nothing(
    model: StrategyModel, data: st.DataObject
) -> None:
    known = default_catalogue().known_roles()
    person = _person_with(model, lambda p: any(r in known for r in p.roles))
    assert person is not None  # the digital lead at least
    role = next(r for r in person.roles if r in known)
    written, _ = data.draw(misspellings(words=st.just(role)))
    broken = edit_person(
        model, person.id, roles=[written if r == role else r for r in person.roles]
    )
    report = check(broken)
    assert ("ROL007", (person.id,)) in {(f.code, f.subjects) for f in report.findings}
    assert check(edit_person(broken, person.id, roles=person.roles)).findings == ()


@FEW
@given(clean_models(), st.data())
def test_a_misspelt_skill_gives_rol008_and_its_repair_nothing(
    model: StrategyModel, data: st.DataObject
) -> None:
    person = _person_with(model, lambda p: bool(p.skills))
    assert person is not None
    skill = person.skills[0]
    written, _ = data.draw(misspellings(words=st.just(skill)))
    broken = edit_person(model, person.id, skills=[written, *person.skills[1:]])
    codes = {(f.code, f.subjects) for f in check(broken).findings}
    assert ("ROL008", (person.id,)) in codes
    assert check(edit_person(broken, person.id, skills=person.skills)).findings == ()


@FEW
@given(clean_models(), st.data())
def test_a_tactic_of_the_rejected_strategy_gives_str010_and_its_repair_nothing(
    model: StrategyModel, data: st.DataObject
) -> None:
    tactic = data.draw(st.sampled_from(model.tactics))
    broken = edit(model, "tactics", tactic.id, strategy="st-alt0")
    assert findings(broken, "STR010") == [(tactic.id, "st-alt0")]
    assert check(edit(broken, "tactics", tactic.id, strategy=tactic.strategy)).findings == ()


@FEW
@given(clean_models(), st.data())
def test_a_kpi_turned_against_its_target_gives_mes006_and_its_repair_nothing(
    model: StrategyModel, data: st.DataObject
) -> None:
    kpi = data.draw(st.sampled_from(model.kpis))
    turned = Direction.DECREASE if kpi.direction == Direction.INCREASE else Direction.INCREASE
    broken = edit(model, "kpis", kpi.id, direction=turned)
    assert [(f.code, f.subjects) for f in check(broken).findings] == [("MES006", (kpi.id,))]
    assert check(edit(broken, "kpis", kpi.id, direction=kpi.direction)).findings == ()
