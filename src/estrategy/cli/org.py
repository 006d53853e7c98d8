"""``estrategy org``: analyse the organisation of a model file or of an HR export."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from estrategy.cli._common import clean_errors, config_options, fail
from estrategy.cli.options import echo_rendered, format_option
from estrategy.report import render

if TYPE_CHECKING:
    from estrategy.settings import Config

__all__ = ["org"]


@click.command()
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
def org(
    source: Path | None,
    output_format: str,
    mapping: str | None,
    export: Path | None,
    top: int,
    upward_hops: int | None,
    config: Path | None,
    no_config: bool,
) -> None:
    """Analyse the organisation of SOURCE: a model, a CSV folder or a GraphML file.

    SOURCE is a model file, a folder of CSV files (an HR export) or a GraphML file; with
    no SOURCE, the embedded demo model.

    Prints the hierarchical lines, span of control and depth, transversality (pairs of
    lines joined, silos, groups inside one line), ties within and between lines, brokers,
    the upward reach of field roles, isolates and the reach of the ESN.
    """
    from estrategy.io import export_organization, load_organization
    from estrategy.io.organization import check_export_target
    from estrategy.org.summary import analyze
    from estrategy.settings import config_for

    if top < 0 or (upward_hops is not None and upward_hops < 0):
        fail("--top and --upward-hops must be >= 0")
    with clean_errors():
        if export is not None:
            check_export_target(export)
        if source is None and mapping is None:
            click.echo("No file given: analysing the embedded demo model.", err=True)
        tables = load_organization(source, mapping=mapping, attributes=export is not None)
        if upward_hops is None:
            folder = Path.cwd() if source is None else source if source.is_dir() else source.parent
            configured = config_for(folder, path=config, disabled=no_config)
            upward_hops = int(_settings(configured)["upward_hops"])
        analysis = analyze(tables, top_brokers=top, upward_hops=upward_hops)
        if export is not None:
            export_organization(tables, export)
            click.echo(f"wrote {export}", err=True)
    echo_rendered(render(analysis, output_format))


def _settings(configured: Config) -> Mapping[str, Any]:
    """The rule settings of a configuration, checked as ``check`` checks them.

    A bad value (``upward_hops = inf``, ``[1]``) is an error naming the configuration file.
    """
    from estrategy.analysis import SettingsError, resolve_settings

    try:
        return resolve_settings(configured.settings)
    except SettingsError as exc:
        where = f"{configured.source}: " if configured.source is not None else ""
        fail(f"{where}{exc}")
