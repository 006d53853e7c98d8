"""Hostile and broken input files of every kind: clean, located, bounded errors.

Model files (YAML, JSON, TOML), configuration files, catalogues and maturity models are
all read the same way; each test runs over every kind it concerns. Errors name the file
and a line, quote at most a short escaped excerpt of a value, and never hang or crash.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from estrategy.catalogue import Catalogue
from estrategy.cli import main
from estrategy.io import LoadError, load, loads
from estrategy.maturity import load_maturity_model
from estrategy.settings import load_config

Reader = Callable[[Path], object]

# Each kind of file, a valid document of it with one "{}" where a value goes.
KINDS: dict[str, tuple[Reader, str, str]] = {
    "yaml-model": (load, "plan.yaml", "schema_version: 1\nname: {}\n"),
    "json-model": (load, "plan.json", '{{"schema_version": 1, "name": {}}}'),
    "toml-model": (load, "plan.toml", "schema_version = 1\nname = {}\n"),
    "configuration": (load_config, "estrategy.toml", "select = [{}]\n"),
    "catalogue": (Catalogue.from_toml, "catalogue.toml", "[roles.x]\ncompetences = [{}]\n"),
    "maturity-model": (load_maturity_model, "mm.toml", "name = {}\n"),
}
IDS = list(KINDS)


def _line_of_value(kind: str) -> int:
    """The line of the value in a document of ``kind`` after one line of header."""
    template = KINDS[kind][2]
    return 2 + template[: template.index("{}")].count("\n")


def _write(tmp_path: Path, kind: str, raw: bytes) -> tuple[Reader, Path]:
    reader, name, _ = KINDS[kind]
    path = tmp_path / name
    path.write_bytes(raw)
    return reader, path


@pytest.mark.parametrize("kind", IDS)
def test_latin_1_bytes_name_the_file_the_line_and_utf_8(tmp_path: Path, kind: str) -> None:
    _reader, _name, template = KINDS[kind]
    text = template.format('"Équipe"').encode("latin-1")
    header = b"\n" if kind == "json-model" else b"# header\n"
    reader, path = _write(tmp_path, kind, header + text)
    with pytest.raises(LoadError) as caught:
        reader(path)
    (error,) = caught.value.errors
    assert error.source == str(path)
    assert error.line == _line_of_value(kind)
    assert "byte 0xc9" in error.message
    assert "(É in Latin-1 or Windows-1252?)" in error.message
    assert "save the file as UTF-8" in error.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
@pytest.mark.parametrize("kind", IDS)
def test_a_fifo_is_refused_without_blocking(tmp_path: Path, kind: str) -> None:
    reader, _name, _ = KINDS[kind]
    path = tmp_path / KINDS[kind][1]
    os.mkfifo(path)
    with pytest.raises(LoadError, match="not a regular file"):
        reader(path)


@pytest.mark.parametrize("kind", IDS)
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path, kind: str) -> None:
    reader, path = _write(tmp_path, kind, b"")
    with path.open("wb") as stream:  # sparse: 3 GB that take no room and are never read
        stream.truncate(3 * 1024**3)
    with pytest.raises(LoadError, match="more than the limit of"):
        reader(path)


def test_dev_zero_is_refused() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    readers: list[Reader] = [
        lambda path: load(path, format="yaml"),
        load_config,
        Catalogue.from_toml,
        load_maturity_model,
    ]
    for reader in readers:
        with pytest.raises(LoadError, match="not a regular file"):
            reader(Path("/dev/zero"))


@pytest.mark.parametrize("kind", ["toml-model", "configuration", "maturity-model"])
def test_an_integer_too_long_for_python_is_a_located_error(tmp_path: Path, kind: str) -> None:
    _reader, _name, template = KINDS[kind]
    text = "# header\n" + template.format("1" + "0" * 5_000)
    reader, path = _write(tmp_path, kind, text.encode())
    with pytest.raises(LoadError) as caught:
        reader(path)
    (error,) = caught.value.errors
    column = len(template.split("{}")[0].split("\n")[-1]) + 1
    assert (error.line, error.column) == (_line_of_value(kind), column)
    assert "more than 4,300 digits" in error.message
    assert len(str(caught.value)) < 300


_LONG = "x" * 100_000
# an escape sequence, as each format writes it inside quotes
_ESC = {"yaml": "\\e[2J", "json": "\\u001b[2J", "toml": "\\u001b[2J"}


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        ("yaml", 'schema_version: 1\nname: x\n? "{long}{esc}"\n: 1\n'),  # a long key
        ("yaml", 'schema_version: 1\nname: x\ntactics:\n  - id: t\n    kind: "{long}{esc}"\n'),
        ("yaml", 'schema_version: 1\nname: x\ntactics:\n  - id: "a {long}{esc}"\n'),
        (
            "json",
            '{{"schema_version": 1, "name": "x", "tactics": [{{"id": "t", "strategy": '
            '"{long}{esc}"}}]}}',
        ),
        ("toml", 'schema_version = 1\nname = "x"\n[[tools]]\nid = "t"\nkind = "{long}{esc}"\n'),
    ],
    ids=["unknown-key", "enum", "id", "reference", "toml-enum"],
)
def test_errors_quote_a_short_escaped_excerpt(fmt: str, text: str) -> None:
    with pytest.raises(LoadError) as caught:
        loads(text.format(long=_LONG, esc=_ESC[fmt]), format=fmt)
    message = str(caught.value)
    assert len(message) < 2_000, message[:300]
    assert "\x1b" not in message
    assert "xxxxxxxx…" in message


def test_a_setting_error_quotes_a_short_excerpt(tmp_path: Path) -> None:
    config = tmp_path / "estrategy.toml"
    config.write_text("[settings]\npull_tactic_kinds = [" + '"a", ' * 10_000 + '"b"]\n')
    with pytest.raises(LoadError) as caught:
        load_config(config)
    assert len(caught.value.errors) == 10_001  # every bad item, each at its place
    lines = str(caught.value).splitlines()
    assert len(lines) == 1 + 100 + 1  # 100 shown, then a count
    assert max(map(len, lines)) < 600


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("p.yaml", "schema_version: 1\nname: x\norganization:\n  from: ../elsewhere/hr\n"),
        (
            "p.json",
            '{"schema_version": 1, "name": "x", "organization": {"from": "../elsewhere/hr"}}',
        ),
        ("p.toml", 'schema_version = 1\nname = "x"\n[organization]\nfrom = "../elsewhere/hr"\n'),
    ],
)
def test_json_and_toml_models_read_only_inside_their_folder(
    tmp_path: Path, name: str, text: str
) -> None:
    (tmp_path / "elsewhere" / "hr").mkdir(parents=True)
    (tmp_path / "elsewhere" / "hr" / "people.csv").write_text("id,name\np1,Ana\n")
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / name).write_text(text)
    with pytest.raises(LoadError) as caught:
        load(plans / name)
    (error,) = caught.value.errors
    assert error.path == ("organization", "from")
    assert "outside the model's folder" in error.message
    assert "Ana" not in str(caught.value)


def test_an_object_with_two_invalid_values_reports_both() -> None:
    text = (
        "schema_version: 1\nname: x\ntactics:\n  - id: t\n"
        "actions:\n  - id: 'a 1'\n    tactic: t\n    budget: -5\n"
    )
    with pytest.raises(LoadError) as caught:
        loads(text)
    assert [(e.line, e.path[-1]) for e in caught.value.errors] == [(6, "id"), (8, "budget")]


def test_error_lines_cannot_rewrite_the_terminal(tmp_path: Path) -> None:
    name = "x\x1b[2J\nfake.yaml"
    result = CliRunner().invoke(main, ["check", str(tmp_path / name)])
    assert result.exit_code == 2
    assert "\x1b" not in result.output
    assert result.output.count("\n") == 2  # the count, then one line per problem


def test_a_big_model_in_toml_loads() -> None:
    # the shape that made the position scanner quadratic, as a real model of 5 MB
    tactic = '[[tactics]]\nid = "t{i}"\nname = "{hashes}"\nkind = "events"\nstrategy = "s"\n'
    text = 'schema_version = 1\nname = "x"\n[[strategies]]\nid = "s"\n' + "".join(
        tactic.format(i=i, hashes="# " * 300) for i in range(8_000)
    )
    assert len(text) > 5_000_000
    from estrategy.io import Limits

    model = loads(text, format="toml", limits=Limits(max_bytes=8_000_000))
    assert len(model.tactics) == 8_000
