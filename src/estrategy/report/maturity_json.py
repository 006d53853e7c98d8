"""The JSON output of ``maturity``: an assessment's or a comparison's ``to_dict()``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from estrategy.maturity import Assessment, Comparison
from estrategy.report._json import dumps

__all__ = ["render"]


def render(result: Assessment | Comparison | Sequence[Comparison]) -> str:
    """JSON (``to_dict()``), indented, ending with a newline.

    Args:
        result: an assessment, a comparison, or several comparisons (listed under
            ``comparisons``, with ``version``).
    """
    data: Any
    if isinstance(result, Assessment | Comparison):
        data = result.to_dict()
    else:
        data = {"version": 1, "comparisons": [c.to_dict() for c in result]}
    return dumps(data) + "\n"
