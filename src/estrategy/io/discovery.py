"""Finding the model files among paths: files as named, folders searched.

A folder is searched recursively for ``*.estrategy.yaml`` (``.yml``, ``.json``,
``.toml``, ``.xlsx``) files, and for any other YAML, JSON or TOML file whose top level
has a ``schema_version`` key; other files (workbooks not so named among them) are
skipped silently, as are the folders of
:data:`DEFAULT_EXCLUDES` and whatever matches an ``exclude`` glob. A file named
explicitly is always a model file, whatever its name (a hook passes files by name).
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from estrategy.io.files import FORMATS
from estrategy.io.limits import DEFAULT_LIMITS, Limits

__all__ = ["DEFAULT_EXCLUDES", "MODEL_SUFFIX", "find_model_files", "is_model_file"]

MODEL_SUFFIX = ".estrategy"
"""The infix that marks a model file whatever its content: ``plan.estrategy.yaml``."""

DEFAULT_EXCLUDES: tuple[str, ...] = (
    ".*",
    "__pycache__",
    "node_modules",
    "venv",
    "site-packages",
    "build",
    "dist",
)
"""Folders never searched: hidden ones (``.git``, ``.venv``), caches, builds, vendored code."""

_KEY = "schema_version"
_SNIFFED = frozenset({"yaml", "json", "toml"})
_YAML_KEY = re.compile(r"""^["']?schema_version["']?[ \t]*:""", re.MULTILINE)
_TOML_KEY = re.compile(r"""^[ \t]*["']?schema_version["']?[ \t]*=""", re.MULTILINE)
_TOML_TABLE = re.compile(r"^[ \t]*\[", re.MULTILINE)


def _top_level_key(text: str, fmt: str) -> bool:
    if _KEY not in text:  # most files: one fast scan, no parsing
        return False
    if fmt == "yaml":
        return _YAML_KEY.search(text) is not None
    if fmt == "toml":
        key, table = _TOML_KEY.search(text), _TOML_TABLE.search(text)
        return key is not None and (table is None or key.start() < table.start())
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return isinstance(data, dict) and _KEY in data


def is_model_file(path: str | os.PathLike[str], *, limits: Limits = DEFAULT_LIMITS) -> bool:
    """Whether a file found in a folder is a model file: by its name, or by its top level.

    A file larger than ``limits.max_bytes``, or one that cannot be read, is not (unless
    its name says it is: then loading reports what is wrong with it).

    Example:
        >>> is_model_file("plan.estrategy.yaml"), is_model_file("notes.txt")
        (True, False)
    """
    name = os.path.basename(path).lower()
    stem, suffix = os.path.splitext(name)
    fmt = FORMATS.get(suffix)
    if fmt is None:
        return False
    if stem.endswith(MODEL_SUFFIX):
        return True
    if fmt not in _SNIFFED:  # a workbook is a model by its name only
        return False
    try:
        if os.path.getsize(path) > limits.max_bytes:
            return False
        with open(path, "rb") as stream:
            text = stream.read(limits.max_bytes).decode("utf-8", errors="replace")
    except OSError:
        return False
    return _top_level_key(text, fmt)


def _excluded(name: str, relative: str, patterns: tuple[str, ...]) -> bool:
    return any(
        fnmatch.fnmatchcase(name, pattern) or fnmatch.fnmatchcase(relative, pattern)
        for pattern in patterns
    )


def _walk(folder: Path, excludes: tuple[str, ...], limits: Limits) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        base = Path(root)
        relative = base.relative_to(folder)
        dirs[:] = sorted(d for d in dirs if not _excluded(d, (relative / d).as_posix(), excludes))
        for name in sorted(files):
            if _excluded(name, (relative / name).as_posix(), excludes):
                continue
            path = base / name
            if is_model_file(path, limits=limits):
                yield path


def find_model_files(
    paths: Iterable[str | os.PathLike[str]],
    *,
    exclude: Iterable[str] = (),
    default_excludes: bool = True,
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[Path, ...]:
    """The model files among ``paths``, each once, sorted by path.

    Args:
        paths: files and folders. A file is kept as named (even if it does not exist:
            loading then says so); a folder is searched recursively.
        exclude: glob patterns of files and folders to skip in folders, matched against
            the name and against the path relative to the folder searched
            (``drafts``, ``*.old.yaml``, ``clients/*/archive``).
        default_excludes: skip :data:`DEFAULT_EXCLUDES` too.
        limits: files larger than ``limits.max_bytes`` are not sniffed for ``schema_version``.

    Returns:
        The files, sorted by their path as text, duplicates removed.
    """
    patterns = (*(DEFAULT_EXCLUDES if default_excludes else ()), *exclude)
    found: dict[str, Path] = {}
    for given in paths:
        path = Path(given)
        candidates = _walk(path, patterns, limits) if path.is_dir() else iter((path,))
        for candidate in candidates:
            key = os.path.normcase(os.path.abspath(candidate))
            found.setdefault(key, candidate)
    return tuple(sorted(found.values(), key=lambda p: p.as_posix()))
