"""The JSON output of ``org``: :meth:`estrategy.org.OrgAnalysis.to_dict`, the stable contract.

An analysis of a large organisation lists thousands of items (holders beyond the upward
hops, groups inside one line); Python's indenting JSON encoder is pure Python and slow at
that size. The structure is indented here, and each item of a list of objects is written
on one line by the C encoder: the same JSON, read the same, written several times faster.
"""

from __future__ import annotations

import json
from typing import Any

from estrategy.org import OrgAnalysis

__all__ = ["render"]

_INDENT = "  "
# one encoder for every item: json.dumps with an option builds a new one per call
_dumps = json.JSONEncoder(ensure_ascii=False).encode


def _encode(value: Any, depth: int) -> str:
    pad = _INDENT * depth
    if isinstance(value, dict) and value:
        fields = ",\n".join(
            f"{pad}{_INDENT}{_dumps(key)}: {_encode(item, depth + 1)}"
            for key, item in value.items()
        )
        return "{\n" + fields + "\n" + pad + "}"
    if isinstance(value, list) and value and any(isinstance(v, dict | list) for v in value):
        items = ",\n".join(f"{pad}{_INDENT}{_dumps(item)}" for item in value)
        return "[\n" + items + "\n" + pad + "]"
    return _dumps(value)


def render(analysis: OrgAnalysis, *, lang: str = "en") -> str:
    """The analyses as JSON (``version``, ``name``, ``people`` …, in a fixed order).

    Objects are indented; each item of a list of objects or lists is one line. The JSON
    holds data only (ids, numbers), the same in every ``lang``.

    Example:
        >>> print(_encode({"a": [{"b": 1}, {"b": 2}], "c": [1, 2]}, 0))
        {
          "a": [
            {"b": 1},
            {"b": 2}
          ],
          "c": [1, 2]
        }
    """
    del lang  # accepted like every renderer's: nothing here is prose
    return _encode(analysis.to_dict(), 0)
