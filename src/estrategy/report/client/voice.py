r"""The one function that renders the report's texts, and the formats of its numbers.

:class:`Voice` is how every page of the client report speaks, in one language:
:meth:`Voice.say` renders a chrome text of :data:`~estrategy.report.client.texts.TEXTS` by
key through the package's catalogue (:mod:`estrategy.base.messages`), and the other
methods write numbers, money, dates and shares the way the language writes them (Babel),
and give the texts that other layers own in the same language (a rule's *why* and *how
to fix*, a finding's message, an evidence line, the names of dimensions and steps).

Example:
    >>> import datetime as dt
    >>> from decimal import Decimal
    >>> en, fr = Voice(), Voice("fr")
    >>> en.say("count.findings", count=1), en.say("count.findings", count=3)
    ('1 gap', '3 gaps')
    >>> fr.say("count.findings", count=3)
    '3 incohérences'
    >>> en.money(Decimal("85600"), "EUR"), fr.money(Decimal("85600"), "EUR")
    ('€85,600', '85\u202f600\xa0€')
    >>> en.date(dt.date(2026, 11, 15)), fr.date(dt.date(2026, 11, 15))
    ('15 November 2026', '15 novembre 2026')
    >>> en.percent(0.336), fr.percent(0.336), en.number(2.5), fr.number(1234.0)
    ('34%', '34\xa0%', '2.5', '1\u202f234')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs

from estrategy.base.messages import Message
from estrategy.report.client.texts import TEXTS

if TYPE_CHECKING:
    from estrategy.maturity import Evidence
    from estrategy.rules import Finding, Rule

__all__ = ["Voice"]

# ``field`` and ``field: value`` in a rule's text name fields of the model file; a reader
# of the report sees words ("strategy", "decision maker"), not markup.
_LITERAL = re.compile(r"``([^`]+)``")


@attrs.frozen
class Voice:
    """How the report speaks: its language, its words and the formats of its numbers.

    Attributes:
        lang: the language, ``en`` or ``fr`` (:mod:`estrategy.base.language`).
    """

    lang: str = "en"

    def say(self, key: str, /, count: int | None = None, **params: object) -> str:
        """The chrome text ``key`` in the voice's language, placeholders filled.

        Args:
            key: a key of :data:`~estrategy.report.client.texts.TEXTS`.
            count: chooses the singular or the plural form, and fills ``{count}``.
            **params: the other placeholders (text is shown as it is; numbers and dates
                are written for the language).

        Raises:
            KeyError: an unknown key (a bug of the report, not of the input).
        """
        entry = TEXTS[key]
        values = dict(params)
        if count is not None:
            values["count"] = self.number(count)
        if isinstance(entry, Message):
            message = Message(entry.msgid, values, plural=entry.plural, count=count or 0)
        else:
            message = Message(entry, values)
        return message.render(self.lang)

    def texts(self, *keys: str) -> list[str]:
        """The chrome texts ``keys``, in order, without placeholders (a table's headers).

        Example:
            >>> Voice("fr").texts("maturity.dimension", "maturity.score")
            ['Dimension', 'Note']
        """
        return [self.say(key) for key in keys]

    def number(self, value: float | Decimal, digits: int = 1) -> str:
        """A number with the language's separators and at most ``digits`` decimals."""
        from babel.numbers import format_decimal

        pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
        return str(format_decimal(float(value), format=pattern, locale=self.lang))

    def money(self, amount: Decimal | float, currency: str) -> str:
        """An amount in whole units of ``currency`` (``€85,600``; ``85 600 €``)."""
        from estrategy.base.formats import Money

        return Money(round(float(amount)), currency).localise(self.lang)

    def _date(self, day: dt.date, pattern: str) -> str:
        from babel.dates import format_date

        return str(format_date(day, format=pattern, locale=self.lang))

    def date(self, day: dt.date) -> str:
        """A date as a reader writes it (``15 November 2026``, ``15 novembre 2026``)."""
        return self._date(day, "d MMMM y")

    def short_date(self, day: dt.date) -> str:
        """A date for charts and tables (``15 Nov 2026``, ``15 nov. 2026``)."""
        return self._date(day, "d MMM y")

    def month(self, day: dt.date) -> str:
        """A month for chart axes (``Nov 2026``, ``nov. 2026``)."""
        return self._date(day, "MMM y")

    def percent(self, share: float) -> str:
        """A share 0–1 as a whole percentage (``34%``, ``34 %``)."""
        from estrategy.base.formats import Percent

        return Percent(share).localise(self.lang)

    def listing(self, items: Sequence[str]) -> str:
        """Items joined as in a sentence (``a, b and c``; ``a, b et c``)."""
        if len(items) <= 1:
            return "".join(items)
        from babel.lists import format_list

        return str(format_list(list(items), locale=self.lang))

    def sentence(self, text: str) -> str:
        """``text`` starting with a capital, as a sentence on its own (a rule's message).

        Example:
            >>> Voice().sentence("tactic t-blog has no action")
            'Tactic t-blog has no action'
        """
        return text[:1].upper() + text[1:]

    def colon(self) -> str:
        """What stands between a label and what follows (``: ``; `` : `` in French)."""
        return self.say("colon")

    def items(self, items: Sequence[str]) -> str:
        """Names one after the other, separated by semicolons (``a; b``, ``a ; b``)."""
        return self.say("semicolon").join(items)

    def quote(self, text: str) -> str:
        """``text`` in the language's quotation marks (“…”, « … »)."""
        return self.say("quote", text=text)

    def data(self, text: str) -> str:
        """A name that comes from data (a dimension, a level, a step, a criterion's title)."""
        from estrategy.base.translations import translate

        return translate(text, self.lang)

    def finding_message(self, finding: Finding) -> str:
        """The message of a finding in the voice's language."""
        return finding.message_in(self.lang)

    def evidence(self, evidence: Evidence) -> str:
        """A maturity evidence line in the voice's language."""
        return evidence.fact_in(self.lang)

    def rule_text(self, rule: Rule, part: str, *, plain: bool = False) -> str:
        """One part of a rule's documentation (``summary``, ``why``, ``fix``, ``what``).

        Its paragraphs are joined. The ````field```` markup of model fields is kept (for
        :func:`~estrategy.report.client.markup.prose`), or with ``plain`` becomes words.

        Example:
            >>> from estrategy.rules import get_rule
            >>> Voice().rule_text(get_rule("ROL004"), "fix")
            "Set the person's ``supervisor`` to an internal person."
            >>> Voice().rule_text(get_rule("ROL004"), "fix", plain=True)
            "Set the person's supervisor to an internal person."
        """
        text: str = getattr(rule.translated(self.lang), part)
        if plain:
            text = _LITERAL.sub(lambda m: m.group(1).replace("_", " "), text)
        return " ".join(text.split())
