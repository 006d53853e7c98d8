"""The file-format documentation stays true: its example loads, its tables match."""

from __future__ import annotations

import doctest
import importlib
import re
from pathlib import Path

import attrs
import pytest

from estrategy import io
from estrategy.model import StrategyModel

DOC = Path(__file__).parents[2] / "docs" / "file-format.md"


def test_minimal_example_loads() -> None:
    text = DOC.read_text(encoding="utf-8")
    example = re.search(r"## A minimal file\n\n```yaml\n(.*?)```", text, re.DOTALL)
    assert example is not None
    model = io.loads(example.group(1))
    assert str(model.actions[0].budget) == "12000.50"


def test_every_key_is_documented() -> None:
    """The key tables are generated when the site is built (docsite/reference.py)."""
    from docsite.reference import model_keys

    assert "<!-- generated: model-keys -->\n" in DOC.read_text(encoding="utf-8")
    text = model_keys("en")
    for field in attrs.fields(StrategyModel):
        assert f"| `{field.name}` |" in text
    for name in io.json_schema()["$defs"]:
        assert f"### {name}\n" in text


def test_the_sheet_reference_is_the_generated_one() -> None:
    """The table of sheets and columns is filled from the model's classes at build time."""
    assert "<!-- generated: workbook-sheets -->\n" in DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name",
    [
        "estrategy.io",
        "estrategy.io.errors",
        "estrategy.io.files",
        "estrategy.io.limits",
        "estrategy.io.schema",
        "estrategy.io._data",
        "estrategy.io._cells",
        "estrategy.io._layout",
        "estrategy.io.excel",
    ],
)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
    assert result.attempted > 0
