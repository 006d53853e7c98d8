"""The Markdown output of ``rules``: the catalogue as one table."""

from __future__ import annotations

from collections.abc import Mapping

from estrategy.base.messages import tr
from estrategy.base.translations import translate_paragraphs
from estrategy.rules import Rule

__all__ = ["render_catalogue"]


def render_catalogue(catalogue: Mapping[str, Rule], *, lang: str = "en") -> str:
    """A table with one row per rule: code, name, default severity and summary, in ``lang``."""
    rows = (
        f"| {r.code} | {r.name} | {r.severity.label.render(lang)} "
        f"| {translate_paragraphs(r.summary, lang, width=None)} |"
        for r in catalogue.values()
    )
    header = tr("| code | name | severity | summary |").render(lang)
    return "\n".join([f"{header}\n|---|---|---|---|", *rows])
