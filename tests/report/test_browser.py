"""The client report in a real browser and as a PDF, looked at as a reader would.

Headless Chromium opens the reference model's report: no console error, every chart
drawn with a size, every finding's code and element names on the page; a screenshot is
kept under ``tests/artifacts/`` (ignored by git) to look at. The PDF is printed with
WeasyPrint and its pages rendered with pdftoppm: the page count holds every chapter on
its own pages, no page is blank, radar and quadrant share a page. Each test skips when
its tool (Chromium; WeasyPrint, pdftoppm and pdftotext) is missing; ``.ci/run``
installs them and runs these tests (``ESTRATEGY_REAL_BROWSER=1``).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.report.browser import Browser, chromium

from estrategy.report.client import Branding, Logo, Review, render_review
from estrategy.report.client.names import Names

ARTIFACTS = Path(__file__).parent.parent / "artifacts"
LOGO = Logo(
    "image/svg+xml",
    b"<svg xmlns='http://www.w3.org/2000/svg' width='120' height='40'>"
    b"<rect width='120' height='40' fill='#16324f'/></svg>",
)
# A browser and a PDF engine cost seconds the everyday test run cannot spare (its budget
# is shared by everybody): `.ci/run` sets this variable; set it to run them here.
pytestmark = pytest.mark.skipif(
    not os.environ.get("ESTRATEGY_REAL_BROWSER"),
    reason="real-browser and PDF tests run with ESTRATEGY_REAL_BROWSER=1 (as .ci/run does)",
)
CHAPTERS = ("summary", "gaps", "maturity", "kpis", "budget", "roadmap", "organisation", "appendix")


@pytest.fixture(scope="module")
def branded(lefevre_review: Review) -> str:
    """The reference report as a consultant hands it over: with an author and a logo."""
    return render_review(
        lefevre_review, branding=Branding(author="Cabinet Martin & Associés", logo=LOGO)
    )


def _expected_words(review: Review) -> set[str]:
    names = Names.of(review.model)
    words = set()
    for finding in review.findings.findings:
        words.add(finding.code)
        words.update(names.name(s) for s in finding.subjects)
    return words


def test_the_report_in_a_real_browser(lefevre_review: Review, branded: str) -> None:
    executable = chromium()
    if executable is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    ARTIFACTS.mkdir(exist_ok=True)
    page = ARTIFACTS / "lefevre-report.html"
    page.write_text(branded, encoding="utf-8")
    with Browser(executable) as browser:
        browser.open(page)
        sizes = browser.evaluate(
            "[...document.querySelectorAll('svg.chart, img.logo')]"
            ".map(e => {const r = e.getBoundingClientRect(); return [r.width, r.height]})"
        )
        text = browser.evaluate("document.body.innerText")
        browser.screenshot(ARTIFACTS / "lefevre-report.png")
        errors = browser.errors()
    assert errors == []
    charts = branded.count("class='chart'")
    assert len(sizes) == charts + 1  # and the logo
    if importlib.util.find_spec("matplotlib"):
        assert charts == 6
    assert all(width > 50 and height > 20 for width, height in sizes), sizes
    flat = " ".join(text.split())
    missing = sorted(w for w in _expected_words(lefevre_review) if w not in flat)
    assert missing == []
    assert (ARTIFACTS / "lefevre-report.png").stat().st_size > 10_000


def _tools() -> None:
    if importlib.util.find_spec("weasyprint") is None:
        pytest.skip("WeasyPrint is not installed (pip install 'estrategy[pdf]')")
    for tool in ("pdftoppm", "pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed (apt-get install poppler-utils)")


def _dark_share(png: Path) -> float:
    """The share of dark pixels in the page's body (margins with header and footer cut)."""
    from PIL import Image  # WeasyPrint depends on Pillow

    with Image.open(png) as image:
        grey = image.convert("L")
        width, height = grey.size
        body = grey.crop((0, height // 10, width, height - height // 10))
        dark = sum(body.histogram()[:200])
        return dark / (body.size[0] * body.size[1])


def test_the_report_as_a_pdf(lefevre_review: Review, branded: str) -> None:
    _tools()
    from estrategy.report.client import write_pdf

    ARTIFACTS.mkdir(exist_ok=True)
    pdf = ARTIFACTS / "lefevre-report.pdf"
    write_pdf(branded, pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]
    # the cover, then every chapter from a page of its own; a report, not a book
    assert len(CHAPTERS) + 1 <= pages <= 40
    for old in ARTIFACTS.glob("lefevre-page-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", str(pdf), str(ARTIFACTS / "lefevre-page")], check=True
    )
    images = sorted(ARTIFACTS.glob("lefevre-page-*.png"))
    assert len(images) == pages
    blank = [p.name for p in images if _dark_share(p) < 0.002]
    assert blank == []
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    by_page = text.split("\f")
    assert "Digital strategy review" in by_page[0]
    assert "Cabinet Martin & Associés" in by_page[0]
    assert f"2 / {pages}" in by_page[1]  # page numbers in the footer
    assert "Maison Lefèvre" in by_page[1]  # the company in the header
    radar_and_quadrant = [
        i for i, p in enumerate(by_page) if "Digital intensity" in p and "Strategy" in p
    ]
    assert radar_and_quadrant, "radar and quadrant are not on one page"
    flat = " ".join(text.split())
    assert sorted(f.code for f in lefevre_review.findings.findings if f.code not in flat) == []
