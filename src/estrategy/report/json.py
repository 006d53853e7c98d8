"""The JSON output of ``check`` (docs/architecture.md, JSON output contract): one stable object."""

from __future__ import annotations

import json

from estrategy.analysis import Report

__all__ = ["render"]


def render(report: Report) -> str:
    """The report as the JSON output contract of docs/architecture.md.

    The object has ``version``, ``model``, ``as_of``, ``findings`` and ``summary``; keys
    and findings come in a fixed order, so the text is byte-identical from run to run.

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
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False)
