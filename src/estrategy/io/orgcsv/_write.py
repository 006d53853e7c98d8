"""Write an organisation as a CSV folder."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import tomli_w

from estrategy.io.atomic import atomic_paths
from estrategy.io.orgcsv._convert import _tie_rows
from estrategy.io.orgcsv._mapping import COLUMNS
from estrategy.model import Organization
from estrategy.model.tables import GROUP_KINDS, OrgTables


def write_folder(organization: Organization | OrgTables, folder: Path) -> None:
    """Write an organisation as a CSV folder that :func:`read_tables` reads back.

    The six files are written to temporaries, then moved into place together: a
    failure leaves the folder's old files, never a mix of old and new.

    Args:
        organization: the organisation (model or arrays).
        folder: the folder to write into (created if needed; files are replaced).
    """
    from estrategy.model.tables import as_tables

    tables = as_tables(organization)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)

    def ref(ids: Sequence[str], code: int) -> str:
        return "" if code < 0 else ids[code]

    files: dict[str, tuple[Sequence[str], Callable[[], Iterator[Sequence[object]]]]] = {}

    def write(
        file: str, header: Sequence[str], rows: Callable[[], Iterator[Sequence[object]]]
    ) -> None:
        files[file] = (header, rows)

    unit_extra = list(tables.attributes.get("unit", {}).items())
    write(
        "units.csv",
        [*COLUMNS["units"], *(c for c, _ in unit_extra)],
        lambda: (
            (u, tables.unit_names[i], ref(tables.unit_ids, p), *(v[i] for _, v in unit_extra))
            for i, (u, p) in enumerate(
                zip(tables.unit_ids, tables.unit_parent.tolist(), strict=True)
            )
        ),
    )
    person_extra = list(tables.attributes.get("person", {}).items())
    flag = {True: "true", False: "false"}
    write(
        "people.csv",
        [*COLUMNS["people"], *(c for c, _ in person_extra)],
        lambda: (
            (
                pid,
                tables.person_names[i],
                ref(tables.unit_ids, u),
                ref(tables.person_ids, m),
                ";".join(tables.roles.row(i)),
                ";".join(tables.skills.row(i)),
                flag[e],
                ref(tables.person_ids, s),
                flag[d],
                *(v[i] for _, v in person_extra),
            )
            for i, (pid, u, m, e, s, d) in enumerate(
                zip(
                    tables.person_ids,
                    tables.person_unit.tolist(),
                    tables.person_manager.tolist(),
                    tables.person_external.tolist(),
                    tables.person_supervisor.tolist(),
                    tables.person_decision_maker.tolist(),
                    strict=True,
                )
            )
        ),
    )
    group_extra = list(tables.attributes.get("group", {}).items())
    write(
        "groups.csv",
        [*COLUMNS["groups"], *(c for c, _ in group_extra)],
        lambda: (
            (
                gid,
                tables.group_names[i],
                GROUP_KINDS[int(tables.group_kind[i])].value,
                tables.group_objective[i] or "",
                tables.group_deadline[i] or "",
                *(v[i] for _, v in group_extra),
            )
            for i, gid in enumerate(tables.group_ids)
        ),
    )
    write(
        "memberships.csv",
        COLUMNS["memberships"],
        lambda: (
            (tables.group_ids[g], tables.person_ids[p])
            for g, p in zip(
                tables.member_group.tolist(), tables.member_person.tolist(), strict=True
            )
        ),
    )
    write(
        "ties.csv",
        COLUMNS["ties"],
        lambda: (
            (tables.person_ids[s], tables.person_ids[t], "esn" if e else "collaboration", repr(w))
            for s, t, e, w in _tie_rows(tables)
        ),
    )
    meta = tomli_w.dumps({"name": tables.name, "size": tables.size.value})
    names = [*files, "organization.toml"]
    with atomic_paths([folder / name for name in names]) as temporaries:
        for temporary, (header, rows) in zip(temporaries, files.values(), strict=False):
            with temporary.open("w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f, lineterminator="\n")
                writer.writerow(header)
                writer.writerows(rows())
        temporaries[-1].write_text(meta, encoding="utf-8")
