"""The rule reference: a page per built-in rule and language, each naming its rule.

The pages are generated when the site is built (``docsite/hooks.py``); these tests call
the same functions.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docsite.generated import pages as generated_pages
from docsite.language import LANGUAGES, typography_errors
from docsite.rule_pages import FAMILIES, builtin_rules, catalogue, page_uri
from estrategy.rules import BUILTIN_PREFIXES, registry

DOCS = Path(__file__).parents[2] / "docs"


def pages() -> dict[str, str]:
    """The generated rule pages (the site generates the API pages too)."""
    return {uri: text for uri, text in generated_pages().items() if uri.startswith("rules/")}


_HEADING = re.compile(r"^# (?P<name>[a-z0-9-]+) \((?P<code>[A-Z]+[0-9]+)\)$", re.MULTILINE)


def test_every_builtin_rule_has_a_page_in_every_language() -> None:
    expected = {page_uri(r.code, lang) for r in builtin_rules() for lang in LANGUAGES}
    assert set(pages()) == expected


@pytest.mark.parametrize("uri", sorted(pages()))
def test_every_page_names_the_registered_rule_its_address_names(uri: str) -> None:
    match = _HEADING.search(pages()[uri])
    assert match is not None, f"{uri} names no rule"
    rule = registry().get(match["code"])
    assert rule is not None
    assert rule.name == match["name"]
    assert uri.split("/")[1].split(".")[0] == rule.code


def test_the_page_address_is_the_code() -> None:
    assert page_uri("STR001", "en") == "rules/STR001.md"
    assert page_uri("STR001", "fr") == "rules/STR001.fr.md"


def test_no_written_page_takes_the_place_of_a_generated_one() -> None:
    assert not [uri for uri in generated_pages() if (DOCS / uri).exists()]


def test_a_page_shows_the_rule_its_example_and_its_settings() -> None:
    page = pages()["rules/MES003.md"]
    for part in (
        "Default severity**: warning",
        "## What it checks",
        "## Why it matters",
        "## How to fix",
        "## Example",
        '!!! warning "MES003 irregular-reviews"',
        "| `review_interval_days` | `90` | `1` |  |",
    ):
        assert part in page
    assert "| `pull_tactic_kinds` | `[" in pages()["rules/CHN002.md"]


def test_every_family_has_a_title_and_the_catalogue_links_every_rule() -> None:
    assert set(FAMILIES) == set(BUILTIN_PREFIXES)
    for lang in LANGUAGES:
        table = catalogue(lang)
        for r in builtin_rules():
            assert f"[{r.code}](rules/{r.code}.md)" in table


def _english(uri: str) -> str:
    english = uri.replace(".fr.md", ".md")
    if english in pages():
        return pages()[english]
    path = DOCS / english
    return path.read_text(encoding="utf-8") if path.exists() else ""


def test_french_pages_follow_french_typography() -> None:
    french = {uri: text for uri, text in pages().items() if uri.endswith(".fr.md")}
    french |= {
        str(f.relative_to(DOCS)): f.read_text(encoding="utf-8") for f in DOCS.rglob("*.fr.md")
    }
    errors = {
        # A line the English page has too is not French prose (a text not translated yet).
        uri: set(typography_errors(text)) - set(_english(uri).splitlines())
        for uri, text in french.items()
    }
    in_english = set(catalogue("en").splitlines())
    errors["catalogue"] = set(typography_errors(catalogue("fr"))) - in_english
    assert not {uri: lines for uri, lines in errors.items() if lines}


def test_the_site_is_where_the_sarif_help_addresses_point() -> None:
    from estrategy.base.links import DOCUMENTATION_URL, rule_url

    config = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")
    site_url = re.search(r"^site_url: (\S+)$", config, flags=re.MULTILINE)
    assert site_url is not None
    assert site_url[1] == f"{DOCUMENTATION_URL}/"
    # With mkdocs' directory URLs, docs/rules/STR001.md is served at rules/STR001/.
    assert "use_directory_urls: false" not in config
    for r in builtin_rules():
        assert rule_url(r.code) == site_url[1] + page_uri(r.code, "en").removesuffix(".md") + "/"
