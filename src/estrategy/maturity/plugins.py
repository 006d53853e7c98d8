"""Criteria published by installed packages under the ``estrategy.criteria`` entry points.

A package declares its criteria in its metadata::

    [project.entry-points."estrategy.criteria"]
    acme = "acme_estrategy.criteria:CRITERIA"

The object an entry point names is a :class:`~estrategy.maturity.Criterion` or a list or
tuple of them. Entry points are read only when a maturity model names a criterion that is
not built in, so a broken plugin never breaks the default assessment; when one is read,
any problem names the distribution that caused it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from estrategy.base import plugins
from estrategy.maturity.criteria import BUILTIN_CRITERIA
from estrategy.maturity.criterion import Criterion

__all__ = ["ENTRY_POINT_GROUP", "CriterionPluginError", "discover_criteria", "merge_criteria"]

ENTRY_POINT_GROUP = "estrategy.criteria"


class CriterionPluginError(plugins.PluginError):
    """A criterion plugin could not be loaded, or its criteria clash with others."""


def _as_criteria(value: object, where: str) -> tuple[Criterion, ...]:
    if isinstance(value, Criterion):
        return (value,)
    if isinstance(value, list | tuple) and all(isinstance(v, Criterion) for v in value):
        return tuple(value)
    raise CriterionPluginError(
        f"{where} is a {type(value).__name__}, not a Criterion or a list of them "
        "(declare criteria with @estrategy.criterion)"
    )


def merge_criteria(
    sources: Iterable[tuple[str, Iterable[Criterion]]],
) -> Mapping[str, Criterion]:
    """Gather criteria from several sources, refusing clashes.

    Args:
        sources: ``(where, criteria)`` pairs; ``where`` names the source in errors.

    Returns:
        Criterion id to criterion, built-ins excluded.

    Raises:
        CriterionPluginError: when an id is a built-in's or comes from two sources.
    """
    found: dict[str, tuple[Criterion, str]] = {}
    for where, criteria in sources:
        for item in criteria:
            if item.id in BUILTIN_CRITERIA:
                raise CriterionPluginError(
                    f"criterion {item.id!r} from {where} clashes with the built-in criterion "
                    "of that id; give it a prefix of its own (for example 'acme.')"
                )
            previous = found.get(item.id)
            if previous is not None and previous[0].function is not item.function:
                raise CriterionPluginError(
                    f"criterion {item.id!r} is defined twice: by {previous[1]} and by {where}"
                )
            found[item.id] = (item, where)
    return MappingProxyType({key: value[0] for key, value in sorted(found.items())})


def discover_criteria(group: str = ENTRY_POINT_GROUP) -> Mapping[str, Criterion]:
    """Load every criterion published under the entry-point group, sorted by id.

    Raises:
        CriterionPluginError: naming the distribution, when an entry point fails to load,
            names something that is not a criterion, or clashes.
    """
    sources = []
    for plugin in plugins.find_plugins(group):
        where = _where(plugin)
        criteria = plugins.load_plugin(
            plugin,
            functools.partial(_as_criteria, where=where),
            failure=lambda p, exc: f"could not load {_where(p)}: {exc}",
            error=CriterionPluginError,
        )
        sources.append((where, criteria))
    return merge_criteria(sources)


def _where(plugin: plugins.Plugin) -> str:
    dist = plugin.distribution or "an unknown distribution"
    return f"entry point {plugin.name!r} ({plugin.value}) of {dist}"
