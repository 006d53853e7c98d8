"""A mark for text to translate when it is shown, not when it is written.

``N_("Lint a model file for coherence gaps.")`` is the text itself: it costs nothing
and imports nothing, so modules that must load fast (the command line's table of
commands) can list translatable texts. Babel extracts it like ``tr`` (``pyproject.toml``);
the text is looked up in the catalogue where it is shown
(:func:`estrategy.base.translations.translate`).

Example:
    >>> N_("Commands:")
    'Commands:'
"""

from __future__ import annotations

__all__ = ["N_"]


def N_(text: str) -> str:
    """``text``, marked for extraction into the catalogue."""
    return text
