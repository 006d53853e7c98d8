"""Which language a person reads: the supported ones, and how one is chosen.

estrategy speaks English and French. The language of a run is, in order: the ``--lang``
flag (or the ``lang=`` argument of a renderer), ``lang`` in ``estrategy.toml`` or
``[tool.estrategy]``, the model file's ``language`` field, the environment
(``LANGUAGE``, then ``LC_ALL``, then ``LANG``), else English (``docs/languages.md``).

Example:
    >>> parse_language("fr_FR.UTF-8")
    'fr'
    >>> language_from_environment({"LANGUAGE": "de:fr", "LANG": "en_GB.UTF-8"})
    'fr'
    >>> choose_language(None, None, "fr", environ={})
    'fr'
    >>> choose_language("en", None, "fr", environ={"LANG": "fr_FR"})
    'en'
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from estrategy.base.errors import EstrategyError

__all__ = [
    "DEFAULT_LANGUAGE",
    "ENVIRONMENT_VARIABLES",
    "LANGUAGES",
    "LanguageError",
    "choose_language",
    "language_from_environment",
    "parse_language",
    "supported_language",
]

LANGUAGES: tuple[str, ...] = ("en", "fr")
"""The languages estrategy renders, as ISO 639-1 codes; English first, the default."""

DEFAULT_LANGUAGE = "en"
"""The language when nothing chooses one; also the language of the msgids."""

ENVIRONMENT_VARIABLES: tuple[str, ...] = ("LANGUAGE", "LC_ALL", "LANG")
"""The variables read for a language, in the order gettext reads them."""


class LanguageError(EstrategyError, ValueError):
    """A language was asked for that estrategy does not speak."""


def supported_language(value: str | None) -> str | None:
    """The supported language a locale name stands for, or ``None``.

    ``fr``, ``FR``, ``fr_FR.UTF-8``, ``fr-CA`` and ``fr_BE@euro`` all stand for ``fr``;
    ``C``, ``POSIX``, empty and unknown languages for nothing.

    Example:
        >>> supported_language("fr-CA"), supported_language("de_DE"), supported_language("C")
        ('fr', None, None)
    """
    if not value:
        return None
    head = value.strip().split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    code = head.split("_", 1)[0].lower()
    return code if code in LANGUAGES else None


def parse_language(value: str) -> str:
    """The supported language ``value`` names (``--lang``, ``lang = …``, ``lang=``).

    Raises:
        LanguageError: ``value`` names no language estrategy speaks.

    Example:
        >>> parse_language("FR")
        'fr'
        >>> parse_language("de")
        Traceback (most recent call last):
          ...
        estrategy.base.language.LanguageError: unsupported language 'de'; choose one of en, fr
    """
    found = supported_language(value)
    if found is None:
        from estrategy.base.messages import tr

        raise LanguageError(
            tr(
                "unsupported language {value}; choose one of {choices}",
                value=repr(value),
                choices=", ".join(LANGUAGES),
            )
        )
    return found


def language_from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The first supported language of ``LANGUAGE``, ``LC_ALL`` and ``LANG``, or ``None``.

    ``LANGUAGE`` may list several languages separated by colons (``de:fr``); the first
    supported one wins. ``C`` and ``POSIX`` choose nothing.

    Args:
        environ: the environment (default: :data:`os.environ`).
    """
    env = os.environ if environ is None else environ
    for variable in ENVIRONMENT_VARIABLES:
        for part in env.get(variable, "").split(":"):
            found = supported_language(part)
            if found is not None:
                return found
    return None


def choose_language(
    flag: str | None,
    configured: str | None = None,
    model: str | None = None,
    *,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The language of a run: flag, configuration, model, environment, else English.

    Args:
        flag: ``--lang`` (or a renderer's ``lang=``); an unsupported value is an error.
        configured: ``lang`` of the configuration file; an unsupported value is an error.
        model: the model's ``language`` field; an unsupported one is passed over (a
            model written in German still reports, in the next language found).
        environ: the environment (default: :data:`os.environ`).

    Raises:
        LanguageError: ``flag`` or ``configured`` names an unsupported language.
    """
    for chosen in (flag, configured):
        if chosen:
            return parse_language(chosen)
    return supported_language(model) or language_from_environment(environ) or DEFAULT_LANGUAGE
