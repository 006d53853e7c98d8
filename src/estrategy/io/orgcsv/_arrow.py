"""The Arrow engine: clean folders read by pyarrow's multi-threaded CSV parser.

Ids are coded by Arrow's hash tables (``index_in``): several times faster than the csv
module, and still no Python object per cell. The Arrow path only accepts what it can
check in bulk; on the first anomaly (a bad id, an unknown reference, a ragged row, a
mapping that derives units...) it gives up and the Python engine reads the folder
again, so every error is reported by one implementation, with its line and column.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._cycles import _cycle_members
from estrategy.io.orgcsv._errors import _Errors
from estrategy.io.orgcsv._ids import _ID
from estrategy.io.orgcsv._mapping import _REQUIRED, COLUMNS, ColumnMapping
from estrategy.io.orgcsv._meta import _read_meta
from estrategy.io.orgcsv._sections import (
    NO_GROUPS,
    Groups,
    Memberships,
    People,
    Ties,
    Units,
    assemble,
)
from estrategy.io.orgcsv._table import _open_table
from estrategy.io.orgcsv._values import (
    _FALSE,
    _TIE_KINDS,
    _TRUE,
    _group_kind,
    _group_kinds,
    _is_date,
)
from estrategy.model.tables import NONE, CodeList, OrgTables


class _Fallback(Exception):
    """The Arrow engine met something only the Python engine reports properly."""


_SLUG = f"^{_ID}$"
_I32 = npt.NDArray[np.int32]


def _arrow_available() -> bool:
    from importlib.util import find_spec

    return find_spec("pyarrow") is not None


@attrs.frozen
class _File:
    """One CSV file read by Arrow: its string columns and where each of ours is."""

    columns: list[Any]
    positions: dict[str, int]
    extra: list[tuple[str, int]]

    def column(self, name: str) -> Any:
        """Our column ``name``, or ``None`` when the file lacks it."""
        import pyarrow.compute as pc

        position = self.positions.get(name)
        if position is None:
            return None
        if name in ("name", "objective"):
            # what the csv module's skipinitialspace does; ids with spaces fall back
            return pc.utf8_ltrim(self.columns[position], characters=" ")
        return self.columns[position]

    def extras(self) -> dict[str, list[str]]:
        """The columns the format does not know, as text per row."""
        import pyarrow.compute as pc

        return {
            name: pc.utf8_ltrim(self.columns[position], characters=" ").to_pylist()
            for name, position in self.extra
        }


def _read_file(
    folder: Path,
    file: str,
    kind: str,
    renames: Mapping[str, str],
    optional: bool,
    errors: _Errors,
) -> _File | None:
    """Check the header of ``file`` as the Python engine would, then parse it with Arrow."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    stack: list[object] = []
    try:
        opened = _open_table(
            folder, file, errors, renames, COLUMNS[kind], _REQUIRED[kind], optional, stack
        )
    finally:
        for handle in stack:
            handle.close()  # type: ignore[attr-defined]
    if len(errors):
        raise _Fallback
    if opened is None:
        return None
    try:
        data = pacsv.read_csv(
            folder / file,
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types={h: pa.string() for h in opened.header},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, UnicodeDecodeError):
        raise _Fallback from None
    if data.num_columns != len(opened.header):
        raise _Fallback
    columns = [data.column(i) for i in range(data.num_columns)]
    return _File(columns, opened.columns, opened.extra)


def _ids_of(values: Any) -> Any:
    import pyarrow.compute as pc

    if values is None or pc.all(pc.match_substring_regex(values, _SLUG)).as_py() is False:
        raise _Fallback
    if pc.count_distinct(values).as_py() != len(values):
        raise _Fallback
    return values.combine_chunks()


def _codes(values: Any, ids: Any, *, required: bool = False) -> _I32:
    import pyarrow.compute as pc

    if values is None:
        return np.zeros(0, dtype=np.int32)
    coded = pc.index_in(values, value_set=ids)
    if coded.null_count:
        # "" is never an id, so every empty cell is a null too: when the nulls
        # outnumber the empty cells, or a required cell is empty, some reference is
        # unknown or missing, for the Python engine to report
        if required or coded.null_count != pc.sum(pc.equal(values, "")).as_py():
            raise _Fallback
        coded = pc.fill_null(coded, NONE)
    return np.asarray(coded.to_numpy(zero_copy_only=False), dtype=np.int32)


def _booleans(values: Any, n: int) -> npt.NDArray[np.bool_]:
    import pyarrow as pa
    import pyarrow.compute as pc

    if values is None:
        return np.zeros(n, dtype=np.bool_)
    if not set(pc.unique(values).to_pylist()) <= _TRUE | _FALSE:
        raise _Fallback
    return np.asarray(
        pc.is_in(values, value_set=pa.array(sorted(_TRUE))).to_numpy(zero_copy_only=False),
        dtype=np.bool_,
    )


def _code_list(values: Any, n: int) -> CodeList:
    import pyarrow.compute as pc

    if values is None:
        return CodeList((), np.zeros(n + 1, dtype=np.int64), np.zeros(0, dtype=np.int32))
    parts = pc.split_pattern(values.combine_chunks(), ";")
    flat = pc.utf8_trim_whitespace(pc.list_flatten(parts))
    owner = pc.list_parent_indices(parts).to_numpy(zero_copy_only=False)
    keep = pc.not_equal(flat, "")
    flat = pc.filter(flat, keep)
    owner = owner[np.asarray(keep.to_numpy(zero_copy_only=False), dtype=np.bool_)]
    if len(flat) and not pc.all(pc.match_substring_regex(flat, _SLUG)).as_py():
        raise _Fallback
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


def _units(file: _File | None) -> tuple[Units, Any]:
    """The units section, and the unit ids as an Arrow array (to code references)."""
    import pyarrow as pa

    if file is None:
        return Units((), None, np.zeros(0, dtype=np.int32)), pa.array([], type=pa.string())
    ids = _ids_of(file.column("id"))
    parent_text = file.column("parent")
    if parent_text is None:
        parent = np.full(len(ids), NONE, dtype=np.int32)
    else:
        parent = _codes(parent_text, ids)
    if _cycle_members(parent).any():
        raise _Fallback
    return Units(ids.to_pylist(), _texts(file.column("name")), parent), ids


def _people(file: _File, unit_ids: Any) -> tuple[People, Any]:
    """The people section, and the person ids as an Arrow array (to code references)."""
    import pyarrow.compute as pc

    ids = _ids_of(file.column("id"))
    n = len(ids)
    if len(unit_ids) and pc.any(pc.is_in(ids, value_set=unit_ids)).as_py():
        raise _Fallback

    def refs(name: str, targets: Any) -> _I32:
        values = file.column(name)
        if values is None:
            return np.full(n, NONE, dtype=np.int32)
        return _codes(values, targets)

    manager = refs("manager", ids)
    if _cycle_members(manager).any():
        raise _Fallback
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


def _groups(file: _File | None, unit_ids: Any, person_ids: Any) -> tuple[Groups, Any]:
    """The groups section, and the group ids as an Arrow array (to code memberships)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if file is None:
        return NO_GROUPS, pa.array([], type=pa.string())
    ids = _ids_of(file.column("id"))
    taken = pa.concat_arrays([unit_ids, person_ids])
    if len(taken) and pc.any(pc.is_in(ids, value_set=taken)).as_py():
        raise _Fallback
    count = len(ids)
    kinds = _group_kinds()
    kind_text = file.column("kind")
    group_kind: list[int] = []
    for value in kind_text.to_pylist() if kind_text is not None else [""] * count:
        code = _group_kind(kinds, value)
        if code is None:
            raise _Fallback
        group_kind.append(code)
    objective = file.column("objective")
    group_objective: list[str | None] = (
        [v or None for v in objective.to_pylist()] if objective is not None else [None] * count
    )
    deadline = file.column("deadline")
    group_deadline: list[str | None] = []
    for value in deadline.to_pylist() if deadline is not None else [""] * count:
        if value and not _is_date(value):
            raise _Fallback
        group_deadline.append(value or None)
    names = _texts(file.column("name"))
    return Groups(ids.to_pylist(), names, group_kind, group_objective, group_deadline), ids


def _memberships(file: _File | None, group_ids: Any, person_ids: Any) -> Memberships:
    if file is None:
        return Memberships(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32))
    return Memberships(
        _codes(file.column("group"), group_ids, required=True),
        _codes(file.column("person"), person_ids, required=True),
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
            raise _Fallback from None
    values = np.asarray(weights.to_numpy(zero_copy_only=False), dtype=np.float64)
    if not (np.isfinite(values).all() and (values >= 0).all()):
        raise _Fallback
    return values


def _ties(file: _File | None, person_ids: Any) -> Ties:
    import pyarrow.compute as pc

    if file is None:
        empty = np.zeros(0, dtype=np.int32)
        return Ties(empty, empty, np.zeros(0, dtype=np.bool_), np.zeros(0, dtype=np.float64))
    source = _codes(file.column("source"), person_ids, required=True)
    target = _codes(file.column("target"), person_ids, required=True)
    kind_text = file.column("kind")
    if kind_text is None:
        esn = np.zeros(len(source), dtype=np.bool_)
    else:
        if not set(pc.unique(kind_text).to_pylist()) <= _TIE_KINDS:
            raise _Fallback
        esn = np.asarray(pc.equal(kind_text, "esn").to_numpy(zero_copy_only=False), dtype=np.bool_)
    return Ties(source, target, esn, _weights(file.column("weight"), len(source)))


def _read_arrow(folder: Path, mapping: ColumnMapping | None, keep_attributes: bool) -> OrgTables:
    """Read a clean folder with Arrow; raise :class:`_Fallback` at the first doubt."""
    if mapping is not None and (mapping.make_ids or not (folder / "units.csv").exists()):
        raise _Fallback
    errors = _Errors(folder)
    meta = _read_meta(folder, errors)
    if len(errors):
        raise _Fallback
    people_file = mapping.people_file if mapping is not None else "people.csv"
    renames = dict(mapping.people) if mapping is not None else {}

    units_file = _read_file(folder, "units.csv", "units", {}, True, errors)
    units, unit_ids = _units(units_file)
    people_source = _read_file(folder, people_file, "people", renames, False, errors)
    if people_source is None:
        raise _Fallback
    people, person_ids = _people(people_source, unit_ids)
    groups_file = _read_file(folder, "groups.csv", "groups", {}, True, errors)
    groups, group_ids = _groups(groups_file, unit_ids, person_ids)
    memberships_file = _read_file(folder, "memberships.csv", "memberships", {}, True, errors)
    memberships = _memberships(memberships_file, group_ids, person_ids)
    ties = _ties(_read_file(folder, "ties.csv", "ties", {}, True, errors), person_ids)

    attributes: dict[str, dict[str, list[str]]] = {}
    if keep_attributes:
        for kind, file in (("unit", units_file), ("person", people_source), ("group", groups_file)):
            if file is not None and file.extra:
                attributes[kind] = file.extras()
    return assemble(meta, units, people, groups, memberships, ties, attributes)
