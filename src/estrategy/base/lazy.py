"""Lazy re-exports: a package names what it offers, and imports each module on first use.

A package ``__init__`` that re-exports names from heavy modules (numpy, networkx) would
make ``import estrategy`` slow; with :func:`lazy_exports` it lists each public name with
the module that defines it, and that module is imported the first time the name is read.

Example:
    >>> getattr_, dir_ = lazy_exports("example", {"dedent": "textwrap"})
    >>> getattr_("dedent")("  a")
    'a'
    >>> getattr_("missing")
    Traceback (most recent call last):
      ...
    AttributeError: module 'example' has no attribute 'missing'
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from typing import Any

__all__ = ["homes", "lazy_exports"]


def homes(module: str, names: Iterable[str]) -> dict[str, str]:
    """``{name: module}`` for each of ``names``: one module's entries of an export table."""
    return dict.fromkeys(names, module)


def lazy_exports(
    package: str, exports: Mapping[str, str], *, star: Iterable[str] = ()
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, exporting ``exports`` lazily.

    Args:
        package: the package's ``__name__``.
        exports: public name to the module that defines it (absolute, or relative to
            ``package`` when it starts with a dot).
        star: modules whose whole ``__all__`` the package re-exports, so that their
            lists are written once, in the module. When a name outside ``exports`` is
            read, they are imported in order until one of them has it (all of them for
            the package's ``__all__``).

    Returns:
        ``(__getattr__, __dir__)``, to assign at module level. A name is imported once: its
        value is then stored in the package's namespace, so later reads are plain lookups.

    Example:
        >>> getattr_, _ = lazy_exports("example", {}, star=("estrategy.base.version",))
        >>> getattr_("__all__"), getattr_("VERSION") == __import__("estrategy").__version__
        (['VERSION'], True)

        (``example`` is no imported module, so nothing is stored: reading through the
        real package would write its namespace.)
    """
    starred = tuple(star)

    def star_homes() -> dict[str, str]:
        found: dict[str, str] = {}
        for module in starred:
            names = getattr(importlib.import_module(module, package), "__all__", ())
            found.update(homes(module, names))
        return found

    def store(name: str, value: Any) -> Any:
        namespace = sys.modules.get(package)
        if namespace is not None:
            setattr(namespace, name, value)
        return value

    def star_home(name: str) -> str | None:
        # in order, importing no more modules than needed to find the name
        for module in starred:
            if name in getattr(importlib.import_module(module, package), "__all__", ()):
                return module
        return None

    def __getattr__(name: str) -> Any:
        home = exports.get(name)
        if home is None and starred:
            if name == "__all__":
                return store(name, sorted({*exports, *star_homes()}))
            home = star_home(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return store(name, getattr(importlib.import_module(home, package), name))

    def __dir__() -> list[str]:
        namespace = sys.modules.get(package)
        present = set(vars(namespace)) if namespace is not None else set()
        return sorted(present | set(exports) | (set(star_homes()) if starred else set()))

    return __getattr__, __dir__
