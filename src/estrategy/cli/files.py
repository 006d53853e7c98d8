"""``estrategy schema`` and ``estrategy init``: the file format's helpers."""

from __future__ import annotations

from pathlib import Path

import click

from estrategy.cli._common import clean_errors, fail, lang_option
from estrategy.cli._help import TranslatedCommand
from estrategy.cli.options import output_file_option, through_symlink_option

__all__ = ["SCHEMA_FILE", "init", "modeline", "schema"]

SCHEMA_FILE = "estrategy.schema.json"
"""The JSON Schema file ``init`` writes beside a new model, named by its first line."""


def _schema_text(indent: int) -> str:
    import json

    from estrategy.io import json_schema

    return json.dumps(json_schema(), indent=indent, ensure_ascii=False, sort_keys=False) + "\n"


@click.command(cls=TranslatedCommand)
@click.option("--indent", default=2, show_default=True, help="Indentation of the JSON output.")
@output_file_option("Write the schema to FILE (atomically), e.g. estrategy.schema.json.")
@through_symlink_option
@lang_option
def schema(indent: int, output_file: Path | None, through_symlink: bool, lang: str | None) -> None:
    """Print the JSON Schema of model files (for editor completion and validation)."""
    from estrategy.base.language import choose_language
    from estrategy.base.messages import tr

    lang = choose_language(lang)  # the schema's own descriptions stay in English
    text = _schema_text(indent)
    if output_file is None:
        click.echo(text, nl=False)
        return
    from estrategy.io.atomic import write_text_atomic

    with clean_errors(lang):
        write_text_atomic(output_file, text, through_symlink=through_symlink)
    click.echo(tr("Wrote {file}.", file=str(output_file)).render(lang), err=True)


def modeline(schema_file: str = SCHEMA_FILE) -> str:
    """The first line that tells the YAML language server (VS Code, …) the file's schema.

    Example:
        >>> modeline()
        '# yaml-language-server: $schema=estrategy.schema.json'
    """
    return f"# yaml-language-server: $schema={schema_file}"


@click.command(cls=TranslatedCommand)
@click.argument(
    "file", required=False, default="strategy.yaml", type=click.Path(path_type=Path, dir_okay=False)
)
@click.option("--force", is_flag=True, help="Overwrite FILE (and its schema file) if they exist.")
@through_symlink_option
@lang_option
def init(file: Path, force: bool, through_symlink: bool, lang: str | None) -> None:
    """Write a commented starter model to FILE (default: strategy.yaml).

    A FILE ending in .xlsx gets the starter workbook: drop-down lists, hints in the
    header comments and an example row per sheet. A YAML file starts with a
    yaml-language-server line naming estrategy.schema.json, written beside it, so that
    editors complete and check keys as you type.
    """
    from importlib import resources

    from estrategy.base.language import choose_language
    from estrategy.base.messages import tr
    from estrategy.io.atomic import write_text_atomic

    lang = choose_language(lang)
    if file.exists() and not force:
        fail(tr("{file} already exists; use --force to overwrite it", file=str(file)), lang)
    written = [file]
    with clean_errors(lang):
        if file.suffix.lower() == ".xlsx":
            from estrategy.io.excel import save_starter

            save_starter(file, through_symlink=through_symlink)
        else:
            text = resources.files("estrategy.data").joinpath("starter.yaml").read_text("utf-8")
            if file.suffix.lower() in (".yaml", ".yml"):
                text = f"{modeline()}\n{text}"
                schema_path = file.parent / SCHEMA_FILE
                if force or not schema_path.exists():
                    write_text_atomic(schema_path, _schema_text(2), through_symlink=through_symlink)
                    written.append(schema_path)
            write_text_atomic(file, text, through_symlink=through_symlink)
    if len(written) == 1:
        done = tr("Wrote {file}. Next: estrategy check {file}", file=str(file))
    else:
        done = tr(
            "Wrote {file} and {schema}. Next: estrategy check {file}",
            file=str(file),
            schema=str(written[1]),
        )
    click.echo(done.render(lang))
