"""The JSON output of ``check``: one stable object (the contract in ``docs/architecture.md``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from estrategy.analysis import Report
from estrategy.batch import BatchReport, Statistic
from estrategy.report._json import dumps

__all__ = ["render", "render_files", "render_statistics"]


def render(report: Report, *, source: str | None = None, lang: str = "en", **_: Any) -> str:
    """The report as its JSON contract; the findings' messages in ``lang``.

    The object has ``version``, ``model``, ``as_of``, ``findings``, ``suppressed`` and
    ``summary``, and ``file`` when ``source`` names the model file; keys and findings
    come in a fixed order, so the text is byte-identical from run to run. The other
    keyword options of the check renderers (``positions``, ``show_suppressed``,
    ``color``, ``rules``) are accepted and ignored, as :func:`render_files` ignores
    those it has no use for: findings carry their model path, not a file position, and
    suppressed findings are always listed.

    Example:
        >>> import datetime as dt
        >>> print(render(Report(model_name="Demo", as_of=dt.date(2026, 1, 1))))
        {
          "version": 1,
          "model": "Demo",
          "as_of": "2026-01-01",
          "findings": [],
          "suppressed": [],
          "summary": {
            "error": 0,
            "warning": 0,
            "info": 0
          }
        }
    """
    return dumps(_contract(report, source, lang))


def _contract(report: Report, source: str | None, lang: str) -> dict[str, Any]:
    data = report.to_dict(lang)
    if source is None:
        return data
    return {"version": data.pop("version"), "file": source, **data}


def render_files(batch: BatchReport, *, single: bool = False, lang: str = "en", **_: Any) -> str:
    """Several files as one JSON object: ``version``, ``files``, ``summary`` and counts.

    With ``single`` (one file named on the command line, which could be read), the
    object of that file alone, as :func:`render` gives it, with ``baseline`` when one
    was given: the output of ``estrategy check FILE`` keeps its contract.
    """
    if single and len(batch.files) == 1 and batch.files[0].report is not None:
        check = batch.files[0]
        assert check.report is not None
        data = _contract(check.report, check.source, lang)
        if batch.baseline is not None:
            data["baseline"] = batch.baseline.to_dict()
        return dumps(data)
    return dumps(batch.to_dict(lang))


def render_statistics(statistics: Sequence[Statistic], *, lang: str = "en") -> str:
    """Findings per rule as a JSON list of ``{code, name, count}``, most frequent first.

    ``lang`` is accepted like every renderer's: the list holds no prose.

    Example:
        >>> print(render_statistics([]))
        []
    """
    del lang
    return dumps([{"code": s.code, "name": s.name, "count": s.count} for s in statistics])
