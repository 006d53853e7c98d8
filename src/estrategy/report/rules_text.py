"""The text output of ``rules`` and ``rule CODE``: the catalogue, as ``ruff rule`` shows it."""

from __future__ import annotations

from collections.abc import Mapping

from estrategy.rules import Rule

__all__ = ["render_catalogue", "render_rule"]


def render_catalogue(catalogue: Mapping[str, Rule]) -> str:
    """One line per rule: code, name (aligned), default severity and summary."""
    width = max((len(r.name) for r in catalogue.values()), default=0)
    return "\n".join(
        f"{r.code}  {r.name:<{width}}  {r.severity:<7}  {r.summary}" for r in catalogue.values()
    )


def render_rule(rule: Rule) -> str:
    """The rule's documentation: what it flags, why, how to fix it, its settings."""
    return rule.documentation().rstrip("\n")
