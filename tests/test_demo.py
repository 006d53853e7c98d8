"""The embedded demo gives exactly the deliberate gaps its header lists."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from estrategy import check, load_demo
from estrategy.rules import registry


def test_demo_gives_exactly_the_findings_of_its_header(
    tmp_path: Path, expected_findings: Callable[[Path], Counter[tuple[str, tuple[str, ...]]]]
) -> None:
    demo = tmp_path / "demo.yaml"
    demo.write_text(
        resources.files("estrategy.data").joinpath("demo.yaml").read_text("utf-8"), "utf-8"
    )
    expected = expected_findings(demo)
    assert sum(expected.values()) == 8
    known = set(registry())
    actual = Counter((f.code, f.subjects) for f in check(load_demo()).findings)
    assert actual == Counter({k: n for k, n in expected.items() if k[0] in known})


def test_demo_is_rich_enough_to_show_every_part() -> None:
    model = load_demo()
    assert 20 <= len(model.organization.people) <= 40
    assert {str(s.scope) for s in model.strategies if str(s.status) == "retained"} == {
        "internal",
        "external",
    }
    assert model.organization.groups
    assert model.organization.ties
    assert model.reviews
