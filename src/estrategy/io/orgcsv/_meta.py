"""The folder's ``organization.toml``: the organisation's name and size."""

from __future__ import annotations

import tomllib
from pathlib import Path

from estrategy.io.orgcsv._errors import _Errors
from estrategy.model import OrganizationSize


def _read_meta(folder: Path, errors: _Errors) -> tuple[str, OrganizationSize]:
    path = folder / "organization.toml"
    if not path.exists():
        return folder.name, OrganizationSize.SMALL
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        errors.add("organization.toml", None, None, (), f"not valid TOML: {exc}")
        return folder.name, OrganizationSize.SMALL
    for key in data:
        if key not in ("name", "size"):
            errors.add(
                "organization.toml",
                None,
                None,
                ("organization", key),
                "unknown key; known: name, size",
            )
    name = data.get("name", folder.name)
    if not isinstance(name, str):
        errors.add("organization.toml", None, None, ("organization", "name"), "must be a string")
        name = folder.name
    try:
        size = OrganizationSize(data.get("size", "small"))
    except ValueError:
        known = ", ".join(s.value for s in OrganizationSize)
        errors.add(
            "organization.toml",
            None,
            None,
            ("organization", "size"),
            f"unknown size {data.get('size')!r}; known: {known}",
        )
        size = OrganizationSize.SMALL
    return name, size
