"""The text output cannot be used to rewrite what a terminal shows."""

from __future__ import annotations

import datetime as dt

from estrategy.analysis import Report
from estrategy.report import check_text as text
from estrategy.rules import Finding


def test_control_and_bidi_characters_are_escaped() -> None:
    finding = Finding(
        "TEC001",
        "tool-without-purpose",
        "info",
        "tool x\u202eevil\x1b[2J is used by no action",
        ["x"],
        ["tools", 0],
    )
    out = text.render(Report(model_name="M\u2066", as_of=dt.date(2026, 1, 1), findings=[finding]))
    assert "\u202e" not in out
    assert "\x1b" not in out
    assert "\u2066" not in out
    assert "x\\u202eevil\\u001b[2J is used" in out
    assert "M\\u2066, as of" in out
