"""Small HTML builders for the client report: every text they are given is escaped.

Functions take plain text (``esc`` escapes it) or already-built HTML (:class:`Html`, which
nothing escapes again), so model text can never become markup.

Example:
    >>> str(element("p", "a < b", cls="note"))
    '<p class="note">a &lt; b</p>'
    >>> str(element("p", Html("<b>x</b>")))
    '<p><b>x</b></p>'
    >>> str(table(["name"], [["<i>"]]))
    '<table><thead><tr><th>name</th></tr></thead><tbody><tr><td>&lt;i&gt;</td></tr></tbody></table>'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from estrategy.base.escape import html_text
from estrategy.report.client.voice import Voice

__all__ = [
    "Html",
    "Markup",
    "chapter",
    "concat",
    "element",
    "esc",
    "prose",
    "said_chapter",
    "table",
]


class Html(str):
    """Text that is already HTML: builders insert it as it is."""

    __slots__ = ()


_EMPHASIS = re.compile(r"\*([^*\n]+)\*")
_LITERAL = re.compile(r"``([^`]+)``")
_VOID = frozenset({"img", "br", "hr", "meta", "link"})

Markup = str | Html
"""Plain text (escaped when inserted) or :class:`Html` (inserted as it is)."""


def esc(content: Markup) -> Html:
    """``content`` as HTML: plain text escaped, :class:`Html` unchanged."""
    return content if isinstance(content, Html) else Html(html_text(content))


def concat(parts: Iterable[Markup]) -> Html:
    """The parts one after the other, each escaped unless already HTML."""
    return Html("".join(esc(p) for p in parts))


def element(name: str, content: Markup | Iterable[Markup] = "", **attributes: str | None) -> Html:
    """``<name attrs>content</name>``; ``cls`` gives ``class``, ``None`` values are left out.

    Attribute names use ``_`` for ``-`` (``aria_label`` is ``aria-label``); a void
    element (``img``, ``br``, …) has no content and no end tag.
    """
    attrs = "".join(
        f' {"class" if key == "cls" else key.replace("_", "-")}="{html_text(value)}"'
        for key, value in attributes.items()
        if value is not None
    )
    if name in _VOID:
        return Html(f"<{name}{attrs}>")
    inner = esc(content) if isinstance(content, str) else concat(content)
    return Html(f"<{name}{attrs}>{inner}</{name}>")


def prose(text: str) -> Html:
    """Documentation text as HTML: escaped, ``*a title*`` in italics, field names as code.

    Example:
        >>> str(prose("In *Le titre*, set ``a < b``"))
        'In <em>Le titre</em>, set <code>a &lt; b</code>'
    """
    escaped = _EMPHASIS.sub(r"<em>\1</em>", html_text(text))
    return Html(_LITERAL.sub(r"<code>\1</code>", escaped))


def table(
    headers: Iterable[Markup], rows: Iterable[Iterable[Markup]], cls: str | None = None
) -> Html:
    """A table with one header row; cells are text or :class:`Html`."""
    head = concat(element("th", h) for h in headers)
    body = concat(element("tr", [element("td", c) for c in row]) for row in rows)
    return element(
        "table", [element("thead", element("tr", head)), element("tbody", body)], cls=cls
    )


def chapter(anchor: str, title: str, intro: str, parts: Iterable[Markup]) -> Html:
    """A chapter of the report: its heading, its lead paragraph, then ``parts``.

    Example:
        >>> str(chapter("k", "KPIs", "Each.", [element("p", "x")]))
        '<section class="chapter" id="k"><h2>KPIs</h2><p class="lead">Each.</p><p>x</p></section>'
    """
    opening = [element("h2", title), element("p", intro, cls="lead")]
    return element("section", [*opening, *parts], cls="chapter", id=anchor)


def said_chapter(
    key: str,
    voice: Voice,
    parts: Iterable[Markup] = (),
    *,
    anchor: str | None = None,
    intro: str | None = None,
    empty: bool = False,
) -> Html:
    """A chapter whose heading and lead paragraph are the texts ``{key}.title`` and ``{key}.intro``.

    Args:
        key: the chapter's prefix in the catalogue of texts (``roadmap``).
        voice: how the report speaks.
        parts: what follows the lead paragraph.
        anchor: the chapter's ``id`` (default: ``key``).
        intro: the lead paragraph, when ``{key}.intro`` has placeholders to fill.
        empty: the chapter has nothing to show: it ends with its ``{key}.none`` paragraph.

    Example:
        >>> said_chapter("roadmap", Voice(), empty=True) == chapter(
        ...     "roadmap",
        ...     Voice().say("roadmap.title"),
        ...     Voice().say("roadmap.intro"),
        ...     [element("p", Voice().say("roadmap.none"))],
        ... )
        True
    """
    nothing = [element("p", voice.say(f"{key}.none"))] if empty else []
    return chapter(
        anchor or key,
        voice.say(f"{key}.title"),
        intro or voice.say(f"{key}.intro"),
        [*parts, *nothing],
    )
