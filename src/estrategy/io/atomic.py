"""Atomic writes: the whole file or nothing, never a half-written one."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["atomic_path", "atomic_paths", "write_bytes_atomic", "write_text_atomic"]

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


@contextlib.contextmanager
def atomic_paths(paths: Sequence[str | os.PathLike[str]]) -> Iterator[list[Path]]:
    r"""Temporary paths that replace ``paths`` together when the block succeeds.

    For outputs of several files that only make sense together (Gephi's ``nodes.csv``
    and ``edges.csv``, the files of a CSV folder): every file is written to its
    temporary first; only when all are written are they renamed into place. Should a
    rename fail half-way, the files already replaced get their old content back, so the
    folder holds the old files or the new ones, never a mix. If the block raises,
    every temporary file is removed and nothing is touched. A destination that exists
    and is not a regular file (a symlink, a FIFO, a device) is refused before anything
    is written.

    Example:
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     targets = [Path(folder) / "nodes.csv", Path(folder) / "edges.csv"]
        ...     with atomic_paths(targets) as temporaries:
        ...         for temporary in temporaries:
        ...             _ = temporary.write_text("Id\n", encoding="utf-8")
        ...     sorted(p.name for p in Path(folder).iterdir())
        ['edges.csv', 'nodes.csv']

    Raises:
        OSError: a destination is not a regular file, or the folder cannot be written.
    """
    targets = [Path(path) for path in paths]
    for target in targets:
        _refuse_special(target)
    temporaries: list[Path] = []
    try:
        for target in targets:
            descriptor, name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
            )
            os.close(descriptor)
            temporaries.append(Path(name))
        yield list(temporaries)
        for temporary, target in zip(temporaries, targets, strict=True):
            with temporary.open("rb+") as stream:
                os.fsync(stream.fileno())
            os.chmod(temporary, _mode_of(target))
        backups: list[tuple[Path, Path | None]] = []  # the targets replaced so far
        try:
            for temporary, target in zip(temporaries, targets, strict=True):
                backup = _backup(target)
                try:
                    os.replace(temporary, target)
                except BaseException:
                    if backup is not None:
                        with contextlib.suppress(OSError):
                            os.unlink(backup)
                    raise
                backups.append((target, backup))
        except BaseException:
            for target, backup in reversed(backups):
                with contextlib.suppress(OSError):
                    if backup is None:
                        os.unlink(target)
                    else:
                        os.replace(backup, target)
            raise
        for _, backup in backups:
            if backup is not None:
                with contextlib.suppress(OSError):
                    os.unlink(backup)
    finally:
        for temporary in temporaries:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _refuse_special(target: Path) -> None:
    """Refuse a destination that exists and is not a regular file: never replace one."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise OSError(
            errno.EEXIST,
            "exists and is not a regular file (a symlink, a pipe or a device): not replaced",
            str(target),
        )


def _mode_of(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return _NEW_FILE_MODE


def _backup(target: Path) -> Path | None:
    """A hard link to the current ``target`` (its old content, to restore), or ``None``."""
    if not target.exists():
        return None
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".old")
    os.close(descriptor)
    backup = Path(name)
    os.unlink(backup)
    try:
        os.link(target, backup)
    except OSError:  # no hard links on this file system: a copy will do
        shutil.copy2(target, backup)
    return backup


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
