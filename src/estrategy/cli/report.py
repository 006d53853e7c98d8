"""``estrategy report``: one self-contained HTML file with findings, maturity and charts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from estrategy.cli._common import (
    as_of_option,
    clean_errors,
    config_options,
    lang_option,
    load_model_or_demo,
)
from estrategy.cli._help import TranslatedCommand
from estrategy.cli.options import through_symlink_option

__all__ = ["report"]


@click.command(cls=TranslatedCommand)
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="HTML file to write (default: the model's name with -report.html, in the current folder).",
)
@through_symlink_option
@as_of_option("Date to check against (default: the model's as_of, else today).")
@config_options
@lang_option
def report(
    file: Path | None,
    output: Path | None,
    through_symlink: bool,
    as_of: dt.date | None,
    config: Path | None,
    no_config: bool,
    lang: str | None,
) -> None:
    """Write an HTML report of FILE: gaps, maturity charts and the organisation.

    The report holds the coherence gaps, the maturity dimensions (radar chart), the
    quadrant, the eight steps and the organisation's transversality. With no FILE, the
    embedded demo model.

    The file is self-contained: no script, no external resource.
    """
    from estrategy.base.language import choose_language
    from estrategy.base.messages import tr
    from estrategy.io.atomic import write_text_atomic
    from estrategy.maturity import assess
    from estrategy.org import analyze
    from estrategy.report import render
    from estrategy.settings import config_for

    folder = file.parent if file is not None else Path.cwd()
    with clean_errors(lang):
        settings = config_for(folder, path=config, disabled=no_config)
    with clean_errors(lang or settings.lang):
        loaded = load_model_or_demo(
            file,
            command=tr("No file given: reporting on the embedded demo model."),
            lang=lang or settings.lang,
        )
        lang = choose_language(lang, settings.lang, loaded.model.language)
        findings = settings.check(loaded.model, as_of=as_of)
        assessment = assess(
            loaded.model,
            as_of=as_of,
            catalogue=settings.load_catalogue(),
            settings=settings.settings,
        )
        org = analyze(loaded.model.organization, upward_hops=int(settings.setting("upward_hops")))
        page = render(
            findings,
            "html",
            kind="report",
            assessment=assessment,
            org=org,
            source=loaded.source,
            positions=loaded.positions,
            lang=lang,
        )
        target = output or Path(_file_name(loaded.model.name or "strategy") + "-report.html")
        write_text_atomic(target, page, through_symlink=through_symlink)
    click.echo(tr("Wrote {file}", file=str(target)).render(lang))


def _file_name(name: str) -> str:
    """A safe file name from a model's name: letters, digits and dashes."""
    safe = "".join(c.lower() if c.isalnum() else "-" for c in name)
    return "-".join(part for part in safe.split("-") if part) or "strategy"
