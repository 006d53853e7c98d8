"""The floor under ``estrategy org``: reading the export and the passes no analysis avoids.

What any program computing the organisation analyses must at least do, written as lean
as the libraries allow: read the five CSV files with pyarrow's multi-threaded parser
(or their Parquet forms, ``people.parquet``…, where the folder has them), map every id
reference to an integer (Arrow's hash tables), build the tie adjacency once, and run
the irreducible sparse passes: connected components of the ties, one breadth-first
search from the decision makers over ties and the hierarchy, and the per-line tie
counts. No checks, no other analysis, no output but one line. Used by ``org_scale.py``
as the floor ``estrategy org`` is compared with; run alone with::

    python benchmarks/org_floor.py FOLDER

It hands pyarrow no Python value and asks it for no numpy array (both make pyarrow
import pandas, a fifth of a second that is no part of the work): arrays are read from
their buffers.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import scipy.sparse as sp
from scipy.sparse import csgraph


def read(path: Path) -> pa.Table:
    """The file of ``path``'s stem: its Parquet form when the folder has one, else CSV."""
    parquet = path.with_suffix(".parquet")
    if parquet.exists():
        return pq.read_table(parquet, memory_map=True)
    header = path.open(encoding="utf-8").readline().strip().split(",")
    return pacsv.read_csv(
        path,
        convert_options=pacsv.ConvertOptions(
            column_types={h: pa.string() for h in header}, strings_can_be_null=False
        ),
    )


def numbers(values: pa.ChunkedArray, dtype: type[np.generic]) -> np.ndarray:
    """The values of a column read from its buffers, nulls as -1 (``to_numpy`` would
    import pandas, as would any Python value handed to pyarrow)."""
    parts = []
    for chunk in values.chunks:
        start, stop = chunk.offset, chunk.offset + len(chunk)
        validity, data = chunk.buffers()[:2]
        if dtype is np.bool_:
            bits = np.frombuffer(data, dtype=np.uint8)
            part = np.unpackbits(bits, count=stop, bitorder="little")[start:].astype(np.int64)
        else:
            part = np.frombuffer(data, dtype=dtype)[start:stop].astype(np.int64)
        if chunk.null_count:
            bits = np.frombuffer(validity, dtype=np.uint8)
            valid = np.unpackbits(bits, count=stop, bitorder="little")[start:].view(np.bool_)
            part[~valid] = -1
        parts.append(part)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def codes(values: pa.ChunkedArray, ids: pa.Array) -> np.ndarray:
    return numbers(pc.index_in(values, value_set=ids), np.int32)


def main(folder: Path) -> None:
    start = time.perf_counter()
    units = read(folder / "units.csv")
    people = read(folder / "people.csv")
    groups = read(folder / "groups.csv")
    memberships = read(folder / "memberships.csv")
    ties = read(folder / "ties.csv")
    unit_ids = units.column("id").combine_chunks()
    person_ids = people.column("id").combine_chunks()
    group_ids = groups.column("id").combine_chunks()
    n, g = len(person_ids), len(group_ids)
    parent = codes(units.column("parent"), unit_ids)
    person_unit = codes(people.column("unit"), unit_ids)
    manager = codes(people.column("manager"), person_ids)
    supervisor = codes(people.column("supervisor"), person_ids)
    member_person = codes(memberships.column("person"), person_ids)
    member_group = codes(memberships.column("group"), group_ids) + n
    source = codes(ties.column("source"), person_ids)
    target = codes(ties.column("target"), person_ids)
    true = pa.lib.StringBuilder()
    true.append("true")
    decides = pc.equal(people.column("decision_maker"), true.finish()[0])
    deciders = np.flatnonzero(numbers(decides, np.bool_))
    # one adjacency of every step: ties, manager and supervision links, group
    # memberships (a group is a vertex), and a root joined to every decision maker
    root = n + g
    everyone = np.arange(n)
    up = np.r_[manager, supervisor]
    down = np.r_[everyone, everyone]
    has = up >= 0
    a = np.concatenate([source, up[has], member_person, np.full(len(deciders), root)])
    b = np.concatenate([target, down[has], member_group, deciders])
    size = n + g + 1
    steps = sp.csr_array(
        (np.ones(2 * len(a), dtype=np.int8), (np.r_[a, b], np.r_[b, a])), shape=(size, size)
    )
    components, _ = csgraph.connected_components(steps, directed=False)
    reached = csgraph.breadth_first_order(steps, root, directed=False)[0]
    # the line of each person (the unit below a root), then the ties per pair of lines
    top = np.arange(len(parent))
    while True:
        above = parent[top]
        move = (above >= 0) & (parent[np.maximum(above, 0)] >= 0)
        if not move.any():
            break
        top = np.where(move, above, top)
    line = np.where(person_unit >= 0, top[np.maximum(person_unit, 0)], -1)
    lines = int(line.max()) + 1
    la, lb = line[source], line[target]
    both = (la >= 0) & (lb >= 0)
    counts = np.bincount(np.minimum(la, lb)[both] * lines + np.maximum(la, lb)[both])
    elapsed = time.perf_counter() - start
    print(
        f"floor: {n} people, {len(source)} ties, {len(member_person)} memberships, "
        f"{components} components, {len(reached) - 1} reached, "
        f"{int((counts > 0).sum())} pairs of lines in {elapsed:.1f} s"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]))
