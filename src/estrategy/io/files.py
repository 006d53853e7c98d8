"""Loading and saving model files: YAML, JSON and TOML, with located errors."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from estrategy.io._convert import StructureFailed, describe, structure_model
from estrategy.io._data import to_data
from estrategy.io._tree import Read
from estrategy.io.atomic import write_bytes_atomic
from estrategy.io.errors import FileError, LoadError, SourceMap, file_error
from estrategy.io.limits import DEFAULT_LIMITS, Limits
from estrategy.model import SCHEMA_VERSIONS, Organization, StrategyModel

__all__ = [
    "FORMATS",
    "ModelDocument",
    "dumps",
    "from_data",
    "load",
    "load_demo",
    "load_document",
    "loads",
    "loads_document",
    "save",
    "to_data",
]

FORMATS: Mapping[str, str] = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}
"""File extension to format name."""

_TOP_KEYS = ", ".join(field.name for field in attrs.fields(StrategyModel)[:4])


@attrs.frozen
class ModelDocument:
    """A model with where it came from and where each of its parts is in the file.

    Attributes:
        model: the model.
        source: the file as given by the caller, or ``"<string>"``.
        format: ``yaml``, ``json`` or ``toml``.
        positions: where each key and list item is; ``positions.locate(path)`` gives
            the position of a model path, or of its nearest ancestor.
    """

    model: StrategyModel
    source: str
    format: str
    positions: SourceMap = attrs.field(factory=SourceMap)


def _reader(fmt: str) -> Callable[[str, str, Limits], Read]:
    if fmt == "yaml":
        from estrategy.io._yaml import read_yaml

        return read_yaml
    if fmt == "json":
        from estrategy.io._json import read_json

        return read_json
    if fmt == "toml":
        from estrategy.io._toml import read_toml

        return read_toml
    raise ValueError(f"unknown format {fmt!r}: use yaml, json or toml")


def _writer(fmt: str) -> Callable[[dict[str, Any]], str]:
    if fmt == "yaml":
        from estrategy.io._yaml import write_yaml

        return write_yaml
    if fmt == "json":
        from estrategy.io._json import write_json

        return write_json
    if fmt == "toml":
        from estrategy.io._toml import write_toml

        return write_toml
    raise ValueError(f"unknown format {fmt!r}: use yaml, json or toml")


def _format_of(path: str | os.PathLike[str], fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in ("yaml", "json", "toml"):
            raise ValueError(f"unknown format {fmt!r}: use yaml, json or toml")
        return fmt
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise LoadError(
            [
                FileError(
                    os.fspath(path),
                    None,
                    None,
                    (),
                    f"cannot tell the format from the extension {suffix or '(none)'!r}: "
                    "use .yaml, .yml, .json or .toml, or pass format=",
                )
            ]
        )
    return FORMATS[suffix]


def _one(source: str, message: str, line: int | None = 1, column: int | None = 1) -> LoadError:
    return LoadError([FileError(source, line, column, (), message)])


def _check_text(text: str, source: str) -> None:
    """Refuse binary content early, with the place of the first NUL byte."""
    nul = text.find("\x00")
    if nul >= 0:
        from estrategy.io._tree import line_column

        line, column = line_column(text, nul)
        raise _one(source, "this is a binary file, not a model file (NUL byte)", line, column)


def _read_text(path: str | os.PathLike[str], source: str, limits: Limits) -> str:
    try:
        with open(path, "rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > limits.max_bytes:
                raise _too_big(source, size, limits)
            raw = stream.read(limits.max_bytes + 1)
    except IsADirectoryError:
        raise _one(source, "this is a folder, not a model file", None, None) from None
    except FileNotFoundError:
        raise _one(source, "no such file", None, None) from None
    except OSError as exc:
        raise _one(source, f"cannot read the file: {exc.strerror or exc}", None, None) from None
    if len(raw) > limits.max_bytes:  # a file that grew, or a pipe without a size
        raise _too_big(source, len(raw), limits)
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw.count(b"\n", 0, nul) + 1
        column = nul - (raw.rfind(b"\n", 0, nul) + 1) + 1
        raise _one(source, "this is a binary file, not a model file (NUL byte)", line, column)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise _one(
            source,
            f"this is not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be decoded",
            line,
            column,
        ) from None


def _too_big(source: str, size: int, limits: Limits) -> LoadError:
    return _one(
        source,
        f"the file is {size:,} bytes, more than the limit of {limits.max_bytes:,} "
        "(Limits.max_bytes)",
        None,
        None,
    )


def _organization(
    reference: object, base_dir: Path, source: str, positions: SourceMap
) -> Organization:
    """Read the organisation named by ``organization: {from: PATH}``."""
    path = ("organization", "from")
    if not isinstance(reference, str) or not reference:
        raise LoadError(
            [file_error(source, positions, path, f"expected a path, got {describe(reference)}")]
        )
    target = base_dir / reference
    try:
        if target.suffix.lower() == ".graphml":
            from estrategy.io.graphml import read_graphml  # type: ignore[import-not-found,unused-ignore]

            organization = read_graphml(target)
        elif target.is_dir():
            from estrategy.io.orgcsv import read_organization

            organization = read_organization(target)
        else:
            message = (
                f"{reference!r} is not a folder of CSV files or a .graphml file"
                if target.exists()
                else f"{reference!r} not found (looked for {target})"
            )
            raise LoadError([file_error(source, positions, path, message)])
    except OSError as exc:
        message = f"cannot read {reference!r}: {exc.strerror or exc}"
        raise LoadError([file_error(source, positions, path, message)]) from None
    result: Organization = attrs.evolve(organization, source=reference)
    return result


def _build(data: object, source: str, positions: SourceMap, base_dir: Path | None) -> StrategyModel:
    """Check the top level, resolve an external organisation, then structure."""
    if not isinstance(data, Mapping):
        raise LoadError(
            [
                file_error(
                    source,
                    positions,
                    (),
                    f"the top level must be a mapping of keys ({_TOP_KEYS}, …), "
                    f"got {describe(data)}",
                )
            ]
        )
    readable = ", ".join(str(version) for version in SCHEMA_VERSIONS)
    if "schema_version" not in data:
        raise LoadError(
            [
                file_error(
                    source,
                    positions,
                    (),
                    f"schema_version is missing: start the file with `schema_version: "
                    f"{SCHEMA_VERSIONS[-1]}` (this release reads version {readable})",
                )
            ]
        )
    version = data["schema_version"]
    if (
        isinstance(version, int)
        and not isinstance(version, bool)
        and version not in SCHEMA_VERSIONS
    ):
        newer = " (written by a newer estrategy?)" if version > max(SCHEMA_VERSIONS) else ""
        raise LoadError(
            [
                file_error(
                    source,
                    positions,
                    ("schema_version",),
                    f"schema_version {version} is not supported{newer}; "
                    f"this release reads version {readable}",
                )
            ]
        )
    organization = data.get("organization")
    if isinstance(organization, Mapping) and "from" in organization:
        errors = [
            file_error(
                source,
                positions,
                ("organization", key),
                f"unknown key {key!r}: an organisation read with 'from' takes no other key",
            )
            for key in organization
            if key != "from"
        ]
        if errors:
            raise LoadError(errors)
        folder = base_dir if base_dir is not None else Path.cwd()
        data = {
            **data,
            "organization": _organization(organization["from"], folder, source, positions),
        }
    try:
        return structure_model(data)
    except StructureFailed as failed:
        errors = [file_error(source, positions, path, message) for path, message in failed.problems]
        raise LoadError(sorted(errors, key=_file_order)) from None


def _file_order(error: FileError) -> tuple[bool, int, int]:
    return (error.line is None, error.line or 0, error.column or 0)


def _document(
    text: str, fmt: str, source: str, base_dir: Path | None, limits: Limits
) -> ModelDocument:
    if len(text) > limits.max_bytes:
        raise _too_big(source, len(text), limits)
    _check_text(text, source)
    try:
        read = _reader(fmt)(text.removeprefix("\ufeff"), source, limits)
    except RecursionError:
        raise _one(
            source,
            f"nesting deeper than Python can follow (Limits.max_depth is {limits.max_depth})",
            None,
            None,
        ) from None
    except MemoryError:
        raise _one(
            source, "the file needs more memory than is available to read it", None, None
        ) from None
    positions = SourceMap(read.entries)
    model = _build(read.data, source, positions, base_dir)
    return ModelDocument(model=model, source=source, format=fmt, positions=positions)


def loads_document(
    text: str,
    format: str = "yaml",
    *,
    source: str = "<string>",
    base_dir: str | os.PathLike[str] | None = None,
    limits: Limits | None = None,
) -> ModelDocument:
    """Read a model from text, keeping the position of every key and list item.

    Args:
        text: the content of a model file.
        format: ``yaml``, ``json`` or ``toml``.
        source: the name errors give the text.
        base_dir: the folder ``organization: {from: PATH}`` is relative to (default:
            the current folder).
        limits: size, depth and node bounds (default :data:`DEFAULT_LIMITS`).

    Returns:
        The model, its source, format and positions.

    Raises:
        LoadError: with every problem of the text, each located.
    """
    fmt = _format_of("", format)
    folder = Path(base_dir) if base_dir is not None else None
    return _document(text, fmt, source, folder, limits or DEFAULT_LIMITS)


def loads(
    text: str,
    format: str = "yaml",
    *,
    source: str = "<string>",
    base_dir: str | os.PathLike[str] | None = None,
    limits: Limits | None = None,
) -> StrategyModel:
    r"""Read a model from text (see :func:`loads_document`).

    Example:
        >>> model = loads("schema_version: 1\nname: Demo\ntactics:\n  - {id: t-blog}\n")
        >>> model.tactics[0].id
        't-blog'
    """
    return loads_document(text, format, source=source, base_dir=base_dir, limits=limits).model


def load_document(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    limits: Limits | None = None,
) -> ModelDocument:
    """Read a model file, keeping the position of every key and list item.

    Args:
        path: a ``.yaml``/``.yml``, ``.json`` or ``.toml`` file.
        format: the format, when the extension does not tell it.
        limits: size, depth and node bounds (default :data:`DEFAULT_LIMITS`); the size
            is checked before the file is read.

    Returns:
        The model, the path as given, the format and the positions.

    Raises:
        LoadError: with every problem of the file, each with line, column and path.
    """
    source = os.fspath(path)
    fmt = _format_of(path, format)
    limits = limits or DEFAULT_LIMITS
    text = _read_text(path, source, limits)
    return _document(text, fmt, source, Path(path).parent, limits)


def load(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    limits: Limits | None = None,
) -> StrategyModel:
    """Read a model file (see :func:`load_document`).

    Example:
        >>> model = load("tests/fixtures/lefevre.yaml")  # doctest: +SKIP
        >>> model.name  # doctest: +SKIP
        'Lefèvre digital plan 2027'
    """
    return load_document(path, format=format, limits=limits).model


@functools.cache  # the model is immutable: parse the package's file once
def load_demo() -> StrategyModel:
    """The demo model embedded in the package (``estrategy/data/demo.yaml``)."""
    text = resources.files("estrategy.data").joinpath("demo.yaml").read_text(encoding="utf-8")
    return loads(text, "yaml", source="estrategy/data/demo.yaml")


def from_data(data: Mapping[str, Any], *, source: str = "<data>") -> StrategyModel:
    """Build a model from plain Python data, validated as strictly as a file.

    Args:
        data: dicts, lists and scalars as :func:`to_data` produces them (dates may be
            ``datetime.date`` or ISO text; money ``Decimal``, ``int`` or ``float``).
        source: the name errors give the data.

    Raises:
        LoadError: with every problem, each with its model path (no line numbers).
    """
    return _build(data, source, SourceMap(), None)


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
    return _writer(fmt)(to_data(model))


def save(
    model: StrategyModel,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
) -> None:
    """Write a model file atomically: all of it, or nothing.

    The text is built first, then written to a temporary file in the same folder,
    flushed to disk and renamed over ``path``; an existing file keeps its permissions.

    Raises:
        LoadError: when the extension names no known format.
        OSError: when the folder cannot be written.
    """
    fmt = _format_of(path, format)
    data = dumps(model, fmt).encode("utf-8")  # built first: nothing is written if this fails
    write_bytes_atomic(path, data)
