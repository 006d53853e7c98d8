"""What every chapter of the client report shares: names, voice, date and charts.

:func:`~estrategy.report.client.page.client_report` makes one :class:`ChapterContext`
and hands it to each chapter, rather than the same four values one by one.

Example:
    >>> import datetime as dt
    >>> from estrategy.io import load_demo
    >>> from estrategy.report.client.names import Names
    >>> from estrategy.report.client.voice import Voice
    >>> context = ChapterContext(Names.of(load_demo()), Voice("fr"), dt.date(2026, 11, 15))
    >>> context.voice.lang, context.charts
    ('fr', True)
"""

from __future__ import annotations

import datetime as dt

import attrs

from estrategy.report.client.names import Names
from estrategy.report.client.voice import Voice

__all__ = ["ChapterContext"]


@attrs.frozen
class ChapterContext:
    """What every chapter of a report shares.

    Attributes:
        names: the names a reader knows the plan's elements by.
        voice: how the report speaks.
        as_of: the date the plan is judged against.
        charts: whether charts are drawn (they need matplotlib).
    """

    names: Names
    voice: Voice
    as_of: dt.date
    charts: bool = True
