"""The reference model gives exactly the findings its header lists (for every rule present)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from estrategy import io
from estrategy.analysis import check
from estrategy.rules import registry

Header = Callable[[Path], Counter[tuple[str, tuple[str, ...]]]]


def test_header_parsing_reads_the_grouped_tec004_entry(
    lefevre_path: Path, expected_findings: Header
) -> None:
    expected = expected_findings(lefevre_path)
    assert expected[("TEC004", ("prospects", "marketing"))] == 1
    assert expected[("STR005", ("o-brand",))] == 1
    assert sum(expected.values()) == 16


def test_lefevre_gives_exactly_the_findings_of_its_header(
    lefevre_path: Path, expected_findings: Header
) -> None:
    model = io.load(lefevre_path)
    known = set(registry())
    expected = Counter({k: n for k, n in expected_findings(lefevre_path).items() if k[0] in known})
    actual = Counter((f.code, f.subjects) for f in check(model).findings)
    assert actual == expected
