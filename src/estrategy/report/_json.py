"""The one JSON writer of the renderers (private): indented, UTF-8 kept, key order kept."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

__all__ = ["dumps"]


def dumps(data: Any, *, default: Callable[[Any], Any] | None = None) -> str:
    """``data`` as indented JSON text, byte-identical from run to run.

    ``default`` turns what JSON cannot hold into what it can (as :func:`json.dumps`).

    Example:
        >>> print(dumps({"b": 1, "a": "é"}))
        {
          "b": 1,
          "a": "é"
        }
    """
    return json.dumps(data, indent=2, ensure_ascii=False, default=default)
