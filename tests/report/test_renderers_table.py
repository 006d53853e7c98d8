"""The one table of renderers: every entry renders the demo, and the CLI offers its formats."""

from __future__ import annotations

import json

import click
import pytest

from estrategy import io
from estrategy.analysis import check
from estrategy.batch import BatchReport, FileCheck
from estrategy.cli import main
from estrategy.maturity import assess, compare
from estrategy.org import analyze
from estrategy.report import KINDS, RENDERERS, UnknownFormatError, formats, kind_of, render
from estrategy.rules import get_rule, registry
from estrategy.whatif import simulate


@pytest.fixture(scope="module")
def results() -> dict[str, object]:
    model = io.load_demo()
    assessment = assess(model)
    batch = BatchReport([FileCheck(io.DEMO_SOURCE, check(model))])
    return {
        "check": check(model),
        "files": batch,
        "statistics": batch.statistics(),
        "maturity": assessment,
        "comparison": compare(assessment, assessment),
        "org": analyze(model.organization),
        "whatif": simulate(model, remove=[model.organization.people[0].id], maturity=False),
        "report": check(model),
        "rules": registry(),
        "rule": get_rule("STR001"),
    }


@pytest.mark.parametrize(("kind", "output_format"), list(RENDERERS))
def test_every_entry_renders_the_demo(
    results: dict[str, object], kind: str, output_format: str
) -> None:
    out = render(results[kind], output_format, kind=kind)
    assert out.strip()
    if output_format in ("json", "sarif"):
        json.loads(out)


def test_kinds_are_recognised(results: dict[str, object]) -> None:
    for kind, result in results.items():
        assert kind_of(result) == ("check" if kind == "report" else kind)
    comparison = results["comparison"]
    assert kind_of([comparison, comparison]) == "comparison"


def test_every_kind_has_a_format() -> None:
    assert {k for k, _ in RENDERERS} == set(KINDS)


def test_unknown_pairs_are_clear_errors(results: dict[str, object]) -> None:
    with pytest.raises(UnknownFormatError, match="no 'sarif' output for 'org'"):
        render(results["org"], "sarif")
    with pytest.raises(UnknownFormatError, match="no renderer for a int"):
        kind_of(1)
    with pytest.raises(UnknownFormatError, match="unknown kind"):
        formats("nothing")


@pytest.mark.parametrize(
    ("command", "kind"),
    [
        ("check", "check"),
        ("maturity", "maturity"),
        ("org", "org"),
        ("whatif", "whatif"),
        ("rules", "rules"),
        ("rule", "rule"),
    ],
)
def test_cli_format_choices_are_the_table(command: str, kind: str) -> None:
    assert isinstance(main, click.Group)
    found = main.get_command(click.Context(main), command)
    assert found is not None
    (option,) = [p for p in found.params if p.name == "output_format"]
    assert isinstance(option.type, click.Choice)
    assert tuple(option.type.choices) == formats(kind)
