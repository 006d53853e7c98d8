"""The HTML report (kind ``report``): the client report of :mod:`estrategy.report.client`.

The page has no script and loads nothing: styles are inline and the charts are inline
SVG drawn with matplotlib (``[plot]`` extra; without it the page says so and shows the
tables), so it can be mailed, archived, printed or opened offline. Every text that comes
from the model is escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from estrategy.analysis import Report
    from estrategy.catalogue import Catalogue
    from estrategy.maturity import Assessment, MaturityModel
    from estrategy.model import StrategyModel
    from estrategy.org import OrgAnalysis
    from estrategy.report._locations import Locator
    from estrategy.report.client import Branding, Voice

__all__ = ["render"]


def render(
    report: Report,
    *,
    model: StrategyModel | None = None,
    assessment: Assessment | None = None,
    org: OrgAnalysis | None = None,
    source: str | None = None,
    positions: Locator | None = None,
    maturity_model: MaturityModel | None = None,
    catalogue: Catalogue | None = None,
    branding: Branding | None = None,
    voice: Voice | None = None,
    charts: bool | None = None,
) -> str:
    """The whole report as one HTML document.

    Args:
        report: the findings of :func:`estrategy.check`.
        model: the model checked: names of its elements, budget, indicators, roadmap.
        assessment: the maturity assessment, if any (:func:`estrategy.assess`).
        org: the organisation analyses, if any (:func:`estrategy.org.analyze`).
        source: the model file, to give ``file:line:col`` for findings (appendix).
        positions: the model file's source map (:attr:`estrategy.io.ModelDocument.positions`).
        maturity_model: the maturity model ``assessment`` was made with, whose
            thresholds place the quadrant's lines (default: the default maturity model;
            an assessment records only its model's name).
        catalogue: the tactic catalogue the check used (channels of tactics).
        branding: the report's title, author and logo.
        voice: the report's language and formats (default: English).
        charts: draw the charts (default: when matplotlib is installed).

    Returns:
        A complete HTML document.

    Raises:
        ValueError: when ``maturity_model`` (or, by default, the default maturity model)
            is not the one ``assessment.maturity_model`` names.
    """
    from estrategy.report.client import client_report

    return client_report(
        report,
        model=model,
        assessment=assessment,
        org=org,
        source=source,
        positions=positions,
        maturity_model=maturity_model,
        catalogue=catalogue,
        branding=branding,
        voice=voice,
        charts=charts,
    )
