"""Reading a model from an Excel workbook, safely and with every cell located (private).

The archive is checked before openpyxl opens it (its unzipped size, its parts, macros);
openpyxl then reads it in read-only mode through defusedxml, formulas kept as formulas
(a formula is refused, never evaluated, and its cached result is not trusted) and
external links ignored. Every value is decoded by its column's kind
(:mod:`estrategy.io._layout`) and placed at its cell, so the model's own checks report
``plan.xlsx:Actions!E7: actions[5].budget: …``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from estrategy.base.escape import excerpt
from estrategy.io._cells import (
    CellSyntaxError,
    read_list,
    read_mapping,
    read_records,
    unescape_xml_text,
)
from estrategy.io._convert import converter, describe
from estrategy.io._layout import Column, Kind, Table, layout
from estrategy.io._source import one_error
from estrategy.io._tabular import (
    MISSING,
    Assembler,
    CellProblem,
    as_date,
    build_checked,
    text_value,
)
from estrategy.io._xlsx_examples import examples
from estrategy.io._xlsx_write import ABOUT_TITLE, LISTS_TITLE, openpyxl_module
from estrategy.io.errors import FileError, LoadError, Position, SourceMap
from estrategy.io.limits import Limits
from estrategy.model import SCHEMA_VERSIONS, ModelPath, StrategyModel
from estrategy.model.suggest import did_you_mean

__all__ = ["decode", "load_xlsx"]

Cell = tuple[int, int, str]  # row, column, sheet: where a value is

_MAX_PARTS = 10_000  # a workbook has a few dozen parts; a zip of millions is hostile
_MACROS = re.compile(rb"macroEnabled|vbaProject", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\Z")
_ABOUT_HEADER = ("field", "value")
_NOTE = "#"  # a sheet or column whose name starts with it holds notes, never read
# A true/false typed in LibreOffice is saved as the formula TRUE() or FALSE(): a constant,
# read as the value it names (no formula is evaluated, no cached result is read).
_BOOLEAN_FORMULAS = {"=TRUE()": True, "=FALSE()": False, "=TRUE": True, "=FALSE": False}


def _fatal(source: str, message: str) -> LoadError:
    return one_error(source, message, None, None)


def _check_archive(raw: bytes, source: str, limits: Limits) -> None:
    """Refuse what is not a plain .xlsx before anything is unzipped."""
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise _fatal(
            source,
            "this is an old .xls workbook or an encrypted one: save it as a plain .xlsx "
            "workbook (Excel: File > Save As > Excel Workbook)",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
            if len(parts) > _MAX_PARTS:
                raise _fatal(source, f"the workbook has more than {_MAX_PARTS:,} parts: refused")
            unzipped = sum(part.file_size for part in parts)
            if unzipped > limits.max_unzipped_bytes:
                raise _fatal(
                    source,
                    f"the workbook unzips to {unzipped:,} bytes, more than the limit of "
                    f"{limits.max_unzipped_bytes:,} (Limits.max_unzipped_bytes)",
                )
            names = {part.filename for part in parts}
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    except zipfile.BadZipFile:
        raise _fatal(source, "this is not an .xlsx workbook (not a zip archive)") from None
    if any(name.lower().endswith("vbaproject.bin") for name in names) or _MACROS.search(types):
        raise _fatal(
            source,
            "this workbook holds macros: refused (macros are never run); save it as a "
            "plain .xlsx workbook without macros",
        )


def _open(raw: bytes, source: str) -> Any:
    openpyxl = openpyxl_module("reading .xlsx workbooks")
    if not openpyxl.DEFUSEDXML:
        from estrategy.base.errors import MissingExtraError

        raise MissingExtraError("reading .xlsx workbooks safely", "excel", "defusedxml")
    try:
        return openpyxl.load_workbook(
            io.BytesIO(raw), read_only=True, data_only=False, keep_links=False, keep_vba=False
        )
    except Exception as exc:
        raise _fatal(source, f"this is not a readable .xlsx workbook ({_reason(exc)})") from None


def _reason(exc: BaseException) -> str:
    """What went wrong, in one line: the first cause (openpyxl wraps its parser's errors)."""
    seen = {id(exc)}
    while (inner := exc.__cause__ or exc.__context__) is not None and id(inner) not in seen:
        seen.add(id(inner))
        exc = inner
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text[:120]}" if text else type(exc).__name__


class _Reader:
    def __init__(self, source: str, limits: Limits) -> None:
        self.source = source
        self.limits = limits
        self.rows_read = 0
        self.cells_read = 0
        self.assembler: Assembler[Cell] = Assembler()
        self.sheets: list[str] = []
        self.reported: set[tuple[str, int]] = set()
        self.missing_reported: set[tuple[str, str]] = set()

    def rows(self, sheet: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
        """The rows of a sheet, numbered from 1; every row and cell counts against limits."""
        sheet.reset_dimensions()  # a hostile <dimension> must not make every row wide
        iterator = sheet.iter_rows()
        number = 0
        while True:
            try:
                row = next(iterator)
            except StopIteration:
                return
            except Exception as exc:
                raise _fatal(
                    self.source, f"sheet {excerpt(sheet.title)} cannot be read ({_reason(exc)})"
                ) from None
            number += 1
            self.rows_read += 1
            self.cells_read += len(row)
            if self.rows_read > self.limits.max_rows:
                raise _fatal(
                    self.source,
                    f"the workbook has more than {self.limits.max_rows:,} rows (Limits.max_rows)",
                )
            if self.cells_read > self.limits.max_items:
                raise _fatal(
                    self.source,
                    f"the workbook has more than {self.limits.max_items:,} cells "
                    "(Limits.max_items)",
                )
            yield number, tuple(row)

    def fail(self, path: ModelPath, where: Cell, message: str) -> None:
        self.assembler.fail(path, where, message, unread=False)

    def read(self, book: Any) -> None:
        titles = {table.title: table for table in layout().tables}
        known = [ABOUT_TITLE, *titles]
        for sheet in book.worksheets:
            title = sheet.title
            self.sheets.append(title)
            if title == LISTS_TITLE or title.startswith(_NOTE):
                continue
            if title == ABOUT_TITLE:
                self.about(sheet)
            elif title in titles:
                self.table(sheet, titles[title])
            else:
                self.fail(
                    (),
                    (1, 1, title),
                    f"unknown sheet {excerpt(title)}{did_you_mean(title, known)}; a sheet of your "
                    f"own is kept if its name starts with {_NOTE!r} (it is never read)",
                )

    def stray(
        self, sheet: str, number: int, cells: tuple[Any, ...], read: set[int], path: ModelPath
    ) -> None:
        """Report, once per column, a value in a column that has no name."""
        for index, cell in enumerate(cells, start=1):
            if index in read or _blank(cell) or (sheet, index) in self.reported:
                continue
            self.reported.add((sheet, index))
            self.fail(path, (number, index, sheet), "a value in a column without a name")

    def header(
        self, sheet: str, cells: tuple[Any, ...], path: ModelPath, known: Mapping[str, Any]
    ) -> tuple[dict[int, str], set[int]]:
        """The columns of a header row (position to key), and the positions of notes."""
        columns: dict[int, str] = {}
        named: set[int] = set()
        for index, cell in enumerate(cells, start=1):
            where = (1, index, sheet)
            if _blank(cell):
                continue
            named.add(index)
            if cell.data_type == "f":
                self.fail(path, where, "a column's name is text, not a formula")
                continue
            key = unescape_xml_text(str(cell.value)).strip()
            if key.startswith(_NOTE):
                continue
            if key in columns.values():
                self.fail(path, where, f"column {excerpt(key)} appears twice")
            elif key not in known:
                self.fail(
                    path,
                    where,
                    f"unknown column {excerpt(key)}{did_you_mean(key, known)}; a column of your "
                    f"own is kept if its name starts with {_NOTE!r} (it is never read)",
                )
            else:
                columns[index] = key
        return columns, named

    def about(self, sheet: Any) -> None:
        """The About sheet: a field's name in column A, its value in column B."""
        fields = {column.key: column for column in layout().about}
        self.assembler.place((), (1, 1, ABOUT_TITLE))
        seen: set[str] = set()
        named: set[int] = {1, 2}
        for number, cells in self.rows(sheet):
            if number == 1:
                columns, notes = self.header(ABOUT_TITLE, cells, (), dict.fromkeys(_ABOUT_HEADER))
                named |= notes
                if columns != dict(enumerate(_ABOUT_HEADER, start=1)):
                    self.fail((), (1, 1, ABOUT_TITLE), "the About sheet's header is: field, value")
                continue
            self.stray(ABOUT_TITLE, number, cells, named, ())
            key_cell, value_cell = (*cells, None, None)[:2]
            if key_cell is None or _blank(key_cell) or key_cell.data_type == "f":
                if value_cell is not None and not _blank(value_cell):
                    self.fail((), (number, 1, ABOUT_TITLE), "a value without a field name")
                continue
            key = unescape_xml_text(str(key_cell.value)).strip()
            if key.startswith(_NOTE):
                continue
            column = fields.get(key)
            if column is None:
                hint = did_you_mean(key, fields)
                self.fail((), (number, 1, ABOUT_TITLE), f"unknown field {excerpt(key)}{hint}")
                continue
            where = (number, 2, ABOUT_TITLE)
            if key in seen:
                self.fail(column.path, where, f"field {excerpt(key)} appears twice")
                continue
            seen.add(key)
            try:
                value = MISSING if value_cell is None else decode(column, value_cell)
            except CellProblem as problem:
                self.assembler.place(column.path, where)
                self.assembler.fail(column.path, where, str(problem))
                continue
            self.assembler.about(column, value, where)

    def table(self, sheet: Any, table: Table) -> None:
        title = table.title
        known = {column.key: column for column in table.columns}
        columns: dict[int, str] = {}
        named: set[int] = set()
        missing: list[str] = []
        example = examples().get(table.name)
        self.assembler.table(table, (1, 1, title))
        for number, cells in self.rows(sheet):
            if number == 1:
                columns, named = self.header(title, cells, table.path, known)
                missing = [
                    c.key for c in table.columns if c.required and c.key not in columns.values()
                ]
                continue
            self.stray(title, number, cells, named, table.path)
            values: dict[str, Any] = {}
            places: dict[str, Cell] = {}
            problems: list[tuple[str, Cell, str | None]] = []
            for index, key in columns.items():
                where = (number, index, title)
                places[key] = where
                try:
                    values[key] = (
                        decode(known[key], cells[index - 1]) if index <= len(cells) else MISSING
                    )
                except CellProblem as problem:
                    values[key] = MISSING
                    problems.append((key, where, str(problem)))
            if not problems and all(value is MISSING for value in values.values()):
                continue  # an empty row, or one with notes only
            if example is not None and not problems and _is_example(table, values, example):
                continue
            for key in missing:
                self.missing_column(table, key)
                places[key] = (number, 1, title)
                problems.append((key, (number, 1, title), None))
            self.assembler.row(table, values, (number, 1, title), places, problems)

    def missing_column(self, table: Table, key: str) -> None:
        """Report once that a sheet with rows lacks a column every row needs."""
        if (table.title, key) in self.missing_reported:
            return
        self.missing_reported.add((table.title, key))
        self.fail(
            table.path,
            (1, 1, table.title),
            f"the {table.title} sheet has no {key!r} column, which every row needs",
        )


def _blank(cell: Any) -> bool:
    value = cell.value
    return value is None or (isinstance(value, str) and not value.strip())


def _is_example(table: Table, values: Mapping[str, Any], example: tuple[Any, Any]) -> bool:
    """Whether a row is still exactly the starter workbook's example of its sheet."""
    owner, record = example
    kept = {key: value for key, value in values.items() if value is not MISSING}
    if table.parent is not None and kept.pop(table.columns[0].key, None) != owner:
        return False
    try:
        return bool(converter().structure(kept, table.cls) == record)
    except Exception:  # a row that does not even build is no example
        return False


def _localised_date(text: str) -> str:
    """`` (did you mean 2026-11-30?)`` for an unambiguous day/month/year text."""
    match = _DAY_FIRST.match(text.strip())
    if not match:
        return ""
    first, second, year = (int(part) for part in match.groups())
    options = []
    for day, month in ((first, second), (second, first)):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if len(set(options)) != 1:
        return ""
    return f" (did you mean {options[0].isoformat()}?)"


def _from_text(column: Column, text: str) -> Any:
    kind = column.kind
    if kind is Kind.LIST:
        return [
            text_value(column.item or Kind.TEXT, item) if isinstance(item, str) else item
            for item in read_list(text)
        ]
    if kind is Kind.MAPPING:
        return read_mapping(text)
    if kind is Kind.RECORDS:
        kinds = {field.key: field.kind for field in column.fields}
        return [
            {
                k: text_value(kinds.get(k, Kind.TEXT), v) if isinstance(v, str) else v
                for k, v in record.items()
            }
            for record in read_records(text)
        ]
    if kind in (Kind.INTEGER, Kind.NUMBER, Kind.MONEY):
        value = text_value(kind, text)
        if isinstance(value, str):
            raise CellProblem(
                f"expected a number, got {describe(text)}: type the number itself in the "
                "cell (1500.50, with a point and no thousands separator, or as your "
                "spreadsheet shows numbers)"
            )
        return value
    if kind is Kind.DATE and not _ISO_DATE.match(text.strip()):
        raise CellProblem(
            f"expected a date, got {describe(text)}{_localised_date(text)}: type a date "
            "the spreadsheet recognises, or YYYY-MM-DD"
        )
    return text_value(kind, text)


def decode(column: Column, cell: Any) -> Any:
    """The plain value of one cell for ``column``; :data:`MISSING` for an empty cell.

    Raises:
        CellProblem: a formula, an error value, a list that does not parse, or a number
            or date typed as text that cannot be one.
    """
    if cell.data_type == "f":
        formula = str(getattr(cell.value, "text", cell.value))
        constant = _BOOLEAN_FORMULAS.get(formula.upper().replace(" ", ""))
        if constant is not None:  # LibreOffice stores every true/false cell this way
            return constant
        raise CellProblem(
            f"the formula {excerpt(formula, 40)}: type the value itself; formulas are never "
            "evaluated"
        )
    value = cell.value
    if cell.data_type == "e":
        raise CellProblem(f"the cell holds the error {excerpt(value)}: type the value itself")
    if value is None:
        return MISSING
    if isinstance(value, str):
        text = unescape_xml_text(value)
        if text == "":
            return "" if column.kind is Kind.TEXT and column.optional else MISSING
        try:
            return _from_text(column, text)
        except CellSyntaxError as exc:
            raise CellProblem(str(exc)) from None
    if isinstance(value, dt.datetime):
        value = as_date(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if column.kind is Kind.INTEGER and isinstance(value, float) and value.is_integer():
            return int(value)
        if column.kind is Kind.LIST:
            return [value]
    return value


def load_xlsx(
    raw: bytes, source: str, base_dir: Path | None, limits: Limits, allow_outside: bool
) -> tuple[StrategyModel, SourceMap]:
    """Read a workbook's bytes into a model, with the cell of every value.

    Raises:
        LoadError: the workbook cannot be opened, holds macros, is beyond the limits, or
            has problems (every one of them, located at its sheet and cell).
        MissingExtraError: openpyxl or defusedxml is not installed.
    """
    _check_archive(raw, source, limits)
    book = _open(raw, source)
    reader = _Reader(source, limits)
    try:
        reader.read(book)
    finally:
        book.close()
    assembler = reader.assembler
    data = assembler.finish()
    if "schema_version" not in data:
        readable = ", ".join(str(version) for version in SCHEMA_VERSIONS)
        assembler.fail(
            (),
            (1, 1, ABOUT_TITLE),
            f"the About sheet needs a schema_version row, value {SCHEMA_VERSIONS[-1]} "
            f"(this release reads version {readable})",
        )
    positions = SourceMap(assembler.entries)
    rank = {title: index for index, title in enumerate(reader.sheets)}

    def order(error: FileError) -> tuple[int, int, int]:
        # every located error's place is `source:Sheet!A1`
        sheet = (error.place or "")[len(source) + 1 :].rpartition("!")[0]
        return (rank.get(sheet, -1), error.line or 0, error.column or 0)

    problems = [
        FileError(
            source,
            row,
            column,
            problem.path,
            problem.message,
            f"{source}:{Position(row, column, sheet)}",
        )
        for problem in assembler.problems
        for row, column, sheet in [problem.where]
    ]
    model = build_checked(
        data,
        source,
        positions,
        problems=problems,
        unread=assembler.unread,
        order=order,
        base_dir=base_dir,
        allow_outside=allow_outside,
    )
    return model, positions
