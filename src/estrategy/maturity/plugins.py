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

from collections.abc import Iterable, Mapping
from importlib import metadata
from types import MappingProxyType

from estrategy.base.errors import EstrategyError
from estrategy.maturity.builtin import BUILTIN_CRITERIA
from estrategy.maturity.criteria import Criterion

__all__ = ["ENTRY_POINT_GROUP", "CriterionPluginError", "discover_criteria", "merge_criteria"]

ENTRY_POINT_GROUP = "estrategy.criteria"


class CriterionPluginError(EstrategyError, ValueError):
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
    points = sorted(
        metadata.entry_points(group=group),
        key=lambda p: (p.dist.name if p.dist else "", p.name),
    )
    for point in points:
        dist = point.dist.name if point.dist is not None else "an unknown distribution"
        where = f"entry point {point.name!r} ({point.value}) of {dist}"
        try:
            value = point.load()
        except Exception as exc:  # a plugin's own failure, reported with its source
            raise CriterionPluginError(f"could not load {where}: {exc}") from exc
        sources.append((where, _as_criteria(value, where)))
    return merge_criteria(sources)
