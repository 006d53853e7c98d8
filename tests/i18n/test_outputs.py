"""What people read, in both languages: stored outputs, no English left in French, same data.

Set ``ESTRATEGY_REGENERATE=1`` to rewrite the expected files after a deliberate change
(and read the diff, in both languages).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import estrategy
from estrategy import io
from estrategy.analysis import Report
from estrategy.base.messages import Message
from estrategy.report import render
from estrategy.rules import registry
from estrategy.testing import models

HALF = settings.get_profile("half")

ROOT = Path(__file__).parents[2]
EXPECTED = Path(__file__).parent / "expected"
SOURCE = "tests/fixtures/lefevre.yaml"
UNFILLED = re.compile(r"\{[a-z_]+\}")

# Words French borrows as they are: the same in both catalogues, rightly.
SAME_IN_BOTH = {
    "community manager",
    "data scientist",
    "prospects",
    "digirati",
    "fashionista",
    "initial",
    "dimension",
    "{n} {severity}",
}


@pytest.fixture(scope="module")
def lefevre() -> io.ModelDocument:
    return io.load_document(ROOT / SOURCE)


@pytest.fixture(scope="module")
def report(lefevre: io.ModelDocument) -> Report:
    return estrategy.check(lefevre.model)


@pytest.fixture(scope="module")
def results(lefevre: io.ModelDocument, report: Report) -> dict[str, object]:
    return {
        "check": report,
        "maturity": estrategy.assess(lefevre.model),
        "org": estrategy.org.analyze(lefevre.model.organization),
    }


OUTPUTS: dict[str, tuple[str, str, Callable[[io.ModelDocument], dict[str, Any]]]] = {
    "check.txt": ("check", "text", lambda d: {"source": SOURCE, "positions": d.positions}),
    "check.md": ("check", "markdown", lambda d: {"source": SOURCE, "positions": d.positions}),
    "maturity.txt": ("maturity", "text", lambda d: {}),
    "maturity.md": ("maturity", "markdown", lambda d: {}),
    "org.txt": ("org", "text", lambda d: {}),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_output_matches_the_stored_one(
    name: str, lang: str, lefevre: io.ModelDocument, results: dict[str, object]
) -> None:
    kind, output_format, options = OUTPUTS[name]
    rendered = render(results[kind], output_format, lang=lang, **options(lefevre))
    rendered = rendered if rendered.endswith("\n") else rendered + "\n"
    stem, suffix = name.split(".")
    path = EXPECTED / f"{stem}.{lang}.{suffix}"
    if os.environ.get("ESTRATEGY_REGENERATE"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")
    assert not UNFILLED.search(rendered)


def test_every_french_finding_differs_from_its_english(report: Report) -> None:
    assert report.findings
    same = [f.message for f in report.findings if f.message_in("fr") == f.message]
    assert same == []


def test_french_rule_documentation_has_no_english_section() -> None:
    untranslated = []
    for rule in registry().values():
        french = rule.translated("fr")
        for section in ("summary", "what", "why", "fix"):
            english = getattr(rule, section)
            if english and getattr(french, section) == english:
                untranslated.append(f"{rule.code} {section}")
    assert untranslated == []


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_french_outputs_contain_no_english_sentence_of_the_catalogue(
    name: str, lefevre: io.ModelDocument, results: dict[str, object]
) -> None:
    """For every English text rendered, the French rendering is different."""
    from babel.messages.pofile import read_po

    with (ROOT / "src/estrategy/locale/fr/LC_MESSAGES/estrategy.po").open("rb") as stream:
        catalog = read_po(stream)
    english: set[str] = set()
    for m in catalog:
        for msgid in m.id if isinstance(m.id, tuple) else (str(m.id),):
            if msgid and msgid not in SAME_IN_BOTH and not placeholders_only(msgid):
                # the fixed words between placeholders, as they would appear
                english.update(p for p in UNFILLED.split(msgid) if len(p.strip()) > 12)
    kind, output_format, options = OUTPUTS[name]
    french = render(results[kind], output_format, lang="fr", **options(lefevre))
    assert sorted(p for p in english if p in french) == []


def placeholders_only(msgid: str) -> bool:
    return not UNFILLED.sub("", msgid).strip(" ,.:;()")


def test_json_has_the_same_codes_subjects_and_paths_in_both_languages(report: Report) -> None:
    english = json.loads(render(report, "json", lang="en"))
    french = json.loads(render(report, "json", lang="fr"))

    def data(document: dict) -> list[tuple]:
        return [
            (f["code"], f["name"], f["severity"], f["subjects"], f["path"])
            for f in document["findings"]
        ]

    assert data(english) == data(french)
    assert english["summary"] == french["summary"]
    assert [f["message"] for f in english["findings"]] != [f["message"] for f in french["findings"]]


def test_english_json_keeps_the_english_message(report: Report) -> None:
    assert (
        json.loads(render(report, "json"))["findings"][0]["message"] == report.findings[0].message
    )


def _without_values(text: str, message: Message) -> str:
    """``text`` less the data its message carries (a model's text may hold braces)."""
    for _, value in message.params:
        for part in value if isinstance(value, tuple) else (value,):
            if isinstance(part, str) and part:
                text = text.replace(part, "")
    return text


@HALF
@given(models())
def test_french_rendering_never_raises_and_fills_every_placeholder(model) -> None:
    report = estrategy.check(model)
    for finding in report.findings:
        assert isinstance(finding.text, Message)
        text = finding.message_in("fr")
        assert text
        assert not UNFILLED.search(_without_values(text, finding.text))
    named = attrs.evolve(report, model_name="M", findings=())
    assert not UNFILLED.search(render(named, "text", lang="fr"))


def test_importing_estrategy_loads_no_translation_and_no_babel() -> None:
    probe = (
        "import sys, estrategy; "
        "print(sorted(m for m in sys.modules if m.startswith(('babel', 'gettext', "
        "'estrategy.base.translations', 'estrategy.base.messages'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_english_plurals_are_right() -> None:
    from estrategy.report._locations import counts

    assert counts({"error": 0, "warning": 8, "info": 1}) == "0 errors, 8 warnings, 1 info"
    assert counts({"error": 1, "warning": 1, "info": 0}) == "1 error, 1 warning, 0 info"
    assert counts({"error": 0, "warning": 8, "info": 2}, "fr") == (
        "0 erreur, 8 avertissements, 2 informations"
    )


@pytest.mark.parametrize("source", [SOURCE, "src/estrategy/data/demo.yaml"])
def test_the_built_in_criteria_speak_only_catalogue_messages(source: str) -> None:
    """A plain string in a criterion's evidence would stay English in a French report."""
    assessment = estrategy.assess(io.load(ROOT / source))
    evidence = [e for d in assessment.dimensions for c in d.criteria for e in c.evidence]
    evidence += [e for s in assessment.steps for e in s.evidence]
    assert len(evidence) > 50
    assert [e.text.msgid for e in evidence if e.text.literal] == []
