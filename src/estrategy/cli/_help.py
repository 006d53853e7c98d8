"""Help pages in the reader's language: usage, description, options and commands.

Click writes help from the English texts of the decorators and docstrings; the classes
here look each text up in the catalogue before it is written (Babel extracts the
commands' docstrings and every ``help=`` text of the command line, see
:mod:`estrategy.base.extraction`). The language is ``--lang`` when it comes before
``--help`` on the command line, else the environment's (``LANGUAGE``, ``LC_ALL``,
``LANG``), else English.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from contextlib import contextmanager

import click

from estrategy.base.language import DEFAULT_LANGUAGE, choose_language, supported_language
from estrategy.base.marks import N_

__all__ = [
    "TranslatedCommand",
    "TranslatedGroup",
    "help_language",
    "section",
    "shown",
    "translated_help",
]

# Click's own texts that estrategy's help pages show, so that Babel extracts them.
_CLICK_TEXTS = (
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("Output format."),  # format_option's default help
)


def shown(text: str, lang: str) -> str:
    """``text`` in ``lang``: English help needs no catalogue, and loads none."""
    if lang == DEFAULT_LANGUAGE:
        return text
    from estrategy.base.translations import translate

    return translate(text, lang)


_DEFAULT = re.compile(r"\[default: (?P<value>[^\]]*)\]")


@contextmanager
def section(formatter: click.HelpFormatter, title: str) -> Iterator[None]:
    """A section of a help page under ``title``, written whole (``Options :`` in French).

    Click's own sections add the colon themselves, which French typography cannot follow.
    """
    formatter.write_paragraph()
    formatter.write(f"{'':>{formatter.current_indent}}{title}\n")
    with formatter.indentation():
        yield


def help_language(ctx: click.Context) -> str:
    """The language of a help page: ``--lang`` if already parsed, else the environment's."""
    current: click.Context | None = ctx
    while current is not None:
        found = supported_language(current.params.get("lang"))
        if found is not None:
            return found
        current = current.parent
    return choose_language(None)


def translated_help(text: str, lang: str) -> str:
    """One option's help record in ``lang``: its help text, then click's ``[default: …]``."""
    if lang == DEFAULT_LANGUAGE:
        return text
    from estrategy.base.messages import tr
    from estrategy.base.translations import translate, unwrap_paragraphs

    whole = unwrap_paragraphs(text)
    found = translate(whole, lang)
    if found != whole:  # a help that writes its own [default: …]
        return found
    head, sep, tail = text.partition("  [")
    if not sep and text.startswith("["):
        head, tail, sep = "", text[1:], "["
    translated = translate(unwrap_paragraphs(head), lang) if head else ""
    if sep:
        tail = _DEFAULT.sub(
            lambda m: tr("[default: {value}]", value=m["value"]).render(lang), "[" + tail
        )
        return f"{translated}  {tail}" if translated else tail
    return translated


class _Translated(click.Command):
    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        prefix = shown(N_("Usage: "), help_language(ctx))
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if not self.help:
            return
        text = inspect.cleandoc(self.help).partition("\f")[0]
        lang = help_language(ctx)
        if lang != DEFAULT_LANGUAGE:
            from estrategy.base.translations import translate_paragraphs

            text = translate_paragraphs(text, lang, width=None)
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_language(ctx)
        rows = []
        for param in self.get_params(ctx):
            if not isinstance(param, click.Option):
                continue
            record = param.get_help_record(ctx)
            if record is not None:
                rows.append((record[0], translated_help(record[1], lang)))
        if rows:
            with section(formatter, shown(N_("Options:"), lang)):
                formatter.write_dl(rows)


class TranslatedCommand(_Translated):
    """A command whose help page is written in the reader's language."""


class TranslatedGroup(_Translated, click.Group):
    """A group whose help page, and list of commands, is written in the reader's language."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)
