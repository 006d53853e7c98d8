"""Writing a model as an Excel workbook with openpyxl (private; see :mod:`estrategy.io.excel`).

One sheet per table of :func:`estrategy.io._layout.layout`, a header row with a comment
per column, drop-down lists for choices and references, real dates and numbers, frozen
headers, and the same bytes for the same model (fixed timestamps, fixed zip entries).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from estrategy.base.errors import EstrategyError
from estrategy.io._cells import escape_xml_text, write_list, write_mapping, write_records
from estrategy.io._layout import Column, Kind, Table, layout
from estrategy.io._tabular import Row, about_value, attribute, plain, table_rows
from estrategy.io._xlsx_examples import STARTER_ABOUT, examples
from estrategy.io.errors import column_letters
from estrategy.model import ModelPath, StrategyModel, format_path

if TYPE_CHECKING:
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "ABOUT_TITLE",
    "LISTS_TITLE",
    "MAX_CELL_TEXT",
    "CellTooLongError",
    "openpyxl_module",
    "workbook_bytes",
]

ABOUT_TITLE = "About"
"""The sheet of the model's scalar fields: one row per field, ``field`` and ``value``."""

LISTS_TITLE = "Lists"
"""The hidden sheet that holds the values of the drop-down lists; never read."""

MAX_CELL_TEXT = 32_767
"""The most characters a spreadsheet cell holds (Excel's limit)."""

_LAST_ROW = 1_048_576  # Excel's last row: drop-downs apply to every row below the header
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
_METADATA_TIME = dt.datetime(1980, 1, 1)
_FIRST_DATE = dt.date(1900, 3, 1)  # before it, Excel's day numbers are off by one (1900 bug)
_CURRENCY = re.compile(r"[A-Z]{3}\Z")
_HEADER_FILL = "DDE4EE"
_MIN_WIDTH, _MAX_WIDTH = 8, 60


class CellTooLongError(EstrategyError, ValueError):
    """A value is longer than a spreadsheet cell holds; nothing was written."""


def openpyxl_module(feature: str) -> Any:
    """openpyxl, or a clear error naming the ``[excel]`` extra."""
    from estrategy.base.errors import MissingExtraError

    try:
        import openpyxl
    except ImportError:
        raise MissingExtraError(feature, "excel", "openpyxl") from None
    return openpyxl


def _item_text(value: Any) -> str:
    """One item of a list or a record's value, as text (read back by ``text_value``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _text(column: Column, value: Any) -> str:
    """A list, mapping or records value as the text of one cell."""
    if column.kind is Kind.LIST:
        return write_list([_item_text(item) for item in value])
    if column.kind is Kind.MAPPING:
        return write_mapping({str(k): _item_text(v) for k, v in value.items()})
    return write_records([{k: _item_text(v) for k, v in record.items()} for record in value])


def _exact_float(amount: Decimal) -> bool:
    number = float(amount)
    return Decimal(repr(number)) == amount


class _Writer:
    def __init__(self, openpyxl: Any, model: StrategyModel | None) -> None:
        from openpyxl.comments import Comment
        from openpyxl.styles import Font, PatternFill
        from openpyxl.worksheet.datavalidation import DataValidation

        self.comment, self.font, self.fill = Comment, Font, PatternFill
        self.validation = DataValidation
        self.book: Workbook = openpyxl.Workbook()
        self.book.remove(self.book.active)
        currency = model.currency if model is not None else "EUR"
        self.money_format = f'#,##0.00 "{currency}"' if _CURRENCY.match(currency) else "#,##0.00"
        self.lists: dict[str, tuple[str, ...]] = {}

    # --- cells ---------------------------------------------------------------------

    def put(
        self, sheet: Worksheet, row: int, col: int, column: Column, value: Any, path: ModelPath
    ) -> int:
        """Write one value; returns how wide it shows (for the column's width)."""
        # a blank cell reads back as "not given": None, an empty list, or the default ""
        if value is None or value in ([], {}) or (value == "" and not column.optional):
            return 0
        cell = sheet.cell(row=row, column=col)
        kind = column.kind
        if kind in (Kind.LIST, Kind.MAPPING, Kind.RECORDS):
            return self._text_cell(cell, _text(column, value), path)
        if kind in (Kind.TEXT, Kind.CHOICE):
            if value == "":
                from openpyxl.cell.rich_text import CellRichText

                cell.value = CellRichText()  # an empty text, which a blank cell is not
                return 0
            return self._text_cell(cell, str(value), path)
        if kind is Kind.BOOLEAN:
            cell.value = bool(value)
            return 5
        if kind is Kind.DATE:
            if value < _FIRST_DATE:
                return self._text_cell(cell, value.isoformat(), path)
            cell.value = value
            cell.number_format = "yyyy-mm-dd"
            return 10
        if kind is Kind.MONEY:
            if not _exact_float(value):  # more digits than a spreadsheet number holds
                return self._text_cell(cell, format(value, "f"), path)
            self._number(cell, float(value))
            cell.number_format = self.money_format
            return len(f"{float(value):,.2f}") + 4
        return self._number(cell, value)

    def _number(self, cell: Any, value: float | int) -> int:
        # openpyxl writes numbers with 16 significant digits; a double needs up to 17,
        # so the exact shortest form is given as the cell's text, typed as a number.
        text = repr(value) if isinstance(value, float) else str(value)
        cell.value = text
        cell.data_type = "n"
        return len(text)

    def _text_cell(self, cell: Any, text: str, path: ModelPath) -> int:
        stored = escape_xml_text(text)
        if len(stored) > MAX_CELL_TEXT:
            raise CellTooLongError(
                f"{format_path(path)}: {len(stored):,} characters, more than a spreadsheet "
                f"cell holds ({MAX_CELL_TEXT:,}); save this model as YAML instead"
            )
        cell.value = stored
        cell.data_type = "s"  # text that starts with "=" stays text, never a formula
        return max((len(line) for line in text.splitlines()), default=0)

    # --- sheets --------------------------------------------------------------------

    def header(self, sheet: Worksheet, columns: Iterable[tuple[str, str]]) -> None:
        bold = self.font(bold=True)
        fill = self.fill("solid", fgColor=_HEADER_FILL)
        for col, (key, hint) in enumerate(columns, start=1):
            cell = sheet.cell(row=1, column=col, value=key)
            cell.font = bold
            cell.fill = fill
            if hint:
                comment = self.comment(hint, "estrategy")
                comment.width, comment.height = 320, 140
                cell.comment = comment

    def widths(self, sheet: Worksheet, widths: Mapping[int, int]) -> None:
        for col, width in widths.items():
            shown = min(max(width + 2, _MIN_WIDTH), _MAX_WIDTH)
            sheet.column_dimensions[column_letters(col)].width = shown

    def column_format(self, sheet: Worksheet, col: int, column: Column) -> None:
        formats = {
            Kind.DATE: "yyyy-mm-dd",
            Kind.MONEY: self.money_format,
            Kind.INTEGER: "0",
            Kind.NUMBER: "General",
            Kind.BOOLEAN: "General",
        }
        letter = column_letters(col)
        # text columns keep what people type as text (an id "007" stays "007")
        sheet.column_dimensions[letter].number_format = formats.get(column.kind, "@")

    def drop_down(self, sheet: Worksheet, cells: str, column: Column) -> None:
        """A list of choices or of ids for ``cells``, when the column has one."""
        validation = self.validation
        many = column.kind is Kind.LIST
        if column.choices:
            source = self._choice_range(column)
            prompt = "one of the listed values" if not many else "values separated by ;"
        elif column.kind is Kind.BOOLEAN:
            source, prompt = '"TRUE,FALSE"', "TRUE or FALSE"
        elif column.refers_to:
            target = layout().table(column.refers_to).title
            source = f"OFFSET({target}!$A$2,0,0,MAX(1,COUNTA({target}!$A:$A)-1),1)"
            prompt = f"an id of the {target} sheet" + (", several separated by ;" if many else "")
        else:
            return
        rule = validation(
            type="list",
            formula1=source,
            allow_blank=True,
            # a list of several ids cannot be checked by the spreadsheet: offer, never refuse
            showErrorMessage=not many,
            errorStyle="stop" if column.choices or column.kind is Kind.BOOLEAN else "warning",
            errorTitle=column.key,
            error=f"Expected {prompt}.",
        )
        rule.add(cells)
        sheet.add_data_validation(rule)

    def _choice_range(self, column: Column) -> str:
        name = column.choice_name or column.key
        self.lists.setdefault(name, column.choices)
        col = list(self.lists).index(name) + 1
        letter = column_letters(col)
        return f"{LISTS_TITLE}!${letter}$2:${letter}${len(column.choices) + 1}"

    def lists_sheet(self) -> None:
        sheet = self.book.create_sheet(LISTS_TITLE)
        sheet.sheet_state = "hidden"
        for col, (name, values) in enumerate(self.lists.items(), start=1):
            sheet.cell(row=1, column=col, value=name)
            for row, value in enumerate(values, start=2):
                sheet.cell(row=row, column=col, value=value)

    def finish(self) -> bytes:
        from openpyxl.writer.excel import ExcelWriter

        properties = self.book.properties
        properties.creator = "estrategy"
        properties.created = properties.modified = _METADATA_TIME
        raw = io.BytesIO()
        with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
            ExcelWriter(self.book, archive).write_data()
        return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same entries with fixed times and attributes: same model, same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info))
    return out.getvalue()


def _hint(column: Column) -> str:
    """The header comment of a column: meaning, form, and default or requirement."""
    lines = [column.description] if column.description else []
    forms = {
        Kind.TEXT: "text",
        Kind.INTEGER: "a whole number",
        Kind.NUMBER: "a number",
        Kind.MONEY: "an amount, as a number",
        Kind.BOOLEAN: "TRUE or FALSE",
        Kind.DATE: "a date",
        Kind.CHOICE: "one of the drop-down's values",
        Kind.LIST: "values separated by ;",
        Kind.MAPPING: "key=value pairs separated by ,",
        Kind.RECORDS: "records separated by ;, each key=value pairs separated by ,"
        + (f" (keys: {', '.join(f.key for f in column.fields)})" if column.fields else ""),
    }
    form = forms[column.kind]
    if column.refers_to:
        target = layout().table(column.refers_to).title
        form = f"an id from the {target} sheet" + (
            "; several separated by ;" if column.kind is Kind.LIST else ""
        )
    lines.append(f"Type: {form}.")
    if column.required:
        lines.append("Required.")
    elif column.default not in (None, "", (), [], {}):
        default = getattr(column.default, "value", column.default)
        lines.append(
            f"Empty means {str(default).lower() if isinstance(default, bool) else default}."
        )
    return "\n".join(lines)


def _about(writer: _Writer, model: StrategyModel | None) -> None:
    sheet = writer.book.create_sheet(ABOUT_TITLE)
    writer.header(
        sheet,
        [
            ("field", "The model's own fields, one a row."),
            ("value", "Each field's value (see the comment of its name)."),
        ],
    )
    width = 0
    for row, column in enumerate(layout().about, start=2):
        key = sheet.cell(row=row, column=1, value=column.key)
        key.comment = writer.comment(_hint(column), "estrategy")
        key.comment.width, key.comment.height = 320, 140
        value = STARTER_ABOUT.get(column.key) if model is None else about_value(model, column)
        width = max(width, writer.put(sheet, row, 2, column, value, column.path))
        writer.drop_down(sheet, f"B{row}", column)
        if column.kind not in (Kind.DATE, Kind.MONEY, Kind.NUMBER, Kind.INTEGER, Kind.BOOLEAN):
            sheet.cell(row=row, column=2).number_format = "@"
    sheet.freeze_panes = "A2"
    writer.widths(sheet, {1: max(len(c.key) for c in layout().about), 2: max(width, 40)})


def _table(writer: _Writer, table: Table, rows: list[Row]) -> None:
    sheet = writer.book.create_sheet(table.title)
    writer.header(sheet, [(column.key, _hint(column)) for column in table.columns])
    widths = {col: len(column.key) for col, column in enumerate(table.columns, start=1)}
    for row, (owner, path, item) in enumerate(rows, start=2):
        for col, column in enumerate(table.columns, start=1):
            if not column.attribute:  # the owner's id, in a child table
                value: Any = owner
            else:
                value = plain(column, attribute(item, column))
            shown = writer.put(sheet, row, col, column, value, (*path, column.key))
            widths[col] = max(widths[col], shown)
    for col, column in enumerate(table.columns, start=1):
        writer.column_format(sheet, col, column)
        writer.drop_down(sheet, f"{column_letters(col)}2:{column_letters(col)}{_LAST_ROW}", column)
    identified = table.columns[0].key == "id" or table.parent is not None
    sheet.freeze_panes = "B2" if identified else "A2"
    sheet.auto_filter.ref = f"A1:{column_letters(len(table.columns))}1"
    writer.widths(sheet, widths)


def workbook_bytes(model: StrategyModel | None) -> bytes:
    """The workbook of ``model``, or the starter workbook (example rows) for ``None``.

    Raises:
        MissingExtraError: openpyxl is not installed.
        CellTooLongError: a value does not fit in a cell.
    """
    writer = _Writer(openpyxl_module("writing .xlsx workbooks"), model)
    _about(writer, model)
    starter = examples()
    for table in layout().tables:
        if model is not None:
            rows = table_rows(model, table)
        else:
            example = starter.get(table.name)
            rows = [] if example is None else [(example[0], (*table.path, 0), example[1])]
        _table(writer, table, rows)
    writer.lists_sheet()
    return writer.finish()
