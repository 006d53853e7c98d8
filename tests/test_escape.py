"""The escaping policy of each output kind, against the shared corpus of hostile strings.

Each policy is checked by what the reader of that output gets: the text a Markdown
renderer produces (markdown-it, CommonMark with GitHub tables), the text an XML parser
reads back, the characters a terminal receives.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from tests.hostile import HOSTILE, HOSTILE_IDS

from estrategy.base.escape import (
    XML_FORBIDDEN,
    excerpt,
    github_data,
    github_property,
    html_text,
    markdown_cell,
    markdown_code,
    sarif_text,
    spreadsheet_cell,
    terminal_text,
    xml_text,
)

CASES = [HOSTILE[name] for name in HOSTILE_IDS]
INVISIBLE = {"Cc", "Cf", "Cs", "Zl", "Zp"}
FRENCH = HOSTILE["french"]


def _invisible(text: str) -> list[str]:
    return [c for c in text if unicodedata.category(c) in INVISIBLE]


class _Page(HTMLParser):
    """The tags, attributes and text of rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.tags.append("!--")


def _page(markup: str) -> _Page:
    page = _Page()
    page.feed(markup)
    page.close()
    return page


_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _shown(text: str) -> str:
    """What a human-facing output shows for ``text``, line breaks read as spaces."""
    return terminal_text(re.sub(r"\r\n|[\r\n\v\f\x85\u2028\u2029]", " ", text))


@pytest.mark.parametrize("text", CASES, ids=HOSTILE_IDS)
def test_terminal_text_is_one_line_of_visible_characters(text: str) -> None:
    shown = terminal_text(text)
    assert _invisible(shown) == []
    assert "\n" not in shown
    assert "\x1b" not in shown
    if text.isprintable():
        assert shown == text


def test_terminal_text_keeps_french_and_shows_what_it_escapes() -> None:
    assert terminal_text(FRENCH) == FRENCH
    assert terminal_text("a\nb\tc\u200fd\U000e0041") == "a\\nb\\tc\\u200fd\\U000e0041"
    assert terminal_text("a\ud800b") == "a\\ud800b"  # printable, and encodable as UTF-8
    terminal_text("a\ud800b").encode("utf-8")


@given(st.text())
def test_terminal_text_never_lets_an_invisible_character_through(text: str) -> None:
    shown = terminal_text(text)
    assert _invisible(shown) == []
    if not _invisible(text):
        assert shown == text


@pytest.mark.parametrize("text", CASES, ids=HOSTILE_IDS)
def test_github_data_cannot_start_a_workflow_command(text: str) -> None:
    line = f"::warning file={github_property(text)},title={github_property(text)}::" + (
        github_data(text)
    )
    assert "\n" not in line
    assert "\r" not in line
    assert _invisible(line) == []
    # a property ends at the first ',' or '::': the hostile text adds no property
    properties = line.split("::")[1]
    assert [p.split("=")[0] for p in properties.split(",")] == ["warning file", "title"]


@pytest.mark.parametrize("text", CASES, ids=HOSTILE_IDS)
def test_sarif_text_has_no_link_nor_placeholder(text: str) -> None:
    shown = sarif_text(text)
    # every bracket is escaped by an odd number of backslashes
    for match in re.finditer(r"(\\*)[\[\]]", shown):
        assert len(match.group(1)) % 2 == 1, shown
    assert re.search(r"(?<!\{)\{(?!\{)", shown.replace("{{", "")) is None
    assert _invisible(shown) == []


@pytest.mark.parametrize("text", CASES, ids=HOSTILE_IDS)
def test_markdown_cell_renders_as_the_text_itself(text: str) -> None:
    for prefix in ("intro ", ""):
        page = _page(_MARKDOWN.render(prefix + markdown_cell(text)))
        assert page.tags in (["p"], [])
        assert page.attributes == []
        assert "".join(page.text).strip() == (prefix + _shown(text)).strip(" ")


class _Cells(_Page):
    """The text of each table cell."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        if tag in ("td", "th"):
            self.cells.append("")

    def handle_data(self, data: str) -> None:
        super().handle_data(data)
        if self.cells:
            self.cells[-1] += data


@pytest.mark.parametrize("text", CASES, ids=HOSTILE_IDS)
def test_markdown_table_cells_stay_cells(text: str) -> None:
    table = (
        "| a | b | c |\n|---|---|---|\n"
        f"| {markdown_cell(text)} | {markdown_code(text)} | {markdown_cell('x')} |\n"
    )
    page = _Cells()
    page.feed(_MARKDOWN.render(table))
    page.close()
    assert [t for t in page.tags if t in ("th", "td", "code")] == [
        *("th", "th", "th"),
        *("td", "td", "code", "td"),
    ]
    assert page.attributes == []
    expected = _shown(text).strip(" ")
    assert [c.strip(" \n") for c in page.cells[3:]] == [expected, expected, "x"]


@given(st.text())
def test_markdown_cell_never_makes_markup(text: str) -> None:
    page = _page(_MARKDOWN.render(f"intro {markdown_cell(text)}"))
    assert page.tags in (["p"], [])
    assert page.attributes == []


@pytest.mark.parametrize("text", CASES, ids=HOSTILE_IDS)
def test_html_text_renders_as_the_text_itself(text: str) -> None:
    page = _page(f"<p title='{html_text(text)}'>{html_text(text)}</p>")
    expected = "".join(c if c in "\n\t" else terminal_text(c) for c in text)
    assert page.tags == ["p"]
    assert page.attributes == [("title", expected)]
    assert "".join(page.text) == expected


def test_html_text_keeps_french() -> None:
    assert html_text(FRENCH) == FRENCH
    assert html_text("<a>\u202e") == "&lt;a&gt;\\u202e"


@pytest.mark.parametrize("text", CASES, ids=HOSTILE_IDS)
def test_spreadsheet_cells_never_start_a_formula(text: str) -> None:
    cell = spreadsheet_cell(text)
    assert cell in (text, "'" + text)
    assert cell.lstrip(" ")[:1] not in ("=", "+", "-", "@", "\t", "\r", "\n")


@pytest.mark.parametrize("number", ["-2.5", "+33", "42", "-1e3", ".5"])
def test_spreadsheet_numbers_stay_numbers(number: str) -> None:
    assert spreadsheet_cell(number) == number


@pytest.mark.parametrize("text", CASES, ids=HOSTILE_IDS)
def test_xml_text_is_well_formed_and_reads_back(text: str) -> None:
    document = f"<r a='{xml_text(text, attribute=True)}'>{xml_text(text)}</r>"
    element = ET.fromstring(document)
    if XML_FORBIDDEN.search(text) is None:
        assert element.text == (text or None)
        assert element.get("a") == text
    else:
        assert "\\u" in (element.text or "")


@given(st.text())
def test_xml_text_round_trips_what_xml_can_hold(text: str) -> None:
    element = ET.fromstring(f"<r a='{xml_text(text, attribute=True)}'>{xml_text(text)}</r>")
    if XML_FORBIDDEN.search(text) is None:
        assert (element.text or "", element.get("a")) == (text, text)


@pytest.mark.parametrize("text", [*CASES, "x" * 10_000], ids=[*HOSTILE_IDS, "long"])
def test_error_excerpts_are_short_and_visible(text: str) -> None:
    shown = excerpt(text)
    assert len(shown) <= 2 + 40 * 10  # 40 characters, each at most a \U00000000 escape
    assert _invisible(shown) == []
    assert "\n" not in shown
    assert shown.startswith("'") or shown.startswith('"')
