"""Click options and output helpers shared by the commands that render a result.

The ``--format`` choices come from :data:`estrategy.report.RENDERERS`, so a format added
to the table is offered by the command without touching it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

__all__ = ["echo_rendered", "format_option", "output_file_option", "through_symlink_option"]

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


def output_file_option(help_text: str) -> Callable[[_F], _F]:
    """``-o``/``--output-file FILE`` (stored as ``output_file``, a path or ``None``)."""
    return click.option(
        "--output-file",
        "-o",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help=help_text,
    )
