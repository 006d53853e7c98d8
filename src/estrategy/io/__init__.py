r"""Model files: load and save YAML, JSON and TOML, with every error located.

    >>> from estrategy import io
    >>> model = io.loads("schema_version: 1\nname: Demo\n")
    >>> io.dumps(model)
    'schema_version: 1\nname: Demo\n'

Loading is strict (unknown keys, wrong types and broken references are errors, each
with ``file:line:col`` and a model path), safe (no code runs, no object is built from a
tag) and bounded (:class:`Limits`). See ``docs/file-format.md``.

An organisation alone, from a model file, a CSV folder or a GraphML file, is read by
:func:`load_organization` and its graph written by :func:`export_organization`.
"""

from __future__ import annotations

from estrategy.io import files
from estrategy.io.errors import FileError, LoadError, Position, SourceMap
from estrategy.io.files import *  # noqa: F403  (its __all__ is part of ours)
from estrategy.io.limits import DEFAULT_LIMITS, Limits
from estrategy.io.organization import (
    OrganizationSourceError,
    export_organization,
    load_organization,
)
from estrategy.io.schema import json_schema

__all__ = [
    "DEFAULT_LIMITS",
    "FileError",
    "Limits",
    "LoadError",
    "OrganizationSourceError",
    "Position",
    "SourceMap",
    "export_organization",
    "json_schema",
    "load_organization",
]
__all__ += files.__all__
