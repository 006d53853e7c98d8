"""Click options and output helpers shared by the commands that render a result.

The ``--format`` choices come from :data:`estrategy.report.RENDERERS`, so a format added
to the table is offered by the command without touching it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

__all__ = [
    "catalogue_option",
    "echo_rendered",
    "file_option",
    "format_option",
    "maturity_model_option",
    "output_file_option",
    "through_symlink_option",
]

_F = TypeVar("_F", bound=Callable[..., Any])


def format_option(kind: str, help_text: str = "Output format.") -> Callable[[_F], _F]:
    """``--format`` (stored as ``output_format``), its choices the formats of ``kind``.

    Args:
        kind: a kind of result of :data:`estrategy.report.RENDERERS`.
        help_text: the option's help.

    Example:
        >>> @format_option("org")
        ... @click.command()
        ... def show(output_format: str) -> None: ...
        >>> [p.type.choices for p in show.params]
        [('text', 'json')]
    """
    from estrategy.report import formats

    return click.option(
        "--format",
        "output_format",
        type=click.Choice(formats(kind)),
        default="text",
        show_default=True,
        help=help_text,
    )


def through_symlink_option(command: _F) -> _F:
    """``--through-symlink``: a file to write may be a symbolic link, replaced through it.

    Without it, a destination that is a symbolic link is refused, as are devices and
    FIFOs (see :mod:`estrategy.io.atomic`).
    """
    option = click.option(
        "--through-symlink",
        is_flag=True,
        help="When the file to write is a symbolic link, replace the file it points to "
        "(by default a link is refused, as are devices and pipes).",
    )
    return option(command)


def echo_rendered(text: str) -> None:
    """Print a renderer's text, ending it with exactly one newline."""
    click.echo(text, nl=not text.endswith("\n"))


def file_option(*names: str, help_text: str, exists: bool = False) -> Callable[[_F], _F]:
    """An option naming one file: a path, never a folder, ``None`` when not given.

    Args:
        names: the option's names (and the parameter's, as ``click.option`` reads them).
        help_text: the option's help.
        exists: refuse a path that does not exist before the command runs.

    Example:
        >>> @file_option("--logo", help_text="A logo.")
        ... @click.command()
        ... def show(logo: Path | None) -> None: ...
        >>> show.params[0].type.dir_okay, show.params[0].default
        (False, None)
    """
    return click.option(
        *names,
        type=click.Path(path_type=Path, dir_okay=False, exists=exists),
        default=None,
        help=help_text,
    )


def catalogue_option(*, exists: bool = False) -> Callable[[_F], _F]:
    """``--catalogue FILE``: a tactic and role catalogue replacing the shipped one."""
    return file_option(
        "--catalogue",
        help_text="Tactic and role catalogue TOML file overriding the shipped one.",
        exists=exists,
    )


maturity_model_option = file_option(
    "--maturity-model",
    help_text="A maturity-model TOML file (dimensions, criteria, weights, levels, thresholds).",
)
"""``--maturity-model FILE``: the maturity model to assess with, instead of the default."""


def output_file_option(help_text: str) -> Callable[[_F], _F]:
    """``-o``/``--output-file FILE`` (stored as ``output_file``, a path or ``None``)."""
    return file_option("--output-file", "-o", help_text=help_text)
