"""``docs/rules.md`` is generated from the rules' docstrings, so it never drifts.

Below its marker line the file must equal :func:`catalogue_markdown`; regenerate it with
``ESTRATEGY_REGENERATE=1 pytest tests/rules/test_docs.py``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from estrategy.rules import Rule, registry

DOC = Path(__file__).parents[2] / "docs" / "rules.md"
MARKER = (
    "<!-- Generated from the rule docstrings by tests/rules/test_docs.py: do not edit below. -->"
)


def catalogue_markdown(rules: Iterable[Rule]) -> str:
    """The catalogue: a summary table, then each rule's documentation one level down."""
    rules = sorted(rules, key=lambda r: r.code)
    lines = ["## Catalogue", "", "| code | name | severity | what it flags |", "|---|---|---|---|"]
    lines += [
        f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.severity} | {r.summary} |"
        for r in rules
    ]
    for r in rules:
        body = r.documentation().splitlines()
        # "# name (CODE)" becomes "### CODE name", and its sections go two levels down.
        lines += ["", f"### {r.code} {r.name}"]
        lines += [f"##{line}" if line.startswith("## ") else line for line in body[1:]]
    return "\n".join(lines).rstrip() + "\n"


def test_docs_rules_md_is_generated_from_the_docstrings() -> None:
    builtin = [r for r in registry().values() if r.origin == "builtin"]
    text = DOC.read_text(encoding="utf-8")
    head, marker, _ = text.partition(MARKER)
    assert marker, f"{DOC} lost its marker line"
    expected = f"{head}{MARKER}\n\n{catalogue_markdown(builtin)}"
    if os.environ.get("ESTRATEGY_REGENERATE"):
        DOC.write_text(expected, encoding="utf-8")
    assert text == expected


def test_every_builtin_code_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for code, r in registry().items():
        if r.origin == "builtin":
            assert f"### {code} {r.name}" in text
