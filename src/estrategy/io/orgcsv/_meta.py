"""The folder's ``organization.toml``: the organisation's name and size."""

from __future__ import annotations

import attrs

from estrategy.io.errors import LoadError
from estrategy.io.orgcsv._errors import _Errors
from estrategy.io.orgcsv._files import Place, locate
from estrategy.model import OrganizationSize


@attrs.frozen
class _MetaFile:
    """The shape of ``organization.toml``."""

    name: str | None = None
    size: OrganizationSize = OrganizationSize.SMALL


def _read_meta(place: Place, errors: _Errors) -> tuple[str, OrganizationSize]:
    folder = place.folder
    found, problem = locate(folder, ("organization.toml",), place.limits, place.allow_outside)
    if problem is not None:
        errors.add("organization.toml", None, None, (), problem)
    if found is None:
        return folder.name, OrganizationSize.SMALL
    # the TOML reader (and cattrs behind it) only for a folder that has the file
    from estrategy.io.toml import read_toml_file, structure

    try:
        meta = structure(read_toml_file(found.path, limits=place.limits), _MetaFile)
    except LoadError as error:
        errors.extend(error.errors)
        return folder.name, OrganizationSize.SMALL
    return meta.name if meta.name is not None else folder.name, meta.size
