"""What an immutable object computes once from itself and keeps (a private memo)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

__all__ = ["Memo"]

_T = TypeVar("_T")


class Memo:
    """Mix-in of :meth:`derived` for a frozen class that holds a ``_derived`` dict."""

    __slots__ = ()
    _derived: dict[str, object]

    def derived(self, key: str, compute: Callable[[], _T]) -> _T:
        """``compute()``, computed once per object for ``key``.

        The object is immutable, so what is derived from it never goes stale.
        """
        try:
            return self._derived[key]  # type: ignore[return-value]
        except KeyError:
            value = compute()
            self._derived[key] = value
            return value
