"""The message of a LoadError stays readable however many problems a file has."""

from __future__ import annotations

from estrategy.io import FileError, LoadError
from estrategy.io.errors import SHOWN_ERRORS


def test_long_error_lists_are_cut_but_every_error_is_kept() -> None:
    errors = [FileError("big.yaml", i + 1, 1, ("tactics", i), "unknown key") for i in range(250)]
    error = LoadError(errors)
    text = str(error)
    assert text.startswith("250 problems in big.yaml:")
    assert text.count("\n  big.yaml:") == SHOWN_ERRORS
    assert text.endswith(f"… and {250 - SHOWN_ERRORS} more")
    assert len(error.errors) == 250


def test_short_error_lists_are_shown_whole() -> None:
    error = LoadError([FileError("a.json", 2, 3, ("name",), "expected a string")])
    assert str(error) == "1 problem in a.json:\n  a.json:2:3: name: expected a string"
