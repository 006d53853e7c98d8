"""The written pages ask for the generated tables the reference is made of, and only those."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docsite.generated import INSERTS

DOCS = Path(__file__).parents[2] / "docs"
ASKED = {
    page.relative_to(DOCS).as_posix(): re.findall(
        r"^<!-- generated: ([a-z-]+) -->$", page.read_text(encoding="utf-8"), flags=re.MULTILINE
    )
    for page in DOCS.rglob("*.md")
}


@pytest.mark.parametrize(
    ("page", "inserts"),
    [
        ("file-format.md", ["model-keys", "tactic-kinds", "role-catalogue", "workbook-sheets"]),
        ("org.md", ["csv-folder", "mapping-presets"]),
        ("rules.md", ["rule-catalogue", "example-model"]),
        ("rules.fr.md", ["rule-catalogue", "example-model"]),
    ],
)
def test_the_reference_pages_ask_for_their_generated_tables(page: str, inserts: list[str]) -> None:
    assert ASKED[page] == inserts


def test_every_insert_a_page_asks_for_exists_and_every_insert_is_used() -> None:
    used = {name for names in ASKED.values() for name in names}
    assert used == set(INSERTS)


@pytest.mark.parametrize("name", sorted(INSERTS))
def test_every_insert_gives_markdown_in_both_languages(name: str) -> None:
    for lang in ("en", "fr"):
        text = INSERTS[name](lang)
        assert text.strip()
        assert "<!-- generated:" not in text
