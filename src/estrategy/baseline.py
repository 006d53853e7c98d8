"""Baselines: adopt the linter on existing models gradually, reporting only new findings.

A baseline records the findings of a run by code, file and subjects, so that lines may
move, elements may be reordered and messages reworded without a recorded finding coming
back as new. Several findings with the same key are counted. Files that could not be
read are recorded too, by name.

:func:`compare` then keeps in each report only the findings beyond what the baseline
holds, and counts the baseline entries that no longer occur, so the baseline can be
tightened (written again) as the models improve.

File names are written relative to the baseline's own folder, with ``/``, so the same
baseline serves whichever folder the command runs from.

Example:
    >>> import datetime as dt
    >>> from estrategy.analysis import Report
    >>> from estrategy.batch import BatchReport, FileCheck
    >>> from estrategy.rules import Finding
    >>> orphan = Finding("STR001", "orphan-tactic", "error", "…", ["t-fair"], ["tactics", 0])
    >>> run = BatchReport([FileCheck("plan.yaml", Report("P", dt.date(2026, 1, 1), [orphan]))])
    >>> baseline = baseline_of(run, ".")
    >>> [(e.code, e.file, e.subjects, e.count) for e in baseline.entries]
    [('STR001', 'plan.yaml', ('t-fair',), 1)]
    >>> compare(run, baseline, ".").baseline.new
    0
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from estrategy.base.errors import EstrategyError
from estrategy.base.plain import plain_fields
from estrategy.batch import BatchReport, FileCheck

__all__ = [
    "BASELINE_VERSION",
    "Baseline",
    "BaselineComparison",
    "BaselineEntry",
    "BaselineError",
    "baseline_of",
    "compare",
    "read_baseline",
    "write_baseline",
]

BASELINE_VERSION = 1
"""The ``version`` of the baseline file format."""

Key = tuple[str, str, tuple[str, ...]]


class BaselineError(EstrategyError, ValueError):
    """A baseline file cannot be read, or is not a baseline."""


def _subjects(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _sorted_entries(value: Iterable[BaselineEntry]) -> tuple[BaselineEntry, ...]:
    return tuple(sorted(value, key=_entry_order))


def _sorted_names(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(value))


@attrs.frozen
class BaselineEntry:
    """Findings of one rule about the same subjects in one file.

    Attributes:
        code: the rule's code.
        file: the model file, relative to the baseline's folder, with ``/``.
        subjects: the finding's subjects (empty for a model-wide finding).
        count: how many such findings.
    """

    code: str
    file: str
    subjects: tuple[str, ...] = attrs.field(converter=_subjects)
    count: int = 1

    @property
    def key(self) -> Key:
        """What identifies the entry: code, file and subjects."""
        return (self.code, self.file, self.subjects)

    def to_dict(self) -> dict[str, Any]:
        """The entry as in the baseline file."""
        return plain_fields(self)


@attrs.frozen
class Baseline:
    """The recorded findings and unreadable files of a run.

    Attributes:
        entries: the findings, sorted by file, code and subjects.
        unreadable: the files that could not be read, sorted.
    """

    entries: tuple[BaselineEntry, ...] = attrs.field(default=(), converter=_sorted_entries)
    unreadable: tuple[str, ...] = attrs.field(default=(), converter=_sorted_names)

    def to_json(self) -> str:
        """The baseline file's text: indented JSON, the same for the same baseline."""
        data = {
            "version": BASELINE_VERSION,
            "tool": "estrategy",
            "findings": [e.to_dict() for e in self.entries],
            "unreadable": list(self.unreadable),
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _entry_order(entry: BaselineEntry) -> tuple[str, str, tuple[str, ...]]:
    return (entry.file, entry.code, entry.subjects)


@attrs.frozen
class BaselineComparison:
    """How a run compares with a baseline.

    Attributes:
        file: the baseline file, as named.
        new: findings not in the baseline (those the reports still hold).
        known: findings the baseline holds (left out of the reports).
        gone: baseline entries that no longer occur, with how many of each.
        new_unreadable: files that could not be read and are not in the baseline.
        known_unreadable: files that could not be read, as the baseline records.
    """

    file: str
    new: int = 0
    known: int = 0
    gone: tuple[BaselineEntry, ...] = ()
    new_unreadable: int = 0
    known_unreadable: int = 0

    @property
    def gone_count(self) -> int:
        """How many recorded findings no longer occur (entries counted with their counts)."""
        return sum(entry.count for entry in self.gone)

    def to_dict(self) -> dict[str, Any]:
        """The comparison as in the JSON output (``gone`` is the :attr:`gone_count`)."""
        return plain_fields(self, overrides={"gone": self.gone_count})


def _relative(source: str, folder: str | os.PathLike[str]) -> str:
    """A file's name in a baseline: relative to the baseline's folder, with ``/``.

    A name that is no file on disk (the embedded demo) is kept as it is.
    """
    path = Path(source)
    if not path.exists():
        return path.as_posix()
    return Path(os.path.relpath(path.resolve(), Path(folder).resolve())).as_posix()


def _keys(check: FileCheck, folder: str | os.PathLike[str]) -> Counter[Key]:
    assert check.report is not None
    name = _relative(check.source, folder)
    return Counter((f.code, name, f.subjects) for f in check.report.findings)


def baseline_of(batch: BatchReport, folder: str | os.PathLike[str]) -> Baseline:
    """The baseline of a run, with file names relative to ``folder`` (the baseline's).

    Args:
        batch: the run.
        folder: the folder the baseline file will be written in.
    """
    counts: Counter[Key] = Counter()
    for check in batch.files:
        if check.report is not None:
            counts.update(_keys(check, folder))
    return Baseline(
        entries=[
            BaselineEntry(code, file, subjects, n) for (code, file, subjects), n in counts.items()
        ],
        unreadable=[_relative(f.source, folder) for f in batch.unreadable],
    )


def compare(
    batch: BatchReport, baseline: Baseline, folder: str | os.PathLike[str], *, name: str = ""
) -> BatchReport:
    """Keep in ``batch`` only the findings and unreadable files the baseline does not hold.

    When a key has more findings than the baseline counts, the last ones in the
    report's order are the new ones. Only the entries of the files checked can be gone:
    checking one file of a repository says nothing of the others.

    Args:
        batch: the run.
        baseline: the baseline.
        folder: the baseline file's folder (its file names are relative to it).
        name: the baseline file as named, for the comparison's ``file``.

    Returns:
        The run with new findings only, and its :class:`BaselineComparison`.
    """
    allowance: Counter[Key] = Counter({e.key: e.count for e in baseline.entries})
    known_files = set(baseline.unreadable)
    checked: set[str] = set()
    kept_files: list[FileCheck] = []
    new = known = new_unreadable = known_unreadable = 0
    for check in batch.files:
        file_name = _relative(check.source, folder)
        checked.add(file_name)
        if check.report is None:
            if file_name in known_files:
                known_unreadable += 1
                continue
            new_unreadable += 1
            kept_files.append(check)
            continue
        kept = []
        for finding in check.report.findings:
            key = (finding.code, file_name, finding.subjects)
            if allowance[key] > 0:
                allowance[key] -= 1
                known += 1
            else:
                kept.append(finding)
                new += 1
        kept_files.append(attrs.evolve(check, report=attrs.evolve(check.report, findings=kept)))
    # Entries of files not checked this time are not judged: they may still occur.
    gone = tuple(
        BaselineEntry(code, file, subjects, n)
        for (code, file, subjects), n in sorted(allowance.items())
        if n > 0 and file in checked
    )
    comparison = BaselineComparison(
        file=name,
        new=new,
        known=known,
        gone=gone,
        new_unreadable=new_unreadable,
        known_unreadable=known_unreadable,
    )
    return BatchReport(kept_files, baseline=comparison)


def write_baseline(
    baseline: Baseline, path: str | os.PathLike[str], *, through_symlink: bool = False
) -> None:
    """Write a baseline file atomically (the whole file or nothing).

    Args:
        baseline: the baseline.
        path: the file; a symbolic link is refused unless ``through_symlink``.
        through_symlink: when ``path`` is a symbolic link, replace the file it points to.

    Raises:
        OSError: the folder cannot be written, or ``path`` is not a file to replace.
    """
    from estrategy.io.atomic import write_text_atomic

    write_text_atomic(path, baseline.to_json(), through_symlink=through_symlink)


def _fail(
    path: str, message: str, line: int | None = None, column: int | None = None
) -> BaselineError:
    where = path if line is None else f"{path}:{line}:{column}"
    return BaselineError(f"{where}: {message}")


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _entries(items: Iterable[Any], path: str) -> list[BaselineEntry]:
    entries = []
    for index, item in enumerate(items):
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("code"), str)
            or not isinstance(item.get("file"), str)
            or not _strings(item.get("subjects", []))
            or isinstance(item.get("count", 1), bool)
            or not isinstance(item.get("count", 1), int)
            or item.get("count", 1) < 1
        ):
            raise _fail(
                path,
                f"findings[{index}]: expected {{code, file, subjects, count}} "
                "(text, text, list of text, a whole number from 1)",
            )
        entries.append(
            BaselineEntry(
                item["code"], item["file"], item.get("subjects", []), item.get("count", 1)
            )
        )
    return entries


def read_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline file written by :func:`write_baseline`.

    Raises:
        BaselineError: the file is missing, is not JSON, or is not a baseline (each
            message names the file, and the line and column of a syntax error).
    """
    name = os.fspath(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _fail(name, "no such baseline file (write one with --write-baseline)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(name, f"cannot read the baseline: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(name, f"not JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise _fail(name, "not a baseline: nested too deeply") from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise _fail(name, f"not an estrategy baseline of version {BASELINE_VERSION}")
    findings = data.get("findings", [])
    unreadable = data.get("unreadable", [])
    if not isinstance(findings, list):
        raise _fail(name, "findings: expected a list")
    if not _strings(unreadable):
        raise _fail(name, "unreadable: expected a list of file names")
    return Baseline(entries=_entries(findings, name), unreadable=unreadable)
