"""Strict reading: types are never guessed, and every format reads values the same way."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from estrategy import io
from estrategy.io import LoadError

HEAD = "schema_version: 1\nname: x\n"


def problem(text: str, fmt: str = "yaml") -> tuple[int | None, str, str]:
    with pytest.raises(LoadError) as caught:
        io.loads(text, fmt)
    error = caught.value.errors[0]
    return error.line, ".".join(map(str, error.path)), error.message


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (
            "organization: {people: [{id: a, external: 1}]}",
            "expected true or false, got the number 1",
        ),
        ("tactics: [{id: t}]\nactions: [{id: a, tactic: t, budget: true}]", "got true/false"),
        ("objectives: [{id: o, target: false}]", "expected a number, got true/false"),
        ("objectives: [{id: o, target: '80'}]", "expected a number, got the text '80'"),
        ("currency: true", "expected text, got true/false"),
        ("currency: 1.5", "expected text, got the number 1.5"),
        (
            "organization: {people: [{id: a, roles: sales}]}",
            "expected a list, got the text 'sales'",
        ),
        ("tactics: {id: t}", "expected a list, got a mapping"),
        ("tactics: [t-1]", "expected a mapping of keys, got the text 't-1'"),
        ("as_of: 2026-11-15T10:00:00", "expected a date (YYYY-MM-DD)"),
        ("as_of: 20261115", "expected a date (YYYY-MM-DD), got the number 20261115"),
        ("as_of: '2026-13-01'", "is not a calendar date"),
        ("tools: [{id: t, kind: CRM}]", "'CRM' is not a tool kind (did you mean 'crm'?)"),
        ("situation: {strenghts: [a]}", "unknown key 'strenghts' (did you mean 'strengths'?)"),
        ("kpis: [{id: k, measurements: [{date: 2026-01-01}]}]", "required key is missing"),
        ("organization: {ties: [{source: a, target: b, weight: .nan}]}", "from 0 to 1e12, got nan"),
    ],
)
def test_wrong_values_are_refused(body: str, words: str) -> None:
    line, _path, message = problem(HEAD + body + "\n")
    assert words in message
    assert line == 3 + body.count("\n")


def test_unquoted_numeric_ids_are_text() -> None:
    model = io.loads(HEAD + "tactics: [{id: 42}]\nactions: [{id: 7, tactic: 42}]\n")
    assert model.tactics[0].id == "42"
    assert model.actions[0].tactic == "42"


def test_dates_in_every_form() -> None:
    assert io.loads(HEAD + "as_of: 2026-11-15\n").as_of == dt.date(2026, 11, 15)
    assert io.loads(HEAD + "as_of: '2026-11-15'\n").as_of == dt.date(2026, 11, 15)
    assert io.loads('{"schema_version": 1, "as_of": "2026-11-15"}', "json").as_of == dt.date(
        2026, 11, 15
    )
    assert io.loads("schema_version = 1\nas_of = 2026-11-15\n", "toml").as_of == dt.date(
        2026, 11, 15
    )
    line, _path, message = problem("schema_version = 1\nas_of = 2026-11-15T10:00:00\n", "toml")
    assert line == 2
    assert "date-time" in message


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_money_is_read_exactly(fmt: str) -> None:
    texts = {
        "yaml": HEAD + "tactics: [{id: t}]\nactions: [{id: a, tactic: t, budget: 0.1}]\n",
        "json": '{"schema_version": 1, "tactics": [{"id": "t"}], '
        '"actions": [{"id": "a", "tactic": "t", "budget": 0.1}]}',
        "toml": 'schema_version = 1\n[[tactics]]\nid = "t"\n'
        '[[actions]]\nid = "a"\ntactic = "t"\nbudget = 0.1\n',
    }
    assert io.loads(texts[fmt], fmt).actions[0].budget == Decimal("0.1")


@pytest.mark.parametrize(
    ("text", "value"),
    [("1_000", 1000), ("0x10", 16), ("0o10", 8), ("+5", 5), ("1e3", 1000), ("12.50", 12.5)],
)
def test_yaml_number_forms(text: str, value: float) -> None:
    model = io.loads(HEAD + f"objectives: [{{id: o, target: {text}}}]\n")
    assert model.objectives[0].target == value


def test_yaml_1_2_booleans_only() -> None:
    """``yes``/``no``/``on`` are text in YAML 1.2; a boolean field says so."""
    _line, path, message = problem(HEAD + "organization: {people: [{id: a, external: yes}]}\n")
    assert "expected true or false, got the text 'yes'" in message
    assert path == "organization.people.0.external"
    assert io.loads(HEAD + "mission: no\n").mission == "no"
    assert (
        io.loads(HEAD + "organization: {people: [{id: a, external: True}]}\n")
        .organization.people[0]
        .external
    )


def test_explicit_core_tags_are_accepted() -> None:
    model = io.loads("schema_version: !!int 1\nname: !!str 2026\nmission: !!null ''\n")
    assert (model.name, model.mission) == ("2026", None)


def test_null_for_an_optional_field() -> None:
    assert io.loads(HEAD + "mission: null\n").mission is None
    _line, _path, message = problem(HEAD + "currency: null\n")
    assert "expected text, got nothing (null)" in message


def test_attributes_of_people_are_a_mapping() -> None:
    model = io.loads(
        HEAD + "organization: {people: [{id: a, attributes: {site: Rennes, floor: 2}}]}\n"
    )
    assert model.organization.people[0].attributes == (("floor", "2"), ("site", "Rennes"))


def test_positions_name_file_line_and_column() -> None:
    text = HEAD + "tactics:\n  - id: t-1\n    kind: events\n  - id: t-2\n    kind: social_seling\n"
    document_error = problem(text)
    assert document_error[0] == 7
    with pytest.raises(LoadError) as caught:
        io.loads(text, source="plan.yaml")
    assert str(caught.value.errors[0]).startswith("plan.yaml:7:5: tactics[1].kind: 'social_seling'")


def test_source_map_falls_back_to_the_nearest_ancestor() -> None:
    document = io.loads_document(HEAD + "tactics:\n  - {id: t-1}\n")
    assert document.positions.locate(("tactics", 0, "owner_unit")) == io.Position(4, 5)
    assert document.positions.locate(("tactics", 5)) == io.Position(3, 1)
    assert document.positions.locate(("nothing",)) == io.Position(1, 1)
    assert io.SourceMap().locate(("tactics",)) is None


def test_limits_are_validated() -> None:
    with pytest.raises(ValueError, match="max_depth"):
        io.Limits(max_depth=0)
    assert io.Limits(20 * 1024 * 1024, 64, 2_000_000) == io.DEFAULT_LIMITS


@pytest.mark.parametrize(
    ("text", "fmt", "words"),
    [
        (
            HEAD + "tactics: [{id: t}]\nactions: [{id: a, tactic: t, budget: 1e999999999}]\n",
            "yaml",
            "out of range",
        ),
        (HEAD + "objectives: [{id: o, target: 1" + "0" * 400 + "}]\n", "yaml", "too large"),
        (
            HEAD + "objectives: [{id: o, target: 1" + "0" * 5000 + "}]\n",
            "yaml",
            "is not a valid !!int",
        ),
        ('{"schema_version": 1, "name": 1' + "1" * 5000 + "}", "json", "too many digits"),
    ],
)
def test_absurd_numbers_are_refused_quickly(text: str, fmt: str, words: str) -> None:
    with pytest.raises(LoadError, match=re.escape(words)) as caught:
        io.loads(text, fmt)
    assert len(str(caught.value)) < 400


def test_load_error_pickles() -> None:
    import pickle

    with pytest.raises(LoadError) as caught:
        io.loads(HEAD + "tactics: [{id: t, knd: x}]\n", source="p.yaml")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert copy.errors == caught.value.errors
    assert str(copy) == str(caught.value)
