"""A matplotlib figure as an ``<svg>`` element to inline in an HTML page.

matplotlib writes a standalone SVG document; a page that inlines several needs each one
without its XML prolog, with ids of its own (two charts must not share a clip path's id),
a text alternative for screen readers and sizes that shrink with the page. The figure is
closed once written.

Example:
    >>> svg = inline_svg(_demo_figure(), alt="A line & its label", key="demo")  # needs matplotlib
    >>> svg.startswith("<svg") and "<title id='demo-title'>A line &amp; its label</title>" in svg
    True
"""

from __future__ import annotations

import io
import re
from typing import Any

from estrategy.base.escape import html_text

__all__ = ["inline_svg", "scoped_ids"]

_ID = re.compile(r'\bid="([^"]+)"')
_REFERENCE = re.compile(r'(href="#|url\(#)([^")]+)')
_OPEN = re.compile(r"<svg\b[^>]*>")


def scoped_ids(svg: str, key: str) -> str:
    """Every ``id`` of ``svg`` and every reference to one prefixed with ``key-``.

    Example:
        >>> scoped_ids('<clipPath id="p1"/><g clip-path="url(#p1)"/><use href="#p1"/>', "c")
        '<clipPath id="c-p1"/><g clip-path="url(#c-p1)"/><use href="#c-p1"/>'
    """
    svg = _ID.sub(lambda m: f'id="{key}-{m.group(1)}"', svg)
    return _REFERENCE.sub(lambda m: f"{m.group(1)}{key}-{m.group(2)}", svg)


def inline_svg(figure: Any, *, alt: str, key: str) -> str:
    """``figure`` as an inline ``<svg>`` with ``alt`` as its accessible name; closes it.

    Args:
        figure: a matplotlib figure.
        alt: what the chart shows, in words (its ``<title>`` and ``aria-label``).
        key: a prefix for the chart's ids, unique in the page (letters, digits, ``-``).

    Returns:
        The ``<svg>`` element: ``role="img"``, its width and height in points kept as
        its natural size, ``class="chart"``.
    """
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    try:
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    finally:
        plt.close(figure)
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = scoped_ids(text, key)
    opening = _OPEN.search(text)
    assert opening is not None  # matplotlib always writes one root <svg>
    label = html_text(alt)
    head = opening.group(0)[:-1] + f" class='chart' role='img' aria-labelledby='{key}-title'>"
    title = f"<title id='{key}-title'>{label}</title>"
    return head + title + text[opening.end() :].strip()


def _demo_figure() -> Any:
    """A small figure for the example (needs matplotlib)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(2, 1))
    axis.plot([0, 1], [0, 1], label="line & label")
    return figure
