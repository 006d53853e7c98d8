"""Helpers shared by the commands: loading with clean errors, exit codes, output."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NoReturn

import click

from estrategy.base.language import LANGUAGES, choose_language
from estrategy.base.messages import Text, render_text, tr
from estrategy.model.dates import DateError, parse_date

if TYPE_CHECKING:
    from estrategy.io import SourceMap
    from estrategy.model import StrategyModel

__all__ = [
    "EXIT_BAD_INPUT",
    "EXIT_CLEAN",
    "EXIT_FINDINGS",
    "AsOfDate",
    "LoadedModel",
    "as_of_option",
    "clean_errors",
    "config_options",
    "fail",
    "lang_option",
    "load_model_or_demo",
    "say",
]

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


def fail(message: Text, lang: str | None = None) -> NoReturn:
    """Print ``message`` on standard error and exit with status 2 (bad input or usage).

    Each line of the message is escaped for the terminal: an error that quotes input
    (a file name, a value) cannot print escape sequences nor start a line of its own.

    Args:
        message: what went wrong (a message is rendered in ``lang``).
        lang: the language; ``None`` chooses it from the environment, else English.
    """
    from estrategy.base.escape import terminal_text

    chosen = choose_language(lang)
    text = tr("error: {message}", message=render_text(message, chosen)).render(chosen)
    shown = "\n".join(terminal_text(line) for line in text.split("\n"))
    click.echo(shown, err=True)
    sys.exit(EXIT_BAD_INPUT)


def say(message: Text, lang: str | None = None) -> None:
    """Print a note for people (not the result) on standard error, in ``lang``."""
    click.echo(render_text(message, choose_language(lang)), err=True)


def lang_option(command: Callable[..., None]) -> Callable[..., None]:
    """``--lang en|fr``, stored as ``lang``: the language of the output and the messages."""
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES, case_sensitive=False),
        default=None,
        is_eager=True,  # before --help when written before it: the help page follows it
        help="Language of the output: en or fr (default: lang of the configuration, the "
        "model's language, else LANGUAGE/LC_ALL/LANG, else en).",
    )(command)


@contextmanager
def clean_errors(lang: str | None = None) -> Iterator[None]:
    """Turn the library's errors for bad input into a message and exit 2, never a traceback.

    Every error the library raises because of its input derives from
    :class:`~estrategy.base.errors.EstrategyError`, with a message meant for people (file,
    line, column, path). ``OSError`` is the file system's answer (a missing or unreadable
    file, a full disk), not a bug. ``RecursionError`` and ``MemoryError`` are the last
    resort for hostile input that slipped past the size and depth guards. Anything else
    is a bug, and is left to the command group's internal-error handler.

    Args:
        lang: the language of the message (``None``: the environment's, else English).
    """
    from estrategy.base.errors import EstrategyError

    chosen = choose_language(lang)
    try:
        yield
    except EstrategyError as exc:
        fail(exc.message_in(chosen) or type(exc).__name__, chosen)
    except (OSError, RecursionError, MemoryError) as exc:
        fail(str(exc) or type(exc).__name__, chosen)


def load_model_or_demo(file: Path | None, *, command: Text, lang: str | None = None) -> LoadedModel:
    """Load FILE with its source map, or the embedded demo (and say so on stderr).

    Must be called inside :func:`clean_errors`.

    Args:
        file: the model file, or ``None`` for the demo.
        command: what the command does to the model, as in "No file given: {command}
            the embedded demo model."
        lang: the language of the note about the demo.
    """
    from estrategy import io

    if file is None:
        say(command, lang)
        document = io.load_demo_document()
        return LoadedModel(document.model, document.source, document.positions, Path.cwd())
    document = io.load_document(file)
    return LoadedModel(document.model, str(file), document.positions, file.parent)


class LoadedModel(NamedTuple):
    """A model with where it came from: its file, its source map and its folder."""

    model: StrategyModel
    source: str | None
    positions: SourceMap | None
    folder: Path


# ParamType is generic only in recent click, and not subscriptable at run time before it.
class AsOfDate(click.ParamType):  # type: ignore[type-arg]
    """A calendar date written ``YYYY-MM-DD``, given to the command as a ``datetime.date``."""

    name = "YYYY-MM-DD"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return parse_date(str(value))
        except DateError:
            self.fail(
                tr("{value} is not a date (YYYY-MM-DD)", value=repr(value)).render(
                    choose_language(ctx.params.get("lang") if ctx is not None else None)
                ),
                param,
                ctx,
            )


def as_of_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """The ``--as-of`` option every command that judges time shares."""
    return click.option("--as-of", type=AsOfDate(), default=None, help=help_text)


def config_options(command: Callable[..., None]) -> Callable[..., None]:
    """``--config FILE`` and ``--no-config``, shared by the commands that run the rules."""
    command = click.option("--no-config", is_flag=True, help="Ignore configuration files.")(command)
    return click.option(
        "--config",
        type=click.Path(path_type=Path, dir_okay=False, exists=True),
        default=None,
        help="Configuration file (default: estrategy.toml or pyproject.toml "
        "[tool.estrategy] in the model's folder or a parent).",
    )(command)
