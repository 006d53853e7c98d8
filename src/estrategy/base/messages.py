"""Messages that keep their data and are put into words at the edge, in a language.

A :class:`Message` is a gettext msgid with named placeholders (``"tactic {tactic}
implements no strategy"``), the values of those placeholders, and for a message that
depends on a number, its plural form and that number. It is built where the fact is found
(a rule, a criterion, a loader) with :func:`tr` or :func:`ntr`, travels as data, and is
rendered into a language only when a person reads it (:meth:`Message.render`): the
translation is looked up in the package's catalogue, then the placeholders are filled
with each value rendered in the same language (numbers, dates and money by Babel; a
nested message in the same language). ``str(message)`` is the English text.

The rules for writing a message are in ``docs/languages.md``: named placeholders, one
whole sentence per msgid, never a sentence made of pieces.

Example:
    >>> m = tr("tactic {tactic} implements no strategy", tactic="t-blog")
    >>> str(m)
    'tactic t-blog implements no strategy'
    >>> m.render("fr")
    'la tactique t-blog ne se rattache à aucune stratégie'
    >>> n = ntr("{n} warning", "{n} warnings", 3)
    >>> n.render("en"), n.render("fr")
    ('3 warnings', '3 avertissements')
    >>> as_message("plain text from a plugin").render("fr")
    'plain text from a plugin'
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Mapping
from typing import Any, Protocol, TypeAlias, runtime_checkable

import attrs

__all__ = [
    "Localised",
    "Message",
    "Text",
    "as_message",
    "english",
    "ntr",
    "placeholders",
    "render_text",
    "render_value",
    "tr",
]


@runtime_checkable
class Localised(Protocol):
    """A value that renders itself in a language (a number, a date, an amount…)."""

    def localise(self, lang: str) -> str:
        """The value written for a reader of ``lang``."""


def _frozen_value(value: Any) -> Any:
    # Lists become tuples so that a message stays hashable (findings are compared).
    if isinstance(value, list | tuple):
        return tuple(_frozen_value(v) for v in value)
    if isinstance(value, set | frozenset):
        return tuple(sorted(_frozen_value(v) for v in value))
    return value


def _params(value: Mapping[str, Any] | Iterable[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    # Built for every finding of a run: strings (most values) take the short way.
    items = value.items() if type(value) is dict or isinstance(value, Mapping) else value
    pairs = [(k, v if type(v) is str else _frozen_value(v)) for k, v in items]
    if len(pairs) > 1:
        pairs.sort(key=_name)
    return tuple(pairs)


def _name(pair: tuple[str, Any]) -> str:
    return pair[0]


_FORMATTER = string.Formatter()


def placeholders(template: str) -> frozenset[str]:
    """The names of the placeholders of ``template`` (``{tactic}`` → ``tactic``).

    Example:
        >>> sorted(placeholders("{n} of {total} ({share})"))
        ['n', 'share', 'total']
    """
    return frozenset(
        name.split(".", 1)[0].split("[", 1)[0]
        for _, name, _, _ in _FORMATTER.parse(template)
        if name
    )


@attrs.frozen
class Message:
    """A sentence for people, kept as its msgid and its values until it is read.

    Attributes:
        msgid: the English text with named placeholders; the key of the catalogue.
        params: each placeholder's value, sorted by name (ids, numbers, dates, nested
            messages, :mod:`estrategy.base.formats` values, sequences).
        plural: the English plural form, for a message that depends on ``count``.
        count: the number that chooses between the singular and the plural forms.
        literal: ``True`` for text that is not in the catalogue (a plugin's f-string):
            it is shown as it is in every language, never formatted.
    """

    msgid: str
    params: tuple[tuple[str, Any], ...] = attrs.field(default=(), converter=_params)
    plural: str | None = None
    count: int | None = None
    literal: bool = False

    @property
    def parameters(self) -> dict[str, Any]:
        """The placeholders' values by name."""
        return dict(self.params)

    def template(self, lang: str = "en") -> str:
        """The catalogue's text for ``lang``, placeholders not yet filled."""
        if self.literal:
            return self.msgid
        from estrategy.base.translations import translations

        catalogue = translations(lang)
        if self.plural is None:
            return catalogue.gettext(self.msgid)
        return catalogue.ngettext(self.msgid, self.plural, self.count or 0)

    def render(self, lang: str = "en") -> str:
        """The message in ``lang`` (``"en"``, ``"fr"``), every placeholder filled.

        Raises:
            KeyError: the msgid or its translation names a placeholder with no value
                (a test checks that the catalogue never does).
        """
        if self.literal:
            return self.msgid
        # English singular messages are their msgid: no catalogue to look up
        text = self.msgid if lang == "en" and self.plural is None else self.template(lang)
        values = {
            name: value if type(value) is str else render_value(value, lang)
            for name, value in self.params
        }
        return text.format_map(values)

    def __str__(self) -> str:
        return self.render("en")


Text: TypeAlias = str | Message
"""What the library accepts where a person will read text: plain English or a message."""


def tr(msgid: str, /, **params: Any) -> Message:
    """A message: ``msgid`` with named placeholders, and their values.

    ``tr`` is one of the two keywords Babel extracts (``pyproject.toml``); ``msgid``
    must be a string literal, whole, with ``{name}`` placeholders.

    Example:
        >>> problem = tr("unknown key {key}", key="'budjet'")
        >>> print(problem.render("fr"))
        clé inconnue\u00a0: 'budjet'

        A value may be a message itself, rendered in the same language:

        >>> print(tr("{problem} (did you mean {suggestion}?)", problem=problem,
        ...    suggestion="'budget'").render("fr"))
        clé inconnue\u00a0: 'budjet' — vouliez-vous dire 'budget'\u00a0?
    """
    return Message(msgid, params)


def ntr(singular: str, plural: str, n: int, /, **params: Any) -> Message:
    """A message whose words depend on the number ``n`` (available as ``{n}``).

    Example:
        >>> [ntr("{n} error", "{n} errors", k).render("en") for k in (0, 1, 2)]
        ['0 errors', '1 error', '2 errors']
        >>> [ntr("{n} error", "{n} errors", k).render("fr") for k in (0, 1, 2)]
        ['0 erreur', '1 erreur', '2 erreurs']
    """
    return Message(singular, {"n": n, **params}, plural=plural, count=int(n))


def as_message(value: Text) -> Message:
    """``value`` as a message: a :class:`Message` as it is, a string as literal text."""
    if isinstance(value, Message):
        return value
    return Message(str(value), literal=True)


def english(value: Message) -> str:
    """A message's English text: the key by which findings and evidence compare.

    Two messages that say the same thing in English are the same fact, whether one is
    plain text (a plugin's) and the other a catalogue message.
    """
    return value.render("en")


def render_value(value: Any, lang: str) -> str:
    """One placeholder's value as text for a reader of ``lang``.

    Messages render in the same language; :class:`Localised` values, numbers and dates
    through Babel (:mod:`estrategy.base.formats`); sequences as comma-separated items;
    strings (ids, names from the model) as they are.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, tuple):
        return ", ".join(render_value(v, lang) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float | dt.date):
        from estrategy.base.formats import localise

        return localise(value, lang)
    # duck-typed rather than isinstance(value, Localised): a protocol check is slow
    localise_in = getattr(value, "localise", None)
    if callable(localise_in):
        return str(localise_in(lang))
    return str(value)


def render_text(value: Text, lang: str = "en") -> str:
    """Plain text as it is, a message rendered in ``lang``."""
    return value.render(lang) if isinstance(value, Message) else value
