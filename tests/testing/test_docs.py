"""The examples of docs/testing.md run, and the tests they define pass."""

from __future__ import annotations

import doctest
import re
from pathlib import Path
from typing import Any

DOC = Path(__file__).parents[2] / "docs" / "testing.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_page_has_examples() -> None:
    assert len(BLOCKS) >= 5


def test_the_examples_run_and_their_tests_pass() -> None:
    namespace: dict[str, Any] = {}
    for block in BLOCKS:
        if block.startswith(">>>"):
            continue
        exec(compile(block, str(DOC), "exec"), namespace)
    tests = [value for name, value in namespace.items() if name.startswith("test_")]
    assert len(tests) >= 3
    for test in tests:
        test()


def test_the_interactive_examples_print_what_they_show() -> None:
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for block in BLOCKS:
        if block.startswith(">>>"):
            runner.run(parser.get_doctest(block, {}, DOC.name, str(DOC), 0))
    assert runner.summarize(verbose=False).failed == 0
