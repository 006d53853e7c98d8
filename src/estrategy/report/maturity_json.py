"""The JSON output of ``maturity``: an assessment's or a comparison's ``to_dict()``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from estrategy.maturity import Assessment, Comparison
from estrategy.report._json import dumps

__all__ = ["render"]


def render(result: Assessment | Comparison | Sequence[Comparison], *, lang: str = "en") -> str:
    """JSON (``to_dict()``), indented, ending with a newline.

    Names, ids and evidence are kept as the library holds them (English), whatever
    ``lang``: the JSON is a contract for programs (docs/languages.md).

    Args:
        result: an assessment, a comparison, or several comparisons (listed under
            ``comparisons``, with ``version``).
        lang: accepted like every renderer's; the JSON is the same in every language.
    """
    del lang  # accepted like every renderer's
    data: Any
    if isinstance(result, Assessment | Comparison):
        data = result.to_dict()
    else:
        data = {"version": 1, "comparisons": [c.to_dict() for c in result]}
    return dumps(data) + "\n"
