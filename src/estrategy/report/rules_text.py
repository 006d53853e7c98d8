"""The text output of ``rules`` and ``rule CODE``: the catalogue, as ``ruff rule`` shows it."""

from __future__ import annotations

from collections.abc import Mapping

from estrategy.base.translations import translate_paragraphs
from estrategy.rules import Rule

__all__ = ["render_catalogue", "render_rule"]


def render_catalogue(catalogue: Mapping[str, Rule], *, lang: str = "en") -> str:
    """One line per rule: code, name (aligned), default severity and summary, in ``lang``."""
    width = max((len(r.name) for r in catalogue.values()), default=0)
    severities = {r.code: r.severity.label.render(lang) for r in catalogue.values()}
    column = max((len(s) for s in severities.values()), default=0)
    return "\n".join(
        f"{r.code}  {r.name:<{width}}  {severities[r.code]:<{column}}  "
        f"{translate_paragraphs(r.summary, lang, width=None)}"
        for r in catalogue.values()
    )


def render_rule(rule: Rule, *, lang: str = "en") -> str:
    """The rule's documentation: what it flags, why, how to fix it, its settings."""
    return rule.documentation(lang).rstrip("\n")
