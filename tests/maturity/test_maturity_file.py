"""Maturity-model files refuse what would silently mislead: typos, zero weights, overflow.

The shape is declared (:mod:`estrategy.maturity.file`) and checked by cattrs; each
refusal is located at its key, with a "did you mean" where a name is close to a known
one.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from estrategy.io import LoadError
from estrategy.maturity import (
    CriterionResult,
    assess,
    criterion,
    default_maturity_model,
    maturity_model_from_text,
)
from estrategy.maturity.spec import THRESHOLD_NAMES
from estrategy.model import StrategyModel

from .builders import method_follower

DIMENSION = '[[dimensions]]\nid = "plan"\ncriteria = ["smart-objectives", "situation-analysis"]\n'


def _errors(text: str, **options: object) -> list[tuple[int | None, str, str]]:
    from estrategy.model import format_path

    with pytest.raises(LoadError) as caught:
        maturity_model_from_text(text, base=default_maturity_model(), **options)  # type: ignore[arg-type]
    return [(e.line, format_path(e.path), e.message) for e in caught.value.errors]


def test_a_typo_in_a_threshold_name_is_refused_with_a_hint() -> None:
    ((line, path, message),) = _errors("[thresholds]\nreview_intervall_days = 30\n" + DIMENSION)
    assert (line, path) == (2, "thresholds.review_intervall_days")
    assert "did you mean 'review_interval_days'?" in message


def test_a_threshold_no_criterion_reads_is_refused() -> None:
    ((_, path, message),) = _errors("[thresholds]\nmy_limit = 3\n" + DIMENSION)
    assert path == "thresholds.my_limit"
    assert message.startswith("unknown threshold 'my_limit'; the criteria read atomisation_hhi")


@criterion("acme.limit")
def acme_limit(model: StrategyModel, context: object) -> CriterionResult:
    """Reads a threshold of its own."""
    return CriterionResult(50)


def test_a_model_with_a_custom_criterion_may_add_thresholds_but_not_near_misses() -> None:
    text = '[thresholds]\nmy_limit = 3\n[[dimensions]]\nid = "x"\ncriteria = ["acme.limit"]\n'
    spec = maturity_model_from_text(text, criteria=[acme_limit], base=default_maturity_model())
    assert dict(spec.thresholds)["my_limit"].default == 3
    near = text.replace("my_limit", "upward_hop")
    ((_, path, message),) = _errors(near, criteria=[acme_limit])
    assert path == "thresholds.upward_hop"
    assert "did you mean 'upward_hops'?" in message


def test_the_default_model_declares_every_threshold_the_criteria_read() -> None:
    default = dict(default_maturity_model().thresholds)
    assert set(default) == set(THRESHOLD_NAMES)
    sources = Path(__file__).parents[2] / "src" / "estrategy" / "maturity"
    read = {
        name
        for path in sources.rglob("*.py")
        for name in re.findall(
            r'threshold(?:s\.get)?\(\s*"(\w+)"', path.read_text(encoding="utf-8")
        )
    }
    assert read == set(THRESHOLD_NAMES)


@pytest.mark.parametrize(
    ("dimensions", "which"),
    [
        (
            '[[dimensions]]\nid = "a"\nweight = 0\ncriteria = ["smart-objectives"]\n'
            '[[dimensions]]\nid = "b"\ncriteria = [{ id = "situation-analysis", weight = 0 }]\n',
            "every size",
        ),
        (
            '[[dimensions]]\nid = "a"\nweight = { default = 1, micro = 0 }\n'
            'criteria = ["smart-objectives"]\n',
            "micro",
        ),
    ],
    ids=["always", "for-one-size"],
)
def test_all_zero_weights_are_refused(dimensions: str, which: str) -> None:
    ((_line, path, message),) = _errors(dimensions)
    assert path == "dimensions"
    assert f"weighs 0 for {which}" in message


def test_a_zero_weight_for_one_dimension_is_fine() -> None:
    text = DIMENSION + '[[dimensions]]\nid = "b"\nweight = 0\ncriteria = ["crm-backbone"]\n'
    spec = maturity_model_from_text(text, base=default_maturity_model())
    assert assess(method_follower(), spec).overall.score > 0


@pytest.mark.parametrize(
    ("weight", "message"),
    [
        ("1e308", "1e+308 is too large (at most 1e+06)"),
        ("inf", "inf is too large (at most 1e+06)"),
        ("nan", "expected a number ≥ 0 or a table by size ({ default = …, micro = … }), got nan"),
        ("{ default = 1, large = 1e300 }", "1e+300 is too large (at most 1e+06)"),
    ],
)
def test_weights_are_finite_and_bounded(weight: str, message: str) -> None:
    text = f'[[dimensions]]\nid = "a"\nweight = {weight}\ncriteria = ["smart-objectives"]\n'
    ((line, path, found),) = _errors(text)
    assert line == 3
    assert path.startswith("dimensions[0].weight")
    assert found == message


def test_the_largest_weights_do_not_overflow() -> None:
    text = (
        '[[dimensions]]\nid = "a"\nweight = 1e6\ncriteria = [{ id = "smart-objectives", '
        'weight = 1e6 }]\n[[dimensions]]\nid = "b"\nweight = 1e6\ncriteria = ["crm-backbone"]\n'
    )
    spec = maturity_model_from_text(text, base=default_maturity_model())
    score = assess(method_follower(), spec).overall.score
    assert 0 <= score <= 100


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "{ default = 1, micro = nan }"])
def test_thresholds_are_finite_and_not_negative(value: str) -> None:
    errors = _errors(f"[thresholds]\nupward_hops = {value}\n" + DIMENSION)
    assert [(line, path.split(".")[:2]) for line, path, _ in errors] == [
        (2, ["thresholds", "upward_hops"])
    ]


def test_a_typo_in_a_tactic_kind_of_the_quadrant_is_refused() -> None:
    text = '[quadrant]\ndigital_internal_kinds = ["crm_deploymnt"]\n' + DIMENSION
    ((line, path, message),) = _errors(text)
    assert (line, path) == (2, "quadrant.digital_internal_kinds[0]")
    assert "did you mean 'crm_deployment'?" in message


def test_a_criterion_with_two_problems_reports_both() -> None:
    text = '[[dimensions]]\nid = "Plan"\ncriteria = []\nwieght = 2\n'
    assert _errors(text) == [
        (2, "dimensions[0].id", "expected a lower-case id, got 'Plan'"),
        (3, "dimensions[0].criteria", "expected a non-empty list of criteria"),
        (4, "dimensions[0].wieght", "unknown key 'wieght' (did you mean 'weight'?)"),
    ]


def test_a_size_table_needs_a_default() -> None:
    text = '[[dimensions]]\nid = "a"\nweight = { micro = 2 }\ncriteria = ["smart-objectives"]\n'
    assert _errors(text) == [(3, "dimensions[0].weight.default", "required key is missing")]
