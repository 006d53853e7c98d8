"""Where estrategy's documentation lives: one base address, and the page of each rule.

Example:
    >>> rule_url("STR001") == f"{DOCUMENTATION_URL}/rules/STR001/"
    True
"""

from __future__ import annotations

__all__ = ["DOCUMENTATION_URL", "rule_url"]

DOCUMENTATION_URL = "https://estrategy.readthedocs.io/en/latest"
"""The base address of the documentation site (no trailing slash); the one place to change."""


def rule_url(code: str) -> str:
    """The documentation page of a built-in rule: ``<DOCUMENTATION_URL>/rules/<CODE>/``."""
    return f"{DOCUMENTATION_URL}/rules/{code}/"
