"""The site's two languages: words of the generated pages, and French typography.

English is the default language of the site; French pages sit beside the English ones
(``getting-started.fr.md``) and mkdocs-static-i18n builds them under ``/fr/``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from estrategy.rules import Rule

__all__ = ["LANGUAGES", "Words", "french_typography", "translated", "typography_errors"]

LANGUAGES = ("en", "fr")
"""The languages of the site, the default first."""

_NBSP = "\u00a0"
_BEFORE = re.compile(r" ([:;?!»])")
_AFTER = re.compile(r"« ")
_CODE = re.compile(r"(`[^`]*`)")


def french_typography(text: str) -> str:
    r"""French punctuation: a no-break space before ``: ; ? !`` and inside « », and ’.

    Code spans (between backticks) are left as they are.

    Example:
        >>> french_typography("Attention : « ceci » n'est pas `a : b` !")
        'Attention\xa0: «\xa0ceci\xa0» n’est pas `a : b`\xa0!'
    """
    parts = _CODE.split(text)
    for i in range(0, len(parts), 2):
        part = _BEFORE.sub(_NBSP + r"\1", parts[i])
        parts[i] = _AFTER.sub("«" + _NBSP, part).replace("'", "’")
    return "".join(parts)


_MISSING = re.compile(
    r"(?<![\u00a0\u202f])[:;?!»](?=\s|$)|«(?![\u00a0\u202f])|[^\s\u00a0\u202f][;?!»]"
)


def typography_errors(markdown: str) -> list[str]:
    r"""The lines of French prose in ``markdown`` whose punctuation lacks a no-break space.

    Code blocks, code spans, links' addresses, tables' separator lines, front matter and
    HTML comments are not prose.

    Example:
        >>> typography_errors("Voici : la règle.\n```\na: b\n```\nEt ceci\u00a0: bien.")
        ['Voici : la règle.']
        >>> typography_errors("Une ``clé :\nvaleur`` coupée.\nMais là : non.")
        ['Mais là : non.']
    """
    errors = []
    fenced = False
    in_span = False  # inside a ``code span`` that a line break cut in two
    for line in markdown.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or line.startswith(("    ", "<!--", "|---", "---")) or re.match(r"^\w+: ", line):
            continue
        # Code spans, including ``double`` ones that a line break cuts in two, are not prose.
        prose = line
        if in_span:
            if "``" not in prose:
                continue
            prose = prose.split("``", 1)[1]
        in_span = prose.count("``") % 2 == 1
        prose = re.sub(r"``[^`]*$", "", re.sub(r"``.*?``", "", prose))
        prose = re.sub(r"`[^`]*`|\]\([^)]*\)|https?://\S+|\{[^}]*\}|<[^>]*>", "", prose)
        prose = re.sub(r"^\s*(?:[-*]|\d+\.|#+|!!!|\?\?\?\+?)\s", "", prose)
        if _MISSING.search(prose):
            errors.append(line)
    return errors


@attrs.frozen
class Words:
    r"""A text of the generated pages in each language; the French gets its typography.

    Example:
        >>> Words("Example:", "Exemple :")["fr"]
        'Exemple\xa0:'
    """

    en: str
    fr: str = attrs.field(converter=french_typography)

    def __getitem__(self, lang: str) -> str:
        return str(getattr(self, lang))


def translated(rule: Rule, lang: str) -> Rule:
    """The rule with its summary and sections in ``lang``, from estrategy's catalogues."""
    return rule.translated(lang)
