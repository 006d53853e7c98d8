"""The package's gettext catalogues, loaded on the first text rendered in a language.

The catalogues are ``estrategy/locale/<lang>/LC_MESSAGES/estrategy.mo``, compiled by
Babel from the ``.po`` files beside them (``docs/languages.md`` says how). English is the
language of the msgids and needs no catalogue. ``import estrategy`` loads none of this:
a catalogue is read once per process, the first time a message is rendered in its
language.

Example:
    >>> translations("fr").gettext("Settings")
    'Réglages'
    >>> translate("Settings", "en")
    'Settings'
"""

from __future__ import annotations

import functools
import gettext
import re
import textwrap
from importlib import resources

from estrategy.base.language import DEFAULT_LANGUAGE

__all__ = [
    "DOMAIN",
    "catalogue_file",
    "translate",
    "translate_paragraphs",
    "translations",
    "unwrap_paragraphs",
]

DOMAIN = "estrategy"
"""The gettext domain of estrategy's messages (the catalogues' file name)."""


def catalogue_file(lang: str, suffix: str = ".mo") -> resources.abc.Traversable:
    """The packaged catalogue of ``lang`` (``.mo``, or ``.po`` with ``suffix=".po"``)."""
    return resources.files("estrategy").joinpath("locale", lang, "LC_MESSAGES", DOMAIN + suffix)


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The translations of ``lang``: its compiled catalogue, or none for English.

    An unknown language, or one with no catalogue, translates nothing: its text is the
    English msgid (English plural rules included).
    """
    if lang == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    found = catalogue_file(lang)
    if not found.is_file():
        return gettext.NullTranslations()
    with found.open("rb") as stream:
        return gettext.GNUTranslations(stream)


def translate(text: str, lang: str) -> str:
    """``text`` looked up as a msgid in the catalogue of ``lang`` (itself when absent).

    For text that is data rather than code: the rules' documentation, the names of the
    maturity model and of the catalogue, looked up under their English wording.
    """
    if not text:
        return text
    return translations(lang).gettext(text)


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def unwrap_paragraphs(text: str) -> str:
    r"""Each paragraph of ``text`` on one line, paragraphs separated by a blank line.

    The msgid of a documentation section: re-wrapping a docstring changes nothing.

    Example:
        >>> unwrap_paragraphs("one\n  two\n\n three")
        'one two\n\nthree'
    """
    paragraphs = (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def translate_paragraphs(text: str, lang: str, width: int | None = 88) -> str:
    r"""A documentation section in ``lang``, wrapped at ``width``; as it is when untranslated.

    The section is looked up by its unwrapped paragraphs (:func:`unwrap_paragraphs`);
    English, and a section the catalogue lacks (a plugin's rule), keep their own wrapping;
    ``width=None`` leaves each translated paragraph on one line.

    Example:
        >>> translate_paragraphs("Set the person's ``supervisor`` to an internal\nperson.", "en")
        "Set the person's ``supervisor`` to an internal\nperson."
    """
    if not text or lang == DEFAULT_LANGUAGE:
        return text
    key = unwrap_paragraphs(text)
    found = translations(lang).gettext(key)
    if found == key:
        return text
    if width is None:
        return found
    return "\n\n".join(
        textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False)
        for p in found.split("\n\n")
    )
