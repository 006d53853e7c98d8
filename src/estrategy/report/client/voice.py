"""The one function that renders the report's texts, and the formats of its numbers.

:class:`Voice` is how every page of the client report speaks: :meth:`Voice.say` renders a
chrome text of :data:`~estrategy.report.client.texts.TEXTS` by key, and the other methods
format numbers, money, dates and shares, and give the texts that other layers own (a
rule's *why* and *how to fix*, a finding's message). Switching the report to another
language changes this class only.

Example:
    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> voice = Voice()
    >>> voice.say("count.findings", count=1), voice.say("count.findings", count=3)
    ('1 gap', '3 gaps')
    >>> voice.money(Decimal("85600"), "EUR"), voice.date(dt.date(2026, 11, 15))
    ('€85,600', '15 November 2026')
    >>> voice.percent(0.336), voice.number(2.5), voice.number(1234.0)
    ('34%', '2.5', '1,234')
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from estrategy.report.client.texts import TEXTS

if TYPE_CHECKING:
    from estrategy.rules import Finding, Rule

__all__ = ["Voice"]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£"}
# ``field`` and ``field: value`` in a rule's text name fields of the model file; a reader
# of the report sees words ("strategy", "decision maker"), not markup.
_LITERAL = re.compile(r"``([^`]+)``")


@attrs.frozen
class Voice:
    """How the report speaks: its language and the formats of its numbers.

    Attributes:
        lang: the language of the chrome texts (``en``).
    """

    lang: str = "en"

    def say(self, key: str, /, count: int | None = None, **params: object) -> str:
        """The chrome text ``key``, its placeholders filled; plural by ``count``.

        Args:
            key: a key of :data:`~estrategy.report.client.texts.TEXTS`.
            count: chooses the singular or the plural form, and fills ``{count}``.
            **params: the other placeholders.

        Raises:
            KeyError: an unknown key (a bug of the report, not of the input).
        """
        entry = TEXTS[key]
        if isinstance(entry, tuple):
            entry = entry[0] if count == 1 else entry[1]
        if count is not None:
            params["count"] = self.number(count)
        return entry.format_map(params) if params else entry

    def number(self, value: float | int | Decimal, digits: int = 1) -> str:
        """A number with thousands separators and at most ``digits`` decimals."""
        rounded = round(float(value), digits)
        if rounded == int(rounded):
            return f"{int(rounded):,}"
        return f"{rounded:,.{digits}f}".rstrip("0").rstrip(".")

    def money(self, amount: Decimal | float, currency: str) -> str:
        """An amount in whole units of ``currency`` (``€85,600``; ``85,600 CHF``)."""
        whole = f"{round(float(amount)):,}"
        symbol = _SYMBOLS.get(currency.upper())
        return f"{symbol}{whole}" if symbol else f"{whole} {currency}"

    def date(self, day: dt.date) -> str:
        """A date as a reader writes it (``15 November 2026``)."""
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"

    def short_date(self, day: dt.date) -> str:
        """A date for charts and tables (``15 Nov 2026``)."""
        return f"{day.day} {_MONTHS[day.month - 1][:3]} {day.year}"

    def month(self, day: dt.date) -> str:
        """A month for chart axes (``Nov 2026``)."""
        return f"{_MONTHS[day.month - 1][:3]} {day.year}"

    def percent(self, share: float) -> str:
        """A share 0–1 as a whole percentage (``34%``)."""
        return f"{share:.0%}"

    def sentence(self, text: str) -> str:
        """``text`` starting with a capital, as a sentence on its own (a rule's message).

        Example:
            >>> Voice().sentence("tactic t-blog has no action")
            'Tactic t-blog has no action'
        """
        return text[:1].upper() + text[1:]

    def quote(self, text: str) -> str:
        """``text`` in the language's quotation marks (“…”)."""
        return f"“{text}”"

    def listing(self, items: list[str]) -> str:
        """Items joined as in a sentence (``a, b and c``)."""
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + " and " + items[-1]

    def finding_message(self, finding: Finding) -> str:
        """The message of a finding, as the rule wrote it."""
        return finding.message

    def rule_text(self, rule: Rule, part: str) -> str:
        """One part of a rule's documentation (``summary``, ``why``, ``fix``, ``what``).

        The parts are written for the model's author; for a reader of the report the
        paragraphs are joined and field markup becomes plain words.

        Example:
            >>> from estrategy.rules import get_rule
            >>> Voice().rule_text(get_rule("ROL004"), "fix")
            "Set the person's supervisor to an internal person."
        """
        text: str = getattr(rule, part)
        plain = _LITERAL.sub(lambda m: m.group(1).replace("_", " "), text)
        return " ".join(plain.split())
