r"""One escaping policy per kind of output, for every text that comes from input.

Model text, cells of an HR export, names in a GraphML file and file names all reach
outputs that give some characters a meaning: a terminal runs escape sequences, GitHub
Actions reads workflow commands from any line of a job's log, Markdown turns ``<`` into
HTML and ``[a](b)`` into a link, a spreadsheet runs a cell that starts with ``=``, XML
cannot hold most control characters. Every renderer and exporter escapes what it writes
with the function of its output kind here, in the lowest layer, so that one trick is
handled once and tested everywhere (``tests/hostile.py`` holds the shared corpus).

===============  ==========================  ============================================
output           function                    what it does
===============  ==========================  ============================================
terminal, logs   :func:`terminal_text`,      invisible and control characters as ``\n``,
                 :func:`terminal_lines`      ``\u202e``…: one input value, one line
GitHub Actions   :func:`github_data`,        the terminal policy, but line breaks as the
                 :func:`github_property`     ``%0A`` of workflow commands
SARIF messages   :func:`sarif_text`          the terminal policy, then ``\[``, ``\]``,
                                             ``{{``, ``}}`` (embedded links, placeholders)
Markdown         :func:`markdown_cell`,      no raw HTML, no link, no line break, no
                 :func:`markdown_code`       table cell split, no emphasis
HTML             :func:`html_text`           entities, and invisible characters shown
CSV for          :func:`spreadsheet_cell`    a ``'`` before what a spreadsheet would
spreadsheets                                 read as a formula
XML              :func:`xml_text`            entities; character references where XML
                                             would normalise; forbidden characters shown
error messages   :func:`excerpt`             a short, quoted, escaped excerpt
===============  ==========================  ============================================

*Invisible characters* are those of the Unicode categories ``Cc`` (controls: C0, DEL,
C1), ``Cf`` (format characters: bidirectional overrides, isolates and marks such as
U+202E, U+2066, U+200F, U+061C, zero-width characters, the BOM, tags), ``Zl`` and ``Zp``
(U+2028, U+2029) and ``Cs`` (lone surrogates). They could rewrite what a reader sees (a
"Trojan Source" line, a cleared screen, a hidden hyperlink) or split one value over two
lines, so the human-facing outputs show them as escapes instead. Spaces, including the
no-break spaces of French typography (U+00A0, U+202F), are kept.

Example:
    >>> print(terminal_text("ok\n::error::owned"))
    ok\n::error::owned
    >>> terminal_text("left\u202eright")
    'left\\u202eright'
    >>> markdown_cell("<b>[x](javascript:alert(1))</b> | *y*")
    '\\<b\\>\\[x\\](javascript:alert(1))\\</b\\> \\| \\*y\\*'
    >>> html_text("<b>&</b>")
    '&lt;b&gt;&amp;&lt;/b&gt;'
    >>> spreadsheet_cell("=1+1"), spreadsheet_cell("-2.5")
    ("'=1+1", '-2.5')
    >>> xml_text("a<b & c\x00")
    'a&lt;b &amp; c\\u0000'
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "XML_FORBIDDEN",
    "excerpt",
    "github_data",
    "github_property",
    "html_text",
    "markdown_cell",
    "markdown_code",
    "sarif_text",
    "spreadsheet_cell",
    "terminal_lines",
    "terminal_text",
    "xml_text",
]

_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _shown(char: str) -> str:
    r"""One invisible character as a visible escape (``\n``, ``\u202e``, ``\U000e0001``)."""
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _visible(text: str, keep: str = "") -> str:
    """``text`` with its invisible characters (but those in ``keep``) as escapes."""
    if text.isprintable():  # the common case: no character to look at one by one
        return text
    return "".join(
        _shown(c)
        if not c.isprintable() and c not in keep and unicodedata.category(c) in _INVISIBLE
        else c
        for c in text
    )


def terminal_text(text: str) -> str:
    r"""Text made safe for a terminal or a log: every invisible character as an escape.

    Control characters (escape sequences, OSC 8 hyperlinks, a bell), bidirectional and
    other format characters, line and paragraph separators and lone surrogates are shown
    as ``\uXXXX``; a line feed, a carriage return and a tab as ``\n``, ``\r`` and
    ``\t``, so one value never starts a new output line (a GitHub workflow command
    must start its line). Backslashes are left alone, so Windows paths stay readable.

    Example:
        >>> terminal_text("a\x1b[2Jb\u2028c\u00a0d")
        'a\\u001b[2Jb\\u2028c\xa0d'
    """
    return _visible(text)


def terminal_lines(lines: Iterable[str]) -> str:
    r"""A renderer's lines as text: each one escaped by :func:`terminal_text`.

    For renderers that build their output line by line out of input text: whatever an
    input value holds, each line given stays one line of output. The text ends with a
    line feed.

    Example:
        >>> print(terminal_lines(["Name: evil\n::error::x", "next"]), end="")
        Name: evil\n::error::x
        next
    """
    return "".join(f"{terminal_text(line)}\n" for line in lines)


def github_data(text: str) -> str:
    r"""The message of a GitHub Actions workflow command (``::error …::MESSAGE``).

    Line breaks become the ``%0A`` and ``%0D`` the runner decodes, so a message keeps its
    lines in the annotation but never starts a line of the log (where a ``::`` command
    would run); other invisible characters are shown as escapes, as in a terminal (the
    log viewer renders escape sequences).

    Example:
        >>> github_data("100% done\nnext\x1b[2J")
        '100%25 done%0Anext\\u001b[2J'
    """
    shown = _visible(text, keep="\r\n")
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A property value of a workflow command (``file=…``, ``title=…``).

    Example:
        >>> github_property("a:b,c")
        'a%3Ab%2Cc'
    """
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


_SARIF_BRACKETS = re.compile(r"(\\*)([\[\]])")


def sarif_text(text: str) -> str:
    r"""A SARIF ``message.text``: plain text that viewers must not read as a link.

    SARIF 2.1.0 reads ``[text](target)`` in a plain-text message as an embedded link
    (§3.11.6) and ``{0}`` as a placeholder (§3.11.5): brackets are escaped with a
    backslash (and backslashes before them doubled), braces are doubled. The terminal
    policy applies first, since viewers show the text as it is.

    Example:
        >>> sarif_text("[click](javascript:alert(1)) {0}")
        '\\[click\\](javascript:alert(1)) {{0}}'
    """
    shown = _SARIF_BRACKETS.sub(lambda m: m.group(1) * 2 + "\\" + m.group(2), terminal_text(text))
    return shown.replace("{", "{{").replace("}", "}}")


_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x85\u2028\u2029]")
# Characters that open HTML, links, images, code spans, emphasis or a table cell, and the
# backslash that escapes them; CommonMark lets any ASCII punctuation be escaped this way.
# An underscore between two letters or digits opens no emphasis (snake_case stays as is).
_MARKDOWN_SPECIAL = re.compile(r"[\\`*~\[\]<>&|]|(?<![^\W_])_|_(?![^\W_])")
# What opens a block (heading, quote, list, setext underline) where a line starts.
_MARKDOWN_BLOCK = re.compile(r"\A( *)(?:([#>+=-])|(\d{1,9})([.)]))")


def markdown_cell(text: str) -> str:
    r"""Text made safe for one cell of a Markdown table, a heading or a list item.

    What would be markup is escaped with a backslash: ``<`` and ``&`` (no raw HTML, no
    entity), ``[`` and ``]`` (no link, no image, so no ``javascript:`` link), ``|`` (a
    cell stays one cell), ``` ` ```, ``*``, ``~`` and ``_`` but inside a word (no code
    span, no emphasis).
    Line breaks become spaces, so a row stays one row; other invisible characters are
    shown as escapes. What would open a block at the start of a line (``#``, ``>``,
    ``-``, ``1.``) is escaped too, so the text means the same wherever it is placed.

    Example:
        >>> markdown_cell("a | b\nc"), markdown_cell("# 1")
        ('a \\| b c', '\\# 1')
    """
    inline = _MARKDOWN_SPECIAL.sub(r"\\\g<0>", _visible(_LINE_BREAKS.sub(" ", text)))
    return _MARKDOWN_BLOCK.sub(_block_escape, inline, count=1)


def _block_escape(match: re.Match[str]) -> str:
    spaces, mark, digits, delimiter = match.groups()
    return f"{spaces}\\{mark}" if mark else f"{spaces}{digits}\\{delimiter}"


def markdown_code(text: str) -> str:
    r"""Text as an inline code span inside a Markdown table cell.

    The fence is one backtick longer than the longest run of backticks in the text, so
    the text cannot close it; ``|`` is escaped (GitHub splits cells before it reads code
    spans); line breaks become spaces and invisible characters escapes.

    Example:
        >>> markdown_code("plan.yaml:3:1"), markdown_code("a`b")
        ('`plan.yaml:3:1`', '`` a`b ``')
    """
    shown = _visible(_LINE_BREAKS.sub(" ", text)).replace("|", "\\|")
    runs = [len(run) for run in re.findall(r"`+", shown)]
    fence = "`" * (max(runs, default=0) + 1)
    if runs or shown.startswith(" ") or shown.endswith(" "):
        return f"{fence} {shown} {fence}"  # CommonMark strips one space on each side
    return f"{fence}{shown}{fence}"


def html_text(text: str) -> str:
    r"""Text made safe for HTML element content and quoted attribute values.

    ``& < > " '`` become entities; invisible characters other than line feeds and tabs
    (which HTML reads as spaces) are shown as escapes, so a bidirectional override
    cannot reorder a page.

    Example:
        >>> html_text("<a href='x'>\u202e</a>")
        '&lt;a href=&#x27;x&#x27;&gt;\\u202e&lt;/a&gt;'
    """
    return html.escape(_visible(text, keep="\n\t"))


_FORMULA_START = frozenset("=+-@\t\r\n")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")


def spreadsheet_cell(text: str) -> str:
    r"""A cell of a CSV file meant for spreadsheets: never read as a formula.

    A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (after
    spaces), or with a tab or a line break (``=cmd|' /C calc'!A0``, ``=HYPERLINK(…)``,
    ``@SUM(…)``). Such a cell gets a leading ``'``, which spreadsheets read as "text
    follows" and do not show (the OWASP advice against CSV injection). A plain number
    (``-2.5``, ``+33``) is left as it is. Quoting the cell is the CSV writer's job.

    Example:
        >>> spreadsheet_cell("@SUM(A1)"), spreadsheet_cell(" =1"), spreadsheet_cell("Zoé")
        ("'@SUM(A1)", "' =1", 'Zoé')
    """
    starts = {text[:1], text.lstrip(" ")[:1]}
    if starts & _FORMULA_START and not _NUMBER.match(text.strip()):
        return "'" + text
    return text


XML_FORBIDDEN = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""The characters XML 1.0 cannot hold, even as character references.

C0 controls but tab, line feed and carriage return; lone surrogates; U+FFFE and U+FFFF.
An exporter that must not lose text refuses a value this pattern finds
(``XML_FORBIDDEN.search(value)``); :func:`xml_text` shows them as escapes instead.
"""

_XML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;"}
_XML_TEXT = re.compile("[&<>\"'\r]")
_XML_ATTRIBUTE = re.compile("[&<>\"'\r\n\t]")


def xml_text(text: str, *, attribute: bool = False) -> str:
    r"""Text made safe for XML 1.0 element content, or a quoted attribute value.

    ``& < > " '`` become entities; a carriage return (and, in an attribute, a line feed
    and a tab) becomes a character reference, since parsers would otherwise normalise
    it away; characters XML cannot hold (:data:`XML_FORBIDDEN`) are shown as ``\uXXXX``
    escapes, so the file stays well-formed. Bidirectional and other format characters
    are valid XML data and are kept.

    Example:
        >>> xml_text("a\r\nb"), xml_text("a\nb", attribute=True)
        ('a&#13;\nb', 'a&#10;b')
    """
    markup = _XML_ATTRIBUTE if attribute else _XML_TEXT
    escaped = markup.sub(
        lambda m: _XML_ENTITIES.get(m.group(), f"&#{ord(m.group())};"),
        text,
    )
    return XML_FORBIDDEN.sub(lambda m: _shown(m.group()), escaped)


def excerpt(value: object, limit: int = 60) -> str:
    r"""A short quoted excerpt of an input value, for an error message.

    Text is cut to at most ``limit`` characters (an ellipsis says there is more) and
    quoted and escaped as Python writes strings, invisible characters as escapes; any
    other value is written as Python writes it, cut the same way. An error never echoes
    a whole cell, list or file, nor what could rewrite the terminal.

    Example:
        >>> excerpt("x" * 100, limit=8)
        "'xxxxxxx…'"
        >>> excerpt("a\u202eb"), excerpt(["a", "b"]), excerpt(10**100, limit=10)
        ("'a\\u202eb'", "['a', 'b']", 'a number of about 101 digits')
    """
    if isinstance(value, str):
        return repr(value if len(value) <= limit else value[: max(limit - 1, 0)] + "…")
    if isinstance(value, int) and value.bit_length() > 3.33 * limit:
        # never written out: Python refuses to write an integer of over 4,300 digits
        return f"a number of about {int(value.bit_length() * 0.30103) + 1} digits"
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: max(limit - 1, 0)] + "…"
