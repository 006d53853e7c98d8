"""One corpus of hostile strings, shared by every test of every output kind.

Each entry is text a model, a CSV folder, a GraphML file or a workbook may carry, and
that an output must neither pass through raw (terminal, Markdown, HTML, CSV for
spreadsheets, XML) nor lose when it is read back. Tests of renderers and exporters take
their cases from here, so that a new trick is added once and checked everywhere.
"""

from __future__ import annotations

__all__ = ["HOSTILE", "HOSTILE_IDS"]

HOSTILE: dict[str, str] = {
    # GitHub Actions reads workflow commands from any line of a job's output.
    "workflow-command": "ok\n::error file=x.py,line=1::owned",
    "crlf": "first\r\nsecond",
    # terminals: clear screen, an OSC 8 hyperlink, a window title
    "ansi-clear": "a\x1b[2Jb",
    "osc8-link": "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
    "osc-title": "\x1b]0;pwned\x07",
    # Trojan Source: bidi overrides and isolates, invisible marks, separators
    "bidi-override": "left\u202eright",
    "bidi-isolate": "x\u2066y\u2069",
    "rlm": "a\u200fb",
    "arabic-mark": "a\u061cb",
    "line-separator": "a\u2028b\u2029c",
    "zero-width": "a\u200bb\ufeffc",
    "tag-characters": "a\U000e0041\U000e007fb",
    "nel-vt-ff": "a\x85b\x0bc\x0cd",
    "nul": "a\x00b",
    "del-c1": "a\x7f\x9bb",
    # Markdown and HTML
    "script": "<script>alert(1)</script>",
    "img-onerror": '<img src=x onerror="alert(1)">',
    "javascript-link": "[click](javascript:alert(1))",
    "markdown-table": "a | b\n| --- |",
    "html-entity": "&lt;b&gt; & \"quoted\" 'single'",
    "entity-bidi": "a&#x202e;b",
    "autolink": "<javascript:alert(1)>",
    "image": "![x](https://evil.example/t.png)",
    "html-comment": "<!-- hidden",
    "code-span": "a`b``c",
    "emphasis": "*bold* _it_ ~~gone~~",
    "heading-start": "# title\n> quote\n- item",
    # SARIF reads [text](target) as a link and {0} as a placeholder
    "sarif-placeholder": "{0} {{1}}",
    "backslashes": "C:\\temp\\new [x]\\",
    # spreadsheets: formulas and DDE
    "formula-cmd": "=cmd|' /C calc'!A0",
    "formula-sum": "@SUM(1+1)*cmd|' /C calc'!A0",
    "formula-link": '=HYPERLINK("https://evil.example","click")',
    "formula-plus": "+1+1",
    "formula-minus": "-2+3",
    "formula-tab": "\t=1+1",
    "formula-space": " =1+1",
    "formula-newline": "\n=1+1",
    # XML
    "xml-markup": "</data><data key='x'>",
    "xml-entity": "&xxe;",
    "xml-noncharacter": "a\ufffeb",
    "xml-cdata-end": "]]><x/>",
    # plain text that must pass untouched through every output
    # (with the no-break spaces of French typography, U+00A0 and U+202F)
    "french": "Équipe «\u00a0marketing\u00a0» : 85\u202f600\u00a0€ — été",
}
"""Name of the trick → the hostile text."""

HOSTILE_IDS: tuple[str, ...] = tuple(HOSTILE)
"""The names, for ``pytest.mark.parametrize(..., ids=...)``."""
