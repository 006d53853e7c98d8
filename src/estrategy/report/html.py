"""The HTML report (kind ``report``): the client report of :mod:`estrategy.report.client`.

The page has no script and loads nothing: styles are inline and the charts are inline
SVG drawn with matplotlib (``[plot]`` extra; without it the page says so and shows the
tables), so it can be mailed, archived, printed or opened offline. Every text that comes
from the model is escaped. :func:`render` is
:func:`estrategy.report.client.page.client_report`.
"""

from __future__ import annotations

from estrategy.report.client.page import client_report as render

__all__ = ["render"]
