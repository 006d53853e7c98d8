"""Privacy for HR data: a minimum group size for aggregates, and keyed pseudonyms.

An HR export is personal data. Two safeguards, as organisational network analysis tools
apply them:

- **A minimum group size** (:data:`MIN_GROUP_SIZE`, 5 by default): an aggregate of fewer
  people (the ties of a line of three, the within share of a team of two) says what
  those few people did; the analyses withhold such aggregates and say so.
- **Pseudonyms** (:func:`pseudonymise`): person ids and names replaced by a keyed hash
  (HMAC-SHA-256) in every output and export. The same key gives the same pseudonyms, so
  runs can be compared; without the key they cannot be reversed or recomputed from a
  list of names. The key is never written anywhere.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

import attrs

from estrategy.model.tables import OrgTables

__all__ = ["MIN_GROUP_SIZE", "pseudonym", "pseudonymise"]

MIN_GROUP_SIZE = 5
"""Aggregates of fewer people than this are withheld by default."""

_DIGITS = 16  # 64 bits: no collision in practice below billions of people


def pseudonym(key: bytes, person: str) -> str:
    """The keyed pseudonym of a person id (``p-`` and 16 hexadecimal digits).

    Example:
        >>> pseudonym(b"secret", "ann.martin@example.com")
        'p-836664762c6d6ed8'
    """
    digest = hmac.new(key, person.encode("utf-8"), hashlib.sha256).hexdigest()
    return f"p-{digest[:_DIGITS]}"


def pseudonymise(tables: OrgTables, key: str | bytes, *, keep: Iterable[str] = ()) -> OrgTables:
    """The organisation with every person id and name replaced by a keyed pseudonym.

    Names become the person's pseudonym too, so labels and ids agree; the extra HR columns
    of people (which may hold e-mail addresses, names…) are dropped, except those in
    ``keep`` (a column grouping people, for the group-to-group matrix). Units and groups
    keep their ids: they name parts of the organisation, not people.

    Args:
        tables: the organisation.
        key: the secret key (text or bytes); not stored anywhere.
        keep: person attribute columns to keep.

    Returns:
        New tables; the references (managers, ties…) are unchanged codes.

    Raises:
        ValueError: an empty key, or two people given the same pseudonym.

    Example:
        >>> from estrategy.model import Organization, Person
        >>> from estrategy.model.tables import as_tables
        >>> t = pseudonymise(as_tables(Organization(people=[Person(id="ann", name="Ann")])), "k")
        >>> t.person_ids == t.person_names, t.person_ids[0].startswith("p-")
        (True, True)
    """
    secret = key.encode("utf-8") if isinstance(key, str) else bytes(key)
    if not secret:
        raise ValueError("the pseudonymisation key is empty")
    ids = tuple(pseudonym(secret, person) for person in tables.person_ids)
    if len(set(ids)) != len(ids):
        raise ValueError("two people have the same pseudonym: use another key")
    kept = set(keep)
    attributes = dict(tables.attributes)
    people = {c: v for c, v in attributes.get("person", {}).items() if c in kept}
    if people:
        attributes["person"] = people
    else:
        attributes.pop("person", None)
    # every derived array is rebuilt from the (unchanged) codes by the constructor
    return attrs.evolve(tables, person_ids=ids, person_names=ids, attributes=attributes)
