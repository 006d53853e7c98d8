"""Hierarchical lines, span of control and depth of the hierarchy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import numpy as np
import numpy.typing as npt

from estrategy.base.display import Displayable
from estrategy.base.plain import plain_fields
from estrategy.model import Organization
from estrategy.model.tables import NONE, OrgTables, as_tables
from estrategy.org._kernels import ancestor_at_depth, pointer_depth

__all__ = [
    "HierarchicalLines",
    "HierarchyShape",
    "derived_for_lines",
    "hierarchical_lines",
    "hierarchy_shape",
]

_T = TypeVar("_T")


@attrs.frozen(eq=False)
class HierarchicalLines(Displayable):
    """The hierarchical lines of an organisation and who belongs to each.

    A *hierarchical line* is the subtree of a unit directly below a root unit; with
    several roots, each root's children head lines; a root with no children is a line of
    its own. People of a root unit that has children belong to no line, nor do people
    without a unit.

    Attributes:
        heads: the unit heading each line, in the order of the units.
        names: the name of each head unit.
        unit_line: for each unit (by code), the position of its line in ``heads``, or -1.
        person_line: for each person (by code), the position of their line, or -1.
        head_codes: the unit code of each head.
    """

    heads: tuple[str, ...]
    names: tuple[str, ...]
    unit_line: npt.NDArray[np.int64]
    person_line: npt.NDArray[np.int64]
    head_codes: npt.NDArray[np.int64]

    def __len__(self) -> int:
        return len(self.heads)

    def people_per_line(self) -> npt.NDArray[np.int64]:
        """How many people belong to each line."""
        placed = self.person_line[self.person_line >= 0]
        return np.bincount(placed, minlength=len(self.heads)).astype(np.int64)

    def _rows(self) -> list[dict[str, Any]]:
        return list(self.to_dict()["lines"])

    def to_dict(self) -> dict[str, Any]:
        """The lines as plain data: head, name, and how many units and people each has."""
        units = np.bincount(self.unit_line[self.unit_line >= 0], minlength=len(self.heads))
        people = self.people_per_line()
        return {
            "lines": [
                {"head": h, "name": n, "units": int(u), "people": int(p)}
                for h, n, u, p in zip(self.heads, self.names, units, people, strict=True)
            ],
            "people_without_line": int((self.person_line < 0).sum()),
        }


def hierarchical_lines(organization: OrgTables | Organization) -> HierarchicalLines:
    """Find the hierarchical lines (docs/architecture.md, shared definitions) of an organisation.

    Args:
        organization: the organisation, as a model object or compact arrays.

    Returns:
        The lines and the line of every unit and person.

    Example:
        >>> from estrategy.model import Organization, Person, Unit
        >>> org = Organization(
        ...     units=[Unit(id="hq"), Unit(id="sales", parent="hq"),
        ...            Unit(id="east", parent="sales")],
        ...     people=[Person(id="ceo", unit="hq"), Person(id="ann", unit="east")],
        ... )
        >>> lines = hierarchical_lines(org)
        >>> lines.heads, lines.person_line.tolist()
        (('sales',), [-1, 0])

    Notes:
        Linear in units and people: unit depths come from pointer jumping (a logarithmic
        number of vectorised passes). Computed once per tables.
    """
    tables = as_tables(organization)
    return tables.derived("org.lines", lambda: _lines_of(tables))


def derived_for_lines(
    tables: OrgTables, lines: HierarchicalLines, key: str, compute: Callable[[], _T]
) -> _T:
    """``compute()``, kept on ``tables`` under ``key`` only for the tables' own lines.

    What depends on the lines (each tie's lines, per-line counts, line masks) is shared
    between the analyses of one organisation; lines a caller built otherwise are another
    grouping, and get their own result, not the one kept for the hierarchy's.
    """
    if lines is hierarchical_lines(tables):
        return tables.derived(key, compute)
    return compute()


def _lines_of(tables: OrgTables) -> HierarchicalLines:
    parent = tables.unit_parent.astype(np.int64)
    n_units = len(parent)
    depth, _ = pointer_depth(parent)
    children = np.bincount(parent[parent >= 0], minlength=n_units)
    top = ancestor_at_depth(parent, depth, 1)
    lonely_root = (parent < 0) & (children == 0)
    line_unit = np.where(lonely_root, np.arange(n_units), top)
    is_head = ((depth == 1) | lonely_root) if n_units else np.zeros(0, dtype=np.bool_)
    head_codes = np.flatnonzero(is_head).astype(np.int64)
    position = np.full(n_units, NONE, dtype=np.int64)
    position[head_codes] = np.arange(len(head_codes))
    unit_line = np.where(line_unit >= 0, position[np.maximum(line_unit, 0)], NONE)
    unit = tables.person_unit.astype(np.int64)
    person_line = np.where(unit >= 0, unit_line[np.maximum(unit, 0)] if n_units else NONE, NONE)
    return HierarchicalLines(
        heads=tuple(tables.unit_ids[c] for c in head_codes.tolist()),
        names=tuple(tables.unit_names[c] for c in head_codes.tolist()),
        unit_line=unit_line.astype(np.int64),
        person_line=np.asarray(person_line, dtype=np.int64),
        head_codes=head_codes,
    )


@attrs.frozen
class HierarchyShape(Displayable):
    """Span of control and depth of the management hierarchy.

    The seeds argue for flatter organisations with less control and more coaching: a
    wide span and a shallow depth are the signs of it.

    Attributes:
        people: number of people.
        managers: people with at least one direct report.
        mean_span: mean direct reports per manager (0 without managers).
        median_span: median direct reports per manager.
        max_span: largest number of direct reports.
        span_histogram: ``(span, managers with that span)``, by span.
        max_depth: the longest manager chain (managers above the deepest person).
        mean_depth: mean number of managers above a person.
        depth_histogram: ``(depth, people at that depth)``, by depth.
        unit_depth: levels of the unit tree (1 for roots only, 0 without units).
    """

    people: int
    managers: int
    mean_span: float
    median_span: float
    max_span: int
    span_histogram: tuple[tuple[int, int], ...]
    max_depth: int
    mean_depth: float
    depth_histogram: tuple[tuple[int, int], ...]
    unit_depth: int

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return plain_fields(self)


def _histogram(values: npt.NDArray[np.int64]) -> tuple[tuple[int, int], ...]:
    counts = np.bincount(values) if len(values) else np.zeros(0, dtype=np.int64)
    return tuple((int(v), int(c)) for v, c in enumerate(counts.tolist()) if c)


def hierarchy_shape(organization: OrgTables | Organization) -> HierarchyShape:
    """Measure the span of control and the depth of the management hierarchy.

    Args:
        organization: the organisation, as a model object or compact arrays.

    Returns:
        Spans and depths.

    Example:
        >>> from estrategy.model import Organization, Person
        >>> org = Organization(people=[Person(id="a"), Person(id="b", manager="a"),
        ...                            Person(id="c", manager="a")])
        >>> shape = hierarchy_shape(org)
        >>> shape.managers, shape.max_span, shape.max_depth
        (1, 2, 1)
    """
    tables = as_tables(organization)
    manager = tables.person_manager.astype(np.int64)
    n = len(manager)
    reports = np.bincount(manager[manager >= 0], minlength=n)
    spans = reports[reports > 0]
    depth, _ = pointer_depth(manager)
    unit_depth, _ = pointer_depth(tables.unit_parent.astype(np.int64))
    return HierarchyShape(
        people=n,
        managers=len(spans),
        mean_span=float(spans.mean()) if len(spans) else 0.0,
        median_span=float(np.median(spans)) if len(spans) else 0.0,
        max_span=int(spans.max()) if len(spans) else 0,
        span_histogram=_histogram(spans),
        max_depth=int(depth.max()) if n else 0,
        mean_depth=float(depth.mean()) if n else 0.0,
        depth_histogram=_histogram(depth),
        unit_depth=int(unit_depth.max()) + 1 if len(unit_depth) else 0,
    )
