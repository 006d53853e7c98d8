"""The example row of each sheet of the starter workbook, which reading skips (private).

A row is skipped only while it is exactly the example: once edited, it is read like any
other row (and its references to the other examples must then resolve).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from typing import Any

import attrs

from estrategy.io._layout import layout
from estrategy.io._tabular import table_rows

__all__ = ["STARTER_ABOUT", "examples"]

STARTER_ABOUT: Mapping[str, Any] = {
    "schema_version": 1,
    "name": "My digital plan",
    "currency": "EUR",
    "organization.name": "My company",
    "organization.size": "small",
}
"""The About values of the starter workbook, by key."""

EXAMPLES_SOURCE = "estrategy/data/workbook-examples.yaml"
"""The packaged model file that holds one example of each table (the name errors give it)."""


@functools.cache  # immutable records, read once
def examples() -> dict[str, tuple[str | None, Any]]:
    """The example of each table: the id of the row it belongs to (child tables), and it.

    The examples are the first rows of a packaged model file, read like any other, so an
    example always builds and its references resolve. A row's own child rows are not
    part of it (the KPI's example has no measurement: the measurements sheet has one).
    """
    from estrategy.io.files import loads_document

    text = resources.files("estrategy.data").joinpath("workbook-examples.yaml")
    model = loads_document(text.read_text("utf-8"), "yaml", source=EXAMPLES_SOURCE).model
    tables = layout().tables
    found: dict[str, tuple[str | None, Any]] = {}
    for table in tables:
        children = {t.path[-1]: () for t in tables if t.parent == table.name}
        for owner, _, record in table_rows(model, table)[:1]:
            found[table.name] = (owner, attrs.evolve(record, **children))
    return found
