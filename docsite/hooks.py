"""The mkdocs hook that puts what is generated from the code into the site.

Whole pages (the rule reference, in English and French) are added to the site's files
before mkdocs-static-i18n sorts them by language, as if they were files of ``docs/``:
the plugin makes a new file object for each page from its path in ``docs/`` and would
drop pages that live elsewhere (which is why the site does not use mkdocs-gen-files).
Their text is given to the plugin's file objects once it has run. Nothing is written to
``docs/``.

Written pages ask for a generated table with a line ``<!-- generated: NAME -->``
(:data:`docsite.generated.INSERTS`), filled in the page's language.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# mkdocs loads this file by its path; the package it belongs to sits in the repository root.
_ROOT = str(Path(__file__).resolve().parents[1])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from docsite import rule_examples  # noqa: E402
from docsite.generated import INSERTS, pages  # noqa: E402
from docsite.language import LANGUAGES  # noqa: E402

_INSERT = re.compile(r"^<!-- generated: (?P<name>[a-z-]+) -->$", re.MULTILINE)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Forget the pages of the last build: ``mkdocs serve`` rebuilds when examples change."""
    pages.cache_clear()
    rule_examples.examples.cache_clear()
    rule_examples.base_data.cache_clear()
    return config


@event_priority(100)  # before mkdocs-static-i18n (-100), so that it sees the pages
def _add_generated_pages(files: Files, config: MkDocsConfig) -> Files:
    # Each page gets a path in docs/ and no text yet: giving a file its text forgets its
    # path, and mkdocs-static-i18n needs the path to sort the page by language.
    for uri in pages():
        if files.get_file_from_path(uri) is not None:
            raise PluginError(f"docs/{uri} is generated from the code: delete the file")
        files.append(File(uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-200)  # after mkdocs-static-i18n, which made new file objects
def _give_generated_text(files: Files, config: MkDocsConfig) -> Files:
    generated = pages()
    for file in files:
        if file.src_uri in generated:
            file.content_string = generated[file.src_uri]
    return files


on_files = CombinedEvent(_add_generated_pages, _give_generated_text)


def on_page_markdown(markdown: str, page: Page, **kwargs: Any) -> str:
    """Fill the page's ``<!-- generated: NAME -->`` lines in the page's language."""
    lang = getattr(page.file, "locale", None) or LANGUAGES[0]

    def insert(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in INSERTS:
            raise PluginError(
                f"{page.file.src_uri}: no generated insert {name!r} "
                f"(known: {', '.join(sorted(INSERTS))})"
            )
        return INSERTS[name](lang)

    return _INSERT.sub(insert, markdown)
