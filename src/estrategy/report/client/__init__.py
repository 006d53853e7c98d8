"""The client report: the deliverable a consultant hands to a director, in HTML and PDF.

:func:`client_report` writes one self-contained HTML document of a model's coherence
gaps, maturity, indicators, budget, roadmap and organisation, with an executive summary
and prioritised recommendations; :func:`progress_report` shows what moved between two
reviews; :func:`write_pdf` prints either to an A4 PDF (``[pdf]`` extra). Every report
function takes the same keywords, :class:`ReportOptions` (``branding``, ``voice``,
``charts``, ``lang``). Every text of the report's own is in
:mod:`estrategy.report.client.texts`, rendered by
:meth:`Voice.say <estrategy.report.client.voice.Voice.say>`.
"""

from __future__ import annotations

from estrategy.report.client.branding import Branding, Logo, LogoError, read_logo
from estrategy.report.client.page import ReportOptions, client_report
from estrategy.report.client.pdf import PdfError, pdf_bytes, write_pdf
from estrategy.report.client.progress import progress_report
from estrategy.report.client.review import Review, render_review, review
from estrategy.report.client.voice import Voice

__all__ = [
    "Branding",
    "Logo",
    "LogoError",
    "PdfError",
    "ReportOptions",
    "Review",
    "Voice",
    "client_report",
    "pdf_bytes",
    "progress_report",
    "read_logo",
    "render_review",
    "review",
    "write_pdf",
]
