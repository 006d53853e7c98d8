"""One entry point for an organisation, whatever holds it, and one for writing its graph.

:func:`load_organization` reads a model file, a folder of CSV files (an HR export, with
an optional column mapping) or a GraphML file into the compact arrays every analysis
runs on; :func:`export_organization` writes them as GraphML, GEXF or Gephi's CSV folder,
chosen by the target's suffix. Readers and their heavy dependencies (numpy, networkx,
pyarrow) are imported only when a source of their kind is read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from estrategy.io.errors import FileError, LoadError

if TYPE_CHECKING:
    from estrategy.io.orgcsv import ColumnMapping
    from estrategy.model import Organization
    from estrategy.model.tables import OrgTables

__all__ = [
    "GRAPH_SUFFIXES",
    "OrganizationSourceError",
    "check_export_target",
    "export_organization",
    "load_organization",
    "resolve_mapping",
]

GRAPH_SUFFIXES: Mapping[str, str] = {".graphml": "GraphML", ".gexf": "GEXF"}
"""Graph file suffixes :func:`export_organization` writes; any other target is a folder."""


class OrganizationSourceError(LoadError):
    """An organisation source, mapping or export target that cannot be used.

    ``str(error)`` is the message alone; :attr:`errors` holds it with the source named.

    Example:
        >>> print(OrganizationSourceError("hr", "a mapping applies to CSV folders only"))
        a mapping applies to CSV folders only
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__([FileError(source, None, None, (), message)])
        self.source = source
        self.message = message
        # The whole message is one sentence already: no "1 problem in ..." header.
        self.args = (message,)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[OrganizationSourceError], tuple[str, str]]:  # type: ignore[override]
        return (type(self), (self.source, self.message))


def resolve_mapping(mapping: str | Path | ColumnMapping) -> ColumnMapping:
    """The column mapping a preset name, a mapping file or a mapping object stands for.

    Args:
        mapping: a preset name (see :data:`estrategy.io.orgcsv.PRESETS`), the path of a
            TOML mapping file, or a :class:`~estrategy.io.orgcsv.ColumnMapping`.

    Returns:
        The mapping.

    Raises:
        OrganizationSourceError: ``mapping`` is neither a preset nor an existing file.
        LoadError: the mapping file is malformed.

    Example:
        >>> resolve_mapping("chart").name
        'chart'
    """
    from estrategy.io.orgcsv import PRESETS, ColumnMapping, read_mapping

    if isinstance(mapping, ColumnMapping):
        return mapping
    if isinstance(mapping, str) and mapping in PRESETS:
        return PRESETS[mapping]
    if Path(mapping).is_file():
        return read_mapping(Path(mapping))
    raise OrganizationSourceError(
        str(mapping),
        f"--mapping {str(mapping)!r} is neither a preset ({', '.join(PRESETS)}) nor a TOML file",
    )


def load_organization(
    source: str | Path | None,
    *,
    mapping: str | Path | ColumnMapping | None = None,
    attributes: bool = False,
    allow_outside: bool = False,
    as_of: dt.date | None = None,
) -> OrgTables:
    """Read the organisation of ``source`` into compact arrays.

    ``source`` is a folder of CSV or Parquet files (an HR export), a GraphML file
    (``.graphml``) or a model file (YAML, JSON, TOML); ``None`` stands for the embedded
    demo model.

    Args:
        source: where the organisation is.
        mapping: the column mapping of a CSV folder: a preset name, a TOML mapping file,
            or a :class:`~estrategy.io.orgcsv.ColumnMapping`.
        attributes: keep the extra columns of a CSV folder (for a graph export).
        allow_outside: let a model's ``organization: {from: PATH}``, or a folder's files
            (symlinks, a mapping's file names), read outside their folder.
        as_of: the last date read of a dated export (a weekly person query: each
            person's latest row up to it).

    Returns:
        The organisation as :class:`~estrategy.model.tables.OrgTables`.

    Raises:
        OrganizationSourceError: a mapping given for a source other than a CSV folder, or
            a mapping that is neither a preset nor a file.
        LoadError: the source is malformed (every problem, located).
        OSError: the source cannot be read.

    Example:
        >>> load_organization(None).n_people > 0
        True
    """
    from estrategy.model.tables import as_tables

    path = None if source is None else Path(source)
    if path is not None and path.is_dir():
        from estrategy.io.orgcsv import read_tables

        column_mapping = None if mapping is None else resolve_mapping(mapping)
        return read_tables(
            path,
            mapping=column_mapping,
            attributes=attributes,
            as_of=as_of,
            allow_outside=allow_outside,
        )
    if mapping is not None:
        raise OrganizationSourceError(
            "<demo>" if path is None else str(path),
            "--mapping applies to a folder of CSV files only",
        )
    if path is not None and path.suffix.lower() == ".graphml":
        from estrategy.io.graphml import read_graphml_tables

        return read_graphml_tables(path)
    return as_tables(_model_organization(path, allow_outside))


def _model_organization(path: Path | None, allow_outside: bool) -> Organization:
    from estrategy.io.files import load, load_demo

    model = load_demo() if path is None else load(path, allow_outside=allow_outside)
    return model.organization


def check_export_target(target: str | Path) -> None:
    """Refuse an export target :func:`export_organization` cannot write, before any work.

    Args:
        target: a ``.graphml`` or ``.gexf`` file, or a folder (a name without suffix).

    Raises:
        OrganizationSourceError: ``target`` has another suffix.

    Example:
        >>> check_export_target("graph.gexf")
        >>> try:
        ...     check_export_target("graph.txt")
        ... except OrganizationSourceError as error:
        ...     print(error)
        --export graph.txt: expected a .graphml or .gexf file, or a folder
    """
    suffix = Path(target).suffix.lower()
    if suffix and suffix not in GRAPH_SUFFIXES:
        raise OrganizationSourceError(
            str(target), f"--export {target}: expected a .graphml or .gexf file, or a folder"
        )


def export_organization(
    organization: OrgTables | Organization, target: str | Path, *, names: bool = False
) -> None:
    """Write the organisation graph to ``target``, in the format its suffix names.

    ``.graphml`` writes GraphML, ``.gexf`` GEXF; any other target is a folder that
    receives Gephi's ``nodes.csv`` and ``edges.csv``. People's names are personal data:
    they are left out unless asked for (ids stay, pseudonymised if the organisation was).

    Args:
        organization: the organisation, as a model object or compact arrays.
        target: the file or folder to write.
        names: write people's names too.

    Raises:
        ExportError: a text XML cannot carry (GraphML, GEXF); nothing is written.
    """
    from estrategy.io.graphml import write_gephi_csv, write_gexf, write_graphml

    writers = {".graphml": write_graphml, ".gexf": write_gexf}
    path = Path(target)
    writers.get(path.suffix.lower(), write_gephi_csv)(organization, path, names=names)
