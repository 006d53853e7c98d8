"""The standard-library engine's groups, memberships and ties: the files after people."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._errors import _Errors, excerpt
from estrategy.io.orgcsv._files import Place
from estrategy.io.orgcsv._ids import _read_ids, _ref_codes
from estrategy.io.orgcsv._mapping import COLUMNS, DATE, REQUIRED_COLUMNS, ColumnMapping
from estrategy.io.orgcsv._notes import Notes, left_out_note, missing_column_notes
from estrategy.io.orgcsv._sections import Groups, Memberships, Ties
from estrategy.io.orgcsv._table import _chunks, _column, _concat, _keep, _open_table, _Table
from estrategy.io.orgcsv._values import _TIE_KINDS, _group_kind, _group_kinds, _is_date, _weights
from estrategy.io.orgcsv._weekly import row_days
from estrategy.model import GroupKind, TieKind
from estrategy.model.vocabulary import did_you_mean_value

_Namespace = Callable[[str], str | None]
_Refs = Callable[[list[str]], list[str]]


def _read_groups(
    place: Place,
    errors: _Errors,
    stack: list[object],
    indexes: dict[str, dict[str, int]],
    keep_attributes: bool,
    attributes: dict[str, dict[str, list[str]]],
    make: bool,
) -> Groups:
    """Ids, names, kind codes, objectives and deadlines of ``groups.csv``, ids indexed."""
    unit_index, person_index, group_index = indexes["unit"], indexes["person"], indexes["group"]
    group_ids: list[str] = []
    group_names: list[str] = []
    group_kind: list[int] = []
    group_objective: list[str | None] = []
    group_deadline: list[str | None] = []
    groups = _open_table(
        place, "groups.csv", errors, {}, COLUMNS["groups"], REQUIRED_COLUMNS["groups"], True, stack
    )
    kinds = _group_kinds()
    if groups is not None:
        has = groups.columns
        for chunk in _chunks(groups, len(groups.header)):
            offset = len(group_ids)
            group_ids += _read_ids(
                groups,
                chunk,
                offset,
                group_index,
                {"unit": unit_index, "person": person_index},
                "group",
                errors,
                make,
            )
            group_names += _column(chunk, has.get("name"))
            for i, value in enumerate(_column(chunk, has.get("kind"))):
                code = _group_kind(kinds, value)
                if code is None:
                    errors.cell(
                        groups,
                        offset + i,
                        "kind",
                        f"unknown group kind {excerpt(value)}"
                        f"{did_you_mean_value(GroupKind, value)}; known: {', '.join(kinds)}",
                    )
                    code = 0
                group_kind.append(code)
            group_objective += [v or None for v in _column(chunk, has.get("objective"))]
            for i, value in enumerate(_column(chunk, has.get("deadline"))):
                if value and not _is_date(value):
                    errors.cell(
                        groups,
                        offset + i,
                        "deadline",
                        f"expected a date YYYY-MM-DD, got {excerpt(value)}",
                    )
                group_deadline.append(value or None)
            if keep_attributes:
                _keep(attributes, "group", groups, chunk, offset)
    return Groups(group_ids, group_names, group_kind, group_objective, group_deadline)


def _read_memberships(
    place: Place,
    errors: _Errors,
    stack: list[object],
    indexes: dict[str, dict[str, int]],
    namespace: _Namespace,
    refs: _Refs,
) -> Memberships:
    """The group and person codes of ``memberships.csv``."""
    group_index, person_index = indexes["group"], indexes["person"]
    member_group: list[npt.NDArray[np.int32]] = []
    member_person: list[npt.NDArray[np.int32]] = []
    memberships = _open_table(
        place,
        "memberships.csv",
        errors,
        {},
        COLUMNS["memberships"],
        REQUIRED_COLUMNS["memberships"],
        True,
        stack,
    )
    if memberships is not None:
        offset = 0
        for chunk in _chunks(memberships, len(memberships.header)):
            for column, index, kind, out in (
                ("group", group_index, "group", member_group),
                ("person", person_index, "person", member_person),
            ):
                values = refs(_column(chunk, memberships.columns[column]))
                out.append(
                    _ref_codes(
                        values,
                        index,
                        kind,
                        memberships,
                        column,
                        offset,
                        errors,
                        namespace,
                        required=True,
                    )
                )
            offset += len(chunk)
    return Memberships(_concat(member_group, np.int32), _concat(member_person, np.int32))


def _read_ties(
    place: Place,
    mapping: ColumnMapping | None,
    errors: _Errors,
    stack: list[object],
    person_index: dict[str, int],
    namespace: _Namespace,
    refs: _Refs,
    as_of: dt.date | None,
    notes: Notes,
) -> Ties:
    """The source and target codes, ESN flags and weights of the ties file.

    With a mapping, the ties file and its columns are the mapping's; tie rows dated after
    ``as_of`` are left out, and so are (with ``tie_people = "leave_out"``) the rows naming
    a person the people file does not have.
    """
    tie_source: list[npt.NDArray[np.int32]] = []
    tie_target: list[npt.NDArray[np.int32]] = []
    tie_esn: list[npt.NDArray[np.bool_]] = []
    tie_weight: list[npt.NDArray[np.float64]] = []
    renames = dict(mapping.ties) if mapping is not None else {}
    ties = _open_table(
        place,
        mapping.ties_file if mapping is not None else "ties.csv",
        errors,
        renames,
        COLUMNS["ties"],
        REQUIRED_COLUMNS["ties"],
        True,
        stack,
    )
    leave_out = mapping is not None and mapping.tie_people == "leave_out"
    dropped_rows = 0
    dropped_people: set[str] = set()
    if ties is not None:
        if renames:
            missing_column_notes(ties.file, ties.columns, renames, "ties", notes)
        has = ties.columns
        offset = 0
        for chunk in _chunks(ties, len(ties.header)):
            keep = np.ones(len(chunk), dtype=np.bool_)
            if DATE in has:
                keep &= _dated_until(chunk, ties, has[DATE], offset, as_of, errors)
            codes = []
            for column, out in (("source", tie_source), ("target", tie_target)):
                values = refs(_column(chunk, has[column]))
                if leave_out:
                    unknown = [i for i, v in enumerate(values) if v and v not in person_index]
                    dropped_people.update(values[i] for i in unknown)
                    keep[unknown] = False
                coded = _ref_codes(
                    values,
                    person_index,
                    "person",
                    ties,
                    column,
                    offset,
                    errors,
                    namespace,
                    required=True,
                    skip=None if not leave_out else ~keep,
                )
                codes.append((coded, out))
            dropped_rows += int((~keep).sum()) if leave_out else 0
            kinds_text = _column(chunk, has.get("kind"))
            esn = np.fromiter(map("esn".__eq__, kinds_text), dtype=np.bool_, count=len(chunk))
            for i, k in enumerate(kinds_text if not set(kinds_text) <= _TIE_KINDS else ()):
                if k not in _TIE_KINDS:
                    errors.cell(
                        ties,
                        offset + i,
                        "kind",
                        f"unknown tie kind {excerpt(k)}{did_you_mean_value(TieKind, k)}; "
                        "known: collaboration, esn",
                    )
            weight = _weights(_column(chunk, has.get("weight")), ties, offset, errors)
            for coded, out in codes:
                out.append(coded[keep])
            tie_esn.append(esn[keep])
            tie_weight.append(weight[keep])
            offset += len(chunk)
    if dropped_people and ties is not None:
        notes.add(left_out_note(len(dropped_people), ties.file, dropped_rows))
    return Ties(
        _concat(tie_source, np.int32),
        _concat(tie_target, np.int32),
        _concat(tie_esn, np.bool_),
        _concat(tie_weight, np.float64),
    )


def _dated_until(
    chunk: list[list[str]],
    table: _Table,
    position: int,
    offset: int,
    as_of: dt.date | None,
    errors: _Errors,
) -> npt.NDArray[np.bool_]:
    """Which rows of a chunk are dated up to ``as_of`` (all, without it); bad dates reported."""
    text = _column(chunk, position)
    days, bad = row_days(text)
    for i in bad[:100]:
        errors.cell(
            table,
            offset + i,
            DATE,
            f"expected a date (YYYY-MM-DD or M/D/YYYY), got {excerpt(text[i])}"
            if text[i]
            else "missing date",
        )
    if as_of is None:
        return np.ones(len(chunk), dtype=np.bool_)
    return np.asarray(days <= as_of.toordinal(), dtype=np.bool_)
