"""The Arrow engine: clean folders read by pyarrow's multi-threaded parser.

Ids are coded by Arrow's hash tables (``index_in``): several times faster than the csv
module, and still no Python object per cell. The Arrow path only accepts what it can
check in bulk; on the first anomaly (a bad id, an unknown reference, a ragged row, odd
quoting...) it gives up and the Python engine reads the folder again, so every error is
reported by one implementation, with its line and column. Both engines shape an export
alike: the latest row of each person of a dated people file, units derived from a mapped
people file, people found only in the ties added or left out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._arrowfile import (
    ArrowFile,
    Fallback,
    all_ids,
    codes,
    combined,
    read_arrow_file,
    text_keys,
)
from estrategy.io.orgcsv._cycles import _cycle_members
from estrategy.io.orgcsv._errors import _Errors
from estrategy.io.orgcsv._files import Place
from estrategy.io.orgcsv._mapping import COLUMNS, DATE, REQUIRED_COLUMNS, ColumnMapping
from estrategy.io.orgcsv._meta import _read_meta
from estrategy.io.orgcsv._notes import (
    Notes,
    added_people_note,
    latest_rows_note,
    left_out_note,
    missing_column_notes,
)
from estrategy.io.orgcsv._sections import (
    NO_GROUPS,
    Groups,
    Memberships,
    People,
    Ties,
    Units,
    assemble,
)
from estrategy.io.orgcsv._values import (
    _FALSE,
    _TIE_KINDS,
    _TRUE,
    _group_kind,
    _group_kinds,
    _is_date,
)
from estrategy.io.orgcsv._weekly import latest_rows, row_days
from estrategy.model.tables import NONE, CodeList, OrgTables

_Fallback = Fallback  # the name the reader catches

_I32 = npt.NDArray[np.int32]


def _arrow_available() -> bool:
    from importlib.util import find_spec

    return find_spec("pyarrow") is not None


def _ids_of(values: Any) -> Any:
    import pyarrow.compute as pc

    if values is None or not all_ids(values, allow_empty=False):
        raise Fallback
    if pc.count_distinct(values).as_py() != len(values):
        raise Fallback
    return combined(values)


def _booleans(values: Any, n: int) -> npt.NDArray[np.bool_]:
    import pyarrow as pa
    import pyarrow.compute as pc

    if values is None:
        return np.zeros(n, dtype=np.bool_)
    if not set(pc.unique(values).to_pylist()) <= _TRUE | _FALSE:
        raise Fallback
    return np.asarray(
        pc.is_in(values, value_set=pa.array(sorted(_TRUE))).to_numpy(zero_copy_only=False),
        dtype=np.bool_,
    )


def _code_list(values: Any, n: int) -> CodeList:
    import pyarrow.compute as pc

    if values is None:
        return CodeList((), np.zeros(n + 1, dtype=np.int64), np.zeros(0, dtype=np.int32))
    parts = pc.split_pattern(combined(values), ";")
    flat = pc.utf8_trim_whitespace(pc.list_flatten(parts))
    owner = pc.list_parent_indices(parts).to_numpy(zero_copy_only=False)
    keep = pc.not_equal(flat, "")
    flat = pc.filter(flat, keep)
    owner = owner[np.asarray(keep.to_numpy(zero_copy_only=False), dtype=np.bool_)]
    if len(flat) and not all_ids(flat, allow_empty=False):
        raise Fallback
    encoded = pc.dictionary_encode(flat)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner, minlength=n), out=indptr[1:])
    return CodeList(
        tuple(encoded.dictionary.to_pylist()),
        indptr,
        np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int32),
    )


def _texts(values: Any) -> list[str] | None:
    return None if values is None else list(values.to_pylist())


def _days(values: Any) -> npt.NDArray[np.int64]:
    """The day of each date cell; any cell that is not a date falls back."""
    keys, texts = text_keys(values)
    days, bad = row_days(texts)
    if bad:
        raise Fallback
    return days[keys] if len(keys) else np.zeros(0, dtype=np.int64)


def _take(file: ArrowFile, rows: npt.NDArray[np.int64]) -> ArrowFile:
    import pyarrow as pa

    index = pa.array(rows, type=pa.int64())
    return file.with_columns([c.take(index) for c in file.columns])


def _latest(file: ArrowFile, as_of: dt.date | None, notes: Notes) -> ArrowFile:
    """The latest row of each person of a dated people file (up to ``as_of``)."""
    ids = file.column("id")
    keys, distinct = text_keys(ids)
    kept = latest_rows(keys, _days(file.column(DATE)), as_of)
    if len(kept) < len(keys):
        when = None if as_of is None else as_of.isoformat()
        notes.add(latest_rows_note(file.name, len(keys), len(distinct), when))
    return _take(file, kept)


def _dated(file: ArrowFile, as_of: dt.date | None) -> ArrowFile:
    """The rows of a ties file dated up to ``as_of`` (every row is checked to be dated)."""
    days = _days(file.column(DATE))
    if as_of is None:
        return file
    return _take(file, np.flatnonzero(days <= as_of.toordinal()).astype(np.int64))


def _derived_units(people: ArrowFile) -> tuple[Units, Any]:
    """The units a mapped people file names (and their parents), in order of first sight.

    Every value is an id here (else the Python engine reads the folder), so a unit's name,
    the export's text, is its id.
    """
    import pyarrow as pa

    n = len(people.columns[0]) if people.columns else 0
    empty = pa.array([""] * n, type=pa.string())
    unit = people.column("unit")
    parent = people.column("unit_parent")
    unit = empty if unit is None else combined(unit)
    parent = empty if parent is None else combined(parent)
    if not all_ids(unit, allow_empty=True) or not all_ids(parent, allow_empty=True):
        raise Fallback
    keys, texts = text_keys(pa.concat_arrays([parent, unit]))
    # the order of first sight: each row's parent, then its unit
    sequence = np.empty(2 * n, dtype=np.int64)
    sequence[0::2], sequence[1::2] = keys[:n], keys[n:]
    blank = texts.index("") if "" in texts else -1
    named = sequence[sequence != blank]
    distinct, first = np.unique(named, return_index=True)
    unit_keys = distinct[np.argsort(first, kind="stable")]
    ids = [texts[k] for k in unit_keys.tolist()]
    code_of = np.full(len(texts), NONE, dtype=np.int64)
    code_of[unit_keys] = np.arange(len(unit_keys))
    unit_code, parent_code = code_of[keys[n:]], code_of[keys[:n]]
    both = (unit_code >= 0) & (parent_code >= 0)
    width = max(len(ids), 1)
    pairs = np.unique(unit_code[both] * width + parent_code[both])
    pair_unit, pair_parent = pairs // width, pairs % width
    if len(np.unique(pair_unit)) != len(pair_unit):
        raise Fallback  # a unit under two parents: for the Python engine to report
    unit_parent = np.full(len(ids), NONE, dtype=np.int32)
    differ = pair_unit != pair_parent
    unit_parent[pair_unit[differ]] = pair_parent[differ]
    if _cycle_members(unit_parent).any():
        raise Fallback
    return Units(ids, ids, unit_parent), pa.array(ids, type=pa.string())


def _units(file: ArrowFile | None) -> tuple[Units, Any]:
    """The units section, and the unit ids as an Arrow array (to code references)."""
    import pyarrow as pa

    if file is None:
        return Units((), None, np.zeros(0, dtype=np.int32)), pa.array([], type=pa.string())
    ids = _ids_of(file.column("id"))
    parent_text = file.column("parent")
    if parent_text is None:
        parent = np.full(len(ids), NONE, dtype=np.int32)
    else:
        parent = codes(parent_text, ids)
    if _cycle_members(parent).any():
        raise Fallback
    return Units(ids.to_pylist(), _texts(file.column("name")), parent), ids


def _people(file: ArrowFile, unit_ids: Any) -> tuple[People, Any]:
    """The people section, and the person ids as an Arrow array (to code references)."""
    import pyarrow.compute as pc

    ids = _ids_of(file.column("id"))
    n = len(ids)
    if len(unit_ids) and pc.any(pc.is_in(ids, value_set=unit_ids)).as_py():
        raise Fallback

    def refs(name: str, targets: Any) -> _I32:
        values = file.column(name)
        if values is None:
            return np.full(n, NONE, dtype=np.int32)
        return codes(values, targets)

    manager = refs("manager", ids)
    if _cycle_members(manager).any():
        raise Fallback
    people = People(
        ids.to_pylist(),
        _texts(file.column("name")),
        refs("unit", unit_ids),
        manager,
        refs("supervisor", ids),
        _booleans(file.column("external"), n),
        _booleans(file.column("decision_maker"), n),
        _code_list(file.column("roles"), n),
        _code_list(file.column("skills"), n),
    )
    return people, ids


def _groups(file: ArrowFile | None, unit_ids: Any, person_ids: Any) -> tuple[Groups, Any]:
    """The groups section, and the group ids as an Arrow array (to code memberships)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if file is None:
        return NO_GROUPS, pa.array([], type=pa.string())
    ids = _ids_of(file.column("id"))
    taken = pa.concat_arrays([unit_ids, person_ids])
    if len(taken) and pc.any(pc.is_in(ids, value_set=taken)).as_py():
        raise Fallback
    count = len(ids)
    kinds = _group_kinds()
    kind_text = file.column("kind")
    group_kind: list[int] = []
    for value in kind_text.to_pylist() if kind_text is not None else [""] * count:
        code = _group_kind(kinds, value)
        if code is None:
            raise Fallback
        group_kind.append(code)
    objective = file.column("objective")
    group_objective: list[str | None] = (
        [v or None for v in objective.to_pylist()] if objective is not None else [None] * count
    )
    deadline = file.column("deadline")
    group_deadline: list[str | None] = []
    for value in deadline.to_pylist() if deadline is not None else [""] * count:
        if value and not _is_date(value):
            raise Fallback
        group_deadline.append(value or None)
    names = _texts(file.column("name"))
    return Groups(ids.to_pylist(), names, group_kind, group_objective, group_deadline), ids


def _memberships(file: ArrowFile | None, group_ids: Any, person_ids: Any) -> Memberships:
    if file is None:
        return Memberships(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32))
    return Memberships(
        codes(file.column("group"), group_ids, required=True),
        codes(file.column("person"), person_ids, required=True),
    )


def _weights(weight_text: Any, m: int) -> npt.NDArray[np.float64]:
    import pyarrow as pa
    import pyarrow.compute as pc

    if weight_text is None:
        return np.ones(m, dtype=np.float64)
    try:
        weights = pc.cast(weight_text, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        # empty weights mean 1; anything else unreadable is for the Python engine
        try:
            weights = pc.cast(pc.if_else(pc.equal(weight_text, ""), "1", weight_text), pa.float64())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            raise Fallback from None
    values = np.asarray(weights.to_numpy(zero_copy_only=False), dtype=np.float64)
    if not (np.isfinite(values).all() and (values >= 0).all()):
        raise Fallback
    return values


def _ties(file: ArrowFile | None, person_ids: Any) -> Ties:
    import pyarrow.compute as pc

    if file is None:
        empty = np.zeros(0, dtype=np.int32)
        return Ties(empty, empty, np.zeros(0, dtype=np.bool_), np.zeros(0, dtype=np.float64))
    import pyarrow as pa

    # both ends in one lookup: one hash table of the person ids, not two
    ends = [file.column("source"), file.column("target")]
    chunks = [c for end in ends for c in getattr(end, "chunks", [end])]
    coded = codes(pa.chunked_array(chunks, type=pa.string()), person_ids, required=True)
    source, target = coded[: len(ends[0])], coded[len(ends[0]) :]
    kind_text = file.column("kind")
    if kind_text is None:
        esn = np.zeros(len(source), dtype=np.bool_)
    else:
        if not set(pc.unique(kind_text).to_pylist()) <= _TIE_KINDS:
            raise Fallback
        esn = np.asarray(pc.equal(kind_text, "esn").to_numpy(zero_copy_only=False), dtype=np.bool_)
    return Ties(source, target, esn, _weights(file.column("weight"), len(source)))


def _tie_people(
    people: ArrowFile, ties: ArrowFile, mapping: ColumnMapping, notes: Notes
) -> tuple[ArrowFile, ArrowFile]:
    """Add the people only the ties name (``add``), or leave them out with their ties."""
    import pyarrow as pa
    import pyarrow.compute as pc

    source, target = combined(ties.column("source")), combined(ties.column("target"))
    if not all_ids(source, allow_empty=False) or not all_ids(target, allow_empty=False):
        raise Fallback
    known = combined(people.column("id"))
    source_known = np.asarray(pc.is_in(source, value_set=known).to_numpy(zero_copy_only=False))
    target_known = np.asarray(pc.is_in(target, value_set=known).to_numpy(zero_copy_only=False))
    if source_known.all() and target_known.all():
        return people, ties
    if mapping.tie_people == "leave_out":
        keep = source_known & target_known
        unknown = pc.unique(
            pa.concat_arrays(
                [source.filter(pa.array(~source_known)), target.filter(pa.array(~target_known))]
            )
        )
        notes.add(left_out_note(len(unknown), ties.name, int((~keep).sum())))
        return people, _take(ties, np.flatnonzero(keep).astype(np.int64))
    # add: each unknown person once, from the first tie row naming them (source first)
    position = np.concatenate(
        [np.flatnonzero(~source_known) * 2, np.flatnonzero(~target_known) * 2 + 1]
    )
    values = pa.concat_arrays(
        [source.filter(pa.array(~source_known)), target.filter(pa.array(~target_known))]
    )
    keys, _ = text_keys(values)
    order = np.argsort(position, kind="stable")
    _, first = np.unique(keys[order], return_index=True)
    chosen = np.sort(position[order][first])
    tie_rows = chosen // 2
    sides = chosen % 2
    prefixes = mapping.tie_prefixes or ("", "")
    ties_position = {name: p for p, name in enumerate(ties.header)}
    id_position = people.positions["id"]
    added_columns = []
    index = pa.array(tie_rows, type=pa.int64())
    for p, name in enumerate(people.header):
        if p == id_position:
            column = pc.if_else(pa.array(sides == 0), source.take(index), target.take(index))
        else:
            picked = []
            for prefix in prefixes:
                found = ties_position.get(prefix + name) if prefix else None
                cells = (
                    combined(ties.columns[found]).take(index)
                    if found is not None
                    else pa.array([""] * len(tie_rows), type=pa.string())
                )
                picked.append(cells)
            column = pc.if_else(pa.array(sides == 0), picked[0], picked[1])
        added_columns.append(column)
    notes.add(added_people_note(len(tie_rows), ties.name))
    return people.with_columns(
        [
            pa.concat_arrays([combined(c), a])
            for c, a in zip(people.columns, added_columns, strict=True)
        ]
    ), ties


def _read_arrow(
    place: Place, mapping: ColumnMapping | None, keep_attributes: bool, as_of: dt.date | None
) -> OrgTables:
    """Read a clean folder with Arrow; raise :class:`Fallback` at the first doubt."""
    errors = _Errors(place.folder)
    notes = Notes()
    meta = _read_meta(place, errors)
    if len(errors):
        raise Fallback

    units_file = read_arrow_file(
        place, "units.csv", COLUMNS["units"], REQUIRED_COLUMNS["units"], {}, True, errors
    )
    derive = mapping is not None and units_file is None
    renames: dict[str, Any] = dict(mapping.people) if mapping is not None else {}
    known = list(COLUMNS["people"])
    if derive and mapping is not None and mapping.unit_parent:
        renames["unit_parent"] = mapping.unit_parent
        known.append("unit_parent")
    people_file = read_arrow_file(
        place,
        mapping.people_file if mapping is not None else "people.csv",
        known,
        REQUIRED_COLUMNS["people"],
        renames,
        False,
        errors,
    )
    if people_file is None:
        raise Fallback
    if mapping is not None:
        missing_column_notes(people_file.name, people_file.positions, renames, "people", notes)
        if DATE in people_file.positions:
            if not all_ids(people_file.column("id"), allow_empty=False):
                raise Fallback
            people_file = _latest(people_file, as_of, notes)
    tie_renames: dict[str, Any] = dict(mapping.ties) if mapping is not None else {}
    ties_file = read_arrow_file(
        place,
        mapping.ties_file if mapping is not None else "ties.csv",
        COLUMNS["ties"],
        REQUIRED_COLUMNS["ties"],
        tie_renames,
        True,
        errors,
    )
    if ties_file is not None and mapping is not None:
        missing_column_notes(ties_file.name, ties_file.positions, tie_renames, "ties", notes)
        if DATE in ties_file.positions:
            ties_file = _dated(ties_file, as_of)
        if mapping.tie_people != "error":
            people_file, ties_file = _tie_people(people_file, ties_file, mapping, notes)

    if derive:
        units, unit_ids = _derived_units(people_file)
    else:
        units, unit_ids = _units(units_file)
    people, person_ids = _people(people_file, unit_ids)
    groups_file = read_arrow_file(
        place, "groups.csv", COLUMNS["groups"], REQUIRED_COLUMNS["groups"], {}, True, errors
    )
    groups, group_ids = _groups(groups_file, unit_ids, person_ids)
    memberships_file = read_arrow_file(
        place,
        "memberships.csv",
        COLUMNS["memberships"],
        REQUIRED_COLUMNS["memberships"],
        {},
        True,
        errors,
    )
    memberships = _memberships(memberships_file, group_ids, person_ids)
    ties = _ties(ties_file, person_ids)

    attributes: dict[str, dict[str, list[str]]] = {}
    if keep_attributes:
        for kind, file in (("unit", units_file), ("person", people_file), ("group", groups_file)):
            if file is not None and file.extra:
                attributes[kind] = file.extras()
    return assemble(meta, units, people, groups, memberships, ties, attributes, notes)
