"""Outputs of several files: an unreadable file's problems and suppression reasons are input
text too, and change no output's structure (the corpus of ``tests/hostile.py``)."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest
from tests.hostile import HOSTILE, HOSTILE_IDS

from estrategy.analysis import Report
from estrategy.batch import BatchReport, FileCheck
from estrategy.io.errors import FileError
from estrategy.report import render
from estrategy.rules import Finding
from estrategy.suppressions import Suppressed

INVISIBLE = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def batch(text: str) -> BatchReport:
    finding = Finding("XYZ001", "hostile-thing", "warning", "m", ["t-x"], ["tactics", 0])
    report = Report(
        model_name="M",
        as_of=dt.date(2026, 1, 1),
        suppressed=[Suppressed(finding, text, "tactics[0].ignore[0]")],
    )
    error = FileError(f"{text}.yaml", 3, 1, ("tactics", 0), text)
    return BatchReport([FileCheck(f"{text}.yaml", errors=(error,)), FileCheck("ok.yaml", report)])


def visible(text: str) -> bool:
    return not [c for c in text if c != "\n" and unicodedata.category(c) in INVISIBLE]


@pytest.mark.parametrize("name", HOSTILE_IDS)
def test_problems_and_reasons_change_no_structure(name: str) -> None:
    text = HOSTILE[name]
    options = {"show_suppressed": True}
    for output in ("text", "github"):
        out = render(batch(text), output, kind="files", **options)
        plain = render(batch("plain"), output, kind="files", **options)
        assert visible(out), output
        assert len(out.splitlines()) == len(plain.splitlines()), output
    github = render(batch(text), "github", kind="files")
    assert [line[:7] for line in github.splitlines()] == ["::error"]
    log = json.loads(render(batch(text), "sarif", kind="files", **options))
    (run,) = log["runs"]
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert visible(note["message"]["text"])
    assert visible(run["results"][0]["suppressions"][0]["justification"])
    data = json.loads(render(batch(text), "json", kind="files"))
    assert data["files"][0]["errors"][0]["message"] == text  # machine output: kept exactly
