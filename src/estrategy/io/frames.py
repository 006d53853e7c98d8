"""A model as pandas data frames, one per table, and back (the ``[pandas]`` extra).

:func:`to_frames` gives the same tables as a workbook's sheets
(``docs/file-format.md``, *Workbooks*), keyed by the collection's name: ``about`` (one
row: the model's own fields), ``stakes``, ``objectives``, ``strategies``, ``tactics``,
``actions``, ``kpis``, ``measurements`` (with a ``kpi`` column), ``reviews``, ``tools``,
``units``, ``people``, ``groups`` and ``ties``. Columns are typed:

- dates are ``datetime64[s]`` (every year from 1 to 9999; ``NaT`` when not given);
- enumerations are categoricals whose categories are every allowed value, in order;
- budgets are exact :class:`~decimal.Decimal` objects (``None`` when not given), so that
  a frame holds the cents a float would round; other numbers are ``float64``;
- whole numbers are ``Int64``, booleans ``bool``, text ``object`` (``None`` and ``""``
  stay apart);
- lists are Python lists, mappings dicts, lists of records lists of dicts.

:func:`from_frames` builds the model back, as strictly as a file, with every problem
located at its frame, row and column: ``frames['actions'] row 5, column budget``. A list,
mapping or records column also accepts the one-cell text of a workbook (``a; b``).

Example:
    >>> from estrategy.io import load_demo
    >>> frames = to_frames(load_demo())  # needs pandas
    >>> from_frames(frames) == load_demo()  # needs pandas
    True
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from estrategy.base.escape import excerpt
from estrategy.io._cells import CellSyntaxError, read_list, read_mapping, read_records
from estrategy.io._layout import Column, Kind, Table, layout
from estrategy.io._tabular import (
    MISSING,
    Assembler,
    CellProblem,
    about_value,
    as_date,
    attribute,
    build_checked,
    plain,
    table_rows,
)
from estrategy.io.errors import FileError, SourceMap
from estrategy.model import ModelPath, StrategyModel
from estrategy.model.suggest import did_you_mean

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["ABOUT", "from_frames", "to_frames"]

ABOUT = "about"
"""The key of the one-row frame of the model's own fields."""

# where a value is: (frame's rank, row's position, column's position, the place as shown)
_Where = tuple[int, int, int, str]

_NAN = float("nan")  # a number not given, in a float column


def _pandas(feature: str) -> Any:
    from estrategy.base.errors import MissingExtraError

    try:
        import pandas
    except ImportError:
        raise MissingExtraError(feature, "pandas", "pandas") from None
    return pandas


def _series(pd: Any, column: Column, values: list[Any]) -> Any:
    """One typed column of a frame."""
    kind = column.kind
    if kind is Kind.CHOICE:
        return pd.Categorical(values, categories=list(column.choices))
    if kind is Kind.DATE:
        import numpy

        days = ["NaT" if value is None else value.isoformat() for value in values]
        return numpy.array(days, dtype="datetime64[s]")
    if kind is Kind.NUMBER:
        return pd.array([_NAN if v is None else float(v) for v in values], dtype="float64")
    if kind is Kind.INTEGER:
        return pd.array(values, dtype="Int64")
    if kind is Kind.BOOLEAN and None not in values:
        return pd.array(values, dtype="bool")
    return pd.Series(values, dtype=object)


def to_frames(model: StrategyModel) -> dict[str, pandas.DataFrame]:
    """The model as one typed data frame per table (see the module's documentation).

    Args:
        model: the model.

    Returns:
        ``{"about": …, "stakes": …, …}``, every table present, with its columns even
        when it has no row.

    Raises:
        MissingExtraError: pandas is not installed.
    """
    pd = _pandas("estrategy.to_frames()")
    frames: dict[str, pandas.DataFrame] = {}
    about: dict[str, Any] = {}
    for column in layout().about:
        value = about_value(model, column)
        about[column.key] = pd.Series(_series(pd, column, [value]))
    frames[ABOUT] = pd.DataFrame(about)
    for table in layout().tables:
        rows = table_rows(model, table)
        data: dict[str, Any] = {}
        for column in table.columns:
            if not column.attribute:  # the owner's id, in a child table
                values = [owner for owner, _, _ in rows]
            else:
                values = [plain(column, attribute(item, column)) for _, _, item in rows]
            data[column.key] = pd.Series(_series(pd, column, values), dtype=None)
        frames[table.name] = pd.DataFrame(data, columns=[c.key for c in table.columns])
    return frames


# --- reading ---------------------------------------------------------------------------


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return value != value  # NaN
    name = type(value).__name__
    return name in ("NaTType", "NAType")


def _python(value: Any) -> Any:
    """A numpy or pandas scalar as the Python value it holds."""
    if hasattr(value, "to_pydatetime"):
        return value.to_pydatetime()
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def _decode(column: Column, value: Any) -> Any:
    """The plain value of one frame cell for ``column``; :data:`MISSING` when not given."""
    if getattr(value, "ndim", 0) > 0:  # an array or a series in a list column
        value = list(value)
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, list):
        return [_python(item) for item in value]
    if isinstance(value, dict):
        return value
    if _missing(value):
        return MISSING
    value = _python(value)
    if isinstance(value, dt.datetime):
        return as_date(value)
    readers = {Kind.LIST: read_list, Kind.MAPPING: read_mapping, Kind.RECORDS: read_records}
    if isinstance(value, str) and column.kind in readers:
        try:
            return readers[column.kind](value)
        except CellSyntaxError as exc:
            raise CellProblem(str(exc)) from None
    return value


def _place(name: str, label: Any = None, key: str | None = None) -> str:
    where = f"frames[{excerpt(name)}]"
    if label is not None:
        where += f" row {label}"
    if key is not None:
        where += f", column {key}" if label is not None else f" column {key}"
    return where


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.assembler: Assembler[_Where] = Assembler()

    def fail(self, path: ModelPath, where: _Where, message: str) -> None:
        self.assembler.fail(path, where, message, unread=False)

    def columns(
        self, name: str, rank: int, frame: Any, known: Mapping[str, Column], path: ModelPath
    ) -> list[str]:
        keys = [str(key) for key in frame.columns]
        readable: list[str] = []
        for index, key in enumerate(keys):
            where = (rank, -1, index, _place(name, key=key))
            if keys.index(key) != index:
                self.fail(path, where, f"column {excerpt(key)} appears twice")
            elif key not in known:
                self.fail(path, where, f"unknown column {excerpt(key)}{did_you_mean(key, known)}")
            else:
                readable.append(key)
        return readable

    def about(self, frame: Any) -> None:
        known = {column.key: column for column in layout().about}
        self.assembler.place((), (0, -1, -1, _place(ABOUT)))
        keys = self.columns(ABOUT, 0, frame, known, ())
        if len(frame) != 1:
            self.fail(
                (),
                (0, -1, -1, _place(ABOUT)),
                f"the about frame has {len(frame)} rows; it has one: the model's own fields",
            )
            return
        label = frame.index[0]
        for index, key in enumerate(frame.columns):
            if str(key) not in keys:
                continue
            column = known[str(key)]
            where = (0, 0, index, _place(ABOUT, label, str(key)))
            try:
                value = _decode(column, frame.iloc[0, index])
            except CellProblem as problem:
                self.assembler.place(column.path, where)
                self.assembler.fail(column.path, where, str(problem))
                continue
            self.assembler.about(column, value, where)

    def table(self, rank: int, table: Table, frame: Any) -> None:
        name = table.name
        known = {column.key: column for column in table.columns}
        self.assembler.table(table, (rank, -1, -1, _place(name)))
        keys = self.columns(name, rank, frame, known, table.path)
        positions = {key: list(map(str, frame.columns)).index(key) for key in keys}
        missing = [c.key for c in table.columns if c.required and c.key not in positions]
        for key in missing:
            if len(frame):
                self.fail(
                    table.path,
                    (rank, -1, -1, _place(name)),
                    f"frames[{name!r}] has no {key!r} column, which every row needs",
                )
        for position, (label, record) in enumerate(
            zip(frame.index, frame.to_dict("records"), strict=True)
        ):
            values: dict[str, Any] = {}
            cells: dict[str, _Where] = {}
            problems: list[tuple[str, _Where, str | None]] = []
            for key, index in positions.items():
                where = (rank, position, index, _place(name, label, key))
                cells[key] = where
                try:
                    values[key] = _decode(known[key], record[frame.columns[index]])
                except CellProblem as problem:
                    values[key] = MISSING
                    problems.append((key, where, str(problem)))
            for key in missing:
                cells[key] = (rank, position, -1, _place(name, label))
                problems.append((key, cells[key], None))
            self.assembler.row(
                table, values, (rank, position, -1, _place(name, label)), cells, problems
            )


def from_frames(
    frames: Mapping[str, pandas.DataFrame],
    *,
    source: str = "frames",
    base_dir: str | os.PathLike[str] | None = None,
    allow_outside: bool = False,
) -> StrategyModel:
    """Build a model from data frames shaped like :func:`to_frames`'s, strictly.

    Args:
        frames: the frames by table name; ``about`` is required (it holds
            ``schema_version``), every other may be left out (no rows).
        source: the name errors give the frames.
        base_dir: the folder ``organization.from`` is relative to (default: the current
            folder).
        allow_outside: let ``organization.from`` read outside ``base_dir``.

    Returns:
        The model.

    Raises:
        LoadError: every problem, each at its frame, row and column
            (``frames['actions'] row 5, column budget: actions[5].budget: …``).
    """
    reader = _Reader(source)
    tables = {table.name: table for table in layout().tables}
    known = [ABOUT, *tables]
    for name in frames:
        if name not in known:
            reader.fail(
                (),
                (-1, -1, -1, _place(str(name))),
                f"unknown frame {excerpt(name)}{did_you_mean(str(name), known)}",
            )
    if ABOUT in frames:
        reader.about(frames[ABOUT])
    else:
        reader.fail(
            (),
            (-1, -1, -1, f"frames[{ABOUT!r}]"),
            "the about frame is missing: one row with schema_version and the model's own fields",
        )
    for rank, table in enumerate(layout().tables, start=1):
        if table.name in frames:
            reader.table(rank, table, frames[table.name])
    assembler = reader.assembler
    data = assembler.finish()
    if ABOUT in frames and "schema_version" not in data:
        assembler.fail(
            (), (0, -1, -1, _place(ABOUT)), "the about frame needs a schema_version column"
        )
    entries = assembler.entries
    places = {where[3]: where for where in entries.values()}
    places.update((problem.where[3], problem.where) for problem in assembler.problems)

    def relocate(error: FileError) -> FileError:
        """A problem of the model, at the place of its path or of its nearest ancestor."""
        path = error.path
        found = next((entries[path[:end]] for end in range(len(path), -1, -1)
                      if path[:end] in entries), None)  # fmt: skip
        place = found[3] if found is not None else source
        return FileError(source, None, None, path, error.message, place)

    def order(error: FileError) -> tuple[int, int, int]:
        rank, row, column, _ = places.get(error.place or "", (-1, -1, -1, ""))
        return (rank, row, column)

    problems = [
        FileError(source, None, None, problem.path, problem.message, problem.where[3])
        for problem in assembler.problems
    ]
    return build_checked(
        data,
        source,
        SourceMap(),
        problems=problems,
        unread=assembler.unread,
        order=order,
        base_dir=Path(base_dir) if base_dir is not None else None,
        allow_outside=allow_outside,
        relocate=relocate,
    )
