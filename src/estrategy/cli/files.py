"""``estrategy schema`` and ``estrategy init``: the file format's helpers."""

from __future__ import annotations

from pathlib import Path

import click

from estrategy.cli._common import clean_errors, fail
from estrategy.cli.options import through_symlink_option

__all__ = ["init", "schema"]


@click.command()
@click.option("--indent", default=2, show_default=True, help="Indentation of the JSON output.")
def schema(indent: int) -> None:
    """Print the JSON Schema of model files (for editor completion and validation)."""
    import json

    from estrategy.io import json_schema

    click.echo(json.dumps(json_schema(), indent=indent, ensure_ascii=False, sort_keys=False))


@click.command()
@click.argument(
    "file", required=False, default="strategy.yaml", type=click.Path(path_type=Path, dir_okay=False)
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@through_symlink_option
def init(file: Path, force: bool, through_symlink: bool) -> None:
    """Write a commented starter model to FILE (default: strategy.yaml).

    A FILE ending in .xlsx gets the starter workbook: drop-down lists, hints in the
    header comments and an example row per sheet.
    """
    from importlib import resources

    from estrategy.io.atomic import write_text_atomic

    if file.exists() and not force:
        fail(f"{file} already exists; use --force to overwrite it")
    with clean_errors():
        if file.suffix.lower() == ".xlsx":
            from estrategy.io.excel import save_starter

            save_starter(file, through_symlink=through_symlink)
        else:
            text = resources.files("estrategy.data").joinpath("starter.yaml").read_text("utf-8")
            write_text_atomic(file, text, through_symlink=through_symlink)
    click.echo(f"Wrote {file}. Next: estrategy check {file}")
