"""The reference model gives exactly the findings its header lists (for every rule present)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from estrategy import io
from estrategy.analysis import check
from estrategy.rules import registry

_LINE = re.compile(r"#\s+(?P<code>[A-Z]{3}\d{3})\s+(?P<subjects>.+?)(?:\s{2,}.*)?$")
_UNITS = re.compile(r"(?P<first>[\w-]+) \(units?: (?P<rest>[^)]*)\)")


def expected_findings(path: Path) -> Counter[tuple[str, tuple[str, ...]]]:
    """(code, subjects) pairs from the header: ``a, b`` is two findings; ``x (unit: y)`` one."""
    expected: Counter[tuple[str, tuple[str, ...]]] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        match = _LINE.match(line)
        if match is None:
            continue
        column = match["subjects"].strip()
        grouped = _UNITS.fullmatch(column)
        if grouped:
            subjects = (grouped["first"], *(u.strip() for u in grouped["rest"].split(",")))
            expected[(match["code"], subjects)] += 1
            continue
        for subject in column.split(", "):
            expected[(match["code"], (subject.strip(),))] += 1
    return expected


def test_header_parsing_reads_the_grouped_tec004_entry(lefevre_path: Path) -> None:
    expected = expected_findings(lefevre_path)
    assert expected[("TEC004", ("prospects", "marketing"))] == 1
    assert expected[("STR005", ("o-brand",))] == 1
    assert sum(expected.values()) == 16


def test_lefevre_gives_exactly_the_findings_of_its_header(lefevre_path: Path) -> None:
    model = io.load(lefevre_path)
    known = set(registry())
    expected = Counter({k: n for k, n in expected_findings(lefevre_path).items() if k[0] in known})
    actual = Counter((f.code, f.subjects) for f in check(model).findings)
    assert actual == expected
