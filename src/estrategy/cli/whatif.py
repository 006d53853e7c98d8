"""``estrategy whatif``: what removing people, units, groups or tools would change."""

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
from estrategy.cli.options import echo_rendered, format_option
from estrategy.report import render

__all__ = ["whatif"]


@click.command(cls=TranslatedCommand)
@click.argument(
    "file", required=False, type=click.Path(path_type=Path, exists=True, dir_okay=False)
)
@click.option(
    "--remove",
    "remove",
    multiple=True,
    required=True,
    metavar="ID[,ID…]",
    help="People, units, groups or tools to remove (repeat, or separate with commas).",
)
@format_option("whatif", "Output format: text for people, json for programs.")
@as_of_option("Judge the findings and the maturity at this date (default: the model's as_of).")
@click.option("--no-maturity", is_flag=True, help="Do not assess the maturity before and after.")
@config_options
@lang_option
def whatif(
    file: Path | None,
    remove: tuple[str, ...],
    output_format: str,
    as_of: dt.date | None,
    no_maturity: bool,
    config: Path | None,
    no_config: bool,
    lang: str | None,
) -> None:
    """Say what would change in FILE without the people, units, groups or tools given.

    Removes each id given with --remove and compares: the findings that appear and
    disappear, the actions left without a responsible, externals left unsupervised, lines
    that become silos, field roles that lose every upward path, and the maturity score.
    A person who leaves is not replaced: the people they managed report to their manager.
    With no FILE, the embedded demo model.
    """
    from estrategy.base.language import choose_language
    from estrategy.base.messages import tr
    from estrategy.settings import config_for
    from estrategy.whatif import simulate

    ids = [part.strip() for given in remove for part in given.split(",") if part.strip()]
    folder = file.parent if file is not None else Path.cwd()
    with clean_errors(lang):
        configured = config_for(folder, path=config, disabled=no_config)
    lang = lang or configured.lang
    with clean_errors(lang):
        loaded = load_model_or_demo(
            file, command=tr("No file given: simulating on the embedded demo model."), lang=lang
        )
        simulation = simulate(
            loaded.model,
            remove=ids,
            as_of=as_of,
            maturity=not no_maturity,
            config=configured,
        )
    lang = choose_language(lang, None, loaded.model.language)
    echo_rendered(render(simulation, output_format, lang=lang))
