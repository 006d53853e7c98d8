"""Model paths: where in a model file a value lives.

A path is a tuple of keys and list indexes from the root of a model file,
``("tactics", 3, "strategy")``, written ``tactics[3].strategy``.
"""

from __future__ import annotations

__all__ = ["ModelPath", "format_path", "parse_path"]

ModelPath = tuple[str | int, ...]
"""Keys (``str``) and list indexes (``int``) from the root of a model."""


def format_path(path: ModelPath) -> str:
    """Write a path the way messages show it.

    Args:
        path: keys and indexes from the root.

    Returns:
        The dotted form, with indexes in brackets; ``""`` for the root.

    Example:
        >>> format_path(("organization", "people", 3, "manager"))
        'organization.people[3].manager'
    """
    parts: list[str] = []
    for part in path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif parts:
            parts.append(f".{part}")
        else:
            parts.append(part)
    return "".join(parts)


def parse_path(text: str) -> ModelPath:
    """Read back a path written by :func:`format_path`.

    Example:
        >>> parse_path("tactics[3].strategy")
        ('tactics', 3, 'strategy')
    """
    result: list[str | int] = []
    for chunk in text.split("."):
        if not chunk:
            continue
        name, _, rest = chunk.partition("[")
        if name:
            result.append(name)
        while rest:
            index, _, rest = rest.partition("]")
            result.append(int(index))
            rest = rest.removeprefix("[")
    return tuple(result)
