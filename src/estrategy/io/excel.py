"""Excel workbooks: a model as sheets people fill in (the ``[excel]`` extra: openpyxl).

:func:`estrategy.io.load` and :func:`estrategy.io.save` read and write ``.xlsx`` files
like YAML ones; this module adds the starter workbook (``estrategy init plan.xlsx``) and
the reference of the sheets and columns, both derived from the model's classes.
openpyxl is imported only when a workbook is read or written.

Example:
    >>> print(sheet_reference().splitlines()[9][:40])
    | Measurements | `kpi` (id of KPIs, requ
"""

from __future__ import annotations

import os

from estrategy.io._layout import Column, Kind, layout
from estrategy.io._xlsx_write import ABOUT_TITLE, LISTS_TITLE, MAX_CELL_TEXT, CellTooLongError

__all__ = [
    "ABOUT_TITLE",
    "LISTS_TITLE",
    "MAX_CELL_TEXT",
    "CellTooLongError",
    "save_starter",
    "sheet_reference",
    "starter_workbook",
]


def starter_workbook() -> bytes:
    """The starter workbook, for people to fill in.

    Every sheet has its header, a hint in each header's comment and drop-down lists, and
    one example row, which reading skips as long as it is left unchanged.

    Raises:
        MissingExtraError: openpyxl is not installed.
    """
    from estrategy.io._xlsx_write import workbook_bytes

    return workbook_bytes(None)


def save_starter(path: str | os.PathLike[str], *, through_symlink: bool = False) -> None:
    """Write :func:`starter_workbook` to ``path``, atomically.

    A device, a FIFO or (unless ``through_symlink``) a symbolic link is refused
    (:func:`estrategy.io.atomic.atomic_path`).

    Raises:
        MissingExtraError: openpyxl is not installed.
        WriteError: the destination is refused or cannot be written (an ``OSError``).
    """
    from estrategy.io.atomic import write_bytes_atomic

    write_bytes_atomic(path, starter_workbook(), through_symlink=through_symlink)


def _form(column: Column) -> str:
    """How a column's cell is written, in a few words."""
    if column.refers_to:
        title = layout().table(column.refers_to).title
        return f"ids of {title}, `;`" if column.kind is Kind.LIST else f"id of {title}"
    forms = {
        Kind.TEXT: "text",
        Kind.INTEGER: "whole number",
        Kind.NUMBER: "number",
        Kind.MONEY: "amount",
        Kind.BOOLEAN: "TRUE/FALSE",
        Kind.DATE: "date",
        Kind.CHOICE: "choice",
        Kind.LIST: "list, `;`",
        Kind.MAPPING: "`key=value, …`",
        Kind.RECORDS: "records, `key=value, …; …`",
    }
    return forms[column.kind]


def _shown(column: Column) -> str:
    required = ", required" if column.required else ""
    return f"`{column.key}` ({_form(column)}{required})"


def sheet_reference() -> str:
    """The sheets of a workbook and their columns, as a Markdown table.

    ``docs/file-format.md`` holds this very table; a test keeps the two the same.
    """
    lines = ["| sheet | columns |", "|---|---|"]
    about = ", ".join(f"`{column.key}`" for column in layout().about)
    lines.append(f"| {ABOUT_TITLE} | `field`, `value`: one row per field, {about} |")
    for table in layout().tables:
        columns = ", ".join(_shown(column) for column in table.columns)
        lines.append(f"| {table.title} | {columns} |")
    lines.append(f"| {LISTS_TITLE} (hidden) | the values of the drop-down lists; never read |")
    return "\n".join(lines)
