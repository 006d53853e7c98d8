"""The whole client report as one HTML document, and what every page of it shares.

:func:`client_report` puts the chapters together: cover, executive summary, coherence
gaps, maturity, indicators, budget, roadmap, organisation, appendix. Chapters whose
results are not given are left out (no model: no budget, indicators or roadmap; no
assessment: no maturity). The page holds no script and loads nothing: the stylesheet is
inline, charts are inline SVG, the logo a data URI.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from typing import TypedDict, Unpack

import attrs

from estrategy.analysis import Report
from estrategy.catalogue import Catalogue
from estrategy.maturity import Assessment, MaturityModel
from estrategy.model import StrategyModel
from estrategy.org import OrgAnalysis
from estrategy.report._locations import Locator
from estrategy.report.client.appendix import appendix_section
from estrategy.report.client.branding import Branding
from estrategy.report.client.budget import budget_breakdown, budget_section
from estrategy.report.client.context import ChapterContext
from estrategy.report.client.cover import as_of_line, cover_section
from estrategy.report.client.gaps import gap_themes, gaps_section
from estrategy.report.client.kpis import kpi_trajectories, kpis_section
from estrategy.report.client.markup import Html, element, esc
from estrategy.report.client.maturity import maturity_section
from estrategy.report.client.messages import key_messages
from estrategy.report.client.names import Names
from estrategy.report.client.organisation import org_section
from estrategy.report.client.roadmap import roadmap, roadmap_section
from estrategy.report.client.style import STYLESHEET
from estrategy.report.client.summary import summary_section
from estrategy.report.client.voice import Voice

__all__ = [
    "Document",
    "ReportOptions",
    "charts_available",
    "client_report",
    "document",
    "presentation",
]


def charts_available() -> bool:
    """Whether matplotlib, which draws the charts (``[plot]`` extra), is installed."""
    return importlib.util.find_spec("matplotlib") is not None


class ReportOptions(TypedDict, total=False):
    """How a report looks and speaks: the keywords every report function takes.

    :func:`client_report`, :func:`~estrategy.report.client.review.render_review` and
    :func:`~estrategy.report.client.progress.progress_report` take them as keywords
    (``client_report(report, lang="fr")``); each may be left out or given as ``None``.

    Attributes:
        branding: title, author and logo (default: the shipped title, no author, no logo).
        voice: how the report speaks (default: in ``lang``).
        charts: draw the charts (default: when matplotlib is installed).
        lang: the report's language when no ``voice`` is given (default: English).
    """

    branding: Branding | None
    voice: Voice | None
    charts: bool | None
    lang: str | None


def presentation(options: ReportOptions) -> tuple[Voice, Branding, bool]:
    """The voice, the branding and whether charts are drawn, defaults filled in.

    Raises:
        TypeError: an option :class:`ReportOptions` does not declare (a caller that
            mypy does not check, such as a notebook, gets it as for any other keyword).

    Example:
        >>> voice, branding, charts = presentation({"lang": "fr", "charts": False})
        >>> voice.lang, branding.title, charts
        ('fr', None, False)
    """
    unknown = sorted(options.keys() - ReportOptions.__optional_keys__)
    if unknown:
        expected = ", ".join(sorted(ReportOptions.__optional_keys__))
        raise TypeError(f"unexpected keyword argument {unknown[0]!r} (options: {expected})")
    charts = options.get("charts")
    return (
        options.get("voice") or Voice(options.get("lang") or "en"),
        options.get("branding") or Branding(),
        charts_available() if charts is None else charts,
    )


@attrs.frozen
class Document:
    """What the head and cover of a page need.

    Attributes:
        title: the report's title.
        company: the company's name.
        voice: how the page speaks.
        charts: whether charts are drawn.
        compact: in print, chapters follow one another rather than each starting a
            page (a short report, such as the progress report).
    """

    title: str
    company: str
    voice: Voice
    charts: bool
    compact: bool = False


def document(doc: Document, chapters: Sequence[Html]) -> str:
    """A complete HTML document around ``chapters``."""
    note = (
        []
        if doc.charts
        else [element("p", doc.voice.say("charts.missing"), cls="note", role="note")]
    )
    body = "\n".join([*note, *chapters])
    return (
        f"<!DOCTYPE html>\n<html lang='{esc(doc.voice.lang)}'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<meta name='generator' content='estrategy'>"
        f"<title>{esc(doc.title)} · {esc(doc.company)}</title>"
        f"<style>{STYLESHEET}</style></head>\n<body{' class=compact' if doc.compact else ''}>\n"
        f"{body}\n</body></html>\n"
    )


def client_report(
    report: Report,
    *,
    model: StrategyModel | None = None,
    assessment: Assessment | None = None,
    org: OrgAnalysis | None = None,
    source: str | None = None,
    positions: Locator | None = None,
    maturity_model: MaturityModel | None = None,
    catalogue: Catalogue | None = None,
    **options: Unpack[ReportOptions],
) -> str:
    """The client report of one model, as one self-contained HTML document.

    Args:
        report: the findings of :func:`estrategy.check`.
        model: the model checked (for names, budget, indicators and roadmap).
        assessment: its maturity assessment.
        org: its organisation analyses.
        source: the model file, for the appendix's ``file:line:col``.
        positions: the model file's source map.
        maturity_model: the maturity model the assessment was made with.
        catalogue: the tactic catalogue (channels of tactics).
        **options: ``branding``, ``voice``, ``charts`` and ``lang``
            (:class:`ReportOptions`).

    Raises:
        ValueError: when ``maturity_model`` is not the one ``assessment`` names.
        ImportError: when ``charts`` is true and matplotlib is missing.
    """
    voice, branding, draw = presentation(options)
    names = Names.of(model)
    as_of = report.as_of
    themes = gap_themes(report.findings)
    company = (model.organization.name if model is not None else "") or report.model_name
    title = branding.title or voice.say("doc.title")
    trajectories = kpi_trajectories(model, report.findings) if model is not None else ()
    items = roadmap(model, as_of) if model is not None else ()
    budget = budget_breakdown(model, catalogue) if model is not None else None
    messages = key_messages(
        themes=themes,
        assessment=assessment,
        roadmap=items,
        trajectories=trajectories,
        budget=budget,
        org=org,
        names=names,
        voice=voice,
    )
    context = ChapterContext(names, voice, as_of, draw)
    chapters: list[tuple[str, str, Html]] = [
        (
            "summary",
            voice.say("summary.title"),
            summary_section(themes, assessment, messages, context),
        ),
        ("gaps", voice.say("gaps.title"), gaps_section(themes, context)),
    ]
    if assessment is not None:
        chapters.append(
            (
                "maturity",
                voice.say("maturity.title"),
                maturity_section(assessment, context, spec=maturity_model, label=company),
            )
        )
    if model is not None and budget is not None:
        chapters += [
            (
                "kpis",
                voice.say("kpis.title"),
                kpis_section(trajectories, context),
            ),
            (
                "budget",
                voice.say("budget.title"),
                budget_section(budget, report.findings, context),
            ),
            (
                "roadmap",
                voice.say("roadmap.title"),
                roadmap_section(items, context),
            ),
        ]
    if org is not None:
        chapters.append(("organisation", voice.say("org.title"), org_section(org, context)))
    chapters.append(
        (
            "appendix",
            voice.say("appendix.title"),
            appendix_section(themes, assessment, context, source=source, positions=positions),
        )
    )
    cover = cover_section(
        title=title,
        company=company,
        plan=report.model_name,
        dates=as_of_line(as_of, voice),
        branding=branding,
        contents=[(anchor, heading) for anchor, heading, _ in chapters],
        voice=voice,
    )
    return document(
        Document(title, company, voice, draw), [cover, *(html for _, _, html in chapters)]
    )
