"""The Markdown output of ``rules``: the catalogue as one table."""

from __future__ import annotations

from collections.abc import Mapping

from estrategy.rules import Rule

__all__ = ["render_catalogue"]


def render_catalogue(catalogue: Mapping[str, Rule]) -> str:
    """A table with one row per rule: code, name, default severity and summary."""
    rows = (f"| {r.code} | {r.name} | {r.severity} | {r.summary} |" for r in catalogue.values())
    return "\n".join(["| code | name | severity | summary |\n|---|---|---|---|", *rows])
