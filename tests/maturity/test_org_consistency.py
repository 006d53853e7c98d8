"""The organisation criteria score any organisation as plain Python loops would.

The criteria read ``estrategy.org``'s vectorised analyses; ``tests/org/reference.py``, the
one brute-force reference of the organisation analyses, also builds the criteria from
their definitions (``docs/maturity.md``). On arbitrary organisations, with every
threshold the maturity models may set, both give the same score and evidence, so the
criteria's wiring (N/A conditions, thresholds, silos, evidence ids) is checked end to
end, and ``estrategy.org`` is checked against the definitions maturity relies on.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.org import reference as ref

from estrategy.maturity import BUILTIN_CRITERIA, CriterionContext, CriterionResult, assess
from estrategy.maturity.facts import build_facts
from estrategy.model import Organization, StrategyModel, Tool
from estrategy.testing import organizations

HALF = settings.get_profile("half")
_AS_OF = dt.date(2026, 11, 15)


def _context(model: StrategyModel, thresholds: dict[str, float]) -> CriterionContext:
    from estrategy.catalogue import default_catalogue

    return CriterionContext(
        model=model,
        size=model.organization.size,
        as_of=_AS_OF,
        thresholds=thresholds,
        catalogue=default_catalogue(),
        facts=build_facts(model, _AS_OF),
    )


def _expected(model: StrategyModel, thresholds: dict[str, float]) -> dict[str, CriterionResult]:
    organization = model.organization
    esn_tools = [t.id for t in model.tools if t.kind == "esn"]
    return {
        "transversality": ref.transversality_criterion(
            organization, thresholds["transversality_target"]
        ),
        "genuine-groups": ref.genuine_groups_criterion(organization),
        "upward-paths": ref.upward_paths_criterion(organization, thresholds["upward_hops"]),
        "esn-reach": ref.esn_reach_criterion(
            organization, esn_tools, thresholds["esn_reach_target"]
        ),
    }


@HALF
@given(
    organizations(max_people=25, max_units=10, max_groups=5, max_ties=30),
    st.booleans(),
    st.fixed_dictionaries(
        {
            "transversality_target": st.sampled_from([0.3, 0.5, 0.66, 1.0]),
            "upward_hops": st.sampled_from([0, 1, 2, 2.5, 3, 5]),
            "esn_reach_target": st.sampled_from([0.5, 0.6, 0.8]),
        }
    ),
)
def test_criteria_match_the_reference(
    organization: Organization, with_esn: bool, thresholds: dict[str, float]
) -> None:
    tools = [Tool(id="esn", kind="esn")] if with_esn else []
    model = StrategyModel(organization=organization, tools=tools)
    context = _context(model, thresholds)
    for criterion_id, expected in _expected(model, thresholds).items():
        assert BUILTIN_CRITERIA[criterion_id](model, context) == expected, criterion_id


def test_lefevre_matches_the_reference(lefevre: StrategyModel) -> None:
    result = assess(lefevre)
    spec_thresholds = {"transversality_target": 0.66, "upward_hops": 3, "esn_reach_target": 0.6}
    expected = _expected(lefevre, spec_thresholds)
    organisation = result.dimension("organisation")
    for criterion_id, want in expected.items():
        got = organisation.criterion(criterion_id)
        assert (got.score, got.evidence) == (want.score, want.evidence), criterion_id
    # the worked example of docs/maturity.md: 2 of 6 pairs joined, production a silo
    assert organisation.criterion("transversality").evidence[-1].ids == ("production",)
    assert expected["transversality"].score == pytest.approx(100 * (2 / 6) / 0.66)
