"""Read a CSV folder: the engine chosen, then arrays or the model's organisation."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path
from typing import Literal

from estrategy.io.errors import FileError, LoadError
from estrategy.io.limits import DEFAULT_LIMITS, Limits
from estrategy.io.orgcsv._arrow import _arrow_available, _Fallback, _read_arrow
from estrategy.io.orgcsv._convert import tables_to_organization
from estrategy.io.orgcsv._errors import Broken, _Errors
from estrategy.io.orgcsv._files import Place
from estrategy.io.orgcsv._mapping import ColumnMapping
from estrategy.io.orgcsv._python import _read
from estrategy.model import Organization
from estrategy.model.tables import OrgTables


def read_tables(
    folder: Path,
    *,
    mapping: ColumnMapping | None = None,
    attributes: bool = True,
    engine: Literal["auto", "arrow", "python"] = "auto",
    as_of: dt.date | None = None,
    allow_outside: bool = False,
    limits: Limits | None = None,
) -> OrgTables:
    """Read a CSV folder into compact arrays, streaming.

    Each file may also be a Parquet file of the same stem (``people.parquet``), read
    with the same checks.

    Args:
        folder: the folder holding ``people.csv`` and the other files.
        mapping: how the export's columns map to ours (see :data:`PRESETS`).
        attributes: keep the columns the format does not know (set to ``False`` to save
            memory when only the analyses are wanted).
        engine: ``"python"`` reads with the csv module, in chunks; ``"arrow"`` with
            pyarrow's multi-threaded parser (several times faster); a folder the Arrow
            engine cannot vouch for (any error, any oddity) is read again by the Python
            engine, which reports the errors. ``"auto"`` uses Arrow when pyarrow is
            installed.
        as_of: with a mapping that names a date column (a weekly person query), the
            last date read: each person's latest row up to it, and tie rows up to it.
        allow_outside: read files that resolve outside the folder (symlinks, mapping
            names leading out of it); refused by default.
        limits: size and column bounds (default :data:`~estrategy.io.DEFAULT_LIMITS`).

    Returns:
        The organisation as :class:`~estrategy.model.tables.OrgTables`.

    Raises:
        LoadError: every problem of the folder, each with its file, line and column.
        OSError: the folder or a file cannot be read.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise LoadError([FileError(str(folder), None, None, (), "not a folder")])
    if engine not in ("auto", "arrow", "python"):
        raise ValueError(f"engine must be 'auto', 'arrow' or 'python', got {engine!r}")
    place = Place(folder, limits or DEFAULT_LIMITS, allow_outside)
    if engine == "arrow" or (engine == "auto" and _arrow_available()):
        try:
            return _read_arrow(place, mapping, attributes, as_of)
        except _Fallback:
            pass
    errors = _Errors(folder)
    stack: list[object] = []
    # Millions of short-lived lists make the cyclic collector rescan the heap again and
    # again (a quarter of the time at a million people); nothing read here forms cycles.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _read(place, mapping, attributes, errors, stack, as_of)
    except Broken:
        errors.raise_if_any()
        raise AssertionError("unreachable: a broken file is reported") from None
    finally:
        if collecting:
            gc.enable()
        for handle in stack:
            handle.close()  # type: ignore[attr-defined]


def read_organization(
    folder: Path,
    *,
    mapping: ColumnMapping | None = None,
    as_of: dt.date | None = None,
    allow_outside: bool = False,
) -> Organization:
    r"""Read a CSV folder as the model's :class:`~estrategy.model.Organization`.

    For the analyses of a large export, prefer :func:`read_tables`, which never builds
    one object per person.

    Args:
        folder: the folder holding ``people.csv`` and the other files.
        mapping: how the export's columns map to ours (see :data:`PRESETS`).
        as_of: the last date read of a dated export (see :func:`read_tables`).
        allow_outside: read files that resolve outside the folder.

    Returns:
        The organisation.

    Raises:
        LoadError: every problem of the folder, each with its file, line and column.

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "people.csv").write_text("id,manager\nboss,\nann,boss\n")
        >>> [p.manager for p in read_organization(folder).people]
        [None, 'boss']
    """
    tables = read_tables(Path(folder), mapping=mapping, as_of=as_of, allow_outside=allow_outside)
    return tables_to_organization(tables)
