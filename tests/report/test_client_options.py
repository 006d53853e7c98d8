"""The options every report function shares (ReportOptions): declared once, checked."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from estrategy.report.client import (
    Branding,
    Review,
    Voice,
    client_report,
    progress_report,
    render_review,
)


def _reports(result: Review) -> dict[str, Callable[..., str]]:
    """Each report function, with the review given and the options left to the caller."""
    return {
        "client_report": lambda **o: client_report(result.findings, model=result.model, **o),
        "render_review": lambda **o: render_review(result, **o),
        "progress_report": lambda **o: progress_report(result, result, **o),
    }


@pytest.mark.parametrize("name", ["client_report", "render_review", "progress_report"])
def test_an_unknown_option_is_refused_by_name(lefevre_review: Review, name: str) -> None:
    report = _reports(lefevre_review)[name]
    with pytest.raises(TypeError, match=r"'langue'.*branding, charts, lang, voice"):
        report(langue="fr", charts=False)


@pytest.mark.parametrize("name", ["client_report", "render_review", "progress_report"])
def test_every_option_reaches_the_page(lefevre_review: Review, name: str) -> None:
    report = _reports(lefevre_review)[name]
    page = report(lang="fr", charts=False, branding=Branding(title="Revue <Lefèvre>"))
    assert page.startswith("<!DOCTYPE html>\n<html lang='fr'>")
    assert "<title>Revue &lt;Lefèvre&gt; · " in page
    assert report(voice=Voice("fr"), charts=False, branding=Branding(title="Revue <Lefèvre>")) == (
        page
    )
    assert report(voice=Voice("en"), lang="fr", charts=False).startswith(
        "<!DOCTYPE html>\n<html lang='en'>"
    )
