"""Notebook display and pandas conversion shared by the analysis results (private)."""

from __future__ import annotations

import html
from typing import Any

__all__ = ["Displayable"]


def _cell(value: Any) -> str:
    if isinstance(value, dict):
        return _table([value])
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            return _table(value)
        return html.escape(", ".join(str(v) for v in value))
    if isinstance(value, float):
        return f"{value:.4g}"
    return html.escape("" if value is None else str(value))


def _table(rows: list[dict[str, Any]], limit: int = 50) -> str:
    columns: list[str] = []
    for row in rows:
        columns += [k for k in row if k not in columns]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(row.get(c))}</td>" for c in columns) + "</tr>"
        for row in rows[:limit]
    )
    more = f"<p>… {len(rows) - limit} more rows</p>" if len(rows) > limit else ""
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"


class Displayable:
    """Gives a result ``_repr_html_`` (Jupyter) and ``to_frame()`` (pandas) from its data.

    A result defines ``to_dict()``; it may define ``_rows()``, the records its
    ``to_frame()`` holds (by default, one row: ``to_dict()``).
    """

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:  # pragma: no cover - every result overrides it
        """Plain data for JSON."""
        raise NotImplementedError

    def _rows(self) -> list[dict[str, Any]]:
        return [self.to_dict()]

    def to_frame(self) -> Any:
        """The result as a :class:`pandas.DataFrame` (needs pandas: ``estrategy[pandas]``).

        Raises:
            ImportError: pandas is not installed.
        """
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_frame() needs pandas: pip install 'estrategy[pandas]'") from exc
        return pd.DataFrame.from_records(self._rows())

    def _repr_html_(self) -> str:
        title = html.escape(type(self).__name__)
        return f"<div><strong>{title}</strong>{_table([self.to_dict()])}</div>"
