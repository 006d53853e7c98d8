"""One finder for plugins: the entry points of one group, sorted, each naming its origin.

Rules (group ``estrategy.rules``) and maturity criteria (group ``estrategy.criteria``) are
both published by installed distributions as entry points. Both are found here, the same
way: the group's entry points sorted by distribution, entry-point name and value (so the
result never depends on the order of ``sys.path``), and loaded by :func:`load_plugin`,
which validates what an entry point names with a callback and turns any failure into a
:class:`PluginError` naming the distribution.

Example:
    >>> find_plugins("estrategy.no-such-group")
    ()
"""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable, Iterable
from typing import TypeVar

import attrs

from estrategy.base.errors import EstrategyError

__all__ = ["Plugin", "PluginError", "find_plugins", "import_plugin", "load_plugin"]

T = TypeVar("T")


class PluginError(EstrategyError, ValueError):
    """A plugin could not be loaded, or what it publishes is refused; names the distribution."""


@attrs.frozen
class Plugin:
    """One entry point of a plugin group, with the distribution that declares it.

    Attributes:
        entry_point: the entry point itself.
        distribution: the distribution's name (empty when the entry point has none).
        version: the distribution's version (empty when the entry point has none).
    """

    entry_point: importlib.metadata.EntryPoint
    distribution: str
    version: str

    @property
    def name(self) -> str:
        """The entry point's name."""
        return self.entry_point.name

    @property
    def value(self) -> str:
        """What the entry point names (``module`` or ``module:attribute``)."""
        return self.entry_point.value

    @property
    def origin(self) -> str:
        """``name version`` of the distribution, for messages.

        ``<unknown distribution>`` when the entry point carries none.
        """
        if not self.distribution:
            return "<unknown distribution>"
        return f"{self.distribution} {self.version}"


def _plugin(entry_point: importlib.metadata.EntryPoint) -> Plugin:
    dist = entry_point.dist
    if dist is None:
        return Plugin(entry_point, "", "")
    return Plugin(entry_point, dist.metadata["Name"], dist.version)


def find_plugins(
    group: str, entry_points: Iterable[importlib.metadata.EntryPoint] | None = None
) -> tuple[Plugin, ...]:
    """The entry points of ``group``, in the order of (distribution, name, value).

    Args:
        group: the entry-point group, e.g. ``"estrategy.rules"``.
        entry_points: the entry points to consider (default: the installed ones of
            ``group``); tests pass their own.

    Returns:
        One :class:`Plugin` per entry point, sorted for determinism.
    """
    if entry_points is None:
        entry_points = importlib.metadata.entry_points(group=group)
    plugins = (_plugin(ep) for ep in entry_points)
    return tuple(sorted(plugins, key=lambda p: (p.distribution, p.name, p.value)))


def load_plugin(
    plugin: Plugin,
    validate: Callable[[object], T],
    *,
    failure: Callable[[Plugin, Exception], str],
    error: type[PluginError] = PluginError,
) -> T:
    """Load what ``plugin`` names and validate it.

    Args:
        plugin: the plugin to load.
        validate: takes the loaded object and returns it as the caller's type, raising
            :class:`PluginError` (with a message naming the plugin) when it is refused.
        failure: the message for an import failure of the plugin's own code.
        error: the :class:`PluginError` subclass to raise.

    Returns:
        What ``validate`` returns.

    Raises:
        PluginError: the entry point fails to load (message from ``failure``), or
            ``validate`` refuses what it names.
    """
    try:
        loaded = import_plugin(plugin)
    except Exception as exc:  # any import failure of third-party code
        raise error(failure(plugin, exc)) from exc
    return validate(loaded)


def import_plugin(plugin: Plugin) -> object:
    """Import what ``plugin``'s entry point names; ``sys.exit()`` in it is a failure.

    A plugin calling ``sys.exit()`` while imported would end the run with its status and
    no output, as if nothing were wrong; here it raises instead, like any broken import.

    Raises:
        Exception: whatever the plugin's import raises; :class:`RuntimeError` for a
            ``sys.exit()``.
    """
    try:
        return plugin.entry_point.load()
    except SystemExit as exc:
        raise RuntimeError(f"it called sys.exit({exc.code!r}) while being imported") from None
