"""The JSON output of ``rules`` and ``rule CODE``: each rule's identity and settings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from estrategy.report._json import dumps
from estrategy.rules import Rule

__all__ = ["render_catalogue", "render_rule"]


def _identity(rule: Rule) -> dict[str, Any]:
    return {"code": rule.code, "name": rule.name, "severity": str(rule.severity)}


def render_catalogue(catalogue: Mapping[str, Rule], *, lang: str = "en") -> str:
    """A list of rules: code, name, severity, summary (in ``lang``), settings and origin."""
    entries = [
        {
            **_identity(r),
            "summary": r.translated(lang).summary,
            "settings": dict(r.settings),
            "origin": r.origin,
        }
        for r in catalogue.values()
    ]
    # A setting's default may be a set or a tuple: JSON holds it as a list.
    return dumps(entries, default=list)


def render_rule(original: Rule, *, lang: str = "en") -> str:
    """One rule with its whole documentation, in ``lang``: what, why and fix."""
    rule = original.translated(lang)
    entry = {
        **_identity(rule),
        "summary": rule.summary,
        "what": rule.what,
        "why": rule.why,
        "fix": rule.fix,
        "settings": dict(rule.settings),
        "origin": rule.origin,
    }
    return dumps(entry, default=list)
