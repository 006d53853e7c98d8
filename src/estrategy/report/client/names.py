"""The names a reader knows the plan's elements by, from their ids.

A finding or an evidence line is about ids (``t-newsletter``); a director knows the
*Monthly newsletter*. :class:`Names` finds the name of any id of a model: tactics, tools,
KPIs, groups, units and people by their name; objectives, strategies and stakes by their
statement; actions by their description. An id with no name stands for itself.

Example:
    >>> from estrategy.io import load_demo
    >>> names = Names.of(load_demo())
    >>> names.name("tool-podcast"), names.kind("tool-podcast")
    ('Podcast hosting', 'tool')
    >>> names.name("no-such-id")
    'no-such-id'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

import attrs

from estrategy.model import StrategyModel

__all__ = ["Names"]


def _index(model: StrategyModel) -> dict[str, tuple[str, str]]:
    org = model.organization
    found: dict[str, tuple[str, str]] = {}
    collections: Iterable[tuple[str, Iterable[tuple[str, str]]]] = (
        ("stake", ((s.id, s.statement) for s in model.stakes)),
        ("objective", ((o.id, o.statement) for o in model.objectives)),
        ("strategy", ((s.id, s.statement) for s in model.strategies)),
        ("tactic", ((t.id, t.name) for t in model.tactics)),
        ("action", ((a.id, a.description) for a in model.actions)),
        ("kpi", ((k.id, k.name) for k in model.kpis)),
        ("tool", ((t.id, t.name) for t in model.tools)),
        ("unit", ((u.id, u.name) for u in org.units)),
        ("group", ((g.id, g.name) for g in org.groups)),
        ("person", ((p.id, p.name) for p in org.people)),
    )
    for kind, pairs in collections:
        for element_id, name in pairs:
            found.setdefault(element_id, (kind, " ".join(name.split()) or element_id))
    return found


# A run of the characters ids are made of; an id is replaced only when it is a whole run
# (``t-blog`` is not found inside ``t-blog-2``), or a run less its closing punctuation.
_RUN = re.compile(r"[\w.:@/+-]+")
_TRAILING = ".:/+@-"


def _read_only(index: Mapping[str, tuple[str, str]]) -> Mapping[str, tuple[str, str]]:
    return MappingProxyType(dict(index))


@attrs.frozen
class Names:
    """Id → (kind, name) of every element of one model.

    Attributes:
        by_id: the index; build it with :meth:`of`.
    """

    by_id: Mapping[str, tuple[str, str]] = attrs.field(converter=_read_only)

    @classmethod
    def of(cls, model: StrategyModel | None) -> Names:
        """The names of every element of ``model`` (none when ``model`` is ``None``)."""
        return cls({} if model is None else _index(model))

    def merged(self, older: Names) -> Names:
        """These names, completed by ``older``'s for elements no longer in the model."""
        return Names({**older.by_id, **self.by_id})

    def name(self, element_id: str) -> str:
        """The element's name, or the id itself when it has none."""
        found = self.by_id.get(element_id)
        return element_id if found is None else found[1]

    def kind(self, element_id: str) -> str | None:
        """``tactic``, ``person``, … or ``None`` for an id the model does not hold."""
        found = self.by_id.get(element_id)
        return None if found is None else found[0]

    def named(self, element_id: str) -> bool:
        """Whether the element has a name other than its id."""
        return self.name(element_id) != element_id

    def mentions(self, text: str) -> tuple[str, ...]:
        """Ids of the model that ``text`` mentions and that cannot be ordinary words.

        An id with a digit or punctuation in it (``u8``, ``t-blog``) is an id wherever it
        appears; a bare word (``it``, ``sales``) may be English, so it is left alone.

        Example:
            >>> names = Names({"u8": ("unit", "Division 8"), "it": ("unit", "IT")})
            >>> names.mentions("it belongs to line u8.")
            ('u8',)
        """
        found: dict[str, None] = {}
        for match in _RUN.finditer(text):
            for candidate in (match.group(0), match.group(0).rstrip(_TRAILING)):
                if candidate in self.by_id and not candidate.isalpha():
                    found[candidate] = None
        return tuple(found)

    def humanise(
        self, text: str, ids: Iterable[str], quote: Callable[[str], str] = "“{}”".format
    ) -> str:
        """``text`` with each of ``ids`` it mentions replaced by the element's name.

        Only whole ids are replaced (``t-blog`` is not found inside ``t-blog-2``); the
        name is put in quotes by ``quote``.

        Example:
            >>> from estrategy.io import load_demo
            >>> Names.of(load_demo()).humanise("tool tool-podcast is unused", ["tool-podcast"])
            'tool “Podcast hosting” is unused'
        """
        wanted = frozenset(i for i in ids if i in text and self.named(i))
        if not wanted:
            return text

        def replace(match: re.Match[str]) -> str:
            run = match.group(0)
            if run in wanted:
                return quote(self.name(run))
            word = run.rstrip(_TRAILING)
            if word in wanted:
                return quote(self.name(word)) + run[len(word) :]
            return run

        return _RUN.sub(replace, text)
