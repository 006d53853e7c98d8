"""Every renderer against the shared corpus of hostile strings.

Each hostile string is put wherever input text reaches an output: the model's and the
organisation's names, a finding's message and subjects, the model file's name, the
maturity model's name, level and dimension names, a criterion's evidence and the error
of a failing criterion. Every output is rendered twice, with the hostile string and with
a plain one, and must have the same *structure* both times: as many lines for text and
GitHub outputs, the same HTML elements and attributes once Markdown is rendered or the
HTML page parsed. Machine outputs (JSON) keep the text exactly.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from typing import Any

import attrs
import pytest
from markdown_it import MarkdownIt
from tests.hostile import HOSTILE, HOSTILE_IDS

from estrategy import io
from estrategy.analysis import Report
from estrategy.batch import BatchReport, FileCheck
from estrategy.maturity import (
    Assessment,
    CriterionResult,
    CriterionSpec,
    Evidence,
    LevelScale,
    MaturityModel,
    assess,
    compare,
    criterion,
    default_maturity_model,
)
from estrategy.model import StrategyModel
from estrategy.org import OrgAnalysis, analyze
from estrategy.report import RENDERERS, render
from estrategy.rules import Finding
from estrategy.whatif import MaturityChange, Simulation

PLAIN = "plain"
INVISIBLE = {"Cc", "Cf", "Cs", "Zl", "Zp"}
KINDS = ("check", "files", "maturity", "comparison", "org", "whatif", "report")
OUTPUTS = [(kind, output) for kind, output in RENDERERS if kind in KINDS]
_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])

Results = dict[str, tuple[object, dict[str, Any]]]
"""Kind of result → the result and the renderer's options."""


def _maturity_model(text: str) -> MaturityModel:
    @criterion("hostile.evidence")
    def cites(model: StrategyModel, context: object) -> CriterionResult:
        return CriterionResult(50, [Evidence(text), Evidence(text, supports=False)])

    @criterion("hostile.failure")
    def fails(model: StrategyModel, context: object) -> CriterionResult:
        raise RuntimeError(text)

    base = default_maturity_model()
    first, *rest = base.dimensions
    extra = (CriterionSpec(cites), CriterionSpec(fails))
    return attrs.evolve(
        base,
        name=text,
        levels=LevelScale(tuple(f"{text} {n}" for n in base.levels.names), base.levels.cutoffs),
        dimensions=(attrs.evolve(first, name=text, criteria=first.criteria + extra), *rest),
    )


def _results(text: str) -> Results:
    demo = io.load_demo()
    model = attrs.evolve(demo, name=text, organization=attrs.evolve(demo.organization, name=text))
    finding = Finding("XYZ001", "hostile-thing", "warning", text, [text, "t-x"], ["tactics", 0])
    report = Report(model_name=text, as_of=dt.date(2026, 1, 1), findings=[finding])
    spec = _maturity_model(text)
    assessment: Assessment = assess(model, spec, as_of=dt.date(2026, 1, 1))
    org: OrgAnalysis = analyze(model.organization)
    located: dict[str, Any] = {"source": f"{text}.yaml"}
    simulation = Simulation(
        model=text,
        as_of=dt.date(2026, 1, 1),
        removed=((text, "person"),),
        appeared=(finding,),
        disappeared=(finding,),
        changed=((finding, finding),),
        unowned_actions=(text,),
        unsupervised=(text,),
        new_silos=(text,),
        cut_off=(text,),
        maturity=MaturityChange(50.0, 40.0, ((text, 50.0, 40.0),)),
    )
    return {
        "check": (report, located),
        "files": (BatchReport([FileCheck(f"{text}.yaml", report)]), {}),
        "maturity": (assessment, {}),
        "comparison": (compare(assessment, assessment), {}),
        "org": (org, {}),
        "whatif": (simulation, {}),
        "report": (
            report,
            # Charts lay text out (a longer name wraps on more lines), so their elements
            # vary with it; tests/report/test_client_charts.py checks their text.
            {
                **located,
                "assessment": assessment,
                "org": org,
                "maturity_model": spec,
                "charts": False,
            },
        ),
    }


@pytest.fixture(scope="module")
def plain() -> Results:
    return _results(PLAIN)


@pytest.fixture(scope="module")
def hostile() -> dict[str, tuple[str, Results]]:
    """Every result, for each hostile string of the corpus (built once)."""
    return {name: (HOSTILE[name], _results(HOSTILE[name])) for name in HOSTILE_IDS}


class _Structure(HTMLParser):
    """The elements and attributes of HTML, without its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: Counter[str] = Counter()
        self.attributes: Counter[tuple[str, str | None]] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements[tag] += 1
        for name, value in attrs:
            # a title or a bar's width may hold text or numbers; never a new attribute
            self.attributes[(name, None if name in ("title", "style") else value)] += 1

    def handle_comment(self, data: str) -> None:
        self.elements["<!--"] += 1

    def handle_decl(self, decl: str) -> None:
        self.elements["<!"] += 1


def _structure(html: str) -> tuple[Counter[str], Counter[tuple[str, str | None]]]:
    parser = _Structure()
    parser.feed(html)
    parser.close()
    return parser.elements, parser.attributes


def _rendered(results: Results, kind: str, output: str) -> str:
    result, options = results[kind]
    if kind != "report":
        options = {k: v for k, v in options.items() if kind == "check"}
    return render(result, output, kind=kind, **options)


def _strings(data: object) -> set[str]:
    if isinstance(data, str):
        return {data}
    if isinstance(data, dict):
        return set().union(*map(_strings, data.values()), set())
    if isinstance(data, list):
        return set().union(*map(_strings, data), set())
    return set()


def _invisible(text: str) -> list[str]:
    return [c for c in text if c != "\n" and unicodedata.category(c) in INVISIBLE]


def _check_output(text: str, out: str, reference: str, output: str) -> None:
    """The output of a hostile text has the structure of the reference output."""
    if output == "json":
        assert text in _strings(json.loads(out))  # kept exactly
        return
    if output in ("text", "github"):
        assert _invisible(out) == []
        assert len(out.splitlines()) == len(reference.splitlines())
        if output == "github":
            assert [line[:9] for line in out.splitlines()] == ["::warning"]
        return
    if output == "sarif":
        log = json.loads(out)
        message = log["runs"][0]["results"][0]["message"]["text"]
        assert _invisible(message) == []
        assert all(len(m.group(1)) % 2 for m in re.finditer(r"(\\*)[\[\]]", message))
        assert "{" not in message.replace("{{", "")
        return
    html = _MARKDOWN.render(out) if output == "markdown" else out
    assert _structure(html) == _structure(
        _MARKDOWN.render(reference) if output == "markdown" else reference
    )
    assert _invisible(html.replace("\t", "")) == []


@pytest.mark.parametrize(("kind", "output"), OUTPUTS, ids=[f"{k}-{o}" for k, o in OUTPUTS])
def test_hostile_text_changes_no_structure(
    kind: str, output: str, hostile: dict[str, tuple[str, Results]], plain: Results
) -> None:
    reference = _rendered(plain, kind, output)
    for name, (text, results) in hostile.items():
        try:
            _check_output(text, _rendered(results, kind, output), reference, output)
        except AssertionError as failure:
            raise AssertionError(f"the {name!r} string of tests/hostile.py: {failure}") from None


def test_every_kind_of_result_is_tested() -> None:
    # the rule catalogue and the statistics (codes, names, counts) hold no input text;
    # every other kind of the table is above
    assert {kind for kind, _ in RENDERERS} - {"rules", "rule", "statistics"} == set(KINDS)


@pytest.mark.parametrize("kind", ["check", "maturity", "comparison", "org"])
def test_notebook_html_keeps_its_structure(
    kind: str, hostile: dict[str, tuple[str, Results]], plain: Results
) -> None:
    reference = plain[kind][0]._repr_html_()  # type: ignore[attr-defined]
    for name, (_text, results) in hostile.items():
        shown = results[kind][0]._repr_html_()  # type: ignore[attr-defined]
        assert _structure(shown) == _structure(reference), name
        assert _invisible(shown.replace("\t", "")) == [], name
