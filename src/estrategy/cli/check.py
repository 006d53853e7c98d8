"""``estrategy check``: lint a model file for coherence gaps."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

import click

from estrategy.base.escape import excerpt
from estrategy.cli._common import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    as_of_option,
    clean_errors,
    config_options,
    fail,
    load_model_or_demo,
)
from estrategy.cli.options import echo_rendered, format_option
from estrategy.report import formats, render

__all__ = ["FORMATS", "check"]

FORMATS = formats("check")
"""The output formats of ``check``: those of :data:`estrategy.report.RENDERERS`."""

_SEVERITIES = ("error", "warning", "info")


def _codes(values: tuple[str, ...]) -> tuple[str, ...] | None:
    """Comma-separated, repeatable code lists as one tuple (``None`` when not given)."""
    if not values:
        return None
    return tuple(c.strip().upper() for v in values for c in v.split(",") if c.strip())


def _pairs(values: tuple[str, ...], option: str) -> dict[str, str]:
    result = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key.strip():
            fail(f"{option} expects NAME=VALUE, got {excerpt(value)}")
        result[key.strip()] = rest.strip()
    return result


def _setting_value(text: str) -> Any:
    """A ``--set`` value read as a TOML value (``60``, ``0.3``, ``["a", "b"]``), else text."""
    from estrategy.io.toml import toml_value

    return toml_value(text)


def _use_color(choice: bool | None) -> bool:
    if choice is not None:
        return choice
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False))
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
@click.option(
    "--catalogue",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="Tactic and role catalogue TOML file overriding the shipped one.",
)
@click.option("--color/--no-color", default=None, help="Colour the text output.")
def check(
    file: Path | None,
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
) -> None:
    """Lint FILE (YAML, JSON or TOML); with no FILE, the embedded demo model.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad input or usage.
    """
    from estrategy.settings import Config, config_for

    with clean_errors():
        model, source, positions, folder = load_model_or_demo(file, command="checking")
        base = config_for(folder, path=config, disabled=no_config)
        flags = Config(
            select=_codes(select),
            ignore=_codes(ignore) or (),
            severities=_pairs(severities, "--severity"),
            settings={k: _setting_value(v) for k, v in _pairs(settings, "--set").items()},
            fail_on=None,
            catalogue=catalogue,
        )
        merged = base.merged(flags)
        report = merged.check(model, as_of=as_of)
        threshold = fail_on or (str(merged.fail_on) if merged.fail_on else "error")
    options: dict[str, Any] = {"source": source, "positions": positions}
    if output_format == "text":
        options["color"] = _use_color(color)
    echo_rendered(render(report, output_format, **options))
    sys.exit(EXIT_FINDINGS if report.at_or_above(threshold) else EXIT_CLEAN)
