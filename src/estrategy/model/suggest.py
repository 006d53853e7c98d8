"""Suggestions ("did you mean …?") for every unknown name the project reports (one rule)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["did_you_mean", "suggestion"]

_MAX_CHOICES = 10_000  # beyond this, difflib's quadratic matching costs more than it helps


def suggestion(value: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``value``, if one is close enough (case-insensitive).

    Example:
        >>> suggestion("tactis", ["tactics", "actions"])
        'tactics'
    """
    import difflib  # only on the error path

    options = sorted(set(choices))
    if not options or len(options) > _MAX_CHOICES:
        return None
    by_lower = {o.lower(): o for o in options}
    close = difflib.get_close_matches(value.lower(), list(by_lower), n=1)
    return by_lower[close[0]] if close else None


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` to append to a message, or ``""`` when nothing is close.

    Example:
        >>> "unknown key 'nmae'" + did_you_mean("nmae", ["name", "id"])
        "unknown key 'nmae' (did you mean 'name'?)"
    """
    close = suggestion(value, choices)
    return f" (did you mean {close!r}?)" if close is not None else ""
