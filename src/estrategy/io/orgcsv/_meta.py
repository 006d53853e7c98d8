"""The folder's ``organization.toml``: the organisation's name and size."""

from __future__ import annotations

from pathlib import Path

import attrs

from estrategy.io.errors import LoadError
from estrategy.io.orgcsv._errors import _Errors
from estrategy.io.toml import read_toml_file, structure
from estrategy.model import OrganizationSize


@attrs.frozen
class _MetaFile:
    """The shape of ``organization.toml``."""

    name: str | None = None
    size: OrganizationSize = OrganizationSize.SMALL


def _read_meta(folder: Path, errors: _Errors) -> tuple[str, OrganizationSize]:
    path = folder / "organization.toml"
    if not path.exists():
        return folder.name, OrganizationSize.SMALL
    try:
        meta = structure(read_toml_file(path), _MetaFile)
    except LoadError as error:
        errors.extend(error.errors)
        return folder.name, OrganizationSize.SMALL
    return meta.name if meta.name is not None else folder.name, meta.size
