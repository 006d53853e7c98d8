"""``estrategy org``: analyse the organisation of a model file or of an HR export."""

from __future__ import annotations

from pathlib import Path

import click

from estrategy.cli._common import clean_errors, config_options, fail, lang_option, say
from estrategy.cli._help import TranslatedCommand
from estrategy.cli.options import echo_rendered, format_option
from estrategy.report import render

__all__ = ["org"]


@click.command(cls=TranslatedCommand)
@click.argument("source", required=False, type=click.Path(path_type=Path, exists=True))
@format_option("org", "Output format: text for people, json for programs.")
@click.option(
    "--mapping",
    default=None,
    metavar="PRESET|FILE",
    help="Column mapping of an HR export: a preset (chart, chart-ids, workplace, scim) "
    "or a TOML file.",
)
@click.option(
    "--export",
    "export",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the graph: FILE.graphml, FILE.gexf, or a folder for Gephi's "
    "nodes.csv and edges.csv.",
)
@click.option("--top", default=20, show_default=True, help="How many brokers to list.")
@click.option(
    "--upward-hops",
    type=int,
    default=None,
    help="List field roles more than this many steps from a decision maker (default: "
    "ORG004's upward_hops in the configuration, else 3).",
)
@config_options
@lang_option
def org(
    source: Path | None,
    output_format: str,
    mapping: str | None,
    export: Path | None,
    top: int,
    upward_hops: int | None,
    config: Path | None,
    no_config: bool,
    lang: str | None,
) -> None:
    """Analyse the organisation of SOURCE: a model, a CSV folder or a GraphML file.

    SOURCE is a model file, a folder of CSV files (an HR export) or a GraphML file; with
    no SOURCE, the embedded demo model.

    Prints the hierarchical lines, span of control and depth, transversality (pairs of
    lines joined, silos, groups inside one line), ties within and between lines, brokers,
    the upward reach of field roles, isolates and the reach of the ESN.
    """
    from estrategy.base.language import choose_language
    from estrategy.base.messages import tr
    from estrategy.io import export_organization, load_organization
    from estrategy.io.organization import check_export_target
    from estrategy.org.summary import analyze
    from estrategy.settings import config_for

    if top < 0 or (upward_hops is not None and upward_hops < 0):
        fail(tr("--top and --upward-hops must be >= 0"), lang)
    folder = Path.cwd() if source is None else source if source.is_dir() else source.parent
    with clean_errors(lang):
        configured = config_for(folder, path=config, disabled=no_config)
    lang = choose_language(lang, configured.lang)
    with clean_errors(lang):
        if export is not None:
            check_export_target(export)
        if source is None and mapping is None:
            say(tr("No file given: analysing the embedded demo model."), lang)
        tables = load_organization(source, mapping=mapping, attributes=export is not None)
        if upward_hops is None:
            upward_hops = int(configured.setting("upward_hops"))
        analysis = analyze(tables, top_brokers=top, upward_hops=upward_hops)
        if export is not None:
            export_organization(tables, export)
            say(tr("wrote {file}", file=str(export)), lang)
    echo_rendered(render(analysis, output_format, lang=lang))
