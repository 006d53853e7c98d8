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

A *near miss* (:func:`near_miss`) is stricter: it is how the vocabulary rules (ROL007,
ROL008) tell a misspelt catalogue word from a custom one. Two words are near when they
are equal once case, accents, hyphens, spaces and a plural ``s`` are set aside, or when
they differ by a typo or two (:func:`edit_distance`; one for known words of 4 to 9 letters,
two from 10 letters on, none for shorter words or for a word written with fewer than 3
letters). A word far from every known one is a deliberate custom word.

    >>> near_miss("Community-Managers", ["community_manager", "data_scientist"])
    'community_manager'
    >>> near_miss("buyer", ["community_manager", "sales"]) is None
    True
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping

from estrategy.base.escape import excerpt
from estrategy.base.messages import Message, tr

__all__ = [
    "SUGGESTION_BUDGET",
    "NearMisses",
    "Suggestions",
    "did_you_mean",
    "edit_distance",
    "fold",
    "near_miss",
    "near_misses",
    "suggestion",
    "unknown_key",
    "unknown_reference",
    "unknown_value",
    "with_suggestion",
]

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

    def unknown_reference(
        self, what: Message, value: str, choices: Collection[str], *, key: str
    ) -> Message:
        """``unknown tactic 't-x' (did you mean 't-y'?)``, with :meth:`suggestion`."""
        return unknown_reference(what, value, self.suggestion(value, choices, key=key))

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


_REMEMBERED = 10_000  # distinct words whose answer a NearMisses keeps
_SEPARATORS = re.compile(r"[\s_\-./]+")


def fold(word: str) -> str:
    """``word`` with case, accents and separators set aside: the form near misses compare.

    Letters lose their accents and case; runs of spaces, hyphens, dots, slashes and
    underscores become one underscore, and none is kept at either end.

    Example:
        >>> fold("  Abandonné "), fold("Community-Manager"), fold("trade show")
        ('abandonne', 'community_manager', 'trade_show')
    """
    # compatibility forms first ('㎴' is 'pV'), then case, then what case folding composed
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", word).casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub("_", plain).strip("_")


def _singular(folded: str) -> str:
    # a plural s on any word: "data_scientists", "sales_reps" and "ventes" read as singular
    return "_".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in folded.split("_"))


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """The number of one-letter edits (insert, delete, replace, swap two neighbours) from a to b.

    The optimal-string-alignment distance; with ``limit``, any distance above it is
    reported as ``limit + 1`` and computed no further (words of very different lengths
    cost nothing).

    Example:
        >>> edit_distance("evnets", "events"), edit_distance("salon", "sales")
        (1, 2)
        >>> edit_distance("a" * 50, "b" * 50, limit=2)
        3
    """
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    previous: list[int] | None = None
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            best = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if previous is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, previous[j - 2] + 1)
            current[j] = best
        if limit is not None and min(current) > limit:
            return limit + 1
        previous, row = row, current
    return row[-1] if limit is None else min(row[-1], limit + 1)


_MOST_TYPOS = 2  # the most edits _typos_allowed grants


def _deletions(word: str, depth: int) -> set[str]:
    """``word`` and every string left by deleting up to ``depth`` of its letters."""
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def _typos_allowed(folded: str) -> int:
    """How many edits still read as a typo of a known word this long (none for short words)."""
    size = len(folded.replace("_", ""))
    return 0 if size < 4 else 1 if size < 10 else 2


class NearMisses:
    """The known words of one vocabulary, ready to tell near misses of them.

    Args:
        known: the words of the vocabulary (catalogue roles, competences, enum values).
        synonyms: other words (English or French) that mean a known one, folded or not,
            to the known word they mean.

    Typos are found without comparing a word with every known one: each known word is
    indexed under the strings its allowed deletions leave, and two words within k edits
    share such a string with at most k deletions on each side (the "symmetric delete"
    idea), so a word is compared only with the few known words it shares one with. Each
    distinct word asked is answered once and remembered (the first ten thousand), so a
    large HR export, where the same few skills recur on thousands of people, costs one
    lookup per distinct word.

    Example:
        >>> roles = NearMisses(["community_manager", "digital_lead"],
        ...                    synonyms={"responsable digital": "digital_lead"})
        >>> roles.near("community-manager"), roles.near("Responsable Digital")
        ('community_manager', 'digital_lead')
        >>> roles.near("digital_lead") is None, roles.near("buyer") is None
        (True, True)
    """

    __slots__ = ("_answers", "_by_deletion", "_by_fold", "_known", "_longest")

    def __init__(self, known: Iterable[str], synonyms: Mapping[str, str] | None = None) -> None:
        self._known = frozenset(known)
        by_fold: dict[str, str] = {}
        for word in sorted(self._known):
            by_fold.setdefault(fold(word), word)
            by_fold.setdefault(_singular(fold(word)), word)
        for other, meant in sorted((synonyms or {}).items()):
            if meant in self._known:
                by_fold.setdefault(fold(other), meant)
                by_fold.setdefault(_singular(fold(other)), meant)
        self._by_fold = by_fold
        by_deletion: dict[str, list[str]] = {}
        for form in by_fold:
            for variant in _deletions(form, _typos_allowed(form)):
                by_deletion.setdefault(variant, []).append(form)
        self._by_deletion = by_deletion
        self._longest = max((len(form) for form in by_fold), default=0)
        self._answers: dict[str, str | None] = {}

    def __contains__(self, word: object) -> bool:
        return word in self._known

    def near(self, word: str) -> str | None:
        """The known word ``word`` misspells, or ``None`` (known, or far from every one)."""
        if word in self._known:
            return None
        if word in self._answers:
            return self._answers[word]
        answer = self._closest(word)
        if len(self._answers) < _REMEMBERED:  # bounded, however many words a file holds
            self._answers[word] = answer
        return answer

    def _closest(self, word: str) -> str | None:
        folded = fold(word)
        for form in (folded, _singular(folded)):
            if form in self._by_fold:
                return self._by_fold[form]
        if len(folded.replace("_", "")) < 3:  # "it", "hr": too short to read a typo into
            return None
        if len(folded) > self._longest + _MOST_TYPOS:  # longer than any known word allows
            return None
        candidates = {
            form
            for variant in _deletions(folded, _MOST_TYPOS)
            for form in self._by_deletion.get(variant, ())
        }
        best: tuple[int, str] | None = None
        for form in candidates:
            # the known word's length says how many typos still read as one
            allowed = _typos_allowed(form)
            distance = edit_distance(folded, form, allowed)
            meant = self._by_fold[form]
            if distance <= allowed and (best is None or (distance, meant) < best):
                best = (distance, meant)
        return best[1] if best is not None else None


@functools.lru_cache(maxsize=64)
def near_misses(known: frozenset[str], synonyms: tuple[tuple[str, str], ...] = ()) -> NearMisses:
    """The :class:`NearMisses` of a vocabulary, built once per vocabulary and kept.

    Every ``check`` run asks about the same catalogue words; keeping the index (and the
    answers it remembers) across runs makes the vocabulary rules cost a lookup per word.
    Answers depend only on the vocabulary, so sharing them changes no result.

    Example:
        >>> roles = frozenset({"community_manager", "sales"})
        >>> near_misses(roles) is near_misses(roles)
        True
    """
    return NearMisses(known, dict(synonyms))


def near_miss(
    word: str, known: Iterable[str], synonyms: Mapping[str, str] | None = None
) -> str | None:
    """The known word that ``word`` misspells, if any (see :class:`NearMisses`).

    Example:
        >>> near_miss("editorial-content", ["editorial_content", "seo"])
        'editorial_content'
        >>> near_miss("seo", ["editorial_content", "seo"]) is None  # known: no miss
        True
    """
    return NearMisses(known, synonyms).near(word)


def with_suggestion(problem: Message, close: str | None) -> Message:
    """``problem``, then "did you mean …?" with ``close`` when a close name is known.

    The "unknown name" messages of files, settings, criteria and simulations end the same
    way, in every language: one catalogue entry says how, whatever the problem. (Rule
    codes are suggested bare, ``STR001``, in messages of their own.)

    Example:
        >>> problem = tr("unknown key {key}", key="'budjet'")
        >>> print(with_suggestion(problem, "budget").render("fr"))
        clé inconnue\u00a0: 'budjet' — vouliez-vous dire 'budget'\u00a0?
        >>> with_suggestion(problem, None) is problem
        True
    """
    if close is None:
        return problem
    return tr("{problem} (did you mean {suggestion}?)", problem=problem, suggestion=excerpt(close))


def unknown_key(key: str, choices: Iterable[str]) -> Message:
    """The message for a key a file should not have, with the closest known key if any.

    Example:
        >>> print(unknown_key("budjet", ["budget", "deadline"]).render("fr"))
        clé inconnue\u00a0: 'budjet' — vouliez-vous dire 'budget'\u00a0?
        >>> str(unknown_key("zzz", ["budget"]))
        "unknown key 'zzz'"
    """
    return with_suggestion(tr("unknown key {key}", key=excerpt(key)), suggestion(key, choices))


def unknown_reference(what: Message, value: str, close: str | None) -> Message:
    """The message for an id that names nothing (``what``: the kind of item named).

    Example:
        >>> from estrategy.model.labels import label
        >>> print(unknown_reference(label("tactic"), "t-blg", "t-blog").render("fr"))
        référence inconnue\u00a0: tactique 't-blg' — vouliez-vous dire 't-blog'\u00a0?
    """
    return with_suggestion(tr("unknown {what} {value}", what=what, value=excerpt(value)), close)


def unknown_value(
    what: Message, value: str, choices: Collection[str], close: str | None
) -> Message:
    """The message for a value that is none of ``choices`` (an enumeration's values).

    Args:
        what: what the value should be (``label("tool kind")``).
        value: the value given.
        choices: the values allowed.
        close: the value meant, if one is known (a synonym, a typo: see
            :func:`estrategy.model.vocabulary.meant_value`).

    Example:
        >>> from estrategy.model.labels import label
        >>> str(unknown_value(label("tool kind"), "CRM", ["crm", "erp"], "crm"))
        "'CRM' is not a tool kind (did you mean 'crm'?); expected one of crm, erp"
    """
    shown = {"value": excerpt(value), "what": what, "choices": ", ".join(choices)}
    # English writes "an action status", "a tactic kind": one msgid for each article
    vowel = str(what)[:1] in tuple("aeiou")
    if close is None:
        if vowel:
            return tr("{value} is not an {what}; expected one of {choices}", **shown)
        return tr("{value} is not a {what}; expected one of {choices}", **shown)
    if vowel:
        return tr(
            "{value} is not an {what} (did you mean {suggestion}?); expected one of {choices}",
            suggestion=excerpt(close),
            **shown,
        )
    return tr(
        "{value} is not a {what} (did you mean {suggestion}?); expected one of {choices}",
        suggestion=excerpt(close),
        **shown,
    )
