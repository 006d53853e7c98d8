"""Read an organisation from a folder of CSV files (the shape of an HR export).

The folder holds ``units.csv`` (``id,name,parent``), ``people.csv``
(``id,name,unit,manager,roles,skills,external,supervisor,decision_maker``), and optionally
``groups.csv`` (``id,name,kind,objective,deadline``), ``memberships.csv``
(``group,person``), ``ties.csv`` (``source,target,kind,weight``) and
``organization.toml`` (``name``, ``size``). Only the id columns (and both columns of
``memberships.csv`` and ``ties.csv``) are required; an empty cell means none, lists are
separated by ``;``, booleans are ``true`` or ``false``. Columns the format does not know
are kept as attributes of the graph nodes.

Files are read in chunks straight into integer-coded numpy arrays
(:class:`~estrategy.model.tables.OrgTables`): a ten-million-row ``ties.csv`` is never held as
Python objects per cell. Every problem of the folder is reported together, as a
:class:`~estrategy.io.errors.LoadError` naming the file, line and column.

A *column mapping* renames the columns of an export to ours (a TOML table
``{our_name = "their_name"}``, or a preset: see :data:`PRESETS`). With a mapping, a
people file may come alone: its unit column (and a parent column, such as a SCIM
``division`` above a ``department``) then creates the units.
"""

from estrategy.io.orgcsv._convert import tables_to_organization
from estrategy.io.orgcsv._mapping import (
    COLUMNS,
    PRESETS,
    REQUIRED_COLUMNS,
    ColumnMapping,
    read_mapping,
)
from estrategy.io.orgcsv._read import read_organization, read_tables
from estrategy.io.orgcsv._write import write_folder

__all__ = [
    "COLUMNS",
    "PRESETS",
    "REQUIRED_COLUMNS",
    "ColumnMapping",
    "read_mapping",
    "read_organization",
    "read_tables",
    "tables_to_organization",
    "write_folder",
]
