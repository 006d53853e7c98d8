"""Atomic writes: the whole file or nothing, never a half-written one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_path", "write_bytes_atomic", "write_text_atomic"]

_NEW_FILE_MODE = 0o644


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path in ``path``'s folder that replaces ``path`` when the block succeeds.

    Whatever the block writes to the yielded path is flushed to disk, given the mode of
    the file it replaces (``0644`` for a new one) and renamed over ``path``, so readers
    see the old content or the new, never a mix. If the block raises, the temporary file
    is removed and ``path`` is untouched.

    Example:
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     target = Path(folder) / "out.graphml"
        ...     with atomic_path(target) as temporary:
        ...         _ = temporary.write_text("<graphml/>", encoding="utf-8")
        ...     print(target.read_text(encoding="utf-8"))
        <graphml/>

    Raises:
        OSError: when the folder cannot be written.
    """
    target = Path(path)
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _NEW_FILE_MODE
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(descriptor)
    temporary = Path(name)
    try:
        yield temporary
        # The writer may have closed (or replaced) the file: reopen it to flush to disk.
        with temporary.open("rb+") as stream:
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The temporary file is flushed to disk and renamed over ``path``, so readers see the
    old content or the new, never a mix; an existing file keeps its permissions. On any
    failure the temporary file is removed and ``path`` is untouched (see
    :func:`atomic_path`).

    Raises:
        OSError: when the folder cannot be written.
    """
    with atomic_path(path) as temporary:
        temporary.write_bytes(data)


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically (see :func:`write_bytes_atomic`)."""
    write_bytes_atomic(path, text.encode("utf-8"))
