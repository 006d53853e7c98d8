"""The cover page: title, company, plan, date, author, logo, and the contents."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from estrategy.report.client.branding import Branding
from estrategy.report.client.markup import Html, element
from estrategy.report.client.voice import Voice

__all__ = ["as_of_line", "cover_section"]


def cover_section(
    *,
    title: str,
    company: str,
    plan: str,
    dates: str,
    branding: Branding,
    contents: Sequence[tuple[str, str]],
    voice: Voice,
) -> Html:
    """The cover: what the report is, for whom, as of when, by whom; then the contents.

    Args:
        title: the report's title.
        company: the company's name.
        plan: the plan's name.
        dates: the situation's date, as a sentence.
        branding: the author and the logo.
        contents: ``(anchor, heading)`` of each chapter.
        voice: how the report speaks.
    """
    parts: list[Html] = []
    if branding.logo is not None:
        parts.append(
            element(
                "img",
                src=branding.logo.data_uri(),
                alt=branding.author or company,
                cls="logo",
            )
        )
    parts += [
        element("p", company, cls="company running-company"),
        element("h1", title),
        element("p", plan, cls="plan"),
        element("p", dates, cls="as-of"),
    ]
    if branding.author:
        parts.append(
            element("p", voice.say("cover.prepared_by", author=branding.author), cls="author")
        )
    parts += [
        element(
            "nav",
            [
                element("h2", voice.say("cover.contents")),
                element(
                    "ol",
                    [
                        element("li", element("a", label, href=f"#{anchor}"))
                        for anchor, label in contents
                    ],
                ),
            ],
            cls="contents",
        ),
        element("p", voice.say("cover.confidential", company=company), cls="confidential"),
    ]
    return element("section", parts, cls="cover", id="cover")


def as_of_line(as_of: dt.date, voice: Voice) -> str:
    """``Situation as of 15 November 2026``."""
    return voice.say("cover.as_of", date=voice.date(as_of))
