"""``estrategy rules`` and ``estrategy rule CODE``: the rule catalogue, as ``ruff rule`` does."""

from __future__ import annotations

import click

from estrategy.cli._common import clean_errors, fail, lang_option
from estrategy.cli._help import TranslatedCommand
from estrategy.cli.options import echo_rendered, format_option
from estrategy.report import render

__all__ = ["rule", "rules"]


def _language(flag: str | None) -> str:
    """The language of a command that reads no model: flag, configuration, environment."""
    from pathlib import Path

    from estrategy.base.language import choose_language
    from estrategy.settings import config_for

    with clean_errors(flag):
        configured = config_for(Path.cwd()).lang if flag is None else None
    return choose_language(flag, configured)


@click.command(cls=TranslatedCommand)
@format_option("rules")
@lang_option
def rules(output_format: str, lang: str | None) -> None:
    """List every rule: code, name, default severity and what it flags."""
    from estrategy.rules import registry

    chosen = _language(lang)
    with clean_errors(chosen):
        catalogue = registry()
    echo_rendered(render(catalogue, output_format, kind="rules", lang=chosen))


@click.command(cls=TranslatedCommand)
@click.argument("code")
@format_option("rule")
@lang_option
def rule(code: str, output_format: str, lang: str | None) -> None:
    """Show the documentation of rule CODE (e.g. STR001)."""
    from estrategy.base.errors import EstrategyError
    from estrategy.rules import get_rule

    chosen = _language(lang)
    with clean_errors(chosen):
        try:
            found = get_rule(code)
        except KeyError as exc:
            fail(exc.message_in(chosen) if isinstance(exc, EstrategyError) else str(exc), chosen)
    echo_rendered(render(found, output_format, kind="rule", lang=chosen))
