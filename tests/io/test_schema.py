"""The JSON Schema agrees with the loader on good and bad files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

from estrategy import io
from estrategy.io._yaml import read_yaml
from estrategy.model import StrategyModel
from estrategy.testing import models

HALF = settings.get_profile("half")


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = io.json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def as_file_data(path: Path) -> Any:
    """The plain data of a YAML file, as an editor validating it sees it."""
    return read_yaml(path.read_text(encoding="utf-8"), str(path), io.DEFAULT_LIMITS).data


def test_schema_is_draft_2020_12() -> None:
    schema = io.json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["required"] == ["schema_version"]
    assert schema["additionalProperties"] is False
    json.dumps(schema)  # plain JSON all through


def test_schema_describes_the_model() -> None:
    schema = io.json_schema()
    tactic = schema["$defs"]["Tactic"]
    assert tactic["required"] == ["id"]
    assert tactic["properties"]["kind"]["enum"][:2] == ["social_selling", "content_marketing"]
    assert tactic["properties"]["kind"]["default"] == "other"
    assert tactic["properties"]["strategy"]["description"].startswith("id of the strategy")
    assert schema["$defs"]["Action"]["required"] == ["id", "tactic"]
    assert schema["properties"]["as_of"] == {
        "title": "As of",
        "description": "the date the model describes; rules that depend on time use it.",
        "type": ["string", "null"],
        "format": "date",
    }
    assert "source" not in schema["$defs"]["Organization"]["properties"]
    assert schema["$defs"]["OrganizationReference"]["required"] == ["from"]


def test_schema_accepts_lefevre(
    validator: jsonschema.Draft202012Validator, lefevre_path: Path
) -> None:
    assert list(validator.iter_errors(as_file_data(lefevre_path))) == []


def test_schema_accepts_an_organisation_reference(
    validator: jsonschema.Draft202012Validator,
) -> None:
    assert validator.is_valid({"schema_version": 1, "organization": {"from": "org/"}})
    assert not validator.is_valid({"schema_version": 1, "organization": {"from": "org/", "x": 1}})


def test_schema_rejects_an_unknown_key(validator: jsonschema.Draft202012Validator) -> None:
    data = as_file_data(Path(__file__).parents[1] / "fixtures" / "bad" / "typo-key.yaml")
    errors = list(validator.iter_errors(data))
    assert len(errors) == 1
    assert "'stratgy' was unexpected" in errors[0].message
    assert list(errors[0].absolute_path) == ["tactics", 0]


@pytest.mark.parametrize(
    "data",
    [
        {"name": "no version"},
        {"schema_version": 2},
        {"schema_version": 1, "tactics": [{"id": "t", "kind": "social_seling"}]},
        {"schema_version": 1, "as_of": "2026-02-30"},
        {"schema_version": 1, "actions": [{"id": "a"}]},
        {"schema_version": 1, "organization": {"people": [{"id": "p", "external": "yes"}]}},
    ],
)
def test_schema_rejects_what_the_loader_rejects(
    validator: jsonschema.Draft202012Validator, data: dict[str, Any]
) -> None:
    assert not validator.is_valid(data)
    with pytest.raises(io.LoadError):
        io.from_data(data)


@HALF
@given(models())
def test_every_saved_model_is_valid(model: StrategyModel) -> None:
    schema = io.json_schema()
    data = json.loads(io.dumps(model, "json"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(
        data
    )


def test_json_schema_returns_a_fresh_copy() -> None:
    first = io.json_schema()
    first["title"] = "changed"
    assert io.json_schema()["title"] == "estrategy model file"
