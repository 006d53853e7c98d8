"""Notes on a folder that is read but not as completely as it could be (warnings)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from estrategy.base.messages import Message, ntr, tr

if TYPE_CHECKING:
    from estrategy.io.orgcsv._table import Renames

__all__ = [
    "CONSEQUENCES",
    "Notes",
    "added_people_note",
    "latest_rows_note",
    "left_out_note",
    "missing_column_notes",
]

CONSEQUENCES: Mapping[str, Mapping[str, Message]] = {
    "people": {
        "name": tr("people have no names"),
        "unit": tr(
            "people have no unit: there are no hierarchical lines, and the measures per line "
            "are not computed"
        ),
        "manager": tr(
            "span of control and depth are not computed, and no manager link counts as a step "
            "towards a decision maker"
        ),
        "supervisor": tr("external people have no supervisor"),
        "roles": tr("no one holds a role: the upward reach of field roles is not computed"),
        "skills": tr("people have no skills"),
        "external": tr("no one is external"),
        "decision_maker": tr("no one is a decision maker: no field role can reach one"),
        "unit_parent": tr("units have no parent: each unit is a line of its own"),
        "date": tr(
            "each row is read as one person (there is no date to keep the latest row of each "
            "person)"
        ),
    },
    "ties": {
        "kind": tr("every tie is a collaboration tie"),
        "weight": tr("every tie weighs 1"),
        "date": tr("every tie row is read, whatever its date"),
    },
}
"""What is lost when a column a mapping names is absent, by file kind and our column."""


class Notes:
    """The notes of one read, in the order they were made, each once.

    Attributes:
        items: the notes.
        missing: ``kind.column`` of each column a mapping names and the file lacks
            (``people.manager``): what the analyses cannot compute.
    """

    def __init__(self) -> None:
        self.items: list[Message] = []
        self.missing: set[str] = set()

    def add(self, note: Message) -> None:
        """Add ``note`` unless it is already there."""
        if note not in self.items:
            self.items.append(note)

    def __iter__(self) -> Iterator[Message]:
        return iter(self.items)


def missing_column_notes(
    file: str, columns: Mapping[str, int], renames: Renames, kind: str, notes: Notes
) -> set[str]:
    """Note each column ``renames`` names that ``file`` lacks, and what that leaves out.

    Args:
        file: the file's name.
        columns: our columns the file has, with their positions.
        renames: our columns to the export's, as the mapping names them.
        kind: ``people`` or ``ties``.
        notes: where the notes go.

    Returns:
        Our names of the missing columns.
    """
    missing: set[str] = set()
    for ours, theirs in renames.items():
        if ours in columns:
            continue
        missing.add(ours)
        notes.missing.add(f"{kind}.{ours}")
        name = theirs if isinstance(theirs, str) else "/".join(theirs)
        consequence = CONSEQUENCES.get(kind, {}).get(ours)
        if consequence is None:
            notes.add(tr("{file} has no {column} column: it is not read", file=file, column=name))
        else:
            notes.add(
                tr(
                    "{file} has no {column} column: {consequence}",
                    file=file,
                    column=name,
                    consequence=consequence,
                )
            )
    return missing


def latest_rows_note(file: str, rows: int, people: int, as_of: str | None) -> Message:
    """The note of a dated people file read as the latest row of each person."""
    if as_of is None:
        return ntr(
            "{file}: {rows} rows for {n} person; the latest row of each person is read",
            "{file}: {rows} rows for {n} people; the latest row of each person is read",
            people,
            file=file,
            rows=rows,
        )
    return ntr(
        "{file}: {rows} rows for {n} person; the latest row of each person up to {date} is read",
        "{file}: {rows} rows for {n} people; the latest row of each person up to {date} is read",
        people,
        file=file,
        rows=rows,
        date=as_of,
    )


def added_people_note(count: int, file: str) -> Message:
    """The note of people found only in the ties file, added."""
    return ntr(
        "{n} person found only in {file} was added (with the attributes it gives them)",
        "{n} people found only in {file} were added (with the attributes it gives them)",
        count,
        file=file,
    )


def left_out_note(people: int, file: str, rows: int) -> Message:
    """The note of people found only in the ties file, left out with their ties."""
    return ntr(
        "{n} person found only in {file} was left out, with {rows}",
        "{n} people found only in {file} were left out, with {rows}",
        people,
        file=file,
        rows=ntr("{n} tie row", "{n} tie rows", rows),
    )
