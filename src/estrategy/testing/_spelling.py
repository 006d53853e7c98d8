"""Near misses of known words: how people misspell catalogue roles, competences and values."""

from __future__ import annotations

import re

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from estrategy.model.suggest import fold
from estrategy.model.validators import SLUG_PATTERN
from estrategy.testing._validation import check_strategy

__all__ = ["misspellings"]

_SLUG = re.compile(SLUG_PATTERN + r"\Z")


def _spellings(word: str) -> list[str]:
    """Every near miss of ``word`` :func:`misspellings` draws from, sorted."""
    words = word.split("_")
    found = {
        word.upper(),
        word.title(),
        word.replace("_", "-"),
        word.replace("_", "."),
        "-".join(w.capitalize() for w in words),
    }
    if len(words[-1]) >= 3:  # "hrs" or "its" is no plural people write
        found |= {word + "s", "_".join([*words[:-1], words[-1] + "s"])}
    letters = sum(c.isalpha() for c in word)
    if letters >= 4:  # a typo reads as one only in a word long enough
        for i in range(len(word)):
            found.add(word[:i] + word[i + 1 :])  # a letter left out
            found.add(word[:i] + word[i] + word[i:])  # a letter typed twice
            if i + 1 < len(word):
                found.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])  # two swapped
    return sorted(s for s in found if s != word and _SLUG.match(s) and fold(s))


def _known_words() -> list[str]:
    from estrategy.catalogue import default_catalogue

    catalogue = default_catalogue()
    return sorted(catalogue.known_roles() | catalogue.known_competences())


def misspellings(*, words: SearchStrategy[str] | None = None) -> SearchStrategy[tuple[str, str]]:
    """Pairs ``(misspelling, word)``: an id that misspells a word the way people do.

    The misspelling is never the word itself: another case (``COMMUNITY_MANAGER``),
    hyphens or dots for underscores (``community-manager``), a plural
    (``community_managers``, when the last word has three letters or more) and, for words
    of four letters or more, one typo: a letter left out, typed twice, or swapped with the
    next. Every one is a valid id, and a near miss of the word as ROL007 and ROL008 read
    them (:class:`estrategy.model.suggest.NearMisses`).

    Args:
        words: the words to misspell (default: the default catalogue's roles and
            competences); each must have a misspelling (a word of one letter has none).

    Returns:
        A strategy of ``(misspelling, word)`` pairs.

    Raises:
        hypothesis.errors.InvalidArgument: ``words`` is not a strategy.

    Example:
        >>> from hypothesis import given
        >>> from estrategy.model.suggest import near_miss
        >>> @given(misspellings(words=st.just("community_manager")))
        ... def test_roles(pair):
        ...     written, meant = pair
        ...     assert near_miss(written, ["community_manager", "data_scientist"]) == meant
        >>> test_roles()
    """
    source = st.sampled_from(_known_words()) if words is None else check_strategy("words", words)
    return source.flatmap(lambda word: st.tuples(st.sampled_from(_spellings(word)), st.just(word)))
