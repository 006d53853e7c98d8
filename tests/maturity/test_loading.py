"""Maturity-model files: custom models, and clean errors with file, line and path."""

from __future__ import annotations

from pathlib import Path

import pytest

from estrategy.io.errors import LoadError
from estrategy.maturity import (
    CriterionContext,
    CriterionResult,
    Evidence,
    LevelScale,
    SizeValue,
    assess,
    criterion,
    default_maturity_model,
    load_maturity_model,
    maturity_model_from_text,
)
from estrategy.model import StrategyModel

from .builders import method_follower

SMALL = """
name = "two dimensions"

[levels]
names = ["low", "high"]
cutoffs = [50]

[[dimensions]]
id = "plan"
name = "Plan"
criteria = [
  { id = "smart-objectives", weight = 2 },
  "situation-analysis",
]

[[dimensions]]
id = "tools"
criteria = [{ id = "crm-backbone", weight = { default = 1, micro = 0 } }]
"""


def _errors(text: str, tmp_path: Path) -> list[tuple[int | None, str, str]]:
    path = tmp_path / "mm.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_maturity_model(path)
    assert all(e.source == str(path) for e in info.value.errors)
    from estrategy.model import format_path

    return [(e.line, format_path(e.path), e.message) for e in info.value.errors]


def test_custom_model_with_fewer_dimensions(tmp_path: Path) -> None:
    path = tmp_path / "mm.toml"
    path.write_text(SMALL, encoding="utf-8")
    spec = load_maturity_model(path)
    assert [d.id for d in spec.dimensions] == ["plan", "tools"]
    assert spec.levels == LevelScale(("low", "high"), (50.0,))
    # what the file leaves out comes from the default model
    assert spec.quadrant == default_maturity_model().quadrant
    result = assess(method_follower(), spec)
    assert result.levels == {"plan": 2, "tools": 2}
    assert result.dimension("plan").criterion("situation-analysis").weight == 1
    assert result.overall.level_name == "high"


def test_size_weights_from_file(tmp_path: Path) -> None:
    spec = maturity_model_from_text(SMALL, base=default_maturity_model())
    assert spec.dimensions[1].criteria[0].weight == SizeValue(1, {"micro": 0})
    micro = assess(method_follower("micro"), spec)
    assert micro.dimension("tools").criterion("crm-backbone").weight == 0
    assert micro.dimension("tools").score is None


def test_thresholds_override_by_name(tmp_path: Path) -> None:
    text = SMALL + "\n[thresholds]\nreview_interval_days = { default = 10, micro = 400 }\n"
    spec = maturity_model_from_text(text, base=default_maturity_model())
    assert spec.thresholds_for("medium")["review_interval_days"] == 10
    assert spec.thresholds_for("micro")["review_interval_days"] == 400
    assert spec.thresholds_for("large")["upward_hops"] == 3  # kept from the default


def test_all_errors_together_with_lines_and_paths(tmp_path: Path) -> None:
    text = """name = "broken"
colour = "blue"

[levels]
names = ["a", "b", "c"]
cutoffs = [50]

[[dimensions]]
id = "plan"
criteria = [
  { id = "smart-objectivs" },
  { id = "situation-analysis", weight = -1 },
]
"""
    errors = _errors(text, tmp_path)
    assert errors == [
        (2, "colour", "unknown key 'colour'"),
        (6, "levels.cutoffs", "3 levels need 2 cut-offs, got 1"),
        (
            11,
            "dimensions[0].criteria[0].id",
            "unknown criterion 'smart-objectivs' (did you mean 'smart-objectives'?); built-in, "
            "passed with criteria=…, or published under the 'estrategy.criteria' entry points",
        ),
        (
            12,
            "dimensions[0].criteria[1].weight",
            "expected a number ≥ 0 or a table by size ({ default = …, micro = … }), got -1",
        ),
    ]


def test_bad_size_and_duplicate_criterion(tmp_path: Path) -> None:
    text = """[[dimensions]]
id = "plan"
criteria = [{ id = "smart-objectives", weight = { default = 1, tiny = 0 } }]

[[dimensions]]
id = "plan"
criteria = ["smart-objectives"]
"""
    errors = _errors(text, tmp_path)
    messages = [(line, path, message.split(" (")[0]) for line, path, message in errors]
    assert messages == [
        (3, "dimensions[0].criteria[0].weight.tiny", "unknown key 'tiny'"),
        (6, "dimensions[1].id", "duplicate dimension id 'plan'"),
        (
            7,
            "dimensions[1].criteria[0].id",
            "criterion 'smart-objectives' is already used by dimension 'plan'",
        ),
    ]


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    errors = _errors('name = "x"\n[levels\n', tmp_path)
    assert errors[0][0] == 2
    assert errors[0][2].startswith("invalid TOML")


def test_missing_file_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"nowhere\.toml"):
        load_maturity_model(tmp_path / "nowhere.toml")


def test_quadrant_components_must_name_known_criteria(tmp_path: Path) -> None:
    text = SMALL + '\n[quadrant.management]\nstrategy = ["smart-objectives", "nope"]\n'
    errors = _errors(text, tmp_path)
    assert [(p, m) for _, p, m in errors] == [
        ("quadrant.management.strategy[1]", "unknown criterion 'nope'")
    ]


@criterion("acme.has-mission", title="A mission")
def has_mission(model: StrategyModel, context: object) -> CriterionResult:
    """The plan states a mission."""
    if model.mission:
        return CriterionResult(100, [Evidence("the mission is stated")])
    return CriterionResult(0, [Evidence("no mission", supports=False)])


def test_custom_criterion_passed_explicitly() -> None:
    text = '[[dimensions]]\nid = "why"\ncriteria = ["acme.has-mission", "stakes-and-mission"]\n'
    spec = maturity_model_from_text(text, criteria=[has_mission], base=default_maturity_model())
    result = assess(method_follower(), spec)
    item = result.dimension("why").criterion("acme.has-mission")
    assert (item.score, item.title) == (100, "A mission")
    assert has_mission.description == "The plan states a mission."


def test_custom_criterion_cannot_take_a_builtin_id() -> None:
    from estrategy.maturity import CriterionPluginError

    clash = criterion("smart-objectives")(has_mission.function)
    with pytest.raises(CriterionPluginError, match="clashes with the built-in"):
        maturity_model_from_text(SMALL, criteria=[clash], base=default_maturity_model())


def test_criterion_ids_are_validated() -> None:
    with pytest.raises(ValueError, match="invalid criterion id"):
        criterion("Not An Id")(has_mission.function)


def test_criterion_results_are_validated() -> None:
    with pytest.raises(ValueError, match="between 0 and 100"):
        CriterionResult(120)
    with pytest.raises(TypeError):
        CriterionResult("high")  # type: ignore[arg-type]


def test_failing_criterion_becomes_a_warning() -> None:
    @criterion("acme.broken")
    def broken(model: StrategyModel, context: object) -> CriterionResult:
        raise RuntimeError("boom")

    text = '[[dimensions]]\nid = "x"\ncriteria = ["acme.broken", "smart-objectives"]\n'
    spec = maturity_model_from_text(text, criteria=[broken], base=default_maturity_model())
    result = assess(method_follower(), spec)
    item = result.dimension("x").criterion("acme.broken")
    assert item.score is None
    assert item.error == "RuntimeError: boom"
    assert result.warnings == ("criterion 'acme.broken' failed: RuntimeError: boom",)
    assert result.dimension("x").score == 100


def test_criterion_can_reuse_the_coherence_findings(lefevre: StrategyModel) -> None:
    @criterion("acme.incomplete-actions")
    def incomplete(model: StrategyModel, context: CriterionContext) -> CriterionResult:
        codes = [f for f in context.findings() if f.code == "ACT002"]
        assert context.findings() is context.findings()  # computed once
        ids = [s for f in codes for s in f.subjects]
        return CriterionResult(
            100 * (1 - len(codes) / max(1, len(model.actions))), [Evidence("ACT002", ids)]
        )

    text = '[[dimensions]]\nid = "x"\ncriteria = ["acme.incomplete-actions"]\n'
    spec = maturity_model_from_text(text, criteria=[incomplete], base=default_maturity_model())
    item = assess(lefevre, spec).dimension("x").criterion("acme.incomplete-actions")
    assert item.score == 75
    assert item.evidence[0].ids == ("a-shoot",)


def test_size_values_know_the_sizes() -> None:
    assert SizeValue(1, {"large": 3}).resolve("large") == 3
    assert SizeValue(1, {"large": 3}).to_data() == {"default": 1, "large": 3}
    with pytest.raises(ValueError, match="unknown size"):
        SizeValue(1, {"huge": 3})


def test_quadrant_component_error_is_on_its_own_line(tmp_path: Path) -> None:
    # an index into a one-line array of strings is placed at its key, not at a later
    # line that happens to hold an inline table
    text = (
        '[quadrant.management]\nstrategy = ["smart-objectives", "nope"]\n\n'
        '[[dimensions]]\nid = "x"\ncriteria = [{ id = "smart-objectives" }]\n'
    )
    assert _errors(text, tmp_path) == [
        (2, "quadrant.management.strategy[1]", "unknown criterion 'nope'")
    ]


def test_file_is_read_like_a_model_file(tmp_path: Path) -> None:
    path = tmp_path / "mm.toml"
    path.write_bytes(b"\xef\xbb\xbf" + SMALL.encode())  # a BOM is allowed
    assert [d.id for d in load_maturity_model(path).dimensions] == ["plan", "tools"]
    path.write_bytes(b'name = "x"\nlevels = "\xff"\n')
    with pytest.raises(LoadError) as info:
        load_maturity_model(path)
    (error,) = info.value.errors
    assert (error.line, error.column) == (2, 11)
    assert "not UTF-8" in error.message
    path.write_bytes(b'name = "x"\n\x00')
    with pytest.raises(LoadError, match=r"mm\.toml:2:1: this is a binary file"):
        load_maturity_model(path)


def test_size_and_nesting_are_bounded(tmp_path: Path) -> None:
    from estrategy.io import Limits

    path = tmp_path / "mm.toml"
    path.write_text(SMALL, encoding="utf-8")
    with pytest.raises(LoadError, match="more than the limit of 100"):
        load_maturity_model(path, limits=Limits(max_bytes=100))
    with pytest.raises(LoadError, match="more than the limit of 100"):
        maturity_model_from_text(SMALL, limits=Limits(max_bytes=100))
    deep = "x = " + "[" * 10 + "]" * 10 + "\n"
    with pytest.raises(LoadError, match="nesting deeper than 5"):
        maturity_model_from_text(deep, limits=Limits(max_depth=5))
    hostile = "x = " + "[" * 100_000 + "]" * 100_000 + "\n"
    with pytest.raises(LoadError, match="nesting deeper than"):
        maturity_model_from_text(hostile)


def test_a_file_of_comments_takes_the_defaults(tmp_path: Path) -> None:
    errors = _errors("# only a comment\n\n", tmp_path)
    assert errors == [(1, "dimensions", "expected at least one [[dimensions]] table")]


def test_decimal_numbers_are_plain_floats() -> None:
    text = '[[dimensions]]\nid = "x"\ncriteria = [{ id = "smart-objectives", weight = 1.5 }]\n'
    spec = maturity_model_from_text(text, base=default_maturity_model())
    weight = spec.dimensions[0].criteria[0].weight.default
    assert (weight, type(weight)) == (1.5, float)
    bad = text.replace("1.5", "-0.5")
    with pytest.raises(LoadError, match=r"got -0\.5$"):
        maturity_model_from_text(bad, base=default_maturity_model())


def test_reading_code_is_imported_only_when_a_file_is_read() -> None:
    import subprocess
    import sys

    code = (
        "import sys, estrategy.maturity; "
        "print(any(m in sys.modules for m in ('estrategy.io.files', 'estrategy.io.toml')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
