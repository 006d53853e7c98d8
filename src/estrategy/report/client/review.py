"""One review of a model: everything the client report shows, computed once.

:func:`review` runs the coherence check, the maturity assessment and the organisation
analyses of a model with one configuration, as ``estrategy report`` does, so that a
notebook gets the same report as the command line:

    >>> from estrategy.io import load_demo
    >>> result = review(load_demo())
    >>> result.findings.model_name, result.assessment.quadrant.name
    ('Brasserie Kerlann digital plan 2026-2027', 'digirati')
    >>> page = render_review(result, charts=False)
    >>> page.startswith("<!DOCTYPE html>")
    True
"""

from __future__ import annotations

import datetime as dt
from typing import Unpack

import attrs

from estrategy.analysis import Report
from estrategy.catalogue import Catalogue
from estrategy.maturity import Assessment, MaturityModel, assess
from estrategy.model import StrategyModel
from estrategy.org import OrgAnalysis, analyze
from estrategy.report._locations import Locator
from estrategy.report.client.page import ReportOptions, client_report
from estrategy.settings import Config

__all__ = ["Review", "render_review", "review"]


@attrs.frozen(eq=False)
class Review:
    """A model and what the report says about it.

    Attributes:
        model: the model.
        findings: its coherence gaps.
        assessment: its maturity.
        org: its organisation analyses.
        catalogue: the tactic catalogue used (``None``: the shipped one).
        maturity_model: the maturity model used (``None``: the default one).
        source: the model file, for positions in the appendix.
        positions: the model file's source map.
    """

    model: StrategyModel
    findings: Report
    assessment: Assessment
    org: OrgAnalysis
    catalogue: Catalogue | None = None
    maturity_model: MaturityModel | None = None
    source: str | None = None
    positions: Locator | None = None


def review(
    model: StrategyModel,
    *,
    config: Config | None = None,
    as_of: dt.date | None = None,
    maturity_model: MaturityModel | None = None,
    source: str | None = None,
    positions: Locator | None = None,
) -> Review:
    """Check, assess and analyse ``model`` with one configuration.

    Args:
        model: the model.
        config: rule selection, severities, settings and catalogue (``estrategy.toml``);
            the same settings reach the maturity criteria and the organisation analyses.
        as_of: the date to judge against (default: the model's ``as_of``, else today).
        maturity_model: the maturity model (default: the default one).
        source: the model file, for positions in the appendix.
        positions: the model file's source map.

    Raises:
        EstrategyError: a broken configuration or catalogue.
    """
    config = config or Config()
    catalogue = config.load_catalogue()
    findings = config.check(model, as_of=as_of, catalogue=catalogue)
    assessment = assess(
        model, maturity_model, as_of=as_of, catalogue=catalogue, settings=config.settings
    )
    # the whole model, so that the key-person risk counts the actions people carry
    org = analyze(model, upward_hops=int(config.setting("upward_hops")))
    return Review(model, findings, assessment, org, catalogue, maturity_model, source, positions)


def render_review(
    result: Review,
    **options: Unpack[ReportOptions],
) -> str:
    """The client report of one review, as one self-contained HTML document.

    Args:
        result: the review.
        **options: ``branding``, ``voice``, ``charts`` and ``lang``
            (:class:`~estrategy.report.client.page.ReportOptions`).

    Example:
        >>> from estrategy.io import load_demo
        >>> page = render_review(review(load_demo()), lang="fr", charts=False)
        >>> "Synthèse" in page and "Recommandations par ordre de priorité" in page
        True
    """
    return client_report(
        result.findings,
        model=result.model,
        assessment=result.assessment,
        org=result.org,
        source=result.source,
        positions=result.positions,
        maturity_model=result.maturity_model,
        catalogue=result.catalogue,
        **options,
    )
