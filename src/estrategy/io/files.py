"""Loading and saving model files: YAML, JSON, TOML and Excel workbooks, with located errors."""

from __future__ import annotations

import functools
import importlib
import os
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from estrategy.base.messages import Message, tr
from estrategy.io._build import build_model
from estrategy.io._data import to_data
from estrategy.io._source import check_text, one_error, read_bytes, read_text, too_big
from estrategy.io._tree import Read
from estrategy.io.atomic import write_bytes_atomic
from estrategy.io.errors import FileError, LoadError, SourceMap
from estrategy.io.limits import DEFAULT_LIMITS, Limits
from estrategy.model import StrategyModel

__all__ = [
    "DEMO_SOURCE",
    "FORMATS",
    "ModelDocument",
    "dumps",
    "from_data",
    "load",
    "load_demo",
    "load_demo_document",
    "load_document",
    "loads",
    "loads_document",
    "save",
    "to_data",
]

FORMATS: Mapping[str, str] = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".toml": "toml",
    ".xlsx": "xlsx",
}
"""File extension to format name."""

# Extensions people try that are refused with a reason rather than "unknown extension".
_REFUSED: Mapping[str, Message] = {
    ".xlsm": tr("a workbook with macros is refused (macros are never run): save it as .xlsx"),
    ".xltm": tr("a workbook with macros is refused (macros are never run): save it as .xlsx"),
    ".xlam": tr("an add-in with macros is refused (macros are never run): save it as .xlsx"),
    ".xls": tr("old .xls workbooks are not read: save it as .xlsx"),
    ".ods": tr("OpenDocument spreadsheets are not read: save it as .xlsx"),
}


def _lazy(module: str, name: str) -> Callable[..., Any]:
    """``module.name``, imported when first called (readers and writers are heavy)."""

    def call(*args: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args)

    return call


@attrs.frozen
class _Format:
    """How one format is read and written.

    A text format reads ``(text, source, limits)`` into a :class:`Read` and writes plain
    data (:func:`to_data`) as text; a binary one (a workbook) reads ``(bytes, source,
    base_dir, limits, allow_outside)`` into a model and its positions, and writes the
    model as bytes.
    """

    read: Callable[..., Any]
    write: Callable[..., Any]
    binary: bool = False


@attrs.frozen
class ModelDocument:
    """A model with where it came from and where each of its parts is in the file.

    Attributes:
        model: the model.
        source: the file as given by the caller, or ``"<string>"``.
        format: ``yaml``, ``json``, ``toml`` or ``xlsx``.
        positions: where each key and list item is (in a workbook, each value's cell);
            ``positions.locate(path)`` gives the position of a model path, or of its
            nearest ancestor.
    """

    model: StrategyModel
    source: str
    format: str
    positions: SourceMap = attrs.field(factory=SourceMap)


def _read_toml_model(text: str, source: str, limits: Limits) -> Read:
    from estrategy.io.toml import read_toml

    read = read_toml(text, source, limits)
    if not read.data:
        raise one_error(source, tr("the file is empty: a model needs at least schema_version"))
    return read


_CODECS: Mapping[str, _Format] = {
    "yaml": _Format(
        _lazy("estrategy.io._yaml", "read_yaml"), _lazy("estrategy.io._yaml", "write_yaml")
    ),
    "json": _Format(
        _lazy("estrategy.io._json", "read_json"), _lazy("estrategy.io._json", "write_json")
    ),
    "toml": _Format(_read_toml_model, _lazy("estrategy.io.toml", "write_toml")),
    "xlsx": _Format(
        _lazy("estrategy.io._xlsx_read", "load_xlsx"),
        _lazy("estrategy.io._xlsx_write", "workbook_bytes"),
        binary=True,
    ),
}
"""Every format, by name: the one table that reading and writing dispatch through."""

_NAMES = ", ".join(_CODECS)


def _text_format(fmt: str) -> _Format:
    codec = _CODECS[fmt]
    if codec.binary:
        raise ValueError(f"{fmt} is not a text format: use load() and save() with a file")
    return codec


def _format_of(path: str | os.PathLike[str], fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in _CODECS:
            raise ValueError(f"unknown format {fmt!r}: use {_NAMES}")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(FORMATS)
        message = _REFUSED.get(suffix) or tr(
            "cannot tell the format from the extension {suffix}: use {known}, or pass format=",
            suffix=repr(suffix or "(none)"),
            known=known,
        )
        raise LoadError([FileError(os.fspath(path), None, None, (), message)])
    return FORMATS[suffix]


def _document(
    text: str,
    fmt: str,
    source: str,
    base_dir: Path | None,
    limits: Limits,
    allow_outside: bool = False,
) -> ModelDocument:
    if len(text) > limits.max_bytes:
        raise too_big(source, len(text), limits)
    check_text(text, source)
    try:
        read = _text_format(fmt).read(text.removeprefix("\ufeff"), source, limits)
    except RecursionError:
        raise one_error(
            source,
            f"nesting deeper than Python can follow (Limits.max_depth is {limits.max_depth})",
            None,
            None,
        ) from None
    except MemoryError:
        raise one_error(
            source, "the file needs more memory than is available to read it", None, None
        ) from None
    positions = SourceMap(read.entries)
    model = build_model(read.data, source, positions, base_dir, allow_outside=allow_outside)
    return ModelDocument(model=model, source=source, format=fmt, positions=positions)


def loads_document(
    text: str,
    format: str = "yaml",
    *,
    source: str = "<string>",
    base_dir: str | os.PathLike[str] | None = None,
    limits: Limits | None = None,
    allow_outside: bool = False,
) -> ModelDocument:
    """Read a model from text, keeping the position of every key and list item.

    Args:
        text: the content of a model file.
        format: ``yaml``, ``json`` or ``toml``.
        source: the name errors give the text.
        base_dir: the folder ``organization: {from: PATH}`` is relative to (default:
            the current folder).
        limits: size, depth and node bounds (default :data:`DEFAULT_LIMITS`).
        allow_outside: let ``organization: {from: PATH}`` read outside ``base_dir``
            (by default the path, symlinks resolved, must lie inside it).

    Returns:
        The model, its source, format and positions.

    Raises:
        LoadError: with every problem of the text, each located.
    """
    fmt = _format_of("", format)
    folder = Path(base_dir) if base_dir is not None else None
    return _document(text, fmt, source, folder, limits or DEFAULT_LIMITS, allow_outside)


def loads(
    text: str,
    format: str = "yaml",
    *,
    source: str = "<string>",
    base_dir: str | os.PathLike[str] | None = None,
    limits: Limits | None = None,
    allow_outside: bool = False,
) -> StrategyModel:
    r"""Read a model from text (see :func:`loads_document`).

    Example:
        >>> model = loads("schema_version: 1\nname: Demo\ntactics:\n  - {id: t-blog}\n")
        >>> model.tactics[0].id
        't-blog'
    """
    return loads_document(
        text,
        format,
        source=source,
        base_dir=base_dir,
        limits=limits,
        allow_outside=allow_outside,
    ).model


def load_document(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    limits: Limits | None = None,
    allow_outside: bool = False,
) -> ModelDocument:
    """Read a model file, keeping the position of every key and list item.

    Args:
        path: a ``.yaml``/``.yml``, ``.json``, ``.toml`` or ``.xlsx`` file (a workbook
            needs the ``[excel]`` extra).
        format: the format, when the extension does not tell it.
        limits: size, depth and node bounds (default :data:`DEFAULT_LIMITS`); the size
            is checked before the file is read.
        allow_outside: let ``organization: {from: PATH}`` read outside the model's
            folder (by default the path, symlinks resolved, must lie inside it).

    Returns:
        The model, the path as given, the format and the positions.

    Raises:
        LoadError: with every problem of the file, each with line and column (sheet and
            cell in a workbook) and path.
        MissingExtraError: a workbook, without the ``[excel]`` extra.
    """
    source = os.fspath(path)
    fmt = _format_of(path, format)
    limits = limits or DEFAULT_LIMITS
    codec = _CODECS[fmt]
    if codec.binary:
        raw = read_bytes(path, source, limits)
        model, positions = codec.read(raw, source, Path(path).parent, limits, allow_outside)
        return ModelDocument(model=model, source=source, format=fmt, positions=positions)
    text = read_text(path, source, limits)
    return _document(text, fmt, source, Path(path).parent, limits, allow_outside)


def load(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    limits: Limits | None = None,
    allow_outside: bool = False,
) -> StrategyModel:
    """Read a model file (see :func:`load_document`).

    Example:
        >>> from importlib import resources
        >>> model = load(resources.files("estrategy.data") / "demo.yaml")
        >>> model.organization.name
        'Brasserie Kerlann'
    """
    return load_document(path, format=format, limits=limits, allow_outside=allow_outside).model


DEMO_SOURCE = "estrategy/data/demo.yaml"
"""The name findings and errors give the embedded demo model."""


@functools.cache  # the document is immutable: parse the package's file once
def load_demo_document() -> ModelDocument:
    """The demo model embedded in the package, with its source map.

    Its ``source`` is ``estrategy/data/demo.yaml``, the file's path inside the package,
    so findings on the demo point at a line of that file.
    """
    text = resources.files("estrategy.data").joinpath("demo.yaml").read_text(encoding="utf-8")
    return loads_document(text, "yaml", source=DEMO_SOURCE)


def load_demo() -> StrategyModel:
    """The demo model embedded in the package (``estrategy/data/demo.yaml``).

    Example:
        >>> load_demo().organization.name
        'Brasserie Kerlann'
    """
    return load_demo_document().model


def from_data(data: Mapping[str, Any], *, source: str = "<data>") -> StrategyModel:
    """Build a model from plain Python data, validated as strictly as a file.

    Args:
        data: dicts, lists and scalars as :func:`to_data` produces them (dates may be
            ``datetime.date`` or ISO text; money ``Decimal``, ``int`` or ``float``).
        source: the name errors give the data.

    Raises:
        LoadError: with every problem, each with its model path (no line numbers).
    """
    return build_model(data, source, SourceMap(), None)


def dumps(model: StrategyModel, format: str = "yaml") -> str:
    """Write a model as text: the same model always gives the same text.

    Block-style YAML (or indented JSON, or TOML), fields in model order, ``None``,
    empty and default values left out, ``schema_version`` and ``name`` always written.

    Example:
        >>> from estrategy.model import StrategyModel
        >>> print(dumps(StrategyModel(name="Demo")), end="")
        schema_version: 1
        name: Demo
    """
    fmt = _format_of("", format)
    text: str = _text_format(fmt).write(to_data(model))
    return text


def save(
    model: StrategyModel,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    through_symlink: bool = False,
) -> None:
    """Write a model file atomically: all of it, or nothing.

    The text (or a workbook's bytes) is built first, then written to a temporary file in
    the same folder, flushed to disk and renamed over ``path``; an existing file keeps its
    permissions. A device, a FIFO or (unless ``through_symlink``) a symbolic link is
    refused (:func:`estrategy.io.atomic.atomic_path`).

    Raises:
        LoadError: when the extension names no known format.
        MissingExtraError: a workbook, without the ``[excel]`` extra.
        CellTooLongError: a workbook, with a value longer than a cell holds.
        WriteError: when ``path`` is refused or cannot be written (an ``OSError``).
    """
    fmt = _format_of(path, format)
    codec = _CODECS[fmt]
    # built first: nothing is written if this fails
    data = codec.write(model) if codec.binary else dumps(model, fmt).encode("utf-8")
    write_bytes_atomic(path, data, through_symlink=through_symlink)
