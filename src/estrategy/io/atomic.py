"""Atomic writes: the whole file or nothing, never a half-written one, never a device.

Every file estrategy writes (``report --output``, ``maturity --plot``, ``init``, model
files, graph exports) goes through :func:`atomic_path`:

- the content is written to a temporary file beside the destination, named
  ``.NAME.estrategy-XXXXXXXX.tmp`` so that one left behind is recognisable, flushed to
  disk, then renamed over the destination: readers see the old file or the new one;
- a destination that exists and is not a regular file (a device such as ``/dev/sda``, a
  FIFO, a socket, a folder) is refused: renaming over it would replace it;
- a destination that is a symbolic link is refused too, unless ``through_symlink=True``
  (``--through-symlink``): then the file the link points to is replaced and the link
  kept;
- on an error, on Ctrl-C and on ``SIGTERM`` the temporary file is removed and the
  destination left as it was (a ``SIGTERM`` then ends the process with status 143). A
  ``SIGKILL`` or a power cut cannot be caught: they may leave a ``.…estrategy-….tmp``
  file beside the destination, which is safe to delete;
- an error of the file system (a full disk, no permission) names the destination.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType

from estrategy.base.errors import EstrategyError

__all__ = [
    "TEMPORARY_MARK",
    "WriteError",
    "atomic_path",
    "atomic_paths",
    "write_bytes_atomic",
    "write_text_atomic",
]

_NEW_FILE_MODE = 0o644
TEMPORARY_MARK = ".estrategy-"
"""What the name of every temporary file estrategy writes holds (``.NAME.estrategy-….tmp``)."""

_TERMINATED = 128 + signal.SIGTERM  # the exit status of a process ended by SIGTERM


class WriteError(EstrategyError, OSError):
    """A file cannot be written where asked; the message names the destination."""


def _destination(path: Path, through_symlink: bool) -> Path:
    """The regular file (or free name) that ``path`` lets us replace, or a WriteError."""
    if path.is_symlink():
        if not through_symlink:
            raise WriteError(
                f"{path}: is a symbolic link; refused, so that the link is not replaced by "
                "a file (write through it with --through-symlink, or through_symlink=True)"
            )
        path = path.resolve()
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return path
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device or a pipe?)"
        raise WriteError(f"{path}: is {what}; refused, estrategy writes only regular files")
    return path


class _Terminated(SystemExit):
    """Raised by the SIGTERM handler, so that temporaries are removed on the way out."""


def _terminate(_signal: int, _frame: FrameType | None) -> None:
    raise _Terminated(_TERMINATED)


@contextlib.contextmanager
def _cleanup_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into an exception while the block runs, when nobody else handles it.

    Only the main thread may set handlers, and a handler the application set is left
    alone (it decides how to stop; the exception it raises cleans up the same way).
    """
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL
    ):
        yield
        return
    signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, through_symlink: bool = False) -> Iterator[Path]:
    """A temporary path in ``path``'s folder that replaces ``path`` when the block succeeds.

    Whatever the block writes to the yielded path is flushed to disk, given the mode of
    the file it replaces (``0644`` for a new one) and renamed over ``path``, so readers
    see the old content or the new, never a mix. If the block raises, or the process
    gets SIGTERM, the temporary file is removed and ``path`` is untouched.

    Args:
        path: the destination: a regular file, or a name not taken yet.
        through_symlink: when ``path`` is a symbolic link, replace the file it points to
            (the link stays); by default a link is refused.

    Example:
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     target = Path(folder) / "out.graphml"
        ...     with atomic_path(target) as temporary:
        ...         _ = temporary.write_text("<graphml/>", encoding="utf-8")
        ...     print(target.read_text(encoding="utf-8"))
        <graphml/>

    Raises:
        WriteError: ``path`` is a device, a FIFO, a folder, or a symbolic link (unless
            ``through_symlink``), or the file system refuses the write (a full disk, no
            permission); the message names ``path``.
    """
    target = _destination(Path(path), through_symlink)
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _NEW_FILE_MODE
    with _cleanup_on_sigterm():
        temporary: Path | None = None
        try:
            descriptor, name = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}{TEMPORARY_MARK}", suffix=".tmp"
            )
            temporary = Path(name)
            os.close(descriptor)
            yield temporary
            # The writer may have closed (or replaced) the file: reopen it to flush to disk.
            with temporary.open("rb+") as stream:
                os.fsync(stream.fileno())
            os.chmod(temporary, mode)
            os.replace(temporary, target)
        except BaseException as exc:
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
            if isinstance(exc, OSError) and not isinstance(exc, WriteError):
                # "No space left on device" says nothing of which file: name it
                raise WriteError(f"{target}: cannot write: {exc.strerror or exc}") from None
            raise


@contextlib.contextmanager
def atomic_paths(
    paths: Sequence[str | os.PathLike[str]], *, through_symlink: bool = False
) -> Iterator[list[Path]]:
    r"""Temporary paths that replace ``paths`` together when the block succeeds.

    For outputs of several files that only make sense together (Gephi's ``nodes.csv``
    and ``edges.csv``, the files of a CSV folder): every file is written to its
    temporary first; only when all are written are they renamed into place. Should a
    rename fail half-way, the files already replaced get their old content back, so the
    folder holds the old files or the new ones, never a mix. If the block raises (or the
    process gets SIGTERM), every temporary file is removed and nothing is touched. Each
    destination is checked as :func:`atomic_path` checks its one, before anything is
    written.

    Example:
        >>> with tempfile.TemporaryDirectory() as folder:
        ...     targets = [Path(folder) / "nodes.csv", Path(folder) / "edges.csv"]
        ...     with atomic_paths(targets) as temporaries:
        ...         for temporary in temporaries:
        ...             _ = temporary.write_text("Id\n", encoding="utf-8")
        ...     sorted(p.name for p in Path(folder).iterdir())
        ['edges.csv', 'nodes.csv']

    Raises:
        WriteError: a destination is refused, or the file system refuses the write; the
            message names the destination.
    """
    targets = [_destination(Path(path), through_symlink) for path in paths]
    temporaries: list[Path] = []
    with _cleanup_on_sigterm():
        try:
            for target in targets:
                descriptor, name = tempfile.mkstemp(
                    dir=target.parent, prefix=f".{target.name}{TEMPORARY_MARK}", suffix=".tmp"
                )
                os.close(descriptor)
                temporaries.append(Path(name))
            yield list(temporaries)
            for temporary, target in zip(temporaries, targets, strict=True):
                with temporary.open("rb+") as stream:
                    os.fsync(stream.fileno())
                os.chmod(temporary, _mode_of(target))
            _replace_all(temporaries, targets)
        except OSError as exc:
            if isinstance(exc, WriteError):
                raise
            where = exc.filename if isinstance(exc.filename, str) else targets[0]
            raise WriteError(f"{where}: cannot write: {exc.strerror or exc}") from None
        finally:
            for temporary in temporaries:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)


def _replace_all(temporaries: list[Path], targets: list[Path]) -> None:
    """Rename every temporary over its target; on a failure, put the old files back."""
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


def _mode_of(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return _NEW_FILE_MODE


def _backup(target: Path) -> Path | None:
    """A hard link to the current ``target`` (its old content, to restore), or ``None``."""
    if not target.exists():
        return None
    descriptor, name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}{TEMPORARY_MARK}", suffix=".old"
    )
    os.close(descriptor)
    backup = Path(name)
    os.unlink(backup)
    try:
        os.link(target, backup)
    except OSError:  # no hard links on this file system: a copy will do
        shutil.copy2(target, backup)
    return backup


def write_bytes_atomic(
    path: str | os.PathLike[str], data: bytes, *, through_symlink: bool = False
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    The temporary file is flushed to disk and renamed over ``path``, so readers see the
    old content or the new, never a mix; an existing file keeps its permissions. On any
    failure the temporary file is removed and ``path`` is untouched (see
    :func:`atomic_path`, which also says which destinations are refused).

    Raises:
        WriteError: the destination is refused or cannot be written.
    """
    with atomic_path(path, through_symlink=through_symlink) as temporary:
        temporary.write_bytes(data)


def write_text_atomic(
    path: str | os.PathLike[str], text: str, *, through_symlink: bool = False
) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically (see :func:`write_bytes_atomic`)."""
    write_bytes_atomic(path, text.encode("utf-8"), through_symlink=through_symlink)
