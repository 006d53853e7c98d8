"""Checking many model files at once: in parallel, into one result, in a stable order.

:func:`check_files` checks each file with the configuration of its folder, in a pool of
processes (one per core by default), and gathers a :class:`BatchReport` whose files come
in the order given, whatever order the workers finished in. A file that cannot be read
(or whose configuration cannot) is a :class:`FileCheck` with ``errors`` instead of a
report: it stops nothing, and it is reported like any other file's findings.

Example:
    >>> from importlib import resources
    >>> demo = resources.files("estrategy.data") / "demo.yaml"
    >>> batch = check_files([demo], CheckOptions(select=("TEC001",), no_config=True), jobs=1)
    >>> [(f.code, f.subjects) for f in batch.files[0].report.findings]
    [('TEC001', ('tool-podcast',))]
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from estrategy.analysis import JSON_VERSION, Report
from estrategy.base.errors import EstrategyError
from estrategy.base.messages import Message, Text, render_text
from estrategy.io.errors import Entry, FileError, LoadError, SourceMap
from estrategy.model import ModelPath, format_path
from estrategy.rules import Severity

if TYPE_CHECKING:
    from estrategy.baseline import BaselineComparison
    from estrategy.catalogue import Catalogue
    from estrategy.io import ModelDocument
    from estrategy.settings import Config

__all__ = [
    "FILES_PER_PROCESS",
    "BatchReport",
    "CheckOptions",
    "FileCheck",
    "Statistic",
    "check_document",
    "check_files",
]


FILES_PER_PROCESS = 4
"""By default, a process of the pool for every this many files: fewer are checked in one."""


def _pairs(value: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(k), v) for k, v in items)


def _optional_severity(value: Severity | str | None) -> Severity | None:
    return None if value is None else Severity(value)


@attrs.frozen
class CheckOptions:
    """What the command line says about a run, as plain data that workers can receive.

    Each file is checked with the configuration found from its folder (or ``config``),
    overridden by these options, as ``estrategy check FILE`` does for one file.

    Attributes:
        select: codes or prefixes to run (``None``: as configured, else every rule).
        ignore: codes or prefixes not to run.
        severities: severity overrides by code or prefix.
        settings: rule settings by name.
        fail_on: the lowest severity that fails the run (``None``: as configured, else error).
        catalogue: a catalogue file overriding the configured one.
        config: a configuration file for every file (``None``: each file's own).
        no_config: ignore configuration files altogether.
        as_of: the date to check against (``None``: each model's ``as_of``, else today).
        allow_outside: let ``organization: {from: PATH}`` read outside a model's folder.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severities: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_pairs)
    settings: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_pairs)
    fail_on: Severity | None = attrs.field(default=None, converter=_optional_severity)
    catalogue: Path | None = None
    config: Path | None = None
    no_config: bool = False
    as_of: dt.date | None = None
    allow_outside: bool = False

    def config_for(self, folder: Path) -> Config:
        """The configuration of a model in ``folder``, overridden by these options.

        Raises:
            ConfigError: the configuration file cannot be read.
        """
        from estrategy.settings import Config, config_for

        flags = Config(
            select=self.select,
            ignore=self.ignore,
            severities=dict(self.severities),
            settings=dict(self.settings),
            fail_on=self.fail_on,
            catalogue=self.catalogue,
        )
        return config_for(folder, path=self.config, disabled=self.no_config).merged(flags)


@attrs.frozen
class FileCheck:
    """The outcome of checking one file: a report, or why the file could not be checked.

    Attributes:
        source: the file as named (a relative path stays relative).
        report: the check report; ``None`` when the file could not be read.
        errors: why it could not be: every problem, each with file, line, column and path.
        positions: the position of each finding's (and suppressed finding's) model path.
        fail_on: the lowest severity that fails the run for this file.
    """

    source: str
    report: Report | None = None
    errors: tuple[FileError, ...] = ()
    positions: SourceMap = attrs.field(factory=SourceMap)
    fail_on: Severity = attrs.field(default=Severity.ERROR, converter=Severity)

    @property
    def failing(self) -> bool:
        """Whether this file fails the run: unreadable, or a finding at ``fail_on`` or worse."""
        return self.report is None or bool(self.report.at_or_above(self.fail_on))

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The file in the JSON output of several files (``docs/architecture.md``).

        Messages are in ``lang``; every other value is the same in every language.
        """
        if self.report is None:
            return {"file": self.source, "errors": [_error_dict(e, lang) for e in self.errors]}
        data = self.report.to_dict(lang)
        del data["version"]
        return {"file": self.source, **data}


def _error_dict(error: FileError, lang: str) -> dict[str, Any]:
    return {
        "file": error.source,
        "line": error.line,
        "column": error.column,
        "path": format_path(error.path),
        "message": render_text(error.text, lang),
    }


@attrs.frozen
class Statistic:
    """How many findings of one rule a run reported.

    Attributes:
        code: the rule's code.
        name: the rule's name.
        count: its findings, over every file.
    """

    code: str
    name: str
    count: int


def _files(value: Iterable[FileCheck]) -> tuple[FileCheck, ...]:
    return tuple(value)


@attrs.frozen
class BatchReport:
    """The result of checking several files: one :class:`FileCheck` per file, in order.

    Attributes:
        files: the files, in the order they were given (sorted by discovery).
        baseline: how the findings compare with a baseline, when one was given; the
            reports then hold only the findings that are new.
    """

    files: tuple[FileCheck, ...] = attrs.field(converter=_files)
    baseline: BaselineComparison | None = None

    @property
    def unreadable(self) -> tuple[FileCheck, ...]:
        """The files that could not be checked."""
        return tuple(f for f in self.files if f.report is None)

    @property
    def reports(self) -> tuple[Report, ...]:
        """The reports of the files that could be checked."""
        return tuple(f.report for f in self.files if f.report is not None)

    @property
    def summary(self) -> dict[str, int]:
        """Findings per severity over every file (every severity present)."""
        counts = {str(s): 0 for s in Severity}
        for report in self.reports:
            for severity, n in report.summary.items():
                counts[severity] += n
        return counts

    @property
    def failing(self) -> bool:
        """Whether some file reaches its ``fail_on`` severity (unreadable files aside)."""
        return any(f.failing for f in self.files if f.report is not None)

    def statistics(self) -> tuple[Statistic, ...]:
        """Findings per rule over every file, most frequent first, then by code.

        Example:
            >>> BatchReport([]).statistics()
            ()
        """
        counts: Counter[tuple[str, str]] = Counter(
            (f.code, f.name) for report in self.reports for f in report.findings
        )
        rows = [Statistic(code, name, n) for (code, name), n in counts.items()]
        return tuple(sorted(rows, key=lambda s: (-s.count, s.code)))

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON output of several files (``docs/architecture.md``, JSON output contract).

        Messages are in ``lang``; every other value is the same in every language.
        """
        data: dict[str, Any] = {
            "version": JSON_VERSION,
            "files": [f.to_dict(lang) for f in self.files],
            "summary": self.summary,
            "files_checked": len(self.files)
            + (self.baseline.known_unreadable if self.baseline is not None else 0),
            "unreadable": len(self.unreadable),
        }
        if self.baseline is not None:
            data["baseline"] = self.baseline.to_dict()
        return data


def _locations(report: Report, document: ModelDocument) -> SourceMap:
    paths: set[ModelPath] = {f.path for f in report.findings}
    paths.update(s.finding.path for s in report.suppressed)
    entries: dict[ModelPath, Entry] = {}
    for path in paths:
        found = document.positions.locate(path)
        if found is None:
            continue
        # a workbook's position is a cell of a sheet: keep the sheet
        entries[path] = (
            (found.line, found.column)
            if found.sheet is None
            else (found.line, found.column, found.sheet)
        )
    return SourceMap(entries)


def check_document(
    document: ModelDocument,
    config: Config,
    *,
    as_of: dt.date | None = None,
    catalogues: dict[Path, Catalogue] | None = None,
) -> FileCheck:
    """Check one loaded model with a configuration.

    Args:
        document: the model with its source and positions.
        config: the configuration (with the command line's options merged in).
        as_of: the date to check against (default: the model's, else today).
        catalogues: catalogues already read, by file (read once per run, not per model).

    Raises:
        EstrategyError: a selector, setting or catalogue of the configuration is wrong.
    """
    catalogue = None
    if config.catalogue is not None:
        cache = catalogues if catalogues is not None else {}
        if config.catalogue not in cache:
            loaded = config.load_catalogue()
            assert loaded is not None
            cache[config.catalogue] = loaded
        catalogue = cache[config.catalogue]
    report = config.check(document.model, as_of=as_of, catalogue=catalogue)
    return FileCheck(
        source=document.source,
        report=report,
        positions=_locations(report, document),
        fail_on=config.fail_on or Severity.ERROR,
    )


def _failure(source: str, message: Text) -> FileCheck:
    return FileCheck(source=source, errors=(FileError(source, None, None, (), message),))


def _said(error: BaseException) -> Text:
    """An error's message, kept as a message when it is one (shown in the reader's language).

    Flattening it to ``str`` here would show English under a French heading.
    """
    if len(error.args) == 1 and isinstance(error.args[0], Message):
        return error.args[0]
    return str(error) or type(error).__name__


class _Worker:
    """Checks files one after the other, reading each folder's configuration once."""

    def __init__(self, options: CheckOptions) -> None:
        self.options = options
        self.configs: dict[Path, Config | EstrategyError] = {}
        self.catalogues: dict[Path, Catalogue] = {}

    def config(self, folder: Path) -> Config:
        if folder not in self.configs:
            try:
                self.configs[folder] = self.options.config_for(folder)
            except EstrategyError as exc:
                self.configs[folder] = exc
        found = self.configs[folder]
        if isinstance(found, EstrategyError):
            raise found
        return found

    def check(self, path: Path) -> FileCheck:
        from estrategy import io

        source = str(path)
        try:
            config = self.config(path.parent)
            document = io.load_document(path, allow_outside=self.options.allow_outside)
            return check_document(
                document, config, as_of=self.options.as_of, catalogues=self.catalogues
            )
        except LoadError as exc:
            return FileCheck(source=source, errors=exc.errors)
        except (EstrategyError, OSError, RecursionError, MemoryError) as exc:
            return _failure(source, _said(exc))
        except Exception as exc:  # a bug must not stop the other files
            return _failure(
                source,
                f"internal error ({type(exc).__name__}: {exc}); this is a bug in estrategy, "
                "please report it",
            )


def _check_chunk(paths: Sequence[Path], options: CheckOptions) -> list[FileCheck]:
    worker = _Worker(options)
    return [worker.check(path) for path in paths]


def _chunks(paths: Sequence[Path], count: int) -> list[Sequence[Path]]:
    """``paths`` in ``count`` contiguous slices (neighbours share a folder's configuration)."""
    size = max(1, -(-len(paths) // count))
    return [paths[i : i + size] for i in range(0, len(paths), size)]


def check_files(
    paths: Iterable[str | os.PathLike[str]],
    options: CheckOptions | None = None,
    *,
    jobs: int | None = None,
) -> BatchReport:
    """Check model files, in parallel, into one report in the order of ``paths``.

    Args:
        paths: the model files (see :func:`estrategy.io.discovery.find_model_files` to
            find them in folders).
        options: selection, severities, settings and configuration for every file.
        jobs: how many processes (default: one per core, but no more than one per
            :data:`FILES_PER_PROCESS` files; ``1`` checks in this process).

    Returns:
        One :class:`FileCheck` per path, in order; unreadable files have ``errors``.
    """
    chosen = options or CheckOptions()
    files = [Path(p) for p in paths]
    if jobs is None:  # a process is worth starting for a few files, not for one
        workers = min(os.cpu_count() or 1, len(files) // FILES_PER_PROCESS)
    else:
        workers = min(jobs, len(files))
    if workers <= 1:
        return BatchReport(_check_chunk(files, chosen))
    from estrategy.rules import registry

    registry()  # rules and plugins are loaded once, before the workers start
    chunks = _chunks(files, workers * 4)  # small slices even out the workers' loads
    results: list[FileCheck] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures: list[Future[list[FileCheck]]] = [
            pool.submit(_check_chunk, chunk, chosen) for chunk in chunks
        ]
        for chunk, future in zip(chunks, futures, strict=True):
            try:
                results.extend(future.result())
            except Exception as exc:  # a worker that died takes only its own files down
                message = f"the process checking this file stopped ({type(exc).__name__})"
                results.extend(_failure(str(path), message) for path in chunk)
    return BatchReport(results)
