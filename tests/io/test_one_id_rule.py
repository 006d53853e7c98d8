"""The CSV readers (Python and Arrow) accept exactly the ids the model accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estrategy.io.errors import LoadError
from estrategy.io.orgcsv import read_tables
from estrategy.io.orgcsv._ids import _bad_ids, _make_ids
from estrategy.model import Unit
from estrategy.model.validators import FieldValueError

# Mostly id characters, with some that are not (space, accents, quotes, ``\n``…).
_TEXT = st.text(alphabet=st.sampled_from("aZ09_.:@/+- éß'\"#\n\t,;"), min_size=1, max_size=8)


def _model_accepts(value: str) -> bool:
    try:
        Unit(id=value)
    except (FieldValueError, ValueError):
        return False
    return True


@given(_TEXT)
def test_csv_and_model_agree_on_every_id(value: str) -> None:
    assert (list(_bad_ids([value], allow_empty=False)) == []) == _model_accepts(value)


@given(_TEXT)
def test_made_ids_are_model_ids_or_the_text_kept_to_be_reported(value: str) -> None:
    # text with nothing id-like in it stays as it is, to be reported as an invalid id
    # (an empty result would read as "no reference" and hide the problem)
    [made] = _make_ids([value])
    assert _model_accepts(made) or made == value


@pytest.mark.parametrize("engine", ["python", "arrow"])
@pytest.mark.parametrize("value", ["-lead", "a b", "é", "_x"])
def test_both_engines_refuse_what_the_model_refuses(
    tmp_path: Path, engine: str, value: str
) -> None:
    assert not _model_accepts(value)
    (tmp_path / "people.csv").write_text(f'id\n"{value}"\n', encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        read_tables(tmp_path, engine=engine)  # type: ignore[arg-type]
    [error] = caught.value.errors
    assert (error.line, error.column) == (2, 1)
    assert "is not a valid id" in error.message


@pytest.mark.parametrize("engine", ["python", "arrow"])
def test_both_engines_accept_every_id_character(tmp_path: Path, engine: str) -> None:
    value = "a0_.:@/+-Z"
    assert _model_accepts(value)
    (tmp_path / "people.csv").write_text(f"id\n{value}\n", encoding="utf-8")
    assert read_tables(tmp_path, engine=engine).person_ids == (value,)  # type: ignore[arg-type]
