"""The options every report function shares (ReportOptions): declared once, checked."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from estrategy.report.client import (
    Branding,
    ReportOptions,
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


def test_render_review_forwards_its_options_whole(lefevre_review: Review) -> None:
    options: ReportOptions = {
        "lang": "fr",
        "charts": False,
        "branding": Branding(author="Cabinet Martin"),
    }
    assert render_review(lefevre_review, **options) == client_report(
        lefevre_review.findings,
        model=lefevre_review.model,
        assessment=lefevre_review.assessment,
        org=lefevre_review.org,
        source=lefevre_review.source,
        positions=lefevre_review.positions,
        maturity_model=lefevre_review.maturity_model,
        catalogue=lefevre_review.catalogue,
        **options,
    )
