"""The report as an A4 PDF, printed by WeasyPrint (``[pdf]`` extra).

The page's print stylesheet does the layout (chapters on new pages, charts kept whole,
the company's name and page numbers in the margins); WeasyPrint lays it out. It may load
nothing but the page itself: every URL but a ``data:`` URI is refused (WeasyPrint's
``URLFetcher``, version 68 or later), so a report never fetches a resource while it is
printed.

Example:
    >>> pdf = pdf_bytes("<!DOCTYPE html><html><body><p>Hello</p></body></html>")  # needs weasyprint
    >>> pdf[:5]
    b'%PDF-'
"""

from __future__ import annotations

import logging
import os
from typing import Any

from estrategy.base.errors import EstrategyError

__all__ = ["PdfError", "pdf_bytes", "write_pdf"]


class PdfError(EstrategyError, RuntimeError):
    """The PDF cannot be made: WeasyPrint (``[pdf]`` extra) is missing or failed."""


def _weasyprint() -> Any:
    try:
        import weasyprint
    except ImportError:
        raise PdfError(
            "writing a PDF needs WeasyPrint: pip install 'estrategy[pdf]' (or weasyprint); "
            "or write the HTML report and print it from a browser"
        ) from None
    except OSError as exc:  # WeasyPrint is installed but its system libraries are not
        raise PdfError(
            f"WeasyPrint cannot start ({exc}); see its installation notes for the Pango "
            "libraries, or write the HTML report and print it from a browser"
        ) from None
    return weasyprint


def pdf_bytes(page: str) -> bytes:
    """The HTML ``page`` printed to PDF.

    Raises:
        PdfError: when WeasyPrint is missing or cannot start.
    """
    weasyprint = _weasyprint()
    # Only data: URIs (the logo) may be fetched; anything else is refused, not loaded.
    fetcher = weasyprint.urls.URLFetcher(allowed_protocols={"data"})
    # WeasyPrint reports every CSS property it does not know as a warning; the
    # stylesheet is written for browsers too, so those are expected, not news.
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        document = weasyprint.HTML(string=page, url_fetcher=fetcher)
        data: bytes = document.write_pdf()
    finally:
        logger.setLevel(level)
    return data


def write_pdf(page: str, target: str | os.PathLike[str], *, through_symlink: bool = False) -> None:
    """Print the HTML ``page`` to the PDF file ``target``, written atomically.

    Args:
        page: the HTML document.
        target: the PDF file; a device, a FIFO or (unless ``through_symlink``) a symbolic
            link is refused (:func:`estrategy.io.atomic.atomic_path`).
        through_symlink: replace the file a symbolic link points to.

    Raises:
        PdfError: when WeasyPrint is missing or cannot start.
        WriteError: when the file is refused or cannot be written.
    """
    from estrategy.io.atomic import write_bytes_atomic

    write_bytes_atomic(target, pdf_bytes(page), through_symlink=through_symlink)
