"""Where things are in a model file, and the error raised when a file cannot be loaded."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from estrategy.base.errors import EstrategyError
from estrategy.base.escape import terminal_text
from estrategy.base.messages import Text, ntr, render_text
from estrategy.model.paths import ModelPath, format_path

__all__ = ["FileError", "LoadError", "Position", "SourceMap", "column_letters"]


def column_letters(column: int) -> str:
    """A spreadsheet's name of a 1-based column number.

    Example:
        >>> column_letters(1), column_letters(28)
        ('A', 'AB')
    """
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@attrs.frozen
class Position:
    """A place in a text file, or a cell of a workbook's sheet.

    Attributes:
        line: line number (a sheet's row number), counted from 1.
        column: column number, counted from 1.
        sheet: the sheet's name, for a workbook; ``None`` for a text file.

    Example:
        >>> str(Position(3, 5)), str(Position(7, 5, "Actions"))
        ('3:5', 'Actions!E7')
    """

    line: int
    column: int
    sheet: str | None = None

    def __str__(self) -> str:
        if self.sheet is not None:
            return f"{self.sheet}!{column_letters(self.column)}{self.line}"
        return f"{self.line}:{self.column}"


Entry = tuple[int, int] | tuple[int, int, str]
"""Where a path is: 1-based ``(line, column)``, or ``(row, column, sheet)`` in a workbook."""


def _freeze(entries: Mapping[ModelPath, Entry]) -> Mapping[ModelPath, Entry]:
    return dict(entries)


@attrs.frozen
class SourceMap:
    """The positions of the keys and list items of one model file.

    Positions are kept as 1-based ``(line, column)`` pairs, one per mapping key (the
    position of the key) and per list item (the position of the item), so a file of a
    million nodes costs a million small tuples rather than a million objects. In a
    workbook they are ``(row, column, sheet)``: each value's cell, each row's first cell.

    Attributes:
        entries: model path to 1-based ``(line, column)`` (or ``(row, column, sheet)``);
            the root ``()`` is the start of the document.

    Example:
        >>> positions = SourceMap({(): (1, 1), ("tactics",): (4, 1), ("tactics", 0): (5, 5)})
        >>> positions.locate(("tactics", 0, "strategy"))
        Position(line=5, column=5, sheet=None)
    """

    entries: Mapping[ModelPath, Entry] = attrs.field(factory=dict, converter=_freeze, hash=False)

    def locate(self, path: ModelPath) -> Position | None:
        """The position of ``path``, or of its nearest ancestor that has one.

        Args:
            path: keys and list indexes from the root (``("actions", 1, "budget")``).

        Returns:
            The position, or ``None`` when neither the path nor any ancestor is known
            (a model built in memory has no positions at all).
        """
        for end in range(len(path), -1, -1):
            found = self.entries.get(path[:end])
            if found is not None:
                return Position(*found)
        return None

    def __len__(self) -> int:
        return len(self.entries)


@attrs.frozen
class FileError:
    """One problem of a model file, with where it is.

    Attributes:
        source: the file as given by the caller (or ``"<string>"``).
        line: 1-based line (a sheet's row), ``None`` only when no position is knowable.
        column: 1-based column, ``None`` only when no position is knowable.
        path: where in the model the problem is (``("tactics", 3, "strategy")``);
            ``()`` for the file as a whole.
        text: what is wrong, in one sentence (passed as ``message=``: a message,
            rendered in the reader's language, or plain English).
        place: where it is as people read it, when that is not ``source:line:column``:
            ``plan.xlsx:Actions!E7`` for a workbook's cell, ``frames['actions'] row 5,
            column budget`` for a data frame's.

    Example:
        >>> print(FileError("plan.xlsx", 7, 5, ("actions", 5, "budget"), "bad",
        ...                 place="plan.xlsx:Actions!E7"))
        plan.xlsx:Actions!E7: actions[5].budget: bad
    """

    source: str
    line: int | None
    column: int | None
    path: ModelPath
    text: Text = attrs.field(alias="message")
    place: str | None = None

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return render_text(self.text, "en")

    def render(self, lang: str = "en") -> str:
        """``file:line:col: path: message``, the message in ``lang``."""
        where = terminal_text(self.source)  # a file name is one line, whatever it holds
        if self.place is not None:
            where = terminal_text(self.place)
        elif self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        path = _shown_path(self.path)
        message = render_text(self.text, lang)
        return f"{where}: {path}: {message}" if path else f"{where}: {message}"

    def __str__(self) -> str:
        return self.render("en")


_KEY_SHOWN = 40


def _shown_path(path: ModelPath) -> str:
    r"""A path as an error line shows it: each key short and escaped (keys come from input).

    Example:
        >>> _shown_path(("tactics", 0, "x" * 50 + "\x1b"))
        'tactics[0].xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…'
    """
    short = tuple(
        part if isinstance(part, int) or len(part) <= _KEY_SHOWN else part[: _KEY_SHOWN - 1] + "…"
        for part in path
    )
    return terminal_text(format_path(short))


SHOWN_ERRORS = 100
"""How many problems ``str(LoadError)`` lists before it only counts the rest."""


class LoadError(EstrategyError, ValueError):
    """A model file could not be loaded; lists **every** problem found in it.

    ``str(error)`` is meant for people: a first line saying how many problems in which
    file, then one line per problem, ``file:line:col: path: message``; past
    :data:`SHOWN_ERRORS` problems it says how many more there are (all of them stay in
    :attr:`errors`).

    Attributes:
        errors: every problem, in the order of the file.

    Example:
        >>> error = LoadError([FileError("plan.yaml", 3, 1, ("nmae",), "unknown key")])
        >>> print(error)
        1 problem in plan.yaml:
          plan.yaml:3:1: nmae: unknown key
    """

    def __init__(self, errors: Iterable[FileError]) -> None:
        self.errors: tuple[FileError, ...] = tuple(errors)
        super().__init__(self.message_in("en"))

    def message_in(self, lang: str) -> str:
        """Every problem, as ``str(error)`` lists them, in ``lang``."""
        sources = sorted({error.source for error in self.errors})
        count = len(self.errors)
        where = ", ".join(map(terminal_text, sources)) if sources else "<unknown>"
        head = ntr("{n} problem in {where}:", "{n} problems in {where}:", count, where=where)
        lines = "".join(f"\n  {error.render(lang)}" for error in self.errors[:SHOWN_ERRORS])
        if count > SHOWN_ERRORS:
            hidden = count - SHOWN_ERRORS
            lines += "\n  " + ntr("… and {n} more", "… and {n} more", hidden).render(lang)
        return head.render(lang) + lines

    def __reduce__(self) -> tuple[type[LoadError], tuple[tuple[FileError, ...]]]:
        # Rebuilt from its errors, so that it crosses process boundaries intact.
        return (type(self), (self.errors,))


def file_error(
    source: str, positions: SourceMap | None, path: ModelPath, message: Text
) -> FileError:
    """Build a :class:`FileError` for ``path``, located through ``positions``."""
    position = positions.locate(path) if positions is not None else None
    if position is None:
        return FileError(source, None, None, path, message)
    place = f"{source}:{position}" if position.sheet is not None else None
    return FileError(source, position.line, position.column, path, message, place)
