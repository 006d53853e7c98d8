"""Cycles of a parent array (units under units, people under their managers)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._errors import _Errors
from estrategy.io.orgcsv._table import _Table


def _cycle_errors(
    parent: npt.NDArray[np.int32],
    ids: Sequence[str],
    table: _Table,
    column: str,
    kind: str,
    errors: _Errors,
) -> None:
    """Report every cycle of a parent array once, at the line of its first member in file order."""
    for start, message in _cycles(parent, ids, kind):
        errors.cell(table, start, column, message)


def cycle_messages(parent: npt.NDArray[np.int32], ids: Sequence[str], kind: str) -> list[str]:
    """One message per cycle of a parent array (``manager cycle: a -> b -> a``).

    The one check of cycles for every source (CSV folders, Parquet, GraphML); a
    self-reference is a cycle of one.

    Example:
        >>> cycle_messages(np.array([1, 0, -1], dtype=np.int32), ["a", "b", "c"], "manager")
        ['manager cycle: a -> b -> a']
    """
    return [message for _, message in _cycles(parent, ids, kind)]


def _cycles(parent: npt.NDArray[np.int32], ids: Sequence[str], kind: str) -> list[tuple[int, str]]:
    """Each cycle's first member (in order) and its message."""
    on_cycle = _cycle_members(parent)
    found: list[tuple[int, str]] = []
    if not on_cycle.any():
        return found
    reported = np.zeros(len(parent), dtype=np.bool_)
    for start in np.flatnonzero(on_cycle).tolist():
        if reported[start]:
            continue
        cycle = [start]
        reported[start] = True
        node = int(parent[start])
        while node != start:
            cycle.append(node)
            reported[node] = True
            node = int(parent[node])
        found.append((start, f"{kind} cycle: {' -> '.join(ids[c] for c in [*cycle, start])}"))
    return found


def _cycle_members(parent: npt.NDArray[np.int32]) -> npt.NDArray[np.bool_]:
    """Which nodes lie on a cycle of ``parent`` (``-1`` = root), by pointer jumping."""
    n = len(parent)
    if n == 0:
        return np.zeros(0, dtype=np.bool_)
    nodes = np.arange(n, dtype=np.int32)
    step = np.where(parent < 0, nodes, parent).astype(np.int32)
    far = step.copy()
    for _ in range(max(1, int(n).bit_length()) + 1):
        far = far[far]
    # far is now 2^k >= n steps ahead: a root (fixed point) or a node on a cycle
    stuck = far[step[far] != far]
    members: npt.NDArray[np.bool_] = np.asarray(parent == nodes, dtype=np.bool_)  # self-loops
    if len(stuck) == 0:
        return members
    # walk each cycle from one landing node (cycles are disjoint; few and small in practice)
    for start in np.unique(stuck).tolist():
        if members[start]:
            continue
        node = start
        while not members[node]:
            members[node] = True
            node = int(step[node])
    return members
