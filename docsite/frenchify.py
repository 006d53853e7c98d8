"""Apply French typography to the prose of French Markdown pages, in place.

``python -m docsite.frenchify docs/*.fr.md``: a no-break space before ``: ; ? !`` and
inside « », the typographic apostrophe; code blocks and code spans are left alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docsite.language import french_typography

__all__ = ["frenchify"]


def frenchify(markdown: str) -> str:
    """``markdown`` with French typography in its prose lines."""
    out = []
    fenced = False
    front = markdown.startswith("---\n")
    for i, line in enumerate(markdown.split("\n")):
        if front:
            front = not (i > 0 and line == "---")
            out.append(line)
            continue
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        skip = fenced or line.lstrip().startswith(("```", "<!--"))
        out.append(line if skip else french_typography(line))
    return "\n".join(out)


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        path.write_text(frenchify(path.read_text(encoding="utf-8")), encoding="utf-8")
