"""The ``ignore`` field of every element with an id: through every format, and the schema."""

from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from estrategy import io
from estrategy.model import (
    IGNORABLE_COLLECTIONS,
    KPI,
    Action,
    BusinessStake,
    Objective,
    Organization,
    Person,
    Strategy,
    StrategyModel,
    Suppression,
    Tactic,
    Tool,
    TransversalGroup,
    Unit,
)
from estrategy.testing import suppressed_models

FORMATS = ("yaml", "json", "toml")
VALIDATOR = jsonschema.Draft202012Validator(io.json_schema())


# One element of each kind that has an id; drawing only the suppressions keeps each
# example cheap (other tests round-trip arbitrary models).
ONE_OF_EACH = StrategyModel(
    name="One of each",
    organization=Organization(
        units=[Unit(id="u")],
        people=[Person(id="p", unit="u")],
        groups=[TransversalGroup(id="g", members=["p"])],
    ),
    stakes=[BusinessStake(id="s")],
    objectives=[Objective(id="o", stake="s")],
    strategies=[Strategy(id="st", objectives=["o"])],
    tactics=[Tactic(id="t", strategy="st")],
    actions=[Action(id="a", tactic="t", tools=["tool"])],
    kpis=[KPI(id="k", objective="o", tactics=["t"])],
    tools=[Tool(id="tool")],
)
REFERENCE = st.just(ONE_OF_EACH)


@given(suppressed_models(models=REFERENCE, max_suppressions=6))
def test_suppressions_round_trip_in_every_format_and_fit_the_schema(
    model: StrategyModel,
) -> None:
    for fmt in FORMATS:
        assert io.loads(io.dumps(model, fmt), fmt) == model, fmt
    data = json.loads(io.dumps(model, "json"))
    errors = [f"{e.json_path}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert not errors, errors


def test_the_generator_draws_suppressions_on_elements() -> None:
    def on_both_sides(model: StrategyModel) -> bool:
        org = model.organization
        in_org = any(u.ignore for u in org.units) or any(p.ignore for p in org.people)
        in_plan = any(t.ignore for t in model.tactics) or any(o.ignore for o in model.objectives)
        return in_org and in_plan

    search = settings(max_examples=300, phases=[Phase.generate], database=None)
    assert find(
        suppressed_models(models=REFERENCE, max_suppressions=6), on_both_sides, settings=search
    )


def test_every_element_with_an_id_has_ignore_in_the_schema() -> None:
    schema = io.json_schema()
    for name in (
        "Unit", "Person", "TransversalGroup", "BusinessStake", "Objective", "Strategy",
        "Tactic", "Action", "KPI", "Tool",
    ):  # fmt: skip
        ignore = schema["$defs"][name]["properties"]["ignore"]
        assert ignore["items"] == {"$ref": "#/$defs/Suppression"}, name
    assert schema["$defs"]["Suppression"]["required"] == ["code"]
    assert len(IGNORABLE_COLLECTIONS) == 10


@pytest.mark.parametrize(
    ("entry", "valid"),
    [
        ({"code": "ROL004", "reason": "supervised"}, True),
        ({"code": "ROL"}, True),
        ({"reason": "no code"}, False),
        ({"code": "ROL004", "why": "a typo"}, False),
    ],
)
def test_schema_and_loader_agree_on_an_ignore_entry(entry: dict[str, str], valid: bool) -> None:
    data = {"schema_version": 1, "tactics": [{"id": "t", "ignore": [entry]}]}
    assert VALIDATOR.is_valid(data) is valid
    if valid:
        (loaded,) = io.from_data(data).tactics[0].ignore
        assert loaded == Suppression(entry["code"], entry.get("reason", ""))
    else:
        with pytest.raises(io.LoadError):
            io.from_data(data)
