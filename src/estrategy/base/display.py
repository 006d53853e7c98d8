"""Notebook display (``_repr_html_``) and pandas conversion (``to_frame``) of every result.

One implementation for :class:`~estrategy.analysis.Report`, the maturity results and the
organisation analyses: each inherits :class:`Displayable` and says *what* to show by
overriding a few hooks; how it is shown (escaping, layout, the row limit, the message when
pandas is missing) lives here once.

This module imports nothing heavy: pandas is imported by ``to_frame()`` when it is called,
so ``import estrategy`` stays light.

Example:
    >>> import attrs
    >>> @attrs.frozen
    ... class Scores(Displayable):
    ...     scores: tuple[int, ...]
    ...     def to_dict(self): return {"scores": list(self.scores)}
    ...     def _rows(self): return [{"score": s} for s in self.scores]
    ...     def _html_rows(self): return self._rows()
    >>> Scores((1, 2))._repr_html_()
    '<div><strong>Scores</strong><table><thead><tr><th>score</th></tr></thead><tbody><tr><td>1</td></tr><tr><td>2</td></tr></tbody></table></div>'
    >>> html = Scores(tuple(range(HTML_ROW_LIMIT + 5)))._repr_html_()
    >>> html.count("<tr><td>"), html.endswith("… 5 more rows</td></tr></tbody></table></div>")
    (200, True)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from estrategy.base.escape import html_text

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["HTML_ROW_LIMIT", "NESTED_ROW_LIMIT", "Displayable", "html_summary"]

HTML_ROW_LIMIT = 200
"""Most rows a result's notebook table shows; a last row says how many more there are.

A notebook renders every row it is given, so a report of 10,000 findings would freeze it;
``to_frame()`` and ``to_dict()`` always hold every row.
"""

NESTED_ROW_LIMIT = 50
"""Most rows of a table nested in a cell (a list inside a result's data)."""


def _float(value: float) -> str:
    """Four significant digits, but whole thousands written out: 14,410 rather than 1.441e+04."""
    if 1e4 <= abs(value) < 1e15:
        return f"{value:,.0f}"
    return f"{value:.4g}"


def _cell(value: Any) -> str:
    if isinstance(value, Mapping):
        return _table([value], NESTED_ROW_LIMIT)
    if isinstance(value, list | tuple):
        if value and all(isinstance(v, Mapping) for v in value):
            return _table(value, NESTED_ROW_LIMIT)
        return html_text(", ".join(str(v) for v in value))
    if isinstance(value, float):
        return _float(value)
    return html_text("" if value is None else str(value))


def _table(rows: Sequence[Mapping[str, Any]], limit: int) -> str:
    """An HTML table of ``rows`` (columns in order of first appearance), ``limit`` rows at most.

    The rows past ``limit`` are counted in a last row; no rows give no table.
    """
    shown = rows[:limit]
    if not shown:
        return ""
    columns: dict[str, None] = {}
    for row in shown:
        columns.update(dict.fromkeys(row))
    head = "".join(f"<th>{html_text(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(row.get(c))}</td>" for c in columns) + "</tr>"
        for row in shown
    )
    hidden = len(rows) - len(shown)
    if hidden:
        more = f"… {hidden:,} more {'row' if hidden == 1 else 'rows'}"
        body += f'<tr><td colspan="{len(columns)}">{more}</td></tr>'
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def html_summary(head: str, rows: Sequence[Mapping[str, Any]], tail: str = "") -> str:
    """A notebook's HTML: ``head``, a table of ``rows``, ``tail`` (what ``_repr_html_`` gives).

    The rows' values are escaped; ``head`` and ``tail`` must escape their own data.

    Example:
        >>> html_summary("<b>Counts</b>", [{"table": "<x>", "rows": 2}])
        '<div><b>Counts</b><table><thead><tr><th>table</th><th>rows</th></tr></thead><tbody><tr><td>&lt;x&gt;</td><td>2</td></tr></tbody></table></div>'
    """
    return f"<div>{head}{_table(rows, HTML_ROW_LIMIT)}{tail}</div>"


class Displayable:
    """Gives a result ``_repr_html_`` (Jupyter) and ``to_frame()`` (pandas) from its data.

    A result defines ``to_dict()`` and overrides what it needs among:

    - ``_rows()``: the records of ``to_frame()`` (default: one row, ``to_dict()``);
    - ``_frame_columns()``: the frame's columns, in order, kept even when there is no row
      (default: ``None``, the records' keys);
    - ``_html_head()``: the HTML above the table (default: the class name, in bold);
    - ``_html_rows()``: the table's rows, one mapping per row whose keys are the column
      headers, in order (default: one row, ``to_dict()``); lists and mappings in a cell
      become nested tables or comma-separated text; at most :data:`HTML_ROW_LIMIT` rows
      are shown, then a row counting the rest;
    - ``_html_tail()``: the HTML below the table (default: nothing).

    Every text is escaped except what ``_html_head()`` and ``_html_tail()`` return, which
    must escape their own data.
    """

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:  # pragma: no cover - every result overrides it
        """Plain data for JSON."""
        raise NotImplementedError

    def _rows(self) -> Sequence[Mapping[str, Any]]:
        return [self.to_dict()]

    def _frame_columns(self) -> list[str] | None:
        return None

    def _html_head(self) -> str:
        return f"<strong>{html_text(type(self).__name__)}</strong>"

    def _html_rows(self) -> Sequence[Mapping[str, Any]]:
        return [self.to_dict()]

    def _html_tail(self) -> str:
        return ""

    def to_frame(self) -> pandas.DataFrame:
        """The result as a :class:`pandas.DataFrame` (needs pandas: ``estrategy[pandas]``).

        Example:
            >>> import estrategy
            >>> frame = estrategy.assess(estrategy.load_demo()).to_frame()  # needs pandas
            >>> type(frame).__name__
            'DataFrame'

        Raises:
            ImportError: pandas is not installed; the message says how to install it.
        """
        try:
            import pandas as pd
        except ImportError:
            raise ImportError(
                f"{type(self).__name__}.to_frame() needs pandas: pip install 'estrategy[pandas]'"
            ) from None
        columns = self._frame_columns()
        rows = list(self._rows())
        if columns is None:
            return pd.DataFrame.from_records(rows)
        return pd.DataFrame.from_records(rows, columns=columns)

    def _repr_html_(self) -> str:
        return html_summary(self._html_head(), self._html_rows(), self._html_tail())
