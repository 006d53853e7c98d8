"""``estrategy rules`` and ``estrategy rule CODE``: the rule catalogue, as ``ruff rule`` does."""

from __future__ import annotations

import click

from estrategy.cli._common import clean_errors, fail
from estrategy.cli.options import echo_rendered, format_option
from estrategy.report import render

__all__ = ["rule", "rules"]


@click.command()
@format_option("rules")
def rules(output_format: str) -> None:
    """List every rule: code, name, default severity and what it flags."""
    from estrategy.rules import registry

    with clean_errors():
        catalogue = registry()
    echo_rendered(render(catalogue, output_format, kind="rules"))


@click.command()
@click.argument("code")
@format_option("rule")
def rule(code: str, output_format: str) -> None:
    """Show the documentation of rule CODE (e.g. STR001)."""
    from estrategy.rules import get_rule

    with clean_errors():
        try:
            found = get_rule(code)
        except KeyError as exc:
            fail(str(exc.args[0]))
    echo_rendered(render(found, output_format, kind="rule"))
