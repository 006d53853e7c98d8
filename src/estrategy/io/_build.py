"""From plain data to a model: top-level checks, external organisations, errors (private)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import attrs

from estrategy.base.messages import tr
from estrategy.io._convert import StructureFailed, describe, structure_model
from estrategy.io._source import regular_file
from estrategy.io.errors import FileError, LoadError, SourceMap, file_error
from estrategy.model import SCHEMA_VERSIONS, Organization, StrategyModel

__all__ = ["build_model"]

_TOP_KEYS = ", ".join(field.name for field in attrs.fields(StrategyModel)[:4])


def _organization(
    reference: object, base_dir: Path, source: str, positions: SourceMap, allow_outside: bool
) -> Organization:
    """Read the organisation named by ``organization: {from: PATH}``."""
    path = ("organization", "from")
    if not isinstance(reference, str) or not reference:
        raise LoadError(
            [
                file_error(
                    source,
                    positions,
                    path,
                    tr("expected a path, got {value}", value=describe(reference)),
                )
            ]
        )
    target = base_dir / reference
    try:
        if not allow_outside and not target.resolve().is_relative_to(base_dir.resolve()):
            # a model shared by someone else must not make us read (and print) any file
            message = tr(
                "{path} is outside the model's folder; a model reads only inside its own "
                "folder (symlinks resolved) unless allowed (allow_outside=True, or "
                "--allow-outside on the command line)",
                path=repr(reference),
            )
            raise LoadError([file_error(source, positions, path, message)])
        if target.exists() and not target.is_dir() and not regular_file(target):
            message = tr("{path} is not a regular file (a pipe or a device?)", path=repr(reference))
            raise LoadError([file_error(source, positions, path, message)])
        if target.suffix.lower() == ".graphml":
            from estrategy.io.graphml import read_graphml

            organization = read_graphml(target)
        elif target.is_dir():
            from estrategy.io.orgcsv import read_organization

            organization = read_organization(target, allow_outside=allow_outside)
        else:
            if target.exists():
                message = tr(
                    "{path} is not a folder of CSV files or a .graphml file", path=repr(reference)
                )
            else:
                message = tr(
                    "{path} not found (looked for {target})",
                    path=repr(reference),
                    target=str(target),
                )
            raise LoadError([file_error(source, positions, path, message)])
    except OSError as exc:
        message = tr(
            "cannot read {path}: {reason}", path=repr(reference), reason=exc.strerror or str(exc)
        )
        raise LoadError([file_error(source, positions, path, message)]) from None
    result: Organization = attrs.evolve(organization, source=reference)
    return result


def build_model(
    data: object,
    source: str,
    positions: SourceMap,
    base_dir: Path | None,
    *,
    allow_outside: bool = False,
) -> StrategyModel:
    """Check the top level, resolve an external organisation, then structure."""
    if not isinstance(data, Mapping):
        raise LoadError(
            [
                file_error(
                    source,
                    positions,
                    (),
                    tr(
                        "the top level must be a mapping of keys ({keys}, …), got {value}",
                        keys=_TOP_KEYS,
                        value=describe(data),
                    ),
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
                    tr(
                        "schema_version is missing: start the file with `schema_version: "
                        "{latest}` (this release reads version {readable})",
                        latest=str(SCHEMA_VERSIONS[-1]),
                        readable=readable,
                    ),
                )
            ]
        )
    version = data["schema_version"]
    if (
        isinstance(version, int)
        and not isinstance(version, bool)
        and version not in SCHEMA_VERSIONS
    ):
        if version > max(SCHEMA_VERSIONS):
            message = tr(
                "schema_version {version} is not supported (written by a newer estrategy?); "
                "this release reads version {readable}",
                version=str(version),
                readable=readable,
            )
        else:
            message = tr(
                "schema_version {version} is not supported; this release reads version {readable}",
                version=str(version),
                readable=readable,
            )
        raise LoadError([file_error(source, positions, ("schema_version",), message)])
    organization = data.get("organization")
    if isinstance(organization, Mapping) and "from" in organization:
        errors = [
            file_error(
                source,
                positions,
                ("organization", key),
                tr(
                    "unknown key {key}: an organisation read with 'from' takes no other key",
                    key=repr(key),
                ),
            )
            for key in organization
            if key != "from"
        ]
        if errors:
            raise LoadError(errors)
        folder = base_dir if base_dir is not None else Path.cwd()
        data = {
            **data,
            "organization": _organization(
                organization["from"], folder, source, positions, allow_outside
            ),
        }
    try:
        return structure_model(data)
    except StructureFailed as failed:
        errors = [file_error(source, positions, path, message) for path, message in failed.problems]
        raise LoadError(sorted(errors, key=_file_order)) from None


def _file_order(error: FileError) -> tuple[bool, int, int]:
    return (error.line is None, error.line or 0, error.column or 0)
