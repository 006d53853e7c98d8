"""``estrategy report``: the client report of a model, or of the progress between two."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from estrategy.cli._common import (
    as_of_option,
    clean_errors,
    config_options,
    fail,
    lang_option,
    load_model_or_demo,
)
from estrategy.cli._help import TranslatedCommand
from estrategy.cli.options import file_option, maturity_model_option, through_symlink_option

if TYPE_CHECKING:
    from estrategy.report.client import Branding, Review, Voice

__all__ = ["report"]

_SUFFIXES = (".html", ".htm", ".pdf", "")  # a file with no suffix gets the HTML


@click.command(cls=TranslatedCommand)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@file_option(
    "-o",
    "--output",
    help_text="File to write, .html or .pdf (default: the model's name with -report.html, "
    "in the current folder). A PDF needs the [pdf] extra.",
)
@click.option(
    "--title", default=None, help="The report's title (default: Digital strategy review)."
)
@click.option("--author", default=None, help="Who prepared the report, shown on the cover.")
@file_option("--logo", help_text="A PNG, JPEG or SVG logo for the cover (at most 1 MiB).")
@maturity_model_option
@through_symlink_option
@as_of_option("Date to judge against (default: each model's as_of, else today).")
@config_options
@lang_option
def report(
    files: tuple[Path, ...],
    output: Path | None,
    title: str | None,
    author: str | None,
    logo: Path | None,
    maturity_model: Path | None,
    through_symlink: bool,
    as_of: dt.date | None,
    config: Path | None,
    no_config: bool,
    lang: str | None,
) -> None:
    """Write the client report of FILE, or the progress between BEFORE and AFTER.

    With one FILE: a report for the client, as one self-contained HTML file (or a PDF
    with -o report.pdf): an executive summary with prioritised recommendations, the
    coherence gaps by theme with why they matter and what to do, maturity with its radar,
    quadrant and eight steps, indicators against their planned line, the budget, the
    roadmap and the organisation's hierarchical lines. With two files (before.yaml
    after.yaml): what moved between the two reviews. With no FILE, the embedded demo.

    The HTML holds no script and loads nothing; charts need the [plot] extra.
    """
    from estrategy.base.language import choose_language
    from estrategy.base.messages import tr
    from estrategy.io.atomic import write_text_atomic
    from estrategy.maturity import load_maturity_model
    from estrategy.report.client import Branding, Voice, read_logo, review
    from estrategy.settings import config_for

    if len(files) > 2:
        fail(tr("give one model file, or two (before and after) for a progress report"), lang)
    target = output
    if target is not None and target.suffix.lower() not in _SUFFIXES:
        fail(
            tr(
                "{file}: the report file must end in .html or .pdf (or have no suffix: HTML)",
                file=str(target),
            ),
            lang,
        )
    folder = files[0].parent if files else Path.cwd()
    with clean_errors(lang):
        # One configuration for every file, so that progress is measured with one ruler.
        settings = config_for(folder, path=config, disabled=no_config)
    lang = lang or settings.lang
    with clean_errors(lang):
        branding = Branding(title, author, read_logo(logo) if logo is not None else None)
        spec = load_maturity_model(maturity_model) if maturity_model is not None else None
        loaded = [
            load_model_or_demo(
                f, command=tr("No file given: reporting on the embedded demo model."), lang=lang
            )
            for f in files or (None,)
        ]
        lang = choose_language(lang, settings.lang, loaded[-1].model.language)
        reviews = [
            review(
                item.model,
                config=settings,
                as_of=as_of,
                maturity_model=spec,
                source=item.source,
                positions=item.positions,
            )
            for item in loaded
        ]
        page = _page(reviews, branding, Voice(lang))
        if target is None:
            target = Path(_file_name(loaded[-1].model.name or "strategy") + "-report.html")
        if target.suffix.lower() == ".pdf":
            from estrategy.report.client import write_pdf

            write_pdf(page, target, through_symlink=through_symlink)
        else:
            write_text_atomic(target, page, through_symlink=through_symlink)
    _warn_without_charts(lang)
    click.echo(tr("Wrote {file}", file=str(target)).render(lang))


def _page(reviews: list[Review], branding: Branding, voice: Voice) -> str:
    from estrategy.report.client import progress_report, render_review

    if len(reviews) == 2:
        return progress_report(reviews[0], reviews[1], branding=branding, voice=voice)
    return render_review(reviews[0], branding=branding, voice=voice)


def _warn_without_charts(lang: str) -> None:
    from estrategy.base.messages import tr
    from estrategy.report.client.page import charts_available

    if not charts_available():
        note = tr(
            "note: the report has no charts: they need matplotlib (pip install 'estrategy[plot]')"
        )
        click.echo(note.render(lang), err=True)


def _file_name(name: str) -> str:
    """A safe file name from a model's name: letters, digits and dashes."""
    safe = "".join(c.lower() if c.isalnum() else "-" for c in name)
    return "-".join(part for part in safe.split("-") if part) or "strategy"
