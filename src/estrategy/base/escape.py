r"""The escapers of model text, one per kind of output: Markdown, HTML, terminal, CSV, XML.

They live in the lowest layer so that every renderer (:mod:`estrategy.report`) and every
notebook ``_repr_html_`` hook escapes model text the same way.

Example:
    >>> markdown_cell("a | b")
    'a \\| b'
    >>> html_text("<b>&</b>")
    '&lt;b&gt;&amp;&lt;/b&gt;'
    >>> terminal_text("left\u202eright")
    'left\\u202eright'
    >>> spreadsheet_cell("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
    >>> xml_text("a < b & c")
    'a &lt; b &amp; c'
"""

from __future__ import annotations

import html
import re

__all__ = [
    "XmlCharacterError",
    "html_text",
    "markdown_cell",
    "spreadsheet_cell",
    "terminal_text",
    "xml_text",
]

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


# A spreadsheet (Excel, LibreOffice, Google Sheets) reads a cell starting with one of
# these as a formula, which may run a command (DDE) or leak data through a link.
_FORMULA_STARTS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def spreadsheet_cell(text: str) -> str:
    """Text made safe for a CSV cell a spreadsheet may open (formula injection).

    A cell starting with ``=``, ``+``, ``-``, ``@`` (or their full-width forms), a tab or a
    line break is prefixed with an apostrophe, so a spreadsheet shows it as text instead
    of evaluating it (``=cmd|' /C calc'!A0``, ``=HYPERLINK(...)``). Other text is kept as
    it is; the CSV writer quotes what needs quoting.

    Example:
        >>> spreadsheet_cell("@SUM(1+1)"), spreadsheet_cell("Équipe")
        ("'@SUM(1+1)", 'Équipe')
    """
    if text and text[0] in _FORMULA_STARTS:
        return "'" + text
    return text


class XmlCharacterError(ValueError):
    """Text holds a character XML 1.0 cannot carry (NUL, most control characters).

    Attributes:
        character: the first such character.
        position: its index in the text.
    """

    def __init__(self, character: str, position: int) -> None:
        super().__init__(f"U+{ord(character):04X} cannot be written in XML")
        self.character = character
        self.position = position


# XML 1.0 allows tab, line feed, carriage return and the characters from U+0020 on, except
# surrogates and U+FFFE/U+FFFF; nothing else can be written, not even as a reference.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Carriage returns and tabs are written as references so that a parser gives them back
# as they were (a raw CR is read as a line feed; in an attribute every break is a space).
_XML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_XML_ATTRIBUTE = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\r": "&#13;",
        "\n": "&#10;",
        "\t": "&#9;",
    }
)


def xml_text(text: str, *, attribute: bool = False) -> str:
    r"""Text made safe for XML element content (or a double-quoted attribute value).

    Markup characters become entities; carriage returns (and, in attributes, line feeds
    and tabs) become character references, so that reading the XML back gives the text
    exactly as it was.

    Raises:
        XmlCharacterError: the text holds a character XML 1.0 cannot carry (NUL, ESC and
            the other control characters but tab and line breaks, lone surrogates):
            refused, since no escape would read back as the same text.

    Example:
        >>> xml_text('say "hi"\r\n', attribute=True)
        'say &quot;hi&quot;&#13;&#10;'
        >>> xml_text("a\x1bb")
        Traceback (most recent call last):
          ...
        estrategy.base.escape.XmlCharacterError: U+001B cannot be written in XML
    """
    forbidden = _XML_FORBIDDEN.search(text)
    if forbidden is not None:
        raise XmlCharacterError(forbidden.group(), forbidden.start())
    return text.translate(_XML_ATTRIBUTE if attribute else _XML_TEXT)
