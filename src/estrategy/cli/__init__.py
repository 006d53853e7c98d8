"""The ``estrategy`` command line: parses, calls the library, renders. No logic lives here.

Sub-commands are imported only when they run, so ``estrategy --help`` stays fast.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from typing import Any, NoReturn

import click

from estrategy.base.marks import N_
from estrategy.cli._help import TranslatedGroup, help_language, section, shown

__all__ = ["main"]

# name -> (module, attribute, one-line help). The help is kept here so that listing the
# commands imports none of them; it is looked up in the catalogue when shown.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "check": ("estrategy.cli.check", "check", N_("Lint a model file for coherence gaps.")),
    "maturity": (
        "estrategy.cli.maturity",
        "maturity",
        N_("Score a model's digital maturity."),
    ),
    "org": (
        "estrategy.cli.org",
        "org",
        N_("Analyse the organisation of a model or an HR export."),
    ),
    "whatif": (
        "estrategy.cli.whatif",
        "whatif",
        N_("Say what removing people, units, groups or tools would change."),
    ),
    "report": ("estrategy.cli.report", "report", N_("Write one self-contained HTML report.")),
    "rules": ("estrategy.cli.rules", "rules", N_("List the rule catalogue.")),
    "rule": ("estrategy.cli.rules", "rule", N_("Show the documentation of one rule.")),
    "schema": ("estrategy.cli.files", "schema", N_("Print the JSON Schema of model files.")),
    "init": ("estrategy.cli.files", "init", N_("Write a commented starter model file.")),
}


class _LazyGroup(TranslatedGroup):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name, (module, _, _) in COMMANDS.items() if _exists(module))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None or not _exists(entry[0]):
            return None
        module, attribute, _ = entry
        command = getattr(importlib.import_module(module), attribute)
        if not isinstance(command, click.Command):  # pragma: no cover - programming error
            raise TypeError(f"{module}.{attribute} is not a click command")
        return command

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # Ctrl-C outside a command (while arguments are read, or on the way out)
        try:
            return super().main(*args, **kwargs)
        except KeyboardInterrupt:
            _interrupted()

    def invoke(self, ctx: click.Context) -> Any:
        # Errors for bad input are handled by each command (exit 2 with their message);
        # what reaches here is a bug in estrategy, reported in one line, not a traceback.
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _interrupted()
        except (click.exceptions.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            from estrategy.base.errors import EstrategyError

            if isinstance(exc, EstrategyError):  # a command that forgot clean_errors()
                from estrategy.cli._common import fail

                fail(str(exc))
            if ctx.params.get("debug") or os.environ.get(DEBUG_VARIABLE):
                traceback.print_exc()
            else:
                click.echo(
                    f"estrategy: internal error ({type(exc).__name__}: {_first_line(exc)}); "
                    f"this is a bug in estrategy, please report it. Run with --debug (or "
                    f"{DEBUG_VARIABLE}=1) to see the traceback.",
                    err=True,
                )
            sys.exit(2)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        rows = [(name, shown(COMMANDS[name][2], lang)) for name in self.list_commands(ctx)]
        if rows:
            with section(formatter, shown(N_("Commands:"), lang)):
                formatter.write_dl(rows)


EXIT_INTERRUPTED = 130
"""The exit status after Ctrl-C: 128 + SIGINT, as shells report it."""

DEBUG_VARIABLE = "ESTRATEGY_DEBUG"
"""Set to any non-empty value to print the traceback of an internal error (as ``--debug``)."""


def _interrupted() -> NoReturn:
    """Ctrl-C: one line, and the status shells give SIGINT (not click's "Aborted!", 1)."""
    click.echo("estrategy: interrupted", err=True)
    sys.exit(EXIT_INTERRUPTED)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "no message"


def _exists(module: str) -> bool:
    from importlib.util import find_spec

    return find_spec(module) is not None


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="estrategy", message="estrategy %(version)s")
@click.option(
    "--debug",
    is_flag=True,
    help=f"Print the traceback of an internal error (also {DEBUG_VARIABLE}=1).",
)
def main(**_: Any) -> None:
    """Digital strategy as code: lint, analyse and score a strategy model.

    Lint a strategy model for coherence gaps, analyse the organisation that carries it
    out, and score its digital maturity.

    Exit status: 0 clean, 1 findings at or above --fail-on, 2 bad input or usage (and
    internal errors, which are bugs: please report them), 130 after Ctrl-C.
    """
