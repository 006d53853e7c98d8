"""Every TOML file kind is read by one reader and reports problems the same located way.

Configuration, ``pyproject.toml``, catalogue, column-mapping, ``organization.toml`` and
maturity-model files: a value of the wrong type is a ``file:line:col: path: message``
error of the kind's own class (a :class:`LoadError`), never an ``AttributeError``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from estrategy.catalogue import Catalogue, CatalogueError
from estrategy.cli import main
from estrategy.io import LoadError
from estrategy.io.orgcsv import read_mapping, read_organization
from estrategy.maturity import load_maturity_model
from estrategy.settings import ConfigError, load_config

FIXTURE = Path(__file__).parents[1] / "fixtures" / "lefevre.yaml"
LOCATED = re.compile(r"^  \S+\.toml:\d+:\d+: \S")


def _org_folder(folder: Path, meta: str) -> Path:
    folder.mkdir()
    (folder / "people.csv").write_text("id,name\np1,Ana\n", encoding="utf-8")
    (folder / "organization.toml").write_text(meta, encoding="utf-8")
    return folder


def _read_config(path: Path) -> object:
    return load_config(path)


def _read_pyproject(path: Path) -> object:
    return load_config(path.rename(path.with_name("pyproject.toml")))


def _read_catalogue(path: Path) -> object:
    return Catalogue.from_toml(path)


def _read_mapping(path: Path) -> object:
    return read_mapping(path)


def _read_maturity(path: Path) -> object:
    return load_maturity_model(path)


def _read_meta(path: Path) -> object:
    folder = _org_folder(path.parent / "org", path.read_text(encoding="utf-8"))
    return read_organization(folder)


# (reader, error class, a file with a wrong type, the path its error names)
CASES: list[tuple[Callable[[Path], object], type[LoadError], str, str]] = [
    (_read_config, ConfigError, 'select = ["STR"]\n[severity]\nACT003 = 3\n', "severity.ACT003"),
    (_read_config, ConfigError, 'select = ["STR"]\nsettings = "x"\n', "settings"),
    (_read_config, ConfigError, 'fail-on = "sometimes"\n', "fail-on"),
    (
        _read_pyproject,
        ConfigError,
        '[tool.estrategy]\nignore = [["STR"]]\n',
        "tool.estrategy.ignore[0]",
    ),
    (_read_catalogue, CatalogueError, "[tactics]\nevents = 3\n", "tactics.events"),
    (
        _read_catalogue,
        CatalogueError,
        '[tactics.events]\nchannel = "digital"\npresupposes = "cm"\n',
        "tactics.events.presupposes",
    ),
    (_read_catalogue, CatalogueError, "[roles]\ncm = []\n", "roles.cm"),
    (_read_catalogue, CatalogueError, '[tool_sides]\nfax = "front"\n', "tool_sides.fax"),
    (_read_mapping, LoadError, '[people]\nid = true\nmanager = "Boss"\n', "people.id"),
    (_read_mapping, LoadError, 'people = "x"\n', "people"),
    (_read_mapping, LoadError, 'make_ids = "yes"\n', "make_ids"),
    (_read_meta, LoadError, 'name = "Acme"\nsize = 12\n', "size"),
    (_read_maturity, LoadError, "[levels]\nnames = 3\n", "levels.names"),
]


@pytest.mark.parametrize(("read", "error", "text", "path"), CASES)
def test_a_wrong_type_is_a_located_error_of_the_files_kind(
    tmp_path: Path, read: Callable[[Path], object], error: type[LoadError], text: str, path: str
) -> None:
    file = tmp_path / "file.toml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(error) as caught:
        read(file)
    lines = str(caught.value).splitlines()[1:]
    assert lines, str(caught.value)
    assert all(LOCATED.match(line) for line in lines), lines
    assert any(f": {path}: " in line for line in lines), lines
    assert "attribute" not in str(caught.value)


def test_the_line_and_column_are_those_of_the_wrong_value(tmp_path: Path) -> None:
    file = tmp_path / "estrategy.toml"
    file.write_text('select = ["STR"]\n\n[severity]\nSTR = "error"\nACT003 = 3\n')
    with pytest.raises(ConfigError) as caught:
        load_config(file)
    assert [str(e) for e in caught.value.errors] == [
        f"{file}:5:1: severity.ACT003: expected a severity (error, warning, info), got the number 3"
    ]


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    file = tmp_path / "map.toml"
    file.write_text('make_ids = 1\npeople_file = false\n[people]\nidd = "X"\n')
    with pytest.raises(LoadError) as caught:
        read_mapping(file)
    assert [(e.line, e.path) for e in caught.value.errors] == [
        (1, ("make_ids",)),
        (2, ("people_file",)),
        (3, ("people",)),
    ]
    assert "did you mean 'id'" in str(caught.value)


def test_a_broken_configuration_exits_2_with_the_located_message(tmp_path: Path) -> None:
    config = tmp_path / "estrategy.toml"
    config.write_text("[settings]\nupward_hops = 2\n[severity]\nACT003 = []\n")
    result = CliRunner().invoke(main, ["check", str(FIXTURE), "--config", str(config)])
    assert result.exit_code == 2
    assert f"{config}:4:1: severity.ACT003: expected a severity" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_readers_still_read_good_files(tmp_path: Path) -> None:
    config = tmp_path / "estrategy.toml"
    config.write_text(
        "ignore = 'str005'\nfail-on = 'Warning'\n[settings]\noff_track_tolerance = 0.5\n"
    )
    read = load_config(config)
    assert read.ignore == ("STR005",)
    assert str(read.fail_on) == "warning"
    assert dict(read.settings) == {"off_track_tolerance": 0.5}
    # settings are floats, not decimals
    assert type(read.settings["off_track_tolerance"]) is float
    catalogue = tmp_path / "catalogue.toml"
    catalogue.write_text('[tactics.events]\nchannel = "digital"\npresupposes = ["cm"]\n')
    assert Catalogue.from_toml(catalogue).presupposes("events") == ("cm",)


_SCALARS = st.one_of(
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text("abcSTR01 -", max_size=6),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["a", "id", "channel", "names", "default"]), inner, max_size=3
        )
    ),
    max_leaves=8,
)
_KEYS: dict[str, list[str]] = {
    "config": ["select", "ignore", "fail-on", "catalogue", "severity", "settings"],
    "catalogue": ["tactics", "roles", "tool_sides"],
    "mapping": ["people", "unit_parent", "people_file", "make_ids"],
    "maturity": ["version", "name", "levels", "thresholds", "quadrant", "steps", "dimensions"],
}
_READERS: dict[str, tuple[Callable[[Path], object], type[LoadError]]] = {
    "config": (_read_config, ConfigError),
    "catalogue": (_read_catalogue, CatalogueError),
    "mapping": (_read_mapping, LoadError),
    "maturity": (_read_maturity, LoadError),
}


@st.composite
def _files(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    kind = draw(st.sampled_from(sorted(_KEYS)))
    data = draw(st.dictionaries(st.sampled_from(_KEYS[kind]), _VALUES, min_size=1, max_size=4))
    return kind, data


@given(_files())
def test_any_shape_is_read_or_refused_with_the_kinds_error(
    tmp_path_factory: pytest.TempPathFactory, file: tuple[str, dict[str, Any]]
) -> None:
    kind, data = file
    path = tmp_path_factory.mktemp(kind) / f"{kind}.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    read, error = _READERS[kind]
    refused: LoadError | None = None
    try:
        read(path)
    except error as caught:  # any other exception fails the test
        refused = caught
    if refused is not None:
        assert refused.errors
        assert all(e.source == str(path) and e.line is not None for e in refused.errors)
