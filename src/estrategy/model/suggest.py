"""Suggestions ("did you mean …?") for every unknown name the project reports (one rule).

A suggestion compares the unknown name with the known ones (case-insensitively, with
:mod:`difflib`). Comparing every unknown name with every known one would be quadratic:
200 dangling references among 9,000 ids once took two minutes. So the known names are
indexed once by their letter pairs, only the few that share the most pairs with the
unknown name are compared, and one run (a :class:`Suggestions`) computes at most
:data:`SUGGESTION_BUDGET` suggestions; past that, messages simply carry none.

Example:
    >>> did_you_mean("tactis", ["tactics", "actions"])
    " (did you mean 'tactics'?)"
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable

from estrategy.base.escape import excerpt

__all__ = ["SUGGESTION_BUDGET", "Suggestions", "did_you_mean", "suggestion"]

SUGGESTION_BUDGET = 100
"""How many suggestions one run computes at most (each costs milliseconds at worst)."""

_COMPARED = 50  # known names compared with difflib per suggestion, those most alike
_SMALL = _COMPARED  # up to this many known names, all of them are compared
_COMMON = 1_000  # a letter pair shared by more names than this tells them apart poorly


def _pairs(text: str) -> set[str]:
    padded = f"^{text}$"
    return {padded[i : i + 2] for i in range(len(padded) - 1)}


class _Index:
    """The known names of one kind, by lower-case spelling and by letter pair."""

    __slots__ = ("by_lower", "postings")

    def __init__(self, choices: Iterable[str]) -> None:
        self.by_lower: dict[str, str] = {}
        for option in sorted(set(choices)):
            self.by_lower.setdefault(option.lower(), option)
        self.postings: dict[str, list[str]] | None = None  # built on the first large query

    def candidates(self, value: str) -> list[str]:
        """The known names most alike ``value`` by shared letter pairs, at most a few."""
        if len(self.by_lower) <= _SMALL:
            return list(self.by_lower)
        if self.postings is None:
            postings: dict[str, list[str]] = {}
            for lower in self.by_lower:
                for pair in _pairs(lower):
                    postings.setdefault(pair, []).append(lower)
            self.postings = postings
        shared: Counter[str] = Counter()
        for pair in _pairs(value):
            names = self.postings.get(pair, ())
            if len(names) <= _COMMON:
                shared.update(names)
        if not shared:  # only common pairs: the names closest in length instead
            return sorted(self.by_lower, key=lambda n: (abs(len(n) - len(value)), n))[:_COMPARED]
        return [name for name, _count in shared.most_common(_COMPARED)]

    def closest(self, value: str) -> str | None:
        import difflib  # only on the error path

        lower = value.lower()
        if lower in self.by_lower:
            return self.by_lower[lower]
        close = difflib.get_close_matches(lower, sorted(self.candidates(lower)), n=1)
        return self.by_lower[close[0]] if close else None


class Suggestions:
    """The suggestions of one run: each set of known names indexed once, a bounded number.

    A checker that may report thousands of unknown names makes one of these and asks it
    for every hint; each kind of name (``key``) is indexed the first time it is asked.

    Args:
        budget: how many suggestions to compute at most; later hints are empty.

    Example:
        >>> hints = Suggestions(budget=1)
        >>> hints.did_you_mean("tacitc", ["tactic", "action"], key="kinds")
        " (did you mean 'tactic'?)"
        >>> hints.did_you_mean("acton", ["tactic", "action"], key="kinds")
        ''
    """

    __slots__ = ("_indexes", "_left")

    def __init__(self, budget: int = SUGGESTION_BUDGET) -> None:
        self._left = budget
        self._indexes: dict[str, _Index] = {}

    def suggestion(self, value: str, choices: Collection[str], *, key: str) -> str | None:
        """The known name closest to ``value``, or ``None`` (also once the budget is spent).

        Args:
            value: the unknown name.
            choices: the known names; only read the first time ``key`` is asked.
            key: what kind of name this is (one index per kind).
        """
        if self._left <= 0 or not choices:
            return None
        self._left -= 1
        index = self._indexes.get(key)
        if index is None:
            index = self._indexes[key] = _Index(choices)
        return index.closest(value)

    def did_you_mean(self, value: str, choices: Collection[str], *, key: str) -> str:
        """`` (did you mean 'x'?)`` for :meth:`suggestion`, or ``""``."""
        close = self.suggestion(value, choices, key=key)
        return f" (did you mean {excerpt(close)}?)" if close is not None else ""


def suggestion(value: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``value``, if one is close enough (case-insensitive).

    Example:
        >>> suggestion("tactis", ["tactics", "actions"])
        'tactics'
    """
    return _Index(choices).closest(value)


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` to append to a message, or ``""`` when nothing is close.

    Example:
        >>> "unknown key 'nmae'" + did_you_mean("nmae", ["name", "id"])
        "unknown key 'nmae' (did you mean 'name'?)"
    """
    close = suggestion(value, choices)
    return f" (did you mean {excerpt(close)}?)" if close is not None else ""
