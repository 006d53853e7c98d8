"""Lazy re-exports: a package names what it offers, and imports each module on first use.

A package ``__init__`` that re-exports names from heavy modules (numpy, networkx) would
make ``import estrategy`` slow; with :func:`lazy_exports` it lists each public name with
the module that defines it, and that module is imported the first time the name is read.

Example:
    >>> getattr_, dir_ = lazy_exports("estrategy", {"dedent": "textwrap"})
    >>> getattr_("dedent")("  a")
    'a'
    >>> getattr_("missing")
    Traceback (most recent call last):
      ...
    AttributeError: module 'estrategy' has no attribute 'missing'
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
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, exporting ``exports`` lazily.

    Args:
        package: the package's ``__name__``.
        exports: public name to the module that defines it (absolute, or relative to
            ``package`` when it starts with a dot).

    Returns:
        ``(__getattr__, __dir__)``, to assign at module level. A name is imported once: its
        value is then stored in the package's namespace, so later reads are plain lookups.
    """

    def __getattr__(name: str) -> Any:
        home = exports.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(home, package), name)
        namespace = sys.modules.get(package)
        if namespace is not None:
            setattr(namespace, name, value)
        return value

    def __dir__() -> list[str]:
        namespace = sys.modules.get(package)
        present = set(vars(namespace)) if namespace is not None else set()
        return sorted(present | set(exports))

    return __getattr__, __dir__
