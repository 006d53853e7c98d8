"""Configuration of ``check`` from a TOML file: selection, severities, rule settings.

The file is ``estrategy.toml`` (its top level, or a ``[tool.estrategy]`` table) or a
``pyproject.toml`` with a ``[tool.estrategy]`` table::

    select = ["STR", "ACT", "ROL004"]   # codes or prefixes; every rule when absent
    ignore = ["ACT004"]
    fail-on = "warning"                 # error (default), warning or info
    catalogue = "my-catalogue.toml"     # relative to the configuration file

    [severity]                          # overrides by code or prefix
    ACT003 = "error"

    [settings]                          # rule settings (see `estrategy rule CODE`)
    review_interval_days = 60

:func:`find_config` looks for it in the model's folder, then in each parent folder.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from estrategy.base.errors import EstrategyError
from estrategy.model.suggest import did_you_mean
from estrategy.rules import Severity

if TYPE_CHECKING:
    import datetime as dt

    from estrategy.analysis import Report
    from estrategy.catalogue import Catalogue
    from estrategy.model import StrategyModel

__all__ = [
    "CONFIG_NAMES",
    "Config",
    "ConfigError",
    "config_for",
    "find_config",
    "load_config",
]

CONFIG_NAMES: tuple[str, ...] = ("estrategy.toml", "pyproject.toml")
"""File names :func:`find_config` looks for, in order, in each folder."""

_KEYS = ("select", "ignore", "fail-on", "catalogue", "severity", "settings")


class ConfigError(EstrategyError, ValueError):
    """A configuration file cannot be read or has an unexpected shape; names the file."""


def _frozen(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@attrs.frozen
class Config:
    """What a configuration file (or the command line) says about a ``check`` run.

    Attributes:
        select: codes or prefixes to run (``None``: every rule).
        ignore: codes or prefixes not to run.
        severities: severity overrides by code or prefix.
        settings: rule settings by name.
        fail_on: the lowest severity that makes the run fail (``None``: not said).
        catalogue: a catalogue file, if any.
        source: the file this configuration was read from, if any.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severities: Mapping[str, Severity] = attrs.field(factory=dict, converter=_frozen)
    settings: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen)
    fail_on: Severity | None = None
    catalogue: Path | None = None
    source: Path | None = None

    def setting(self, name: str) -> Any:
        """A rule setting as configured, else the default of the rule that declares it.

        Raises:
            KeyError: no rule declares ``name``.

        Example:
            >>> Config().setting("upward_hops"), Config(settings={"upward_hops": 4}).setting(
            ...     "upward_hops"
            ... )
            (3, 4)
        """
        if name in self.settings:
            return self.settings[name]
        from estrategy.rules import registry

        for declared in registry().values():
            if name in declared.settings:
                return declared.settings[name]
        raise KeyError(f"no rule has a setting named {name!r}")

    def load_catalogue(self) -> Catalogue | None:
        """The catalogue file this configuration names, read; ``None`` for the shipped one.

        Raises:
            CatalogueError: the file cannot be read or has an unexpected shape.
        """
        from estrategy.catalogue import Catalogue

        return Catalogue.from_toml(self.catalogue) if self.catalogue is not None else None

    def check(self, model: StrategyModel, *, as_of: dt.date | None = None) -> Report:
        """Run :func:`estrategy.check` on ``model`` as this configuration says.

        Example:
            >>> from estrategy.model import StrategyModel
            >>> Config(select=("STR008",)).check(StrategyModel(name="x")).rules
            ('STR008',)
        """
        from estrategy.analysis import check

        return check(
            model,
            select=self.select,
            ignore=self.ignore,
            settings=self.settings,
            severities=self.severities,
            as_of=as_of,
            catalogue=self.load_catalogue(),
        )

    def merged(self, other: Config) -> Config:
        """This configuration overridden by ``other`` (e.g. command-line flags).

        Selections given in ``other`` replace this one's; severities and settings are
        merged key by key.
        """
        return Config(
            select=other.select if other.select is not None else self.select,
            ignore=other.ignore or self.ignore,
            severities={**self.severities, **other.severities},
            settings={**self.settings, **other.settings},
            fail_on=other.fail_on or self.fail_on,
            catalogue=other.catalogue or self.catalogue,
            source=self.source,
        )


def _table(path: Path) -> dict[str, Any] | None:
    """The estrategy table of ``path``; ``None`` for a pyproject.toml without one."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except (OSError, UnicodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    tool = data.get("tool", {})
    nested = tool.get("estrategy") if isinstance(tool, dict) else None
    if path.name == "pyproject.toml":
        return nested if isinstance(nested, dict) else None
    if nested is not None:
        if not isinstance(nested, dict):
            raise ConfigError(f"{path}: [tool.estrategy] must be a table")
        return nested
    return data


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of codes or prefixes")
    return tuple(v.strip().upper() for v in value if v.strip())


def _severity(value: object, where: str) -> Severity:
    try:
        return Severity(str(value).lower())
    except ValueError:
        raise ConfigError(
            f"{where}: {value!r} is not a severity (error, warning or info)"
        ) from None


def config_from_mapping(data: Mapping[str, Any], where: str, base: Path | None = None) -> Config:
    """Build a :class:`Config` from a parsed table; ``where`` prefixes error messages.

    Raises:
        ConfigError: an unknown key ("did you mean …?") or a value of the wrong type.
    """
    for key in data:
        if key not in _KEYS:
            hint = did_you_mean(key.replace("_", "-"), _KEYS)
            raise ConfigError(f"{where}: unknown key {key!r}{hint}")
    severities_table = data.get("severity", {})
    settings_table = data.get("settings", {})
    if not isinstance(severities_table, dict):
        raise ConfigError(f'{where}: [severity] must be a table of CODE = "level"')
    if not isinstance(settings_table, dict):
        raise ConfigError(f"{where}: [settings] must be a table of name = value")
    catalogue = data.get("catalogue")
    if catalogue is not None and not isinstance(catalogue, str):
        raise ConfigError(f"{where}: catalogue must be a path")
    return Config(
        select=_strings(data["select"], f"{where}: select") if "select" in data else None,
        ignore=_strings(data.get("ignore", []), f"{where}: ignore"),
        severities={
            str(k).upper(): _severity(v, f"{where}: severity.{k}")
            for k, v in severities_table.items()
        },
        settings=settings_table,
        fail_on=_severity(data["fail-on"], f"{where}: fail-on") if "fail-on" in data else None,
        catalogue=(base / catalogue if base is not None else Path(catalogue))
        if catalogue
        else None,
    )


def load_config(path: Path) -> Config:
    """Read a configuration file (``estrategy.toml`` or ``pyproject.toml``).

    Raises:
        ConfigError: the file cannot be read or parsed, or has an unexpected shape.
    """
    table = _table(path)
    if table is None:
        return Config(source=path)
    return attrs.evolve(config_from_mapping(table, str(path), path.parent), source=path)


def find_config(start: Path) -> Path | None:
    """The configuration file for a model in folder ``start`` (or for that file).

    Looks in ``start`` then in each parent for ``estrategy.toml``, then for a
    ``pyproject.toml`` that has a ``[tool.estrategy]`` table; the first found wins.
    """
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        own = candidate / "estrategy.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file():
            try:
                if _table(project) is not None:
                    return project
            except ConfigError:
                return project  # report the broken file rather than skip it silently
    return None


def config_for(folder: Path, *, path: Path | None = None, disabled: bool = False) -> Config:
    """The configuration that applies to a model in ``folder``.

    Args:
        folder: the model's folder (where :func:`find_config` starts looking).
        path: a configuration file given explicitly; it wins over any found one.
        disabled: ignore configuration files altogether (the defaults apply).

    Raises:
        ConfigError: the file cannot be read or has an unexpected shape.
    """
    if path is not None:
        return load_config(path)
    if disabled:
        return Config()
    found = find_config(folder)
    return load_config(found) if found is not None else Config()
