"""The JSON output of ``check``: one stable object (the contract in ``docs/architecture.md``)."""

from __future__ import annotations

from estrategy.analysis import Report
from estrategy.report._json import dumps
from estrategy.report._locations import Locator

__all__ = ["render"]


def render(
    report: Report,
    *,
    source: str | None = None,
    positions: Locator | None = None,
    lang: str = "en",
) -> str:
    """The report as its JSON contract; the findings' messages in ``lang``.

    The object has ``version``, ``model``, ``as_of``, ``findings`` and ``summary``; keys
    and findings come in a fixed order, so the text is byte-identical from run to run.
    ``source`` and ``positions`` are accepted like every check renderer's, and unused:
    findings carry their model path, not a file position.

    Example:
        >>> import datetime as dt
        >>> print(render(Report(model_name="Demo", as_of=dt.date(2026, 1, 1))))
        {
          "version": 1,
          "model": "Demo",
          "as_of": "2026-01-01",
          "findings": [],
          "summary": {
            "error": 0,
            "warning": 0,
            "info": 0
          }
        }
    """
    return dumps(report.to_dict(lang))
