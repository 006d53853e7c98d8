"""One self-contained HTML report: findings, maturity and organisation, with charts.

The page has no script and loads nothing: styles are inline and the charts are inline
SVG (:mod:`estrategy.report.svg`), so it can be mailed, archived or opened offline.
Every text that comes from the model is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from estrategy.base.escape import html_text
from estrategy.report._locations import Locator, location
from estrategy.report.svg import quadrant_svg, radar_svg

if TYPE_CHECKING:
    from estrategy.analysis import Report
    from estrategy.maturity import Assessment, MaturityModel
    from estrategy.org import OrgAnalysis

__all__ = ["render"]

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#222;padding:0 1rem}
h1{margin-bottom:.2rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
.meta{color:#666}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
th{background:#f6f6f6}.error{color:#b91c1c;font-weight:600}.warning{color:#b45309}
.info{color:#1d4ed8}.charts{display:flex;flex-wrap:wrap;gap:2rem;align-items:center}
.bar{display:inline-block;height:.7rem;background:#2563eb;border-radius:2px}
.evidenced{color:#15803d}.partial{color:#b45309}.missing{color:#b91c1c}code{font-size:.9em}
"""


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """An HTML table; cells are already-escaped HTML."""
    head = "".join(f"<th>{html_text(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _findings_section(
    report: Report, source: str | None, positions: Locator | None, lang: str
) -> str:
    summary = report.summary
    counts = ", ".join(f"{n} {html_text(str(sev))}" for sev, n in summary.items())
    if not report.findings:
        return f"<h2>Coherence gaps</h2><p>No finding ({counts}).</p>"
    rows = (
        (
            f"<span class='{html_text(str(f.severity))}'>{html_text(str(f.severity))}</span>",
            f"<code>{html_text(f.code)}</code> {html_text(f.name)}",
            html_text(f.message_in(lang)),
            html_text(", ".join(f.subjects)),
            f"<code>{html_text(location(f, source, positions))}</code>",
        )
        for f in report.findings
    )
    return f"<h2>Coherence gaps</h2><p>{counts}.</p>" + _table(
        ("severity", "rule", "message", "subjects", "where"), rows
    )


def _maturity_section(assessment: Assessment, spec: MaturityModel | None) -> str:
    from estrategy.maturity.quadrant import quadrant_thresholds

    axes = [(d.name, d.score) for d in assessment.dimensions]
    q = assessment.quadrant
    digital, management = quadrant_thresholds(assessment.maturity_model, spec)
    charts = (
        "<div class='charts'>"
        + (radar_svg(axes) if len(axes) >= 3 else "")
        + quadrant_svg(
            q.digital_intensity,
            q.management_intensity,
            q.name,
            threshold_digital=digital,
            threshold_management=management,
        )
        + "</div>"
    )
    overall = assessment.overall
    intro = (
        f"<p>Overall <strong>{overall.score:.0f}/100</strong>, level {overall.level} "
        f"({html_text(overall.level_name)}); quadrant <strong>{html_text(q.name)}</strong> "
        f"(digital {q.digital_intensity:.0f}, management {q.management_intensity:.0f}); "
        f"spread between strongest and weakest dimension {overall.spread:.0f}.</p>"
    )
    dimension_rows = (
        (
            html_text(d.name),
            "n/a" if d.score is None else f"{d.score:.0f}",
            "n/a" if d.level is None else f"{d.level} ({html_text(d.level_name or '')})",
            f"<span class='bar' style='width:{(d.score or 0) * 2:.0f}px'></span>",
        )
        for d in assessment.dimensions
    )
    step_rows = (
        (
            str(s.number),
            html_text(s.title),
            f"<span class='{html_text(s.status)}'>{html_text(s.status)}</span>",
            html_text("; ".join(e.fact for e in s.evidence)),
        )
        for s in assessment.steps
    )
    jumped = (
        "<p class='missing'>Jumped steps: " + html_text(", ".join(assessment.jumped)) + "</p>"
        if assessment.jumped
        else ""
    )
    return (
        "<h2>Digital maturity</h2>"
        + intro
        + charts
        + _table(("dimension", "score", "level", ""), dimension_rows)
        + "<h3>The eight steps</h3>"
        + jumped
        + _table(("#", "step", "status", "evidence"), step_rows)
    )


def _org_section(org: OrgAnalysis) -> str:
    share = org.transversality.share
    rows = [
        ("people", str(org.people)),
        ("units", str(org.units)),
        ("transversal groups", str(org.groups)),
        ("ties", str(org.ties)),
        ("hierarchical lines", html_text(", ".join(org.lines.heads)) or "none"),
        ("pairs of lines joined", "n/a" if share is None else f"{share:.0%}"),
        ("silo lines", html_text(", ".join(org.silos.lines)) or "none"),
        ("isolated people", str(len(org.isolates.people))),
    ]
    return "<h2>Organisation</h2>" + _table(("measure", "value"), rows)


def render(
    report: Report,
    *,
    assessment: Assessment | None = None,
    org: OrgAnalysis | None = None,
    source: str | None = None,
    positions: Locator | None = None,
    maturity_model: MaturityModel | None = None,
    lang: str = "en",
) -> str:
    """The whole report as one HTML document.

    Args:
        report: the findings of :func:`estrategy.check`.
        assessment: the maturity assessment, if any (:func:`estrategy.assess`).
        org: the organisation analyses, if any (:func:`estrategy.org.analyze`).
        source: the model file, to give ``file:line:col`` for findings.
        positions: the model file's source map (:attr:`estrategy.io.ModelDocument.positions`).
        maturity_model: the maturity model ``assessment`` was made with, whose
            thresholds place the quadrant's lines (default: the default maturity model;
            an assessment records only its model's name).
        lang: the language of the findings' messages (the page's headings are English
            until the client-report rewrite translates them).

    Returns:
        A complete HTML document.

    Raises:
        ValueError: when ``maturity_model`` (or, by default, the default maturity model)
            is not the one ``assessment.maturity_model`` names.
    """
    title = f"{report.model_name}: strategy report"
    parts = [
        f"<!DOCTYPE html><html lang='{html_text(lang)}'><head><meta charset='utf-8'>",
        f"<title>{html_text(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{html_text(report.model_name)}</h1>",
        f"<p class='meta'>As of {report.as_of.isoformat()}"
        + (f" · {html_text(source)}" if source else "")
        + " · generated by estrategy</p>",
        _findings_section(report, source, positions, lang),
    ]
    if assessment is not None:
        parts.append(_maturity_section(assessment, maturity_model))
    if org is not None:
        parts.append(_org_section(org))
    parts.append("</body></html>")
    return "\n".join(parts)
