"""The mkdocs hook fills a page's generated inserts in the page's language (needs [docs])."""

from __future__ import annotations

import importlib.util
import types
from pathlib import Path

import pytest

pytest.importorskip("mkdocs")

from mkdocs.exceptions import PluginError

HOOKS = Path(__file__).parents[2] / "docsite" / "hooks.py"


def _hooks() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("estrategy_docs_hooks", HOOKS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _page(uri: str, locale: str | None) -> types.SimpleNamespace:
    return types.SimpleNamespace(file=types.SimpleNamespace(src_uri=uri, locale=locale))


def test_an_insert_is_filled_in_the_language_of_its_page() -> None:
    hooks = _hooks()
    text = "Intro\n\n<!-- generated: rule-catalogue -->\n\nEnd\n"
    english = hooks.on_page_markdown(text, page=_page("rules.md", "en"))
    french = hooks.on_page_markdown(text, page=_page("rules.fr.md", "fr"))
    assert "| code | name | severity | what it flags |" in english
    assert "| code | nom | gravité | ce qu’elle signale |" in french
    assert "generated:" not in english + french
    assert english.startswith("Intro\n")
    assert english.endswith("End\n")


def test_an_unknown_insert_fails_the_build() -> None:
    with pytest.raises(PluginError, match="no generated insert 'rule-catalog'"):
        _hooks().on_page_markdown("<!-- generated: rule-catalog -->\n", page=_page("x.md", None))
