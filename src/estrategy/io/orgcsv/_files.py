"""Where a folder's data files are, and whether they may be read at all.

A file of the folder is read only when it lies inside the folder (symlinks resolved: a
``people.csv`` that links to another folder, or a mapping naming ``../../hr.csv``, would
make estrategy read and quote data the user never pointed at), when it is a regular
file (a FIFO would block forever, a device never ends) and when it is within the size
limit. Each refusal is one located problem of the folder.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import attrs

from estrategy.io.limits import DEFAULT_LIMITS, Limits

__all__ = ["DataFile", "Place", "candidates", "locate"]


@attrs.frozen
class Place:
    """The folder being read and how far reading may go.

    Attributes:
        folder: the folder.
        limits: the size and column bounds.
        allow_outside: read files that resolve outside the folder (symlinks, mapping
            names with ``..`` or an absolute path).
    """

    folder: Path
    limits: Limits = DEFAULT_LIMITS
    allow_outside: bool = False


class DataFile:
    """A data file of the folder that may be read: its path and format.

    Attributes:
        name: the name the errors give it (as written in the folder or the mapping).
        path: the file.
        parquet: whether it is a Parquet file (else CSV).
        size: its size in bytes.
    """

    __slots__ = ("name", "parquet", "path", "size")

    def __init__(self, name: str, path: Path, size: int) -> None:
        self.name = name
        self.path = path
        self.parquet = path.suffix.lower() == ".parquet"
        self.size = size


def candidates(name: str) -> tuple[str, ...]:
    """The file names ``name`` stands for: a ``.csv`` name also finds its ``.parquet`` twin.

    Example:
        >>> candidates("people.csv"), candidates("people.parquet")
        (('people.csv', 'people.parquet'), ('people.parquet',))
    """
    if name.lower().endswith(".csv"):
        return (name, name[: -len(".csv")] + ".parquet")
    return (name,)


def locate(
    folder: Path, names: tuple[str, ...], limits: Limits, allow_outside: bool
) -> tuple[DataFile | None, str | None]:
    """The first of ``names`` (each in CSV or Parquet) that exists in ``folder``, or why not.

    Args:
        folder: the folder.
        names: file names, in order of preference; a ``.csv`` name also finds the
            ``.parquet`` file of the same stem when the CSV file is absent.
        limits: the size limit (:attr:`Limits.max_table_bytes`).
        allow_outside: read a file that resolves outside the folder.

    Returns:
        ``(file, None)`` for a file that may be read, ``(None, None)`` when none exists,
        ``(None, problem)`` when one exists and may not be read.
    """
    root = folder.resolve()
    for name in names:
        for candidate in candidates(name):
            path = folder / candidate
            if not os.path.lexists(path):
                continue
            if not allow_outside and not path.resolve().is_relative_to(root):
                return None, (
                    f"{candidate} is outside the folder (a symlink, or a path leading out "
                    "of it): a folder's files are read only inside it unless allowed "
                    "(allow_outside=True, or --allow-outside on the command line)"
                )
            try:
                info = os.stat(path)
            except OSError as exc:
                return None, f"cannot read {candidate}: {exc.strerror or exc}"
            if stat.S_ISDIR(info.st_mode):
                return None, f"{candidate} is a folder, not a file"
            if not stat.S_ISREG(info.st_mode):
                return None, f"{candidate} is not a regular file (a pipe or a device?): refused"
            if info.st_size > limits.max_table_bytes:
                return None, (
                    f"{candidate} is {info.st_size:,} bytes, more than the limit of "
                    f"{limits.max_table_bytes:,} (Limits.max_table_bytes)"
                )
            return DataFile(candidate, path, info.st_size), None
    return None, None
