"""Discovery of built-in rule modules and of plugins (the ``estrategy.rules`` entry points).

The entry points are found by :func:`estrategy.base.plugins.find_plugins`, the finder
maturity criteria use too: one group, sorted for determinism, each failure naming the
distribution that caused it.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import types
from collections.abc import Iterable

import attrs

from estrategy.base import plugins
from estrategy.rules._engine import Registry, Rule, RuleError, default_registry

__all__ = ["BUILTIN_MODULES", "ENTRY_POINT_GROUP", "PluginError", "load_builtins", "load_plugins"]

ENTRY_POINT_GROUP = "estrategy.rules"
"""The entry-point group plugins declare their rules in."""

BUILTIN_MODULES: tuple[str, ...] = (
    "estrategy.rules.strategy",
    "estrategy.rules.actions",
    "estrategy.rules.measurement",
    "estrategy.rules.roles",
    "estrategy.rules.technology",
    "estrategy.rules.channels",
    "estrategy.rules.org",
    "estrategy.rules.suppressions",
)
"""Modules whose import registers the built-in rules (one per code family)."""


class PluginError(plugins.PluginError):
    """A plugin could not be loaded, or its rules are refused; names the distribution."""


def load_builtins() -> None:
    """Import the built-in rule modules (a module not yet written is skipped)."""
    for name in BUILTIN_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            # Only the module itself may be missing; a missing dependency is a real error.
            if exc.name != name:
                raise


def load_plugins(
    registry: Registry,
    entry_points: Iterable[importlib.metadata.EntryPoint] | None = None,
) -> tuple[Rule, ...]:
    """Load the rules of every ``estrategy.rules`` entry point into ``registry``.

    An entry point names a module (importing it registers its rules with the
    :func:`~estrategy.rules.rule` decorator), a :class:`~estrategy.rules.Rule`, or a list
    of rules. Entry points are loaded in the order of (distribution, name).

    Args:
        registry: the registry the rules go to.
        entry_points: the entry points to load (default: the installed ones).

    Returns:
        The rules added, ordered by code.

    Raises:
        PluginError: an entry point fails to import, names no rule, or a rule's code is
            malformed, reserved or taken; the message names the distribution.
    """
    # A plugin module registers its rules with the decorator, into the process-wide
    # registry: take them out of it, and add them to ``registry`` under the distribution.
    default = default_registry()
    added: dict[str, Rule] = {}
    for plugin in plugins.find_plugins(ENTRY_POINT_GROUP, entry_points):
        ep = plugin.entry_point
        origin = f"{plugin.origin} (entry point {ep.name!r})"
        before = default.snapshot()
        try:
            loaded = plugins.import_plugin(plugin)
        except RuleError as exc:
            default.restore(before)
            raise PluginError(f"plugin {origin}: {exc}") from None
        except Exception as exc:  # any import failure of third-party code
            default.restore(before)
            raise PluginError(
                f"plugin {origin} failed to load: {type(exc).__name__}: {exc}"
            ) from None
        new = [r for code, r in default.snapshot().items() if code not in before]
        default.restore(before)
        # An entry point naming rules adds those rules only; one naming a module adds
        # every rule the module registered.
        if isinstance(loaded, Rule):
            new = [loaded]
        elif isinstance(loaded, list | tuple) and all(isinstance(r, Rule) for r in loaded):
            new = list(loaded)
        elif not isinstance(loaded, types.ModuleType):
            raise PluginError(
                f"plugin {origin} names {ep.value!r}, which is neither a module nor a rule"
            )
        target_before = registry.snapshot()
        for found in sorted({r.code: r for r in new}.values(), key=lambda r: r.code):
            try:
                added[found.code] = registry.add(attrs.evolve(found, origin=origin))
            except RuleError as exc:
                registry.restore(target_before)
                raise PluginError(f"plugin {origin}: {exc}") from None
    return tuple(added[code] for code in sorted(added))
