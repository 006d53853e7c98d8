"""``estrategy maturity``: score a model's digital maturity, or its progress between files."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import Any

import click

from estrategy.cli._common import (
    as_of_option,
    clean_errors,
    config_options,
    fail,
    lang_option,
    load_model_or_demo,
    say,
)
from estrategy.cli._help import TranslatedCommand
from estrategy.cli.options import (
    catalogue_option,
    echo_rendered,
    file_option,
    format_option,
    maturity_model_option,
    through_symlink_option,
)
from estrategy.report import render

__all__ = ["maturity"]


def _print_default_model(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from importlib import resources

    text = resources.files("estrategy.data").joinpath("maturity.toml").read_text("utf-8")
    click.echo(text, nl=False)
    ctx.exit(0)


@click.command(cls=TranslatedCommand)
@click.option(
    "--print-default-model",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_default_model,
    help="Print the default maturity model (TOML), a starting point for --maturity-model.",
)
@click.argument("files", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@format_option("maturity")
@maturity_model_option
@catalogue_option()
@as_of_option("Assess as of this date (default: each model's as_of, else today).")
@file_option(
    "--plot",
    "plot_file",
    help_text="Also write the radar and quadrant charts to this .svg or .png file "
    "(needs matplotlib).",
)
@through_symlink_option
@click.option("--no-evidence", is_flag=True, help="Text output: leave out the evidence lines.")
@config_options
@lang_option
def maturity(
    files: tuple[Path, ...],
    output_format: str,
    maturity_model: Path | None,
    catalogue: Path | None,
    as_of: dt.date | None,
    plot_file: Path | None,
    through_symlink: bool,
    no_evidence: bool,
    config: Path | None,
    no_config: bool,
    lang: str | None,
) -> None:
    """Score the digital maturity of FILE; with two files or more, show what moved.

    With one FILE: per dimension a score, a level and the evidence behind it, the
    quadrant (beginner, fashionista, conservative, digirati) and the eight steps of the
    method. With several FILEs (before.yaml after.yaml …): the progress between each
    file and the next. With no FILE, the embedded demo model.

    The rule settings of the configuration (``[settings]`` of estrategy.toml, found from
    the first FILE's folder, or --config) apply to the criteria that mirror a rule, as
    ``check`` applies them to the rules.
    """
    from estrategy import io
    from estrategy.base.language import choose_language
    from estrategy.base.messages import tr
    from estrategy.catalogue import Catalogue
    from estrategy.maturity import assess, compare, load_maturity_model
    from estrategy.settings import config_for

    if plot_file is not None and plot_file.suffix.lower() not in (".svg", ".png"):
        fail(tr("{file}: the chart file must end in .svg or .png", file=str(plot_file)), lang)
    folder = files[0].parent if files else Path.cwd()
    with clean_errors(lang):
        # One configuration for every file, so that progress is measured with one ruler.
        configured = config_for(folder, path=config, disabled=no_config)
    lang = lang or configured.lang
    with clean_errors(lang):
        spec = load_maturity_model(maturity_model) if maturity_model is not None else None
        cat = Catalogue.from_toml(catalogue) if catalogue is not None else None
        if not files:
            demo = load_model_or_demo(
                None, command=tr("No file given: assessing the embedded demo model."), lang=lang
            )
            models = [demo.model]
        else:
            models = [io.load(path) for path in files]
        settings = configured.settings
        assessments = [
            assess(model, spec, as_of=as_of, catalogue=cat, settings=settings) for model in models
        ]

    lang = choose_language(lang, None, models[0].language)
    options: dict[str, Any] = {"lang": lang}
    if len(assessments) == 1:
        result: object = assessments[0]
        if output_format == "text":
            options["evidence"] = not no_evidence
    else:
        comparisons = [compare(a, b) for a, b in itertools.pairwise(assessments)]
        result = comparisons[0] if len(comparisons) == 1 else comparisons
    echo_rendered(render(result, output_format, **options))

    if plot_file is not None:
        from estrategy.maturity.quadrant import quadrant_thresholds
        from estrategy.report.charts import save_plot

        thresholds = quadrant_thresholds(assessments[0].maturity_model, spec)
        # several files: chart the first against the last
        target = (
            assessments[0] if len(assessments) == 1 else compare(assessments[0], assessments[-1])
        )
        try:
            with clean_errors(lang):
                save_plot(target, plot_file, thresholds, through_symlink=through_symlink)
        except ImportError as exc:
            fail(str(exc), lang)
        say(tr("Charts written to {file}.", file=str(plot_file)), lang)
