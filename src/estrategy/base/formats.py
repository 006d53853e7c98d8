r"""Numbers, percentages, dates, money and lists, written the way a reader's locale writes them.

Each value is kept as data inside a :class:`~estrategy.base.messages.Message` and written
by Babel when the message is rendered: ``85 600 €`` and ``31 mars 2026`` in French,
``€85,600`` and ``2026-03-31`` in English. Babel is imported on the first value written,
never by ``import estrategy``.

Example:
    >>> Money(85600, "EUR").localise("fr"), Money(85600, "EUR").localise("en")
    ('85\u202f600\xa0€', '€85,600')
    >>> Percent(0.253, digits=1).localise("fr"), Percent(0.253, digits=1).localise("en")
    ('25,3\xa0%', '25.3%')
    >>> Number(1234.5, digits=1).localise("fr")
    '1\u202f234,5'
    >>> import datetime as dt
    >>> Day(dt.date(2026, 3, 31)).localise("fr"), Day(dt.date(2026, 3, 31)).localise("en")
    ('31 mars 2026', '2026-03-31')
    >>> Series(["a", "b", "c"], limit=2).localise("fr")
    'a, b et 1 autre'
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:  # pragma: no cover
    from babel import Locale

__all__ = ["Day", "Money", "Number", "Percent", "Series", "localise"]


@functools.cache
def _locale(lang: str) -> Locale:
    from babel import Locale

    return Locale.parse(lang)


def _pattern(digits: int | None) -> str | None:
    # ``#,##0.0`` for one digit; ``None`` keeps the locale's own (up to three digits).
    if digits is None:
        return None
    return "#,##0" + ("." + "0" * digits if digits > 0 else "")


@attrs.frozen
class Number:
    """A number with the locale's separators (``1 234,5`` in French, ``1,234.5`` in English).

    Attributes:
        value: the number.
        digits: the decimals shown (``None``: as many as needed, up to three).
        signed: show ``+`` before a positive number (a change).
        significant: at most this many significant digits, no grouping (as Python's
            ``:.4g`` writes a measurement); overrides ``digits``.

    Example:
        >>> Number(1234.5678, significant=4).localise("en")
        '1235'
        >>> Number(0.5, significant=4).localise("fr")
        '0,5'
    """

    value: float
    digits: int | None = None
    signed: bool = False
    significant: int | None = None

    def localise(self, lang: str) -> str:
        """The number written for a reader of ``lang``."""
        from babel.numbers import format_decimal

        pattern = _pattern(self.digits)
        if self.significant is not None:
            pattern = "@" + "#" * (self.significant - 1)
        text = format_decimal(self.value, format=pattern, locale=_locale(lang))
        if self.signed and self.value > 0 and not text.startswith("+"):
            text = "+" + text
        return text


@attrs.frozen
class Percent:
    """A share (``0.25``) written as a percentage (``25 %`` in French, ``25%`` in English).

    Attributes:
        share: the share, 1 being 100 %.
        digits: the decimals shown.
    """

    share: float
    digits: int = 0

    def localise(self, lang: str) -> str:
        """The percentage written for a reader of ``lang``."""
        from babel.numbers import format_percent

        locale = _locale(lang)
        pattern = locale.percent_formats[None].pattern
        if self.digits > 0:
            at = pattern.rfind("0") + 1
            pattern = pattern[:at] + "." + "0" * self.digits + pattern[at:]
        return format_percent(self.share, format=pattern, locale=locale)


@attrs.frozen
class Money:
    """An amount in a currency (``85 600 €`` in French, ``€85,600`` in English).

    Whole amounts are written without cents.

    Attributes:
        amount: the amount.
        currency: its ISO 4217 code (``EUR``).
    """

    amount: float
    currency: str = "EUR"

    def localise(self, lang: str) -> str:
        """The amount written for a reader of ``lang``."""
        from babel.numbers import format_currency

        locale = _locale(lang)
        pattern = locale.currency_formats["standard"].pattern
        whole = float(self.amount).is_integer()
        if whole:
            pattern = pattern.replace(".00", "")
        return format_currency(
            self.amount, self.currency, format=pattern, locale=locale, currency_digits=not whole
        )


@attrs.frozen
class Day:
    """A calendar date, in the pattern the catalogue gives for the language.

    The pattern is itself a message (``yyyy-MM-dd`` in English, ``d MMMM y`` in French),
    so a translator chooses how dates read.

    Attributes:
        date: the date (a datetime counts as its day).
    """

    date: dt.date

    def localise(self, lang: str) -> str:
        """The date written for a reader of ``lang``."""
        from babel.dates import format_date

        from estrategy.base.messages import tr

        day = self.date.date() if isinstance(self.date, dt.datetime) else self.date
        # TRANSLATORS: a CLDR date pattern (d, MMMM, y…); keep it a pattern.
        pattern = tr("yyyy-MM-dd").template(lang)
        return format_date(day, format=pattern, locale=_locale(lang))


def _items(value: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(value)


@attrs.frozen
class Series:
    r"""Items listed with commas, the first ``limit`` of them and then how many more.

    Attributes:
        items: the items (ids, or any value a message accepts).
        limit: the most items named (``None``: all of them).
        separator: what stands between two items (in French, a no-break space goes
            before a semicolon).

    Example:
        >>> Series(["Hire", "Train"], separator="; ").localise("fr")
        'Hire\xa0; Train'
    """

    items: tuple[Any, ...] = attrs.field(converter=_items)
    limit: int | None = None
    separator: str = ", "

    def localise(self, lang: str) -> str:
        """The items written for a reader of ``lang``."""
        from estrategy.base.messages import ntr, render_value

        shown = self.items if self.limit is None else self.items[: self.limit]
        separator = self.separator
        if lang == "fr" and separator.startswith(";"):
            separator = "\u00a0" + separator  # French puts a no-break space before ';'
        text = separator.join(render_value(item, lang) for item in shown)
        hidden = len(self.items) - len(shown)
        if hidden > 0:
            more = ntr("{items} and {n} more", "{items} and {n} more", hidden, items=text)
            return more.render(lang)
        return text


def localise(value: int | float | dt.date, lang: str) -> str:
    """A bare number or date written for a reader of ``lang`` (a message's placeholder).

    Example:
        >>> localise(85600, "fr"), localise(85600, "en")
        ('85\u202f600', '85,600')
    """
    if isinstance(value, dt.date):
        return Day(value).localise(lang)
    return Number(value).localise(lang)
