"""The tactic and role catalogue: what each tactic kind and role implies.

The knowledge is data (``estrategy/data/catalogue.toml``), not ``if`` chains, so users
can override it with a TOML file of the same shape.

Example:
    >>> cat = default_catalogue()
    >>> cat.channel("events")
    <Channel.TRADITIONAL: 'traditional'>
    >>> cat.presupposes("social_media_marketing")
    ('community_manager',)
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from estrategy.base.errors import EstrategyError
from estrategy.model import Channel, TacticKind, Tool, ToolKind, ToolSide

__all__ = ["Catalogue", "CatalogueError", "RoleSpec", "TacticSpec", "default_catalogue"]


class CatalogueError(EstrategyError, ValueError):
    """A catalogue file does not have the expected shape."""


@attrs.frozen
class TacticSpec:
    """What a tactic kind implies.

    Attributes:
        channel: digital, traditional or internal.
        presupposes: roles the tactic cannot work without.
    """

    channel: Channel
    presupposes: tuple[str, ...] = ()


@attrs.frozen
class RoleSpec:
    """What a role implies.

    Attributes:
        competences: competence ids a holder of the role is expected to have.
    """

    competences: tuple[str, ...] = ()


@attrs.frozen(hash=False)
class Catalogue:
    """Tactic kinds, roles and tool sides, as read from a catalogue file.

    Attributes:
        tactics: tactic kind to its spec.
        roles: role kind to its spec; roles not listed expect no competence.
        tool_sides: tool kind to the side it sits on when a tool does not say.
    """

    tactics: Mapping[str, TacticSpec]
    roles: Mapping[str, RoleSpec]
    tool_sides: Mapping[str, ToolSide]

    def channel(self, kind: TacticKind | str) -> Channel:
        """The channel of a tactic kind (digital when the catalogue does not know it)."""
        spec = self.tactics.get(str(kind))
        return spec.channel if spec is not None else Channel.DIGITAL

    def presupposes(self, kind: TacticKind | str) -> tuple[str, ...]:
        """The roles a tactic kind presupposes."""
        spec = self.tactics.get(str(kind))
        return spec.presupposes if spec is not None else ()

    def competences(self, role: str) -> tuple[str, ...]:
        """The competences expected of a role holder (none for an unlisted role)."""
        spec = self.roles.get(role)
        return spec.competences if spec is not None else ()

    def tool_side(self, tool: Tool) -> ToolSide:
        """The side of a tool: its own ``side``, else its kind's usual side."""
        if tool.side is not None:
            return tool.side
        return self.tool_sides.get(str(tool.kind), ToolSide.FRONT)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, base: Catalogue | None = None) -> Catalogue:
        """Build a catalogue from parsed TOML; entries not given are taken from ``base``.

        Raises:
            CatalogueError: on an unknown channel, a non-list, or an unknown section.
        """
        unknown = set(data) - {"tactics", "roles", "tool_sides"}
        if unknown:
            raise CatalogueError(f"unknown catalogue section(s): {', '.join(sorted(unknown))}")
        tactics = dict(base.tactics) if base else {}
        roles = dict(base.roles) if base else {}
        sides = dict(base.tool_sides) if base else {}
        try:
            for kind, spec in dict(data.get("tactics", {})).items():
                tactics[str(kind)] = TacticSpec(
                    channel=Channel(spec["channel"]),
                    presupposes=_strings(spec.get("presupposes", []), f"tactics.{kind}"),
                )
            for role, spec in dict(data.get("roles", {})).items():
                roles[str(role)] = RoleSpec(
                    competences=_strings(spec.get("competences", []), f"roles.{role}")
                )
            for kind, side in dict(data.get("tool_sides", {})).items():
                sides[str(ToolKind(kind))] = ToolSide(side)
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise CatalogueError(f"invalid catalogue: {exc}") from None
        return cls(MappingProxyType(tactics), MappingProxyType(roles), MappingProxyType(sides))

    @classmethod
    def from_toml(cls, path: Path, *, base: Catalogue | None = None) -> Catalogue:
        """Read a catalogue file, completing it from ``base`` (the default if not given)."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeError, tomllib.TOMLDecodeError) as exc:
            raise CatalogueError(f"{path}: {exc}") from None
        return cls.from_mapping(data, base=base if base is not None else default_catalogue())


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CatalogueError(f"{where}: expected a list of strings")
    return tuple(value)


@functools.cache
def default_catalogue() -> Catalogue:
    """The catalogue shipped with estrategy (read once, immutable)."""
    text = resources.files("estrategy.data").joinpath("catalogue.toml").read_text("utf-8")
    return Catalogue.from_mapping(tomllib.loads(text))
