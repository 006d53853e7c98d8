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

from estrategy.io.orgcsv._arrays import (
    arrow_mask,
    arrow_numbers,
    blank_texts,
    numpy_of,
    text_array,
    text_scalar,
)
from estrategy.io.orgcsv._arrowfile import (
    ArrowFile,
    Fallback,
    all_ids,
    code_columns,
    codes,
    combined,
    read_arrow_file,
    text_keys,
)
from estrategy.io.orgcsv._coded import integer_codes
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
from estrategy.model.validators import MAX_TIE_WEIGHT

_Fallback = Fallback  # the name the reader catches

_I32 = npt.NDArray[np.int32]


def _arrow_available() -> bool:
    from importlib.util import find_spec

    return find_spec("pyarrow") is not None


def _ids_of(values: Any) -> Any:
    """The id column of a file, each cell an id (distinct: see :func:`_distinct`)."""
    if values is None or not all_ids(values, allow_empty=False):
        raise Fallback
    return combined(values)


def _distinct(own_codes: _I32) -> None:
    """Fall back unless each id's code is its own row: a repeated id has its first row's."""
    if not np.array_equal(own_codes, np.arange(len(own_codes), dtype=own_codes.dtype)):
        raise Fallback


def _booleans(values: Any, n: int) -> npt.NDArray[np.bool_]:
    import pyarrow.compute as pc

    if values is None:
        return np.zeros(n, dtype=np.bool_)
    if not set(pc.unique(values).to_pylist()) <= _TRUE | _FALSE:
        raise Fallback
    return numpy_of(pc.is_in(values, value_set=text_array(sorted(_TRUE))))


def _code_list(values: Any, n: int) -> CodeList:
    import pyarrow.compute as pc

    if values is None:
        return CodeList((), np.zeros(n + 1, dtype=np.int64), np.zeros(0, dtype=np.int32))
    parts = pc.split_pattern(combined(values), ";")
    flat = pc.utf8_trim_whitespace(pc.list_flatten(parts))
    owner = numpy_of(pc.list_parent_indices(parts))
    keep = pc.not_equal(flat, text_scalar(""))
    flat = pc.filter(flat, keep)
    owner = owner[numpy_of(keep)]
    if len(flat) and not all_ids(flat, allow_empty=False):
        raise Fallback
    encoded = pc.dictionary_encode(flat)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner, minlength=n), out=indptr[1:])
    return CodeList(
        tuple(encoded.dictionary.to_pylist()),
        indptr,
        np.asarray(numpy_of(encoded.indices), dtype=np.int32),
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

    index = arrow_numbers(rows.astype(np.int64, copy=False))
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
    empty = blank_texts(n)
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
    return Units(ids, ids, unit_parent), text_array(ids)


def _units(file: ArrowFile | None) -> tuple[Units, Any]:
    """The units section, and the unit ids as an Arrow array (to code references)."""
    if file is None:
        return Units((), None, np.zeros(0, dtype=np.int32)), blank_texts(0)
    ids = _ids_of(file.column("id"))
    parent_text = file.column("parent")
    own, parent = code_columns([(ids, True), (parent_text, False)], ids)
    _distinct(own)
    if parent_text is None:
        parent = np.full(len(ids), NONE, dtype=np.int32)
    if _cycle_members(parent).any():
        raise Fallback
    return Units(ids.to_pylist(), _texts(file.column("name")), parent), ids


def _people(
    file: ArrowFile,
    unit_ids: Any,
    memberships: ArrowFile | None,
    ties: ArrowFile | None,
) -> tuple[People, Any, _I32, tuple[_I32, _I32]]:
    """The people section, and the person ids as an Arrow array (to check group ids).

    Every reference to a person (managers, supervisors, members, both ends of the ties)
    is coded in one lookup, which also tells whether the ids are distinct. Also returns
    the person code of each membership and the source and target codes of each tie.
    """
    import pyarrow.compute as pc

    ids = _ids_of(file.column("id"))
    n = len(ids)
    if len(unit_ids) and pc.any(pc.is_in(ids, value_set=unit_ids)).as_py():
        raise Fallback
    own, manager, supervisor, member, source, target = _person_codes(file, memberships, ties, ids)
    _distinct(own)
    if "manager" not in file.positions:
        manager = np.full(n, NONE, dtype=np.int32)
    if "supervisor" not in file.positions:
        supervisor = np.full(n, NONE, dtype=np.int32)
    if _cycle_members(manager).any():
        raise Fallback
    unit_text = file.column("unit")
    people = People(
        ids.to_pylist(),
        _texts(file.column("name")),
        codes(unit_text, unit_ids) if unit_text is not None else np.full(n, NONE, np.int32),
        manager,
        supervisor,
        _booleans(file.column("external"), n),
        _booleans(file.column("decision_maker"), n),
        _code_list(file.column("roles"), n),
        _code_list(file.column("skills"), n),
    )
    return people, ids, member, (source, target)


def _person_codes(
    people: ArrowFile, memberships: ArrowFile | None, ties: ArrowFile | None, ids: Any
) -> list[_I32]:
    """The person codes of the people's own ids, managers, supervisors, members, tie ends.

    Integer ids (a Parquet export's) are coded as numbers, never made text: for the ties,
    twenty million texts fewer to make and hash. Otherwise every column is coded as text,
    in one lookup of ``ids``.
    """
    names = [
        (people, "id", True),
        (people, "manager", False),
        (people, "supervisor", False),
        (memberships, "person", True),
        (ties, "source", True),
        (ties, "target", True),
    ]
    raw = [(f.raw(name) if f is not None else None, required) for f, name, required in names]
    found = integer_codes(people.raw("id"), raw)
    if found is not None:
        return found
    texts = [(f.column(name) if f is not None else None, required) for f, name, required in names]
    return code_columns([(ids, True), *texts[1:]], ids)


def _groups(
    file: ArrowFile | None, unit_ids: Any, person_ids: Any, memberships: ArrowFile | None
) -> tuple[Groups, _I32]:
    """The groups section, and the group code of each membership."""
    import pyarrow as pa
    import pyarrow.compute as pc

    member_text = memberships.column("group") if memberships is not None else None
    if file is None:
        if member_text is not None and len(member_text):
            raise Fallback  # memberships of groups that do not exist
        return NO_GROUPS, np.zeros(0, dtype=np.int32)
    ids = _ids_of(file.column("id"))
    own, member = code_columns([(ids, True), (member_text, True)], ids)
    _distinct(own)
    # the few group ids looked up among the many others, not the other way round: the
    # hash table is built of the smaller side
    taken = pa.chunked_array([*_chunks(unit_ids), *_chunks(person_ids)], type=pa.string())
    if len(ids) and len(taken) and pc.any(pc.is_in(taken, value_set=ids)).as_py():
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
    groups = Groups(ids.to_pylist(), names, group_kind, group_objective, group_deadline)
    return groups, member


def _chunks(values: Any) -> list[Any]:
    return list(values.chunks) if hasattr(values, "chunks") else [values]


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
            empty = pc.equal(weight_text, text_scalar(""))
            weights = pc.cast(pc.if_else(empty, text_scalar("1"), weight_text), pa.float64())
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            raise Fallback from None
    values = np.asarray(numpy_of(weights), dtype=np.float64)
    if not (np.isfinite(values).all() and (values >= 0).all() and (values <= MAX_TIE_WEIGHT).all()):
        raise Fallback
    return values


def _ties(file: ArrowFile | None, ends: tuple[_I32, _I32]) -> Ties:
    """The ties section, given the person codes of both ends (see :func:`_people`)."""
    import pyarrow.compute as pc

    source, target = ends
    if file is None:
        empty = np.zeros(0, dtype=np.int32)
        return Ties(empty, empty, np.zeros(0, dtype=np.bool_), np.zeros(0, dtype=np.float64))
    kind_text = file.column("kind")
    if kind_text is None:
        esn = np.zeros(len(source), dtype=np.bool_)
    else:
        if not set(pc.unique(kind_text).to_pylist()) <= _TIE_KINDS:
            raise Fallback
        esn = numpy_of(pc.equal(kind_text, text_scalar("esn")))
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
    source_known = numpy_of(pc.is_in(source, value_set=known))
    target_known = numpy_of(pc.is_in(target, value_set=known))
    if source_known.all() and target_known.all():
        return people, ties
    if mapping.tie_people == "leave_out":
        keep = source_known & target_known
        unknown = pc.unique(
            pa.concat_arrays(
                [source.filter(arrow_mask(~source_known)), target.filter(arrow_mask(~target_known))]
            )
        )
        notes.add(left_out_note(len(unknown), ties.name, int((~keep).sum())))
        return people, _take(ties, np.flatnonzero(keep).astype(np.int64))
    # add: each unknown person once, from the first tie row naming them (source first)
    position = np.concatenate(
        [np.flatnonzero(~source_known) * 2, np.flatnonzero(~target_known) * 2 + 1]
    )
    values = pa.concat_arrays(
        [source.filter(arrow_mask(~source_known)), target.filter(arrow_mask(~target_known))]
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
    index = arrow_numbers(tie_rows.astype(np.int64, copy=False))
    for p, name in enumerate(people.header):
        if p == id_position:
            column = pc.if_else(arrow_mask(sides == 0), source.take(index), target.take(index))
        else:
            picked = []
            for prefix in prefixes:
                found = ties_position.get(prefix + name) if prefix else None
                cells = (
                    combined(ties.columns[found]).take(index)
                    if found is not None
                    else blank_texts(len(tie_rows))
                )
                picked.append(cells)
            column = pc.if_else(arrow_mask(sides == 0), picked[0], picked[1])
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
    groups_file = read_arrow_file(
        place, "groups.csv", COLUMNS["groups"], REQUIRED_COLUMNS["groups"], {}, True, errors
    )
    memberships_file = read_arrow_file(
        place,
        "memberships.csv",
        COLUMNS["memberships"],
        REQUIRED_COLUMNS["memberships"],
        {},
        True,
        errors,
    )
    people, person_ids, member_person, ends = _people(
        people_file, unit_ids, memberships_file, ties_file
    )
    groups, member_group = _groups(groups_file, unit_ids, person_ids, memberships_file)
    memberships = Memberships(member_group, member_person)
    ties = _ties(ties_file, ends)

    attributes: dict[str, dict[str, list[str]]] = {}
    if keep_attributes:
        for kind, file in (("unit", units_file), ("person", people_file), ("group", groups_file)):
            if file is not None and file.extra:
                attributes[kind] = file.extras()
    return assemble(meta, units, people, groups, memberships, ties, attributes, notes)
