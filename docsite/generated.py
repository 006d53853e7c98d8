"""What the site generates from the code: whole pages, and tables inside written pages.

Whole pages: the rule reference (a page per rule and language), the API reference (a
page per public package) and the changelog (the repository's ``CHANGELOG.md``).

A written page asks for a generated insert with a line of its own, ``<!-- generated:
NAME -->``; :data:`INSERTS` maps each name to a function of the page's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path

from docsite import api_pages, reference, rule_pages
from docsite.language import LANGUAGES

__all__ = ["INSERTS", "pages"]

INSERTS: Mapping[str, Callable[[str], str]] = {
    "rule-catalogue": rule_pages.catalogue,
    "example-model": rule_pages.example_model,
    "model-keys": reference.model_keys,
    "tactic-kinds": reference.tactic_kinds,
    "role-catalogue": reference.role_catalogue,
    "workbook-sheets": reference.workbook_sheets,
    "csv-folder": reference.csv_folder,
    "mapping-presets": reference.mapping_presets,
}
"""Each insert a written page may ask for, by name: a function of the page's language."""


_DOCS_LINK = re.compile(r"\]\(docs/")


def changelog() -> str:
    """The project's ``CHANGELOG.md``, its links to ``docs/`` pages made links of the site."""
    text = (Path(__file__).parents[1] / "CHANGELOG.md").read_text(encoding="utf-8")
    return _DOCS_LINK.sub("](", text)


@cache
def pages() -> Mapping[str, str]:
    """Every generated page by source path (``rules/STR001.md``), built once per process."""
    return {
        **rule_pages.rule_pages(LANGUAGES),
        **api_pages.api_pages(),
        "changelog.md": changelog(),
    }
