"""A griffe extension: estrategy's docstrings read as the API pages should show them.

estrategy's docstrings follow Google's style, whose example heading may be singular;
griffe knows only ``Examples:``, and would show the doctests of an ``Example:`` section
as plain text: the singular is read as the plural, so the pages show them as code. The
docstrings also name objects the Sphinx way (``:func:`check```, ``:class:`~a.b.Report```),
which Markdown shows as it is: those become code spans (``check``, ``Report``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

__all__ = ["ExampleSections"]

_SINGULAR = re.compile(r"^(?P<indent>[ \t]*)Example:[ \t]*$", re.MULTILINE)
_ROLE = re.compile(r":(?:func|class|meth|mod|data|attr|exc|obj):`~?(?P<name>[^`]+)`")


def _shown_name(match: re.Match[str]) -> str:
    written = match["name"]
    return f"`{written.rsplit('.', 1)[-1]}`" if match[0].count("~") else f"`{written}`"


class ExampleSections(griffe.Extension):
    """Read ``Example:`` as ``Examples:``, and Sphinx roles as code spans."""

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the object's docstring before it is parsed."""
        if obj.docstring is not None:
            value = _SINGULAR.sub(r"\g<indent>Examples:", obj.docstring.value)
            obj.docstring.value = _ROLE.sub(_shown_name, value)
