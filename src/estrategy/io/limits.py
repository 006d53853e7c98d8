"""Bounds that keep a hostile or broken file from exhausting time or memory."""

from __future__ import annotations

import attrs

__all__ = ["DEFAULT_LIMITS", "Limits"]


def _positive(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{attribute.name} must be a positive integer, got {value!r}")


@attrs.frozen
class Limits:
    """How large a file may be before loading refuses it.

    Attributes:
        max_bytes: largest model, configuration, catalogue, mapping or TOML file, in
            bytes, checked before the file is read (20 MiB).
        max_depth: deepest nesting of mappings and lists (64; a model needs about 6).
        max_items: most nodes (mapping keys, list items and scalars) in one file, or
            cells of one workbook, empty ones within a row included (2,000,000).
        max_unzipped_bytes: largest total size of a workbook's parts once unzipped
            (100 MiB), checked before any part is read, so a zip bomb is refused.
        max_rows: most rows of one workbook, all sheets together, empty ones included
            (1,048,576, the rows of one Excel sheet).
        max_table_bytes: largest file of an organisation's data (a CSV or Parquet file of
            an HR export, a GraphML file), in bytes (2 GiB: ten million ties take about
            300 MB of CSV).
        max_columns: most columns of one CSV or Parquet file, and most attribute keys of a
            GraphML file (4,096; an HR export has a few hundred at most).

    Example:
        >>> Limits(max_bytes=1_000_000).max_depth
        64
    """

    max_bytes: int = attrs.field(default=20 * 1024 * 1024, validator=_positive)
    max_depth: int = attrs.field(default=64, validator=_positive)
    max_items: int = attrs.field(default=2_000_000, validator=_positive)
    max_unzipped_bytes: int = attrs.field(default=100 * 1024 * 1024, validator=_positive)
    max_rows: int = attrs.field(default=1_048_576, validator=_positive)
    max_table_bytes: int = attrs.field(default=2 * 1024**3, validator=_positive)
    max_columns: int = attrs.field(default=4_096, validator=_positive)


DEFAULT_LIMITS = Limits()
"""The limits used when none are given."""
