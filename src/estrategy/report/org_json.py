"""The JSON output of ``org``: :meth:`estrategy.org.OrgAnalysis.to_dict`, the stable contract."""

from __future__ import annotations

from estrategy.org import OrgAnalysis
from estrategy.report._json import dumps

__all__ = ["render"]


def render(analysis: OrgAnalysis, *, lang: str = "en") -> str:
    """The analyses as indented JSON (``version``, ``name``, ``people`` …, in a fixed order).

    The JSON holds data only (ids, numbers), the same in every ``lang``.
    """
    del lang  # accepted like every renderer's: nothing here is prose
    return dumps(analysis.to_dict())
