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
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from estrategy.io.errors import LoadError
from estrategy.model import Channel, RoleKind, TacticKind, Tool, ToolKind, ToolSide
from estrategy.model.labels import label
from estrategy.model.suggest import unknown_value
from estrategy.model.validators import FieldValueError
from estrategy.model.vocabulary import meant_value

if TYPE_CHECKING:
    from estrategy.io.toml import TomlDocument

__all__ = [
    "Catalogue",
    "CatalogueError",
    "CatalogueFile",
    "RoleSpec",
    "TacticSpec",
    "default_catalogue",
]


T = TypeVar("T")


class CatalogueError(LoadError):
    """A catalogue file does not have the expected shape; lists every problem, located."""


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
        other_competences: competences the catalogue knows besides those its roles
            expect (``social_selling``, ``crm_administration``, …: the file's top-level
            ``competences`` list).
    """

    tactics: Mapping[str, TacticSpec]
    roles: Mapping[str, RoleSpec]
    tool_sides: Mapping[str, ToolSide]
    other_competences: tuple[str, ...] = ()

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

    def known_roles(self) -> frozenset[str]:
        """Every role the catalogue or the library knows (ROL007 compares roles with these).

        Example:
            >>> "community_manager" in default_catalogue().known_roles()
            True
        """
        return frozenset({*self.roles, *(str(r) for r in RoleKind)})

    def known_competences(self) -> frozenset[str]:
        """Every competence the catalogue knows: its roles' and its list of others (ROL008).

        Example:
            >>> {"editorial_content", "social_selling"} <= default_catalogue().known_competences()
            True
        """
        return frozenset(
            {*self.other_competences, *(c for r in self.roles.values() for c in r.competences)}
        )

    def tool_side(self, tool: Tool) -> ToolSide:
        """The side of a tool: its own ``side``, else its kind's usual side."""
        if tool.side is not None:
            return tool.side
        return self.tool_sides.get(str(tool.kind), ToolSide.FRONT)

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, Any], *, base: Catalogue | None = None, source: str = "<catalogue>"
    ) -> Catalogue:
        """Build a catalogue from parsed TOML; entries not given are taken from ``base``.

        Raises:
            CatalogueError: on an unknown section or channel, or a value of the wrong
                type, each problem with its path.
        """
        from estrategy.io.toml import TomlDocument

        return cls._from_document(TomlDocument(source, data), base)

    @classmethod
    def from_toml(cls, path: Path, *, base: Catalogue | None = None) -> Catalogue:
        """Read a catalogue file, completing it from ``base`` (the default if not given).

        Raises:
            CatalogueError: the file cannot be read or has an unexpected shape; every
                problem is located (``file:line:col: path: message``).
        """
        from estrategy.io import LoadError
        from estrategy.io.toml import read_toml_file

        try:
            document = read_toml_file(path)
        except LoadError as error:
            raise CatalogueError(error.errors) from None
        return cls._from_document(document, base if base is not None else default_catalogue())

    @classmethod
    def _from_document(cls, document: TomlDocument, base: Catalogue | None) -> Catalogue:
        from estrategy.io.toml import structure

        shape = structure(document, CatalogueFile, error=CatalogueError)
        tactics = {**(base.tactics if base else {}), **_named(shape.tactics)}
        roles = {**(base.roles if base else {}), **shape.roles}
        sides = {**(base.tool_sides if base else {}), **_named(shape.tool_sides)}
        competences = sorted({*(base.other_competences if base else ()), *shape.competences})
        return cls(
            MappingProxyType(tactics),
            MappingProxyType(roles),
            MappingProxyType(sides),
            tuple(competences),
        )


def _tool_kinds(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    assert isinstance(value, Mapping)
    known = [str(kind) for kind in ToolKind]
    for kind in value:
        if kind not in known:
            meant = meant_value(ToolKind, kind)
            message = unknown_value(label("tool kind"), kind, known, meant)
            raise FieldValueError(attribute.name, message)


def _named(table: Mapping[TacticKind, T] | Mapping[ToolKind, T]) -> dict[str, T]:
    """A table keyed by plain names (the catalogue looks kinds up by name)."""
    return {str(kind): value for kind, value in table.items()}


@attrs.frozen
class CatalogueFile:
    """The shape of a catalogue file, checked by cattrs like a model file.

    Tactic kinds and tool kinds are closed sets, as in model files: an unknown one (a
    typo) is an error at its key, with a "did you mean"; roles may be custom.

    Attributes:
        tactics: the ``[tactics.KIND]`` tables.
        roles: the ``[roles.ROLE]`` tables.
        tool_sides: the ``[tool_sides]`` table: tool kind to side.
        competences: the top-level ``competences`` list: competences known besides
            those the roles expect (added to the base catalogue's).
    """

    tactics: Mapping[TacticKind, TacticSpec] = attrs.field(factory=dict)
    roles: Mapping[str, RoleSpec] = attrs.field(factory=dict)
    tool_sides: Mapping[ToolKind, ToolSide] = attrs.field(factory=dict)
    competences: tuple[str, ...] = ()


@functools.cache
def default_catalogue() -> Catalogue:
    """The catalogue shipped with estrategy (read once, immutable)."""
    from estrategy.io.toml import parse_toml

    text = resources.files("estrategy.data").joinpath("catalogue.toml").read_text("utf-8")
    return Catalogue._from_document(parse_toml(text, source="catalogue.toml"), None)
