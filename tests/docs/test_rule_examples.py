"""The rule pages' minimal examples: each excerpt triggers its rule, each fix gives nothing.

Every excerpt is merged into the example model (``docsite/rule_examples/base.yaml``),
which gives no finding; the rule pages show the excerpts and what they give.
"""

from __future__ import annotations

import doctest
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from docsite import api_pages, language, reference, rule_examples
from docsite.rule_examples import examples, merge, merged_model
from docsite.rule_pages import builtin_rules
from estrategy import check

CODES = sorted(examples())


def test_the_example_model_gives_no_finding() -> None:
    model = merged_model("")
    assert model.name == "Atelier Morvan digital plan"
    assert check(model).findings == ()


def test_every_builtin_rule_has_an_example_and_every_example_names_a_rule() -> None:
    assert [r.code for r in builtin_rules()] == CODES


@pytest.mark.parametrize("code", CODES)
def test_the_excerpt_triggers_its_rule_and_its_fix_gives_no_finding(code: str) -> None:
    example = examples()[code]
    triggered = {f.code for f in example.trigger_findings()}
    assert triggered == {code, *example.also}, "the trigger gives other findings than it says"
    assert example.fix_findings() == ()
    assert example.note.keys() == {"en", "fr"}
    assert code not in example.also


def test_an_excerpt_replaces_elements_by_id_and_adds_the_others() -> None:
    model = merged_model(
        "tactics:\n  - {id: t-blog, name: Renamed}\n  - {id: t-new, name: New}\n"
        "situation: {strengths: []}\n"
    )
    tactics = {t.id: t for t in model.tactics}
    assert tactics["t-blog"].name == "Renamed"
    assert tactics["t-blog"].strategy is None  # replaced whole, not field by field
    assert {"t-linkedin", "t-new"} <= set(tactics)
    assert model.situation.strengths == ()
    assert model.situation.competitors


@pytest.mark.parametrize("module", [rule_examples, language, reference, api_pages])
def test_the_docstring_examples_hold(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert result.attempted
    assert not result.failed


_SCALARS = st.none() | st.booleans() | st.integers() | st.text(max_size=3)
_DATA: st.SearchStrategy[Any] = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["id", "a", "b"]), inner, max_size=3)
    ),
    max_leaves=8,
)


@given(_DATA, _DATA)
def test_merging_is_idempotent_and_keeps_what_the_excerpt_does_not_name(
    base: Any, excerpt: Any
) -> None:
    merged = merge(base, excerpt)
    assert merge(merged, excerpt) == merged
    if isinstance(base, dict):
        assert merge(base, {}) == base
        if isinstance(excerpt, dict):
            assert set(merged) == set(base) | set(excerpt)
            assert all(merged[k] == v for k, v in base.items() if k not in excerpt)
