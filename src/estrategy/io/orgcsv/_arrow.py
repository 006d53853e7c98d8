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

import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._cycles import _cycle_members
from estrategy.io.orgcsv._errors import _Errors
from estrategy.io.orgcsv._ids import _ID
from estrategy.io.orgcsv._mapping import _REQUIRED, COLUMNS, ColumnMapping
from estrategy.io.orgcsv._meta import _read_meta
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


def _arrow_available() -> bool:
    from importlib.util import find_spec

    return find_spec("pyarrow") is not None


def _read_arrow(folder: Path, mapping: ColumnMapping | None, keep_attributes: bool) -> OrgTables:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    if mapping is not None and (mapping.make_ids or not (folder / "units.csv").exists()):
        raise _Fallback
    errors = _Errors(folder)
    name, size = _read_meta(folder, errors)
    if len(errors):
        raise _Fallback
    slug = f"^{_ID}$"

    def table(
        file: str, renames: Mapping[str, str], optional: bool
    ) -> tuple[Any, dict[str, int], list[tuple[str, int]]] | None:
        known = COLUMNS[file.removesuffix(".csv")] if file != mapping_file else COLUMNS["people"]
        required = (
            _REQUIRED[file.removesuffix(".csv")] if file != mapping_file else _REQUIRED["people"]
        )
        stack: list[object] = []
        try:
            opened = _open_table(folder, file, errors, renames, known, required, optional, stack)
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
        return columns, opened.columns, opened.extra

    mapping_file = mapping.people_file if mapping is not None else "people.csv"

    def column(t: tuple[Any, dict[str, int], Any], name: str) -> Any:
        columns, positions, _ = t
        position = positions.get(name)
        if position is None:
            return None
        if name in ("name", "objective"):
            # what the csv module's skipinitialspace does; ids with spaces fall back
            return pc.utf8_ltrim(columns[position], characters=" ")
        return columns[position]

    def ids_of(values: Any) -> Any:
        if values is None or pc.all(pc.match_substring_regex(values, slug)).as_py() is False:
            raise _Fallback
        if pc.count_distinct(values).as_py() != len(values):
            raise _Fallback
        return values.combine_chunks()

    def codes(values: Any, ids: Any, *, required: bool = False) -> npt.NDArray[np.int32]:
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

    def booleans(values: Any, n: int) -> npt.NDArray[np.bool_]:
        if values is None:
            return np.zeros(n, dtype=np.bool_)
        if not set(pc.unique(values).to_pylist()) <= _TRUE | _FALSE:
            raise _Fallback
        return np.asarray(
            pc.is_in(values, value_set=pa.array(sorted(_TRUE))).to_numpy(zero_copy_only=False),
            dtype=np.bool_,
        )

    def code_list(values: Any, n: int) -> CodeList:
        if values is None:
            return CodeList((), np.zeros(n + 1, dtype=np.int64), np.zeros(0, dtype=np.int32))
        parts = pc.split_pattern(values.combine_chunks(), ";")
        flat = pc.utf8_trim_whitespace(pc.list_flatten(parts))
        owner = pc.list_parent_indices(parts).to_numpy(zero_copy_only=False)
        keep = pc.not_equal(flat, "")
        flat = pc.filter(flat, keep)
        owner = owner[np.asarray(keep.to_numpy(zero_copy_only=False), dtype=np.bool_)]
        if len(flat) and not pc.all(pc.match_substring_regex(flat, slug)).as_py():
            raise _Fallback
        encoded = pc.dictionary_encode(flat)
        indptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(owner, minlength=n), out=indptr[1:])
        return CodeList(
            tuple(encoded.dictionary.to_pylist()),
            indptr,
            np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=np.int32),
        )

    def extras(t: tuple[Any, dict[str, int], list[tuple[str, int]]]) -> dict[str, list[str]]:
        columns, _, extra = t
        return {
            name: pc.utf8_ltrim(columns[position], characters=" ").to_pylist()
            for name, position in extra
        }

    attributes: dict[str, dict[str, list[str]]] = {}
    empty_ids = pa.array([], type=pa.string())

    units_t = table("units.csv", {}, True)
    unit_ids = ids_of(column(units_t, "id")) if units_t else empty_ids
    unit_parent = (
        codes(column(units_t, "parent"), unit_ids) if units_t else np.zeros(0, dtype=np.int32)
    )
    if units_t and column(units_t, "parent") is None:
        unit_parent = np.full(len(unit_ids), NONE, dtype=np.int32)
    if _cycle_members(unit_parent).any():
        raise _Fallback

    people_t = table(mapping_file, dict(mapping.people) if mapping else {}, False)
    if people_t is None:
        raise _Fallback
    person_ids = ids_of(column(people_t, "id"))
    n = len(person_ids)
    if len(unit_ids) and pc.any(pc.is_in(person_ids, value_set=unit_ids)).as_py():
        raise _Fallback

    def person_refs(name: str, ids: Any) -> npt.NDArray[np.int32]:
        values = column(people_t, name)
        if values is None:
            return np.full(n, NONE, dtype=np.int32)
        return codes(values, ids)

    person_unit = person_refs("unit", unit_ids)
    person_manager = person_refs("manager", person_ids)
    person_supervisor = person_refs("supervisor", person_ids)
    if _cycle_members(person_manager).any():
        raise _Fallback
    names = column(people_t, "name")

    groups_t = table("groups.csv", {}, True)
    group_kind: list[int] = []
    group_objective: list[str | None] = []
    group_deadline: list[str | None] = []
    if groups_t:
        group_ids = ids_of(column(groups_t, "id"))
        taken = pa.concat_arrays([unit_ids, person_ids])
        if len(taken) and pc.any(pc.is_in(group_ids, value_set=taken)).as_py():
            raise _Fallback
        kinds = _group_kinds()
        count = len(group_ids)
        kind_text = column(groups_t, "kind")
        for value in kind_text.to_pylist() if kind_text is not None else [""] * count:
            code = _group_kind(kinds, value)
            if code is None:
                raise _Fallback
            group_kind.append(code)
        objective = column(groups_t, "objective")
        group_objective = (
            [v or None for v in objective.to_pylist()] if objective is not None else [None] * count
        )
        deadline = column(groups_t, "deadline")
        for value in deadline.to_pylist() if deadline is not None else [""] * count:
            if value and not _is_date(value):
                raise _Fallback
            group_deadline.append(value or None)
        group_names = column(groups_t, "name")
        group_name_list = group_names.to_pylist() if group_names is not None else [""] * count
    else:
        group_ids = empty_ids
        group_name_list = []

    member_group = member_person = np.zeros(0, dtype=np.int32)
    memberships_t = table("memberships.csv", {}, True)
    if memberships_t:
        member_group = codes(column(memberships_t, "group"), group_ids, required=True)
        member_person = codes(column(memberships_t, "person"), person_ids, required=True)

    tie_source = tie_target = np.zeros(0, dtype=np.int32)
    tie_esn = np.zeros(0, dtype=np.bool_)
    tie_weight = np.zeros(0, dtype=np.float64)
    ties_t = table("ties.csv", {}, True)
    if ties_t:
        tie_source = codes(column(ties_t, "source"), person_ids, required=True)
        tie_target = codes(column(ties_t, "target"), person_ids, required=True)
        m = len(tie_source)
        kind_text = column(ties_t, "kind")
        if kind_text is not None:
            if not set(pc.unique(kind_text).to_pylist()) <= _TIE_KINDS:
                raise _Fallback
            tie_esn = np.asarray(
                pc.equal(kind_text, "esn").to_numpy(zero_copy_only=False), dtype=np.bool_
            )
        else:
            tie_esn = np.zeros(m, dtype=np.bool_)
        weight_text = column(ties_t, "weight")
        if weight_text is not None:
            try:
                weights = pc.cast(weight_text, pa.float64())
            except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                # empty weights mean 1; anything else unreadable is for the Python engine
                try:
                    weights = pc.cast(
                        pc.if_else(pc.equal(weight_text, ""), "1", weight_text), pa.float64()
                    )
                except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
                    raise _Fallback from None
            tie_weight = np.asarray(weights.to_numpy(zero_copy_only=False), dtype=np.float64)
            if not (np.isfinite(tie_weight).all() and (tie_weight >= 0).all()):
                raise _Fallback
        else:
            tie_weight = np.ones(m, dtype=np.float64)

    if keep_attributes:
        for kind, t in (("unit", units_t), ("person", people_t), ("group", groups_t)):
            if t is not None and t[2]:
                attributes[kind] = extras(t)
    person_id_list = tuple(person_ids.to_pylist())
    unit_names = column(units_t, "name") if units_t else None
    return OrgTables(
        name=name,
        size=size,
        unit_ids=tuple(unit_ids.to_pylist()),
        unit_names=tuple(unit_names.to_pylist())
        if unit_names is not None
        else ("",) * len(unit_ids),
        unit_parent=unit_parent,
        person_ids=person_id_list,
        person_names=tuple(names.to_pylist()) if names is not None else ("",) * n,
        person_unit=person_unit,
        person_manager=person_manager,
        person_supervisor=person_supervisor,
        person_external=booleans(column(people_t, "external"), n),
        person_decision_maker=booleans(column(people_t, "decision_maker"), n),
        roles=code_list(column(people_t, "roles"), n),
        skills=code_list(column(people_t, "skills"), n),
        group_ids=tuple(group_ids.to_pylist()),
        group_names=tuple(group_name_list),
        group_kind=np.asarray(group_kind, dtype=np.int8),
        group_objective=tuple(group_objective),
        group_deadline=tuple(group_deadline),
        member_group=member_group,
        member_person=member_person,
        tie_source=tie_source,
        tie_target=tie_target,
        tie_esn=tie_esn,
        tie_weight=tie_weight,
        attributes=attributes,
    )
