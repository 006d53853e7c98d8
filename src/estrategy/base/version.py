"""The version of estrategy, in the lowest layer so that any package may cite it.

Example:
    >>> from estrategy.base.version import VERSION
    >>> VERSION.count(".") >= 2
    True
"""

from __future__ import annotations

__all__ = ["VERSION"]

VERSION = "0.1.0.dev0"
"""The version string of this distribution (kept equal to ``pyproject.toml``'s)."""
