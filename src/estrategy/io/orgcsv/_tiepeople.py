"""People found only in a ties file (a collaboration query), added as rows of the people file.

A collaboration query names everyone its measured people worked with, including people
the person query does not hold (other populations, people who left). With
``tie_people = "add"``, each becomes a person, built as a row of the people file: the
id from the tie, and each other column ``C`` of the people file from the ties file's
``prefix + C`` column (``PrimaryCollaborator_Organization`` for the source's
``Organization``), so the added people go through the checks every person does.
"""

from __future__ import annotations

from estrategy.io.orgcsv._columns import read_positions
from estrategy.io.orgcsv._errors import Broken, _Errors
from estrategy.io.orgcsv._files import Place
from estrategy.io.orgcsv._ids import _make_ids
from estrategy.io.orgcsv._mapping import COLUMNS, REQUIRED_COLUMNS, ColumnMapping
from estrategy.io.orgcsv._table import _open_table, _Table

__all__ = ["added_people_rows"]

Added = list[tuple[list[str], tuple[str, int]]]
"""Each added person's row (in the people file's layout) and where it comes from."""


def added_people_rows(
    place: Place,
    mapping: ColumnMapping,
    people: _Table,
    person_index: dict[str, int],
    errors: _Errors,
    stack: list[object],
) -> Added:
    """The rows of the people the ties file names and the people file does not have.

    Each person is added once, from the first tie row naming them (as source, then as
    target). Problems of the ties file itself are left to the ties' own reading.
    """
    del errors  # the ties file's problems are reported when the ties are read
    scratch = _Errors(place.folder)
    try:
        ties = _open_table(
            place,
            mapping.ties_file,
            scratch,
            dict(mapping.ties),
            COLUMNS["ties"],
            REQUIRED_COLUMNS["ties"],
            True,
            stack,
        )
        if ties is None:
            return []
        prefixes = mapping.tie_prefixes or ("", "")
        position_in_ties = {name: p for p, name in enumerate(ties.header)}
        wanted = [ties.columns["source"], ties.columns["target"]]
        layout: list[tuple[int | None, int | None]] = []  # per people column: source, target
        for name in people.header:
            pair: list[int | None] = []
            for prefix in prefixes:
                found = position_in_ties.get(prefix + name) if prefix else None
                if found is None:
                    pair.append(None)
                else:
                    pair.append(len(wanted))
                    wanted.append(found)
            layout.append((pair[0], pair[1]))
        columns = read_positions(ties, wanted, scratch)
    except Broken:
        return []
    sources, targets = columns[0], columns[1]
    if mapping.make_ids:
        sources, targets = _make_ids(sources), _make_ids(targets)
    id_position = people.columns["id"]
    added: Added = []
    seen: set[str] = set()
    for row, (source, target) in enumerate(zip(sources, targets, strict=True)):
        for side, value in enumerate((source, target)):
            if not value or value in person_index or value in seen:
                continue
            seen.add(value)
            cells = [
                value
                if position == id_position
                else ""
                if pair[side] is None
                else columns[pair[side]][row]  # type: ignore[index]
                for position, pair in enumerate(layout)
            ]
            added.append((cells, (ties.file, row)))
    return added
