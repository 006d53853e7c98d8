"""``estrategy check``: lint model files for coherence gaps, one file or a whole repository."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import click

from estrategy.base.escape import excerpt
from estrategy.cli._common import (
    EXIT_BAD_INPUT,
    EXIT_CLEAN,
    EXIT_FINDINGS,
    as_of_option,
    clean_errors,
    config_options,
    fail,
    lang_option,
    say,
)
from estrategy.cli._help import TranslatedCommand
from estrategy.cli.options import (
    catalogue_option,
    echo_rendered,
    file_option,
    format_option,
    output_file_option,
    through_symlink_option,
)
from estrategy.report import formats, render

if TYPE_CHECKING:
    from estrategy.batch import BatchReport, CheckOptions

__all__ = ["FORMATS", "check"]

FORMATS = formats("check")
"""The output formats of ``check``: those of :data:`estrategy.report.RENDERERS`."""

WATCH_EXTRA = "watch"
"""The optional extra that ``--watch`` needs (watchfiles)."""

_SEVERITIES = ("error", "warning", "info")
# What a change to re-check on looks like: model files, configurations, HR exports.
_WATCHED_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".toml", ".csv", ".graphml"})


def _codes(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """Comma-separated, repeatable code lists as one tuple (``None`` when not given)."""
    if not values:
        return None
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


def _pairs(values: tuple[str, ...], option: str, lang: str | None) -> dict[str, str]:
    from estrategy.base.messages import tr

    result = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key.strip():
            fail(
                tr("{option} expects NAME=VALUE, got {value}", option=option, value=excerpt(value)),
                lang,
            )
        result[key.strip()] = rest.strip()
    return result


def _setting_value(text: str) -> Any:
    """A ``--set`` value read as a TOML value (``60``, ``0.3``, ``["a", "b"]``), else text."""
    from estrategy.io.toml import toml_value

    return toml_value(text)


def _use_color(choice: bool | None, output_file: Path | None) -> bool:
    if choice is not None:
        return choice
    return output_file is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _batch(
    paths: tuple[Path, ...],
    options: CheckOptions,
    exclude: tuple[str, ...],
    jobs: int | None,
    lang: str | None = None,
) -> tuple[BatchReport, bool]:
    """The run over ``paths`` (the embedded demo when none), and whether one file was named."""
    from estrategy.base.messages import tr
    from estrategy.batch import BatchReport, check_document, check_files
    from estrategy.io.discovery import find_model_files

    if not paths:
        from estrategy import io

        say(tr("No file given: checking the embedded demo model."), lang)
        config = options.config_for(Path.cwd())
        document = io.load_demo_document()
        return BatchReport([check_document(document, config, as_of=options.as_of)]), True
    files = find_model_files(paths, exclude=exclude)
    if not files:
        shown = ", ".join(str(p) for p in paths)
        say(tr("warning: no model file found in {paths}", paths=shown), lang)
    single = len(paths) == 1 and not paths[0].is_dir()
    return check_files(files, options, jobs=jobs), single


def _exit_status(batch: BatchReport) -> int:
    if batch.unreadable:
        return EXIT_BAD_INPUT  # bad input beats findings
    return EXIT_FINDINGS if batch.failing else EXIT_CLEAN


def _output(text: str, output_file: Path | None, through_symlink: bool) -> None:
    if output_file is None:
        echo_rendered(text)
        return
    from estrategy.io.atomic import write_text_atomic

    with clean_errors():
        ended = text if text.endswith("\n") else text + "\n"
        write_text_atomic(output_file, ended, through_symlink=through_symlink)


@attrs.frozen
class _Run:
    """One check of the paths, as the options say: what ``--watch`` repeats on each save."""

    paths: tuple[Path, ...]
    options: CheckOptions
    output_format: str
    exclude: tuple[str, ...] = ()
    jobs: int | None = None
    statistics: bool = False
    output_file: Path | None = None
    write_baseline: Path | None = None
    baseline: Path | None = None
    show_suppressed: bool = False
    color: bool | None = None
    through_symlink: bool = False
    lang: str | None = None

    def configured_language(self) -> str | None:
        """``--lang``, else the ``lang`` of the configuration of the first path's folder."""
        if self.lang is not None:
            return self.lang
        first = self.paths[0] if self.paths else Path.cwd()
        with clean_errors():
            return self.options.config_for(first if first.is_dir() else first.parent).lang

    def language(self, batch: BatchReport, single: bool, configured: str | None) -> str:
        """The language of the output: flag, configuration, the one model's, environment.

        ``configured`` is :meth:`configured_language`, already read by the caller.
        """
        from estrategy.base.language import choose_language

        model = None
        if single and len(batch.files) == 1 and batch.files[0].report is not None:
            model = batch.files[0].report.language
        return choose_language(configured, None, model)

    def __call__(self) -> int:
        from estrategy.base.messages import ntr, tr
        from estrategy.baseline import baseline_of, compare, read_baseline, write_baseline

        hint = self.configured_language()
        with clean_errors(hint):
            batch, single = _batch(self.paths, self.options, self.exclude, self.jobs, hint)
            lang = self.language(batch, single, hint)
            if single and batch.unreadable and self.baseline is None:
                # One named file that cannot be read: its problems, as for any bad input.
                fail("\n".join(_problems(batch, lang)), lang)
            if self.write_baseline is not None:
                recorded = baseline_of(batch, self.write_baseline.parent)
                write_baseline(recorded, self.write_baseline, through_symlink=self.through_symlink)
                entries = ntr("{n} entry", "{n} entries", len(recorded.entries))
                unreadable = ntr(
                    "{n} unreadable file", "{n} unreadable files", len(recorded.unreadable)
                )
                wrote = tr(
                    "Wrote {file}: {entries}, {unreadable}.",
                    file=str(self.write_baseline),
                    entries=entries,
                    unreadable=unreadable,
                )
                say(wrote, lang)
            if self.baseline is not None:
                known = read_baseline(self.baseline)
                batch = compare(batch, known, self.baseline.parent, name=str(self.baseline))
        _output(self.render(batch, single, lang), self.output_file, self.through_symlink)
        if self.write_baseline is not None:
            return EXIT_CLEAN  # the findings just recorded are accepted
        return _exit_status(batch)

    def render(self, batch: BatchReport, single: bool, lang: str = "en") -> str:
        """The run's output in the chosen format (statistics instead, when asked)."""
        if self.statistics:
            return render(batch.statistics(), self.output_format, kind="statistics", lang=lang)
        options: dict[str, Any] = {
            "single": single,
            "show_suppressed": self.show_suppressed,
            "lang": lang,
        }
        if self.output_format == "text":
            options["color"] = _use_color(self.color, self.output_file)
        return render(batch, self.output_format, kind="files", **options)


def _problems(batch: BatchReport, lang: str) -> list[str]:
    from estrategy.io.errors import LoadError

    return [LoadError(check.errors).message_in(lang) for check in batch.unreadable]


def _watch_targets(paths: Iterable[Path]) -> list[Path]:
    # Editors save by writing a new file and renaming it over the old one: watch folders.
    return sorted({(p if p.is_dir() else p.parent).resolve() for p in paths})


def _relevant(_change: object, path: str) -> bool:
    name = os.path.basename(path)
    return not name.startswith(".") and os.path.splitext(name)[1].lower() in _WATCHED_SUFFIXES


def _watch(paths: tuple[Path, ...], run: Callable[[], int], lang: str | None) -> int:
    """Check now, then again after every save under ``paths``, until interrupted."""
    from estrategy.base.messages import ntr, tr

    try:
        import watchfiles
    except ImportError:
        fail(
            tr(
                "--watch needs the optional '{extra}' extra (watchfiles): pip install "
                "'estrategy[{extra}]'",
                extra=WATCH_EXTRA,
            ),
            lang,
        )
    if not paths:
        fail(tr("--watch needs a PATH to watch (the embedded demo never changes)"), lang)
    status = _keep_watching(run)
    say(tr("Watching for changes (Ctrl+C to stop)…"), lang)
    for changes in watchfiles.watch(
        *_watch_targets(paths), watch_filter=_relevant, raise_interrupt=False
    ):
        if sys.stdout.isatty():
            click.clear()
        say(
            ntr(
                "{n} change seen; checking again.",
                "{n} changes seen; checking again.",
                len(changes),
            ),
            lang,
        )
        status = _keep_watching(run)
    return status


def _keep_watching(run: Callable[[], int]) -> int:
    """Run once; bad input (a file saved half-edited) is reported, and watching goes on."""
    try:
        return run()
    except SystemExit as exc:  # the message is already on standard error
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT


@click.command(cls=TranslatedCommand)
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option(
    "check",
    "Output format: text for people, json (stable contract), sarif (code scanning), "
    "markdown, github (workflow annotations).",
)
@click.option(
    "--fail-on",
    type=click.Choice(_SEVERITIES),
    default=None,
    help="Exit 1 when a finding is at least this severe.  [default: error]",
)
@click.option("--select", multiple=True, help="Codes or prefixes to run, comma-separated.")
@click.option("--ignore", multiple=True, help="Codes or prefixes not to run, comma-separated.")
@click.option(
    "--severity",
    "severities",
    multiple=True,
    metavar="CODE=LEVEL",
    help="Override a rule's severity, by code or prefix (repeatable).",
)
@click.option(
    "--set",
    "settings",
    multiple=True,
    metavar="NAME=VALUE",
    help="Set a rule setting, e.g. review_interval_days=60 (repeatable).",
)
@as_of_option("Date to check against (default: the model's as_of, else today).")
@config_options
@catalogue_option(exists=True)
@click.option("--color/--no-color", default=None, help="Colour the text output.")
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Skip files and folders matching GLOB when searching folders (repeatable).",
)
@click.option("--statistics", is_flag=True, help="Print the number of findings per rule.")
@output_file_option("Write the output to FILE (atomically) instead of standard output.")
@file_option(
    "--write-baseline",
    help_text="Record the current findings in FILE, to report only new ones later.",
)
@file_option(
    "--baseline",
    help_text="Report only the findings that FILE (from --write-baseline) does not hold.",
)
@click.option(
    "--show-suppressed", is_flag=True, help="List the findings suppressed by 'ignore' entries."
)
@click.option(
    "--watch",
    is_flag=True,
    help="Check again on every save (needs the 'watch' extra).",
)
@through_symlink_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Processes checking files in parallel.  [default: one per core, one per 4 files]",
)
@lang_option
def check(
    paths: tuple[Path, ...],
    output_format: str,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    severities: tuple[str, ...],
    settings: tuple[str, ...],
    as_of: dt.date | None,
    config: Path | None,
    no_config: bool,
    catalogue: Path | None,
    color: bool | None,
    exclude: tuple[str, ...],
    statistics: bool,
    output_file: Path | None,
    write_baseline: Path | None,
    baseline: Path | None,
    show_suppressed: bool,
    watch: bool,
    through_symlink: bool,
    jobs: int | None,
    lang: str | None,
) -> None:
    """Lint model files (YAML, JSON or TOML) and folders of them; with no PATH, the demo.

    A folder is searched for *.estrategy.yaml (.yml, .json, .toml) files and for any
    YAML, JSON or TOML file whose top level has schema_version; files are checked in
    parallel, each with the configuration of its folder, into one output.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad input or usage (a
    file that cannot be read counts as bad input).
    """
    from estrategy.base.messages import tr
    from estrategy.batch import CheckOptions

    if statistics and output_format not in formats("statistics"):
        fail(
            tr(
                "--statistics prints {formats}, not {format}",
                formats=" or ".join(formats("statistics")),
                format=output_format,
            ),
            lang,
        )
    options = CheckOptions(
        select=_codes(select),
        ignore=_codes(ignore) or (),
        severities=_pairs(severities, "--severity", lang),
        settings={k: _setting_value(v) for k, v in _pairs(settings, "--set", lang).items()},
        fail_on=fail_on,
        catalogue=catalogue,
        config=config,
        no_config=no_config,
        as_of=as_of,
    )
    run = _Run(
        paths,
        options,
        output_format=output_format,
        exclude=exclude,
        jobs=jobs,
        statistics=statistics,
        output_file=output_file,
        write_baseline=write_baseline,
        baseline=baseline,
        show_suppressed=show_suppressed,
        color=color,
        through_symlink=through_symlink,
        lang=lang,
    )
    sys.exit(_watch(paths, run, lang) if watch else run())
