"""Whatever the input, loading gives a model or a LoadError: never another exception."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estrategy import io

LEFEVRE = (Path(__file__).parents[1] / "fixtures" / "lefevre.yaml").read_text(encoding="utf-8")
FORMATS = ["yaml", "json", "toml"]


def errors_of(load: Callable[[], object]) -> tuple[io.FileError, ...] | None:
    """The errors of a failed load; ``None`` when it succeeded."""
    try:
        load()
    except io.LoadError as error:
        return error.errors
    return None


def load_or_error(text: str, fmt: str) -> None:
    errors = errors_of(lambda: io.loads(text, fmt))
    if errors is not None:
        assert errors
        for problem in errors:
            assert problem.line is None or problem.line >= 1
            assert problem.column is None or problem.column >= 1


@pytest.mark.parametrize("fmt", FORMATS)
@given(text=st.text(max_size=200))
def test_random_text(fmt: str, text: str) -> None:
    load_or_error(text, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@given(data=st.data())
def test_mutated_lefevre(fmt: str, data: st.DataObject) -> None:
    """Cut, duplicate or replace a slice of a valid file, in each format."""
    text = LEFEVRE if fmt == "yaml" else io.dumps(io.loads(LEFEVRE), fmt)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 40)))
    insert = data.draw(
        st.sampled_from(
            ["", text[start:end], "{", "[", ":", "- ", "\n  ", '"', "&a *a", "!!x", "\x00", "1e999"]
        )
    )
    load_or_error(text[:start] + insert + text[end:], fmt)


@given(
    data=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10) | st.dates(),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=8), children, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_random_data(data: object) -> None:
    for candidate in (
        data,
        {"schema_version": 1, "tactics": data},
        {"schema_version": 1, "organization": data},
    ):
        errors = errors_of(lambda c=candidate: io.from_data(c))  # type: ignore[misc]
        assert errors is None or len(errors) > 0
