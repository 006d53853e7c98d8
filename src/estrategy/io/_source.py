"""Reading a model file's text safely: size first, then binary content, then UTF-8 (private)."""

from __future__ import annotations

import os
import stat

from estrategy.base.messages import Message, Text, tr
from estrategy.io.errors import FileError, LoadError
from estrategy.io.limits import Limits

__all__ = ["check_text", "one_error", "read_bytes", "read_text", "regular_file", "too_big"]


def one_error(
    source: str, message: Text, line: int | None = 1, column: int | None = 1
) -> LoadError:
    return LoadError([FileError(source, line, column, (), message)])


def check_text(text: str, source: str) -> None:
    """Refuse binary content early, with the place of the first NUL byte."""
    nul = text.find("\x00")
    if nul >= 0:
        from estrategy.io._tree import line_column

        line, column = line_column(text, nul)
        raise one_error(
            source, tr("this is a binary file, not a model file (NUL byte)"), line, column
        )


def regular_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` (symlinks followed) is a regular file: not a FIFO, device or socket.

    Opening a FIFO blocks until someone writes to it, so anything read is checked first.
    """
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _open(path: str | os.PathLike[str], source: str) -> int:
    """A descriptor of ``path`` opened for reading, refused unless it is a regular file.

    A path that is not a regular file is refused before it is opened (opening some
    devices has effects), then the opened file is checked again, which leaves no gap
    for a swap between the two; ``O_NONBLOCK`` keeps a FIFO put there meanwhile from
    blocking the open.
    """
    if os.path.exists(path) and not os.path.isdir(path) and not regular_file(path):
        raise one_error(source, _NOT_REGULAR, None, None)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        raise one_error(source, _NOT_REGULAR, None, None)
    return descriptor


_NOT_REGULAR = tr("this is not a regular file (a pipe or a device?): refused")


def read_bytes(path: str | os.PathLike[str], source: str, limits: Limits) -> bytes:
    """The bytes of a file: a regular file, within the size limit.

    Raises:
        LoadError: the file is missing, not a regular file, or too big.
    """
    try:
        with open(_open(path, source), "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > limits.max_bytes:
                raise too_big(source, size, limits)
            raw = stream.read(limits.max_bytes + 1)
    except IsADirectoryError:
        raise one_error(source, tr("this is a folder, not a model file"), None, None) from None
    except FileNotFoundError:
        raise one_error(source, tr("no such file"), None, None) from None
    except OSError as exc:
        raise one_error(
            source,
            tr("cannot read the file: {reason}", reason=exc.strerror or str(exc)),
            None,
            None,
        ) from None
    if len(raw) > limits.max_bytes:  # a file that grew, or a pipe without a size
        raise too_big(source, len(raw), limits)
    return raw


def read_text(path: str | os.PathLike[str], source: str, limits: Limits) -> str:
    """The text of a file: a regular file, within the size limit, UTF-8 (BOM allowed).

    Raises:
        LoadError: the file is missing, not a regular file, too big, binary or not UTF-8.
    """
    raw = read_bytes(path, source, limits)
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        column = nul - (raw.rfind(b"\n", 0, nul) + 1) + 1
        raise one_error(
            source, tr("this is a binary file, not a model file (NUL byte)"), line, column
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise one_error(source, _not_utf8(raw[exc.start]), line, column) from None


def _not_utf8(byte: int) -> Message:
    """What to say of a byte that UTF-8 cannot decode, and what to do about it.

    Example:
        >>> str(_not_utf8(0xE9)).split("; ")[0]
        'this is not UTF-8 text: byte 0xe9 cannot be decoded (é in Latin-1 or Windows-1252?)'
    """
    try:
        guess = bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        guess = ""
    shown = f"0x{byte:02x}"
    if guess.isprintable() and guess:
        return tr(
            "this is not UTF-8 text: byte {byte} cannot be decoded ({guess} in Latin-1 or "
            "Windows-1252?); estrategy reads UTF-8: save the file as UTF-8",
            byte=shown,
            guess=guess,
        )
    return tr(
        "this is not UTF-8 text: byte {byte} cannot be decoded; estrategy reads UTF-8: save "
        "the file as UTF-8",
        byte=shown,
    )


def too_big(source: str, size: int, limits: Limits) -> LoadError:
    return one_error(
        source,
        tr(
            "the file is {size} bytes, more than the limit of {limit} (Limits.max_bytes)",
            size=size,
            limit=limits.max_bytes,
        ),
        None,
        None,
    )
