"""Configuration of ``check`` from a TOML file: selection, severities, rule settings.

The file is ``estrategy.toml`` (its top level, or a ``[tool.estrategy]`` table) or a
``pyproject.toml`` with a ``[tool.estrategy]`` table::

    select = ["STR", "ACT", "ROL004"]   # codes or prefixes; every rule when absent
    ignore = ["ACT004"]
    fail-on = "warning"                 # error (default), warning or info
    catalogue = "my-catalogue.toml"     # relative to the configuration file
    lang = "fr"                         # the language of the outputs: en or fr

    [severity]                          # overrides by code or prefix
    ACT003 = "error"

    [settings]                          # rule settings (see `estrategy rule CODE`)
    review_interval_days = 60

    [per-subject-ignores]               # findings accepted about an id (or glob), with why
    x-agency = { ROL004 = "the agency is supervised by the group's holding" }

:func:`find_config` looks for it in the model's folder, then in each parent folder.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from estrategy.base.escape import excerpt
from estrategy.base.language import parse_language
from estrategy.base.messages import tr
from estrategy.io.errors import LoadError
from estrategy.model.paths import ModelPath
from estrategy.model.validators import FieldValueError
from estrategy.rules import Severity

if TYPE_CHECKING:
    import datetime as dt

    from estrategy.analysis import Report
    from estrategy.catalogue import Catalogue
    from estrategy.io.toml import TomlDocument
    from estrategy.model import StrategyModel

__all__ = [
    "CONFIG_NAMES",
    "Config",
    "ConfigError",
    "ConfigFile",
    "config_for",
    "find_config",
    "load_config",
]

CONFIG_NAMES: tuple[str, ...] = ("estrategy.toml", "pyproject.toml")
"""File names :func:`find_config` looks for, in order, in each folder."""


class ConfigError(LoadError):
    """A configuration file cannot be read or has an unexpected shape.

    Like every file error, it lists each problem as ``file:line:col: path: message``.
    """


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
        lang: the language of the outputs (``None``: not said; docs/languages.md).
        per_subject_ignores: suppressions by subject: an id or glob pattern, to a code or
            prefix, to the reason.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severities: Mapping[str, Severity] = attrs.field(factory=dict, converter=_frozen)
    settings: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen)
    fail_on: Severity | None = None
    catalogue: Path | None = None
    source: Path | None = None
    lang: str | None = None
    per_subject_ignores: Mapping[str, Mapping[str, str]] = attrs.field(
        factory=dict, converter=_frozen
    )

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

    def check(
        self,
        model: StrategyModel,
        *,
        as_of: dt.date | None = None,
        catalogue: Catalogue | None = None,
    ) -> Report:
        """Run :func:`estrategy.check` on ``model`` as this configuration says.

        ``catalogue``, when given, is used instead of reading the configured catalogue
        file again (a run over many models reads it once).

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
            catalogue=catalogue if catalogue is not None else self.load_catalogue(),
            per_subject_ignores=self.per_subject_ignores,
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
            lang=other.lang or self.lang,
            per_subject_ignores={**self.per_subject_ignores, **other.per_subject_ignores},
        )


_SELECTOR = re.compile(r"[A-Za-z]+[0-9]*\Z")


def _subject_ignores(
    _instance: object, attribute: attrs.Attribute[Any], value: Mapping[str, Mapping[str, str]]
) -> None:
    key = attribute.metadata["key"]
    for subject, codes in value.items():
        for code, reason in codes.items():
            if not _SELECTOR.match(code.strip()):
                raise FieldValueError(
                    key,
                    f"{excerpt(subject)}: {excerpt(code)} is not a rule code or prefix "
                    "(such as ROL004)",
                )
            if not reason.strip():
                raise FieldValueError(
                    key,
                    f"{excerpt(subject)}: {code} gives no reason; say why the finding is "
                    f'accepted ({code} = "…")',
                )


def _selectors(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    assert isinstance(value, tuple)
    for item in value:
        if not _SELECTOR.match(item.strip()):
            raise FieldValueError(
                attribute.name,
                tr(
                    "expected a list of codes or prefixes (such as STR or ACT003), got {value}",
                    value=excerpt(item),
                ),
            )


def _language(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    from estrategy.base.language import LANGUAGES, supported_language

    if value is not None and supported_language(str(value)) is None:
        raise FieldValueError(
            attribute.name,
            tr(
                "expected one of {choices}, got {value}",
                choices=", ".join(LANGUAGES),
                value=excerpt(value),
            ),
        )


@attrs.frozen
class ConfigFile:
    """The shape of a configuration table, as the file writes it (checked by cattrs).

    Attributes:
        select: codes or prefixes to run (a single one may be written without a list).
        ignore: codes or prefixes not to run.
        fail_on: the ``fail-on`` key: the lowest severity that fails the run.
        catalogue: a catalogue file, relative to the configuration file.
        severity: the ``[severity]`` table: overrides by code or prefix.
        settings: the ``[settings]`` table: rule settings by name.
        lang: the language of the outputs (``en`` or ``fr``).
        per_subject_ignores: the ``[per-subject-ignores]`` table: for an id or a glob
            pattern, a table of codes (or prefixes) to the reason they are accepted.
    """

    select: tuple[str, ...] | None = attrs.field(default=None, validator=_selectors)
    ignore: tuple[str, ...] = attrs.field(default=(), validator=_selectors)
    fail_on: Severity | None = attrs.field(default=None, metadata={"key": "fail-on"})
    catalogue: str | None = None
    severity: Mapping[str, Severity] = attrs.field(factory=dict)
    settings: Mapping[str, Any] = attrs.field(factory=dict)
    lang: str | None = attrs.field(default=None, validator=_language)
    per_subject_ignores: Mapping[str, Mapping[str, str]] = attrs.field(
        factory=dict, validator=_subject_ignores, metadata={"key": "per-subject-ignores"}
    )


def _codes(value: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip().upper() for v in value if v.strip())


def _estrategy_table(document: TomlDocument, path: Path) -> ModelPath | None:
    """Where the estrategy table of ``document`` is; ``None`` for a pyproject.toml without one."""
    tool = document.data.get("tool")
    nested = tool.get("estrategy") if isinstance(tool, Mapping) else None
    if path.name == "pyproject.toml" and not isinstance(nested, Mapping):
        return None
    if nested is None:
        return ()
    if not isinstance(nested, Mapping):
        problems = document.problems()
        problems.add(("tool", "estrategy"), "[tool.estrategy] must be a table")
        problems.raise_if_any(ConfigError)
    return ("tool", "estrategy")


def _read(path: Path) -> tuple[TomlDocument, ModelPath | None]:
    from estrategy.io import LoadError
    from estrategy.io.toml import read_toml_file

    try:
        document = read_toml_file(path).as_floats()
    except LoadError as error:
        raise ConfigError(error.errors) from None
    return document, _estrategy_table(document, path)


def _config(document: TomlDocument, at: ModelPath, base: Path | None) -> Config:
    from estrategy.io.toml import structure

    table = document.get(at) if at else document.data
    for key in ("select", "ignore"):  # a single code stands for a list of one
        if isinstance(table.get(key), str):
            document = attrs.evolve(
                document, data=_replaced(document.data, (*at, key), [table[key]])
            )
    shape = structure(document, ConfigFile, at=at, error=ConfigError)
    if shape.settings:  # checked here, so that each problem names this file and its line
        from estrategy.analysis import setting_problems

        problems = document.problems()
        for path, message in setting_problems(shape.settings):
            problems.add((*at, "settings", *path), message)
        problems.raise_if_any(ConfigError)
    catalogue = shape.catalogue
    return Config(
        select=_codes(shape.select) if shape.select is not None else None,
        ignore=_codes(shape.ignore),
        severities={code.upper(): level for code, level in shape.severity.items()},
        settings=shape.settings,
        fail_on=shape.fail_on,
        catalogue=(base / catalogue if base is not None else Path(catalogue))
        if catalogue
        else None,
        source=None,
        lang=parse_language(shape.lang) if shape.lang else None,
        per_subject_ignores={
            subject: {code.strip().upper(): reason for code, reason in codes.items()}
            for subject, codes in shape.per_subject_ignores.items()
        },
    )


def _replaced(data: Mapping[str, Any], path: ModelPath, value: object) -> dict[str, Any]:
    """A copy of ``data`` with the value at ``path`` (keys only) replaced."""
    copy = dict(data)
    head, *rest = path
    assert isinstance(head, str)
    copy[head] = _replaced(copy[head], tuple(rest), value) if rest else value
    return copy


def config_from_mapping(data: Mapping[str, Any], where: str, base: Path | None = None) -> Config:
    """Build a :class:`Config` from a parsed table; ``where`` names it in error messages.

    Raises:
        ConfigError: an unknown key ("did you mean …?") or a value of the wrong type.

    Example:
        >>> config_from_mapping({"select": ["str"], "fail-on": "warning"}, "flags").select
        ('STR',)
    """
    from estrategy.io.toml import TomlDocument

    return _config(TomlDocument(where, data), (), base)


def load_config(path: Path) -> Config:
    """Read a configuration file (``estrategy.toml`` or ``pyproject.toml``).

    Raises:
        ConfigError: the file cannot be read or parsed, or has an unexpected shape.
    """
    document, at = _read(path)
    if at is None:
        return Config(source=path)
    return attrs.evolve(_config(document, at, path.parent), source=path)


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
                if _read(project)[1] is not None:
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
