"""The standard-library engine's groups, memberships and ties: the files after people."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._errors import _Errors
from estrategy.io.orgcsv._ids import _read_ids, _ref_codes
from estrategy.io.orgcsv._mapping import _REQUIRED, COLUMNS
from estrategy.io.orgcsv._sections import Groups, Memberships, Ties
from estrategy.io.orgcsv._table import _chunks, _column, _concat, _keep, _open_table
from estrategy.io.orgcsv._values import _TIE_KINDS, _group_kind, _group_kinds, _is_date, _weights
from estrategy.model import GroupKind, TieKind
from estrategy.model.vocabulary import did_you_mean_value

_Namespace = Callable[[str], str | None]


def _read_groups(
    folder: Path,
    errors: _Errors,
    stack: list[object],
    indexes: dict[str, dict[str, int]],
    keep_attributes: bool,
    attributes: dict[str, dict[str, list[str]]],
) -> Groups:
    """Ids, names, kind codes, objectives and deadlines of ``groups.csv``, ids indexed."""
    unit_index, person_index, group_index = indexes["unit"], indexes["person"], indexes["group"]
    group_ids: list[str] = []
    group_names: list[str] = []
    group_kind: list[int] = []
    group_objective: list[str | None] = []
    group_deadline: list[str | None] = []
    groups = _open_table(
        folder, "groups.csv", errors, {}, COLUMNS["groups"], _REQUIRED["groups"], True, stack
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
            )
            group_names += _column(chunk, has.get("name"))
            for i, value in enumerate(_column(chunk, has.get("kind"))):
                code = _group_kind(kinds, value)
                if code is None:
                    errors.cell(
                        groups,
                        offset + i,
                        "kind",
                        f"unknown group kind {value!r}{did_you_mean_value(GroupKind, value)}; "
                        f"known: {', '.join(kinds)}",
                    )
                    code = 0
                group_kind.append(code)
            group_objective += [v or None for v in _column(chunk, has.get("objective"))]
            for i, value in enumerate(_column(chunk, has.get("deadline"))):
                if value and not _is_date(value):
                    errors.cell(
                        groups, offset + i, "deadline", f"expected a date YYYY-MM-DD, got {value!r}"
                    )
                group_deadline.append(value or None)
            if keep_attributes:
                _keep(attributes, "group", groups, chunk, offset)
    return Groups(group_ids, group_names, group_kind, group_objective, group_deadline)


def _read_memberships(
    folder: Path,
    errors: _Errors,
    stack: list[object],
    indexes: dict[str, dict[str, int]],
    namespace: _Namespace,
) -> Memberships:
    """The group and person codes of ``memberships.csv``."""
    group_index, person_index = indexes["group"], indexes["person"]
    member_group: list[npt.NDArray[np.int32]] = []
    member_person: list[npt.NDArray[np.int32]] = []
    memberships = _open_table(
        folder,
        "memberships.csv",
        errors,
        {},
        COLUMNS["memberships"],
        _REQUIRED["memberships"],
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
                values = _column(chunk, memberships.columns[column])
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
    folder: Path,
    errors: _Errors,
    stack: list[object],
    person_index: dict[str, int],
    namespace: _Namespace,
) -> Ties:
    """The source and target codes, ESN flags and weights of ``ties.csv``."""
    tie_source: list[npt.NDArray[np.int32]] = []
    tie_target: list[npt.NDArray[np.int32]] = []
    tie_esn: list[npt.NDArray[np.bool_]] = []
    tie_weight: list[npt.NDArray[np.float64]] = []
    ties = _open_table(
        folder, "ties.csv", errors, {}, COLUMNS["ties"], _REQUIRED["ties"], True, stack
    )
    if ties is not None:
        has = ties.columns
        offset = 0
        for chunk in _chunks(ties, len(ties.header)):
            for column, out in (("source", tie_source), ("target", tie_target)):
                values = _column(chunk, has[column])
                out.append(
                    _ref_codes(
                        values,
                        person_index,
                        "person",
                        ties,
                        column,
                        offset,
                        errors,
                        namespace,
                        required=True,
                    )
                )
            kinds_text = _column(chunk, has.get("kind"))
            esn = np.fromiter(map("esn".__eq__, kinds_text), dtype=np.bool_, count=len(chunk))
            for i, k in enumerate(kinds_text if not set(kinds_text) <= _TIE_KINDS else ()):
                if k not in _TIE_KINDS:
                    errors.cell(
                        ties,
                        offset + i,
                        "kind",
                        f"unknown tie kind {k!r}{did_you_mean_value(TieKind, k)}; known: "
                        "collaboration, esn",
                    )
            tie_esn.append(esn)
            tie_weight.append(_weights(_column(chunk, has.get("weight")), ties, offset, errors))
            offset += len(chunk)
    return Ties(
        _concat(tie_source, np.int32),
        _concat(tie_target, np.int32),
        _concat(tie_esn, np.bool_),
        _concat(tie_weight, np.float64),
    )
