"""``estrategy org``: analyse the organisation of a model file or of an HR export."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from estrategy.cli._common import (
    as_of_option,
    clean_errors,
    config_options,
    fail,
    lang_option,
    say,
)
from estrategy.cli._help import TranslatedCommand
from estrategy.cli.options import echo_rendered, format_option
from estrategy.report import render

if TYPE_CHECKING:
    from estrategy.settings import Config

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
@as_of_option(
    "Read a dated export (a weekly person query) as of this date: each person's latest "
    "row up to it, and the ties dated up to it."
)
@click.option(
    "--allow-outside",
    is_flag=True,
    help="Let the source read files outside its folder (symlinks, a mapping's file names, "
    "a model's organization: {from: ...}).",
)
@click.option(
    "--export",
    "export",
    type=click.Path(path_type=Path),
    default=None,
    help="Also write the graph: FILE.graphml, FILE.gexf, or a folder for Gephi's "
    "nodes.csv and edges.csv.",
)
@click.option(
    "--names",
    is_flag=True,
    help="Write people's names in the --export (left out by default: personal data).",
)
@click.option(
    "--pseudonymise",
    "key",
    default=None,
    metavar="KEY",
    help="Replace person ids and names by a keyed hash in every output and export "
    "(HMAC-SHA-256 with KEY; env:NAME reads the key from that environment variable). "
    "The key is never written.",
)
@click.option(
    "--min-group-size",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Withhold per-line and per-group aggregates of fewer people.",
)
@click.option(
    "--by",
    default=None,
    metavar="COLUMN",
    help="Groups of the group-to-group matrix: a person column of the export "
    "(e.g. Organization), or unit; default: the hierarchical lines.",
)
@click.option(
    "--within",
    "definition",
    type=click.Choice(["pairs", "vivainsights"]),
    default="pairs",
    show_default=True,
    help="Within-group share of the group-to-group matrix: I/(I+E) over distinct pairs, "
    "or vivainsights' 2I/(2I+E) per group over directed rows.",
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
    as_of: dt.date | None,
    allow_outside: bool,
    export: Path | None,
    names: bool,
    key: str | None,
    min_group_size: int,
    by: str | None,
    definition: str,
    top: int,
    upward_hops: int | None,
    config: Path | None,
    no_config: bool,
    lang: str | None,
) -> None:
    """Analyse the organisation of SOURCE: a model, a CSV folder or a GraphML file.

    SOURCE is a model file, a folder of CSV or Parquet files (an HR export) or a GraphML
    file; with no SOURCE, the embedded demo model.

    Prints the hierarchical lines, span of control and depth, transversality (pairs of
    lines joined, silos, groups inside one line), ties within and between lines (by
    count and by weight), brokers and their brokerage roles, key-person risk, the upward
    reach of field roles, isolates and the reach of the ESN. Aggregates of fewer than
    --min-group-size people are withheld.
    """
    from estrategy.base.language import choose_language
    from estrategy.base.messages import tr
    from estrategy.io import export_organization
    from estrategy.io.organization import check_export_target
    from estrategy.org.summary import analyze
    from estrategy.settings import config_for

    if top < 0 or (upward_hops is not None and upward_hops < 0):
        fail(tr("--top and --upward-hops must be >= 0"), lang)
    folder = Path.cwd() if source is None else source if source.is_dir() else source.parent
    with clean_errors(lang):
        configured = config_for(folder, path=config, disabled=no_config)
    lang = choose_language(lang, configured.lang)
    secret = _key(key, lang)
    with clean_errors(lang):
        if export is not None:
            check_export_target(export)
        if source is None and mapping is None:
            say(tr("No file given: analysing the embedded demo model."), lang)
        subject = _load(source, mapping, as_of, allow_outside, by, export is not None)
        for note in _tables(subject).notes:
            say(tr("note: {note}", note=note), lang)
        by = _grouping(by, mapping)
        if upward_hops is None:
            upward_hops = _upward_hops(configured)
        if secret is not None:
            subject = _pseudonymised(subject, secret, by)
        try:
            analysis = analyze(
                subject,
                top_brokers=top,
                upward_hops=upward_hops,
                min_group_size=min_group_size,
                by=by,
                definition=definition,
            )
        except ValueError as exc:  # an unknown --by column
            fail(str(exc), lang)
        if export is not None:
            export_organization(_tables(subject), export, names=names)
            say(tr("wrote {file}", file=str(export)), lang)
    echo_rendered(render(analysis, output_format, kind="org", lang=lang))


def _grouping(by: str | None, mapping: str | None) -> str | None:
    """``--by`` in our terms: an export column the mapping reads as the unit is ``unit``."""
    if by is None or mapping is None:
        return by
    from estrategy.io.organization import resolve_mapping

    theirs = resolve_mapping(mapping).people.get("unit")
    names = (theirs,) if isinstance(theirs, str) else theirs or ()
    return "unit" if by in names else by


def _key(given: str | None, lang: str) -> str | None:
    """The pseudonymisation key: as given, or from the environment (``env:NAME``)."""
    from estrategy.base.messages import tr

    if given is None:
        return None
    if given.startswith("env:"):
        value = os.environ.get(given[4:])
        if not value:
            fail(
                tr(
                    "--pseudonymise {given}: the environment variable {name} is not set",
                    given=given,
                    name=given[4:],
                ),
                lang,
            )
        return value
    if not given:
        fail(tr("--pseudonymise needs a non-empty key"), lang)
    return given


def _load(
    source: Path | None,
    mapping: str | None,
    as_of: dt.date | None,
    allow_outside: bool,
    by: str | None,
    attributes: bool,
) -> Any:
    """The model (for a model file: its actions count in the key-person risk) or the tables."""
    from estrategy import io
    from estrategy.io import load_organization

    keep = attributes or (by is not None and by not in ("line", "unit"))
    is_model = source is not None and source.is_file() and source.suffix.lower() in io.FORMATS
    if is_model and mapping is None:
        assert source is not None
        return io.load(source, allow_outside=allow_outside)
    if source is None and mapping is None:
        return io.load_demo()
    return load_organization(
        source, mapping=mapping, attributes=keep, allow_outside=allow_outside, as_of=as_of
    )


def _tables(subject: Any) -> Any:
    from estrategy.model import StrategyModel
    from estrategy.model.tables import as_tables

    return as_tables(subject.organization if isinstance(subject, StrategyModel) else subject)


def _pseudonymised(subject: Any, secret: str, by: str | None) -> Any:
    """The tables with pseudonyms (a model's actions no longer match: tables alone)."""
    from estrategy.org.privacy import pseudonymise

    return pseudonymise(_tables(subject), secret, keep=() if by is None else (by,))


def _upward_hops(configured: Config) -> int:
    """ORG004's ``upward_hops`` as configured (checked when the file was read), else 3."""
    if "upward_hops" in configured.settings:
        return int(configured.settings["upward_hops"])
    from estrategy.org.reach import UPWARD_HOPS  # the rules need not be imported

    return UPWARD_HOPS
