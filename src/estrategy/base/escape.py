r"""The escapers of model text, one per kind of output: Markdown, HTML and terminal.

They live in the lowest layer so that every renderer (:mod:`estrategy.report`) and every
notebook ``_repr_html_`` hook escapes model text the same way.

Example:
    >>> markdown_cell("a | b")
    'a \\| b'
    >>> html_text("<b>&</b>")
    '&lt;b&gt;&amp;&lt;/b&gt;'
    >>> terminal_text("left\u202eright")
    'left\\u202eright'
"""

from __future__ import annotations

import html

__all__ = ["html_text", "markdown_cell", "terminal_text"]

# Control and bidirectional-override characters in model text could rewrite what a
# terminal shows (a "Trojan Source" line); they are printed as escapes instead.
_UNSAFE = {
    c: f"\\u{c:04x}"
    for c in (
        *range(0x00, 0x20),
        *range(0x7F, 0xA0),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
    if chr(c) not in "\n"
}


def markdown_cell(text: str) -> str:
    """Text made safe for one cell of a Markdown table (or a Markdown line).

    Backslashes and pipes are escaped, so a ``|`` in model text cannot split a cell;
    line breaks become spaces, so a cell stays on its row.
    """
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def html_text(text: str) -> str:
    """Text made safe for HTML element content and quoted attribute values."""
    return html.escape(text)


def terminal_text(text: str) -> str:
    r"""Text made safe for a terminal: control and bidi-override characters as ``\uXXXX``.

    Line breaks are kept.
    """
    return text.translate(_UNSAFE)
