r"""Model files: load and save YAML, JSON, TOML and Excel workbooks, every error located.

    >>> from estrategy import io
    >>> model = io.loads("schema_version: 1\nname: Demo\n")
    >>> io.dumps(model)
    'schema_version: 1\nname: Demo\n'

Loading is strict (unknown keys, wrong types and broken references are errors, each
with ``file:line:col`` and a model path), safe (no code runs, no object is built from a
tag) and bounded (:class:`Limits`). See ``docs/file-format.md``.

Excel workbooks (``.xlsx``, the ``[excel]`` extra) are read and written by the same
:func:`load` and :func:`save`; :mod:`estrategy.io.excel` writes the starter workbook.
:func:`to_frames` and :func:`from_frames` turn a model into pandas data frames and back.

An organisation alone, from a model file, a CSV folder or a GraphML file, is read by
:func:`load_organization` and its graph written by :func:`export_organization`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estrategy.base.lazy import homes, lazy_exports

# Where each public name lives. The reading and writing code (cattrs, the YAML, JSON and
# TOML readers) is imported on first use, so that error and limit types stay light for
# the packages that only name them.
_EXPORTS: dict[str, str] = {
    **homes(
        "estrategy.io.organization",
        ("OrganizationSourceError", "export_organization", "load_organization"),
    ),
    **homes("estrategy.io.schema", ("json_schema",)),
    **homes("estrategy.io.atomic", ("WriteError",)),
    **homes("estrategy.io.frames", ("from_frames", "to_frames")),
}

if TYPE_CHECKING:  # pragma: no cover - static re-exports for type checkers
    from estrategy.io.atomic import WriteError as WriteError
    from estrategy.io.errors import *  # noqa: F403
    from estrategy.io.files import *  # noqa: F403
    from estrategy.io.frames import from_frames as from_frames
    from estrategy.io.frames import to_frames as to_frames
    from estrategy.io.limits import *  # noqa: F403
    from estrategy.io.organization import OrganizationSourceError as OrganizationSourceError
    from estrategy.io.organization import export_organization as export_organization
    from estrategy.io.organization import load_organization as load_organization
    from estrategy.io.schema import json_schema as json_schema

# Each of these modules keeps the one list of its names (its __all__); they join ours on
# first use.
__getattr__, __dir__ = lazy_exports(
    __name__,
    _EXPORTS,
    star=("estrategy.io.errors", "estrategy.io.limits", "estrategy.io.files"),
)
