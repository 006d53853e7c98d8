"""Big and adversarial inputs read in linear time: TOML positions, "did you mean" hints.

The inputs are generated once per session; nothing big is committed. With the former
quadratic code these tests ran for minutes; they now take about a second each.
"""

from __future__ import annotations

import difflib

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from estrategy.io import LoadError, from_data
from estrategy.io.limits import Limits
from estrategy.io.toml import parse_toml
from estrategy.model.suggest import SUGGESTION_BUDGET, Suggestions, suggestion

_TACTIC = (
    '[[tactics]]\nid = "t{i}"\nname = "{hashes}"\nkpis = [\n  "k1", # comment\n  "k2",\n]\n'
    'meta = {{ a = "#", b = [{{ c = 1 }}] }}\n'
)


@pytest.fixture(scope="session")
def five_megabytes_of_toml() -> str:
    # every line holds many `#` inside a string: the shape that made the scanner quadratic
    hashes = "# " * 300
    text = "".join(_TACTIC.format(i=i, hashes=hashes) for i in range(7_500))
    assert len(text) > 5_000_000
    return text


def test_a_five_megabyte_toml_file_is_read_with_every_position(
    five_megabytes_of_toml: str,
) -> None:
    document = parse_toml(five_megabytes_of_toml, limits=Limits(max_bytes=8_000_000))
    tactics = document.data["tactics"]
    assert len(tactics) == 7_500
    last = len(tactics) - 1
    lines_per_tactic = _TACTIC.count("\n")
    assert document.positions.locate(("tactics", last, "id")) is not None
    position = document.positions.locate(("tactics", last, "kpis", 1))
    assert position is not None
    assert position.line == last * lines_per_tactic + 6


def test_a_line_of_a_million_hashes_in_a_string_is_read() -> None:
    text = 'name = "' + "# " * 1_000_000 + '"\nnext = [\n  1,\n]\n'
    document = parse_toml(text, limits=Limits(max_bytes=3_000_000))
    position = document.positions.locate(("next", 0))
    assert position is not None
    assert (position.line, position.column) == (3, 3)


@pytest.fixture(scope="session")
def dangling_references() -> LoadError:
    people = [{"id": f"p-{i:05d}"} for i in range(20_000)]
    ties = [{"source": f"p-{i:05d}", "target": f"q-{i:05d}"} for i in range(20_000)]
    data = {
        "schema_version": 1,
        "name": "x",
        "organization": {"name": "o", "people": people, "ties": ties},
    }
    with pytest.raises(LoadError) as caught:
        from_data(data)
    return caught.value


def test_twenty_thousand_dangling_references_are_all_reported(
    dangling_references: LoadError,
) -> None:
    errors = dangling_references.errors
    assert len(errors) == 20_000
    assert errors[0].message == "unknown person 'q-00000' (did you mean 'p-00000'?)"
    assert errors[-1].message == "unknown person 'q-19999'"


def test_one_run_computes_a_bounded_number_of_hints(dangling_references: LoadError) -> None:
    hinted = [e for e in dangling_references.errors if "did you mean" in e.message]
    assert len(hinted) == SUGGESTION_BUDGET


def _brute_force(value: str, choices: list[str]) -> str | None:
    """The former implementation: difflib over every choice."""
    by_lower = {o.lower(): o for o in sorted(set(choices))}
    close = difflib.get_close_matches(value.lower(), list(by_lower), n=1)
    return by_lower[close[0]] if close else None


_NAMES = st.text("abcdeklmnost-_", min_size=1, max_size=10)


@given(_NAMES, st.lists(_NAMES, max_size=40))
def test_on_few_names_the_suggestion_is_difflibs_over_all_of_them(
    value: str, choices: list[str]
) -> None:
    assert suggestion(value, choices) == _brute_force(value, choices)


@example("_-_-", ["-__-"])  # ratio 0.75 one way, 0.5 the other
@given(_NAMES, st.lists(_NAMES, min_size=1, max_size=300))
def test_a_suggestion_among_many_names_is_one_of_them_and_close(
    value: str, choices: list[str]
) -> None:
    found = Suggestions().suggestion(value, choices, key="names")
    if found is not None:
        assert found in choices
        # difflib's ratio is not symmetric: get_close_matches measures candidate → value
        assert difflib.SequenceMatcher(None, found.lower(), value.lower()).ratio() >= 0.6
    if value in choices:
        assert found is not None
        assert found.lower() == value.lower()
