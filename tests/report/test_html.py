"""The client report of ``estrategy report``: what a director reads, and its safety."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from tests.hostile import HOSTILE, HOSTILE_IDS

from estrategy.analysis import check
from estrategy.io import load_demo
from estrategy.maturity import assess
from estrategy.org import analyze
from estrategy.report import html
from estrategy.report.client import Review, Voice, render_review, review
from estrategy.report.client.gaps import PREFIX_THEMES
from estrategy.report.client.names import Names
from estrategy.rules import registry


class _Page(HTMLParser):
    """Collects ids, tags and visible text; fails on unbalanced sections."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.open_sections = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.ids += [v for k, v in attrs if k == "id" and v]
        self.open_sections += tag == "section"

    def handle_endtag(self, tag):
        self.open_sections -= tag == "section"

    def handle_data(self, data):
        self.text.append(data)


def _parsed(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _plain(page: str) -> str:
    return " ".join("".join(_parsed(page).text).split())


def test_every_finding_is_explained_with_names_why_and_what_to_do(
    lefevre_review: Review, lefevre_page: str
) -> None:
    text = _plain(lefevre_page)
    names = Names.of(lefevre_review.model)
    voice = Voice()
    findings = lefevre_review.findings.findings
    assert findings
    for finding in findings:
        assert finding.code in text
        for subject in finding.subjects:
            assert names.name(subject) in text, subject
        rule = registry()[finding.code]
        why = voice.rule_text(rule, "why").replace("*", "").replace("``", "")
        assert why in text, finding.code
        assert voice.rule_text(rule, "fix").replace("``", "") in text, finding.code


def test_elements_are_named_and_ids_come_second(lefevre_page: str) -> None:
    text = _plain(lefevre_page)
    assert "Monthly newsletter" in text
    assert "Tactic “Monthly newsletter” implements no strategy" in text
    assert "Hugo Martin" in text
    assert "Agence Pixel (consultant)" in text


def test_positions_only_in_the_appendix(lefevre_review: Review, lefevre_page: str) -> None:
    source = lefevre_review.source
    assert source is not None
    before, _, appendix = lefevre_page.partition('id="appendix"')
    assert source not in before
    assert f"{source}:122:5" in appendix


def test_gaps_are_grouped_by_theme_in_the_method_order(lefevre_page: str) -> None:
    ids = _parsed(lefevre_page).ids
    themes = [i.removeprefix("theme-") for i in ids if i.startswith("theme-")]
    assert themes == ["strategy", "execution", "measurement", "people", "tools", "organisation"]
    assert set(themes) <= set(PREFIX_THEMES.values())


def test_the_page_has_every_chapter_once_and_unique_ids(lefevre_page: str) -> None:
    parsed = _parsed(lefevre_page)
    for chapter in ("cover", "summary", "gaps", "maturity", "kpis", "budget", "roadmap"):
        assert parsed.ids.count(chapter) == 1, chapter
    assert parsed.ids.count("organisation") == 1
    assert parsed.ids.count("appendix") == 1
    duplicated = {i for i in parsed.ids if parsed.ids.count(i) > 1}
    assert not duplicated
    assert parsed.open_sections == 0


def test_executive_summary_ranks_the_critical_gap_first(lefevre_page: str) -> None:
    summary = lefevre_page.partition('id="summary"')[2].partition('id="gaps"')[0]
    ranks = re.findall(r"href=\"#(gap-[A-Z]+\d+|dimension-\w+)\"", summary)
    assert 3 <= len(ranks) <= 5
    assert ranks[0] == "gap-STR001"  # the only critical gap comes first
    assert "Monthly newsletter" in summary


def test_the_report_is_self_contained(lefevre_page: str) -> None:
    parsed = _parsed(lefevre_page)
    assert "script" not in parsed.tags
    assert not re.search(r"(src|href)\s*=\s*['\"]?(https?:|//)", lefevre_page)
    assert "@import" not in lefevre_page
    assert "url(http" not in lefevre_page


def test_charts_have_alt_text_and_scoped_ids(lefevre_page: str) -> None:
    pytest.importorskip("matplotlib")
    charts = re.findall(r"<svg\b[^>]*>", lefevre_page)
    # maturity, two indicators, budget, roadmap, the lines (too small for a matrix of ties)
    assert len(charts) == 6
    for opening in charts:
        assert "role='img'" in opening
        assert "aria-labelledby=" in opening
    assert lefevre_page.count("<title id=") == 6


def test_without_matplotlib_the_report_says_so_and_keeps_its_tables(
    lefevre_review: Review,
) -> None:
    page = render_review(lefevre_review, charts=False)
    assert "<svg" not in page
    assert "estrategy[plot]" in page
    assert "Shared CRM" in page
    assert "€30,000" in page


@pytest.mark.parametrize("trick", HOSTILE_IDS)
def test_model_text_is_escaped(trick: str) -> None:
    hostile = HOSTILE[trick]
    model = load_demo()
    model = attrs.evolve(
        model,
        name=hostile,
        tactics=[attrs.evolve(model.tactics[0], name=hostile), *model.tactics[1:]],
        organization=attrs.evolve(model.organization, name=hostile),
    )
    page = render_review(review(model), charts=False)
    parsed = _parsed(page)
    assert "script" not in parsed.tags
    assert "img" not in parsed.tags
    assert "onerror=" not in page.replace("onerror=&quot;", "")


def test_the_renderer_table_still_renders_a_bare_check_report() -> None:
    model = load_demo()
    report = check(model)
    page = html.render(report, assessment=assess(model), org=analyze(model.organization))
    for finding in report.findings:
        assert finding.code in page
    assert "Digital maturity" in page
    assert "The eight steps" in page


def test_the_french_text_survives(tmp_path: Path) -> None:
    model = attrs.evolve(load_demo(), name="Plan « été » : 85 600 €")
    page = render_review(review(model), charts=False)
    assert "Plan « été » : 85 600 €" in page


def test_a_score_held_down_by_results_is_said_in_the_summary_and_the_chapter() -> None:
    result = review(load_demo())
    assert result.assessment.overall.capped
    page = render_review(result, charts=False)
    summary, _, rest = page.partition('id="gaps"')
    assert "Results hold the score down" in summary
    assert "Results hold the score down" in rest.partition('id="kpis"')[0]


@pytest.fixture(scope="module")
def french_page(lefevre_review: Review) -> str:
    return render_review(lefevre_review, lang="fr", charts=False)


def test_the_french_report_explains_every_finding_in_french(
    lefevre_review: Review, french_page: str
) -> None:
    text = _plain(french_page)
    voice = Voice("fr")
    names = Names.of(lefevre_review.model)
    for finding in lefevre_review.findings.findings:
        rule = registry()[finding.code]
        for part in ("why", "fix"):
            said = voice.rule_text(rule, part).replace("*", "").replace("``", "")
            assert said in text, (finding.code, part)
            assert said != Voice().rule_text(rule, part).replace("*", "").replace("``", "")
        for subject in finding.subjects:
            assert names.name(subject) in text
    assert "48\u202f000\xa0€" in french_page  # French money, French spaces
    assert "Situation au 15 novembre 2026" in text


def test_the_french_report_leaves_no_english_chrome(french_page: str) -> None:
    from estrategy.base.messages import Message
    from estrategy.report.client.texts import TEXTS

    text = _plain(french_page)
    english = Voice()
    left = [
        english.say(key)
        for key, entry in TEXTS.items()
        if not isinstance(entry, Message)
        and "{" not in entry
        and len(entry) > 12
        and english.say(key) != Voice("fr").say(key)
        and english.say(key) in text
    ]
    assert left == []
