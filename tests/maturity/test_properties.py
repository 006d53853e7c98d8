"""Invariants of the assessment, on arbitrary and on method-following models."""

from __future__ import annotations

import datetime as dt
import functools
import random
import tempfile
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from estrategy.maturity import (
    Assessment,
    CriterionResult,
    MaturityModel,
    assess,
    load_maturity_model,
)
from estrategy.model import KPI, Measurement, StrategyModel
from estrategy.testing import clean_models, models

HALF = settings.get_profile("half")


def _check_range(value: float | None) -> None:
    assert value is None or 0.0 <= value <= 100.0


@HALF
@given(models())
def test_scores_stay_in_range(model: StrategyModel) -> None:
    result = assess(model)
    assert 0.0 <= result.overall.score <= 100.0
    assert 1 <= result.overall.level <= 5
    assert 0.0 <= result.overall.spread <= 100.0
    for dimension in result.dimensions:
        _check_range(dimension.score)
        assert (dimension.level is None) == (dimension.score is None)
        assert dimension.level is None or 1 <= dimension.level <= 5
        for criterion in dimension.criteria:
            _check_range(criterion.score)
            assert criterion.error is None
    assert 0.0 <= result.quadrant.digital_intensity <= 100.0
    assert 0.0 <= result.quadrant.management_intensity <= 100.0
    assert [s.number for s in result.steps] == list(range(1, 9))
    assert {s.status for s in result.steps} <= {"evidenced", "partial", "missing"}


def _shuffled(value: Any, rng: random.Random) -> Any:
    """The same model with every list in another order (references are by id)."""
    if attrs.has(type(value)):
        changes = {
            f.alias or f.name: _shuffled(getattr(value, f.name), rng)
            for f in attrs.fields(type(value))
            if f.init
        }
        return type(value)(**changes)
    if isinstance(value, tuple) and value and not isinstance(value[0], tuple | str):
        items = [_shuffled(v, rng) for v in value]
        rng.shuffle(items)
        return tuple(items)
    if isinstance(value, tuple) and value and isinstance(value[0], str):
        items = list(value)
        rng.shuffle(items)
        return tuple(items)
    return value


@HALF
@given(models(), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_list_order(model: StrategyModel, rng: random.Random) -> None:
    as_of = dt.date(2026, 11, 15)
    shuffled = _shuffled(model, rng)
    assert assess(shuffled, as_of=as_of).to_dict() == assess(model, as_of=as_of).to_dict()


def _score(result: Assessment, dimension: str) -> float:
    value = result.dimension(dimension).score
    return -1.0 if value is None else value


@HALF
@given(models(), st.data())
def test_measuring_an_unmeasured_tactic_never_lowers_measurement(
    model: StrategyModel, data: st.DataObject
) -> None:
    before = assess(model, as_of=dt.date(2026, 11, 15))
    measured = {t for k in model.kpis if k.measurements for t in k.tactics}
    unmeasured = [t.id for t in model.tactics if t.id not in measured]
    if not unmeasured:
        return
    tactic = data.draw(st.sampled_from(unmeasured))
    objective = data.draw(st.sampled_from([None, *(o.id for o in model.objectives)]))
    kpi = KPI(
        id="k-new-evidence",
        objective=objective,
        tactics=[tactic],
        measurements=[Measurement(date=dt.date(2026, 10, 1), value=1.0)],
    )
    after = assess(attrs.evolve(model, kpis=[*model.kpis, kpi]), as_of=dt.date(2026, 11, 15))
    assert _score(after, "measurement") >= _score(before, "measurement")
    tactics = after.dimension("measurement").criterion("tactics-measured")
    assert tactics.score is not None
    assert tactics.score > (
        before.dimension("measurement").criterion("tactics-measured").score or 0
    )


@HALF
@given(models(), st.data())
def test_completing_an_action_never_lowers_execution(
    model: StrategyModel, data: st.DataObject
) -> None:
    if not model.actions:
        return
    index = data.draw(st.integers(0, len(model.actions) - 1))
    action = model.actions[index]
    people = [p.id for p in model.organization.people]
    filled = attrs.evolve(
        action,
        budget=action.budget if action.budget is not None else Decimal(500),
        competences=action.competences or ("project_management",),
        responsible=action.responsible or (people[0] if people else None),
    )
    actions = list(model.actions)
    actions[index] = filled
    as_of = dt.date(2026, 11, 15)
    before = assess(model, as_of=as_of)
    after = assess(attrs.evolve(model, actions=actions), as_of=as_of)
    assert _score(after, "execution") >= _score(before, "execution")


@HALF
@given(models(), st.data())
def test_more_skills_or_lessons_never_lower_their_dimension(
    model: StrategyModel, data: st.DataObject
) -> None:
    as_of = dt.date(2026, 11, 15)
    before = assess(model, as_of=as_of)
    if model.organization.people:
        index = data.draw(st.integers(0, len(model.organization.people) - 1))
        person = model.organization.people[index]
        skill = data.draw(st.sampled_from(["seo", "vision", "data_analysis", "pedagogy"]))
        people = list(model.organization.people)
        people[index] = attrs.evolve(person, skills=[*person.skills, skill])
        org = attrs.evolve(model.organization, people=people)
        after = assess(attrs.evolve(model, organization=org), as_of=as_of)
        assert _score(after, "people") >= _score(before, "people")
    if model.reviews:
        review = attrs.evolve(model.reviews[0], lessons=[*model.reviews[0].lessons, "learned"])
        after = assess(attrs.evolve(model, reviews=[review, *model.reviews[1:]]), as_of=as_of)
        assert _score(after, "measurement") >= _score(before, "measurement")


@HALF
@given(clean_models())
def test_method_following_models_are_managed_and_jump_no_step(model: StrategyModel) -> None:
    result = assess(model)
    assert result.quadrant.management_intensity >= 50
    assert result.quadrant.name in ("conservative", "digirati")
    assert result.jumped == ()
    assert all(s.status != "missing" for s in result.steps)


def _default_rewritten(tmp: Path) -> MaturityModel:
    """The default maturity model, written again in another TOML layout and reloaded."""
    text = resources.files("estrategy.data").joinpath("maturity.toml").read_text("utf-8")
    path = tmp / "mine.toml"
    path.write_bytes(tomli_w.dumps(tomllib.loads(text)).encode())
    return load_maturity_model(path, complete=False)


@functools.cache
def _custom() -> MaturityModel:
    with tempfile.TemporaryDirectory() as tmp:
        return _default_rewritten(Path(tmp))


@HALF
@given(models())
def test_custom_model_equal_to_default_gives_default_results(model: StrategyModel) -> None:
    as_of = dt.date(2026, 11, 15)
    assert assess(model, _custom(), as_of=as_of).to_dict() == assess(model, as_of=as_of).to_dict()


def test_custom_model_equal_to_default_is_equal(tmp_path: Path) -> None:
    from estrategy.maturity import default_maturity_model

    assert _default_rewritten(tmp_path) == default_maturity_model()


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.booleans(), max_size=8))
def test_share_scores_the_items_that_meet_and_cites_both_sides(meets: dict[str, bool]) -> None:
    result = CriterionResult.share(meets, met_fact="met", unmet_fact="unmet", empty="no item")
    met = tuple(sorted(item for item, ok in meets.items() if ok))
    unmet = tuple(sorted(item for item, ok in meets.items() if not ok))
    if not meets:
        assert result.score is None
        assert [e.fact for e in result.evidence] == ["no item"]
        return
    assert result.score == 100.0 * len(met) / len(meets)
    sides = [("met", met, True), ("unmet", unmet, False)]
    assert [(e.fact, e.ids, e.supports) for e in result.evidence] == [s for s in sides if s[1]]
