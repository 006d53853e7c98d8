"""The catalogue of bad model files: each fails fast, clearly, at the right line.

Every file in ``tests/fixtures/bad/`` marks the line of its problem with ``# <- error``
(JSON has no comments: its line is given here). Each must raise ``LoadError`` naming the
problem and that line, and the CLI must exit 2 without a traceback. The command runs in
click's test runner, through the same ``main`` as ``python -m estrategy`` (whose start-up
is tested once, in ``tests/cli/test_errors.py``). How fast they fail is measured by
``benchmarks/bad_files.py``, not here: timing on a shared machine is noise.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from estrategy import io
from estrategy.cli import main
from estrategy.io import LoadError

BAD = Path(__file__).parents[1] / "fixtures" / "bad"

# file -> (words the message must contain, line when the file has no `# <- error` mark)
CASES: dict[str, tuple[str, int | None]] = {
    "typo-key.yaml": ("unknown key 'stratgy' (did you mean 'strategy'?)", None),
    "dangling-reference.yaml": ("unknown tactic 't-blgo' (did you mean 't-blog'?)", None),
    "wrong-type.yaml": ("expected a list, got the text 'tool-crm'", None),
    "duplicate-id.yaml": ("duplicate tactic id 't-1'", None),
    "duplicate-key.yaml": ("duplicate key 'kind'", None),
    "alias-bomb.yaml": ("anchors and aliases", None),
    "empty.yaml": ("empty", 1),
    "top-level-list.yaml": ("top level must be a mapping", None),
    "missing-schema-version.yaml": ("schema_version is missing", None),
    "future-schema-version.yaml": ("schema_version 99 is not supported", None),
    "python-object-tag.yaml": ("tag !!python/object/apply:os.system is not allowed", None),
    "impossible-date.yaml": ("2026-02-30 is not a calendar date", None),
    "negative-budget.yaml": ("must be a finite number >= 0, got -500", None),
    "unknown-enum.yaml": ("'social_seling' is not a tactic kind", None),
    "syntax-error.yaml": ("YAML syntax error", None),
    "binary-junk.yaml": ("binary file", 2),
    "typo-key.json": ("unknown key 'knd' (did you mean 'kind'?)", 5),
    "duplicate-key.json": ("duplicate key 'name' (first at line 3)", 4),
    "wrong-type.json": ("expected true or false, got the text 'yes'", 7),
    "syntax-error.json": ("JSON syntax error", 4),
    "typo-key.toml": ("unknown key 'kindd' (did you mean 'kind'?)", None),
    "negative-budget.toml": ("must be a finite number >= 0, got -1.5", None),
    "impossible-date.toml": ("TOML syntax error", None),
    "dangling-reference.toml": ("unknown unit 'sails' (did you mean 'sales'?)", None),
}


def expected_line(path: Path, given: int | None) -> int:
    """The line marked ``# <- error`` in the file, else the given line."""
    if given is not None:
        return given
    lines = path.read_text(encoding="utf-8").splitlines()
    marked = [number for number, line in enumerate(lines, start=1) if "# <- error" in line]
    assert len(marked) == 1, f"{path.name} must mark exactly one line"
    return marked[0]


def _check_command(path: Path) -> tuple[int, str]:
    """``estrategy check PATH``: its exit code and its error output, checked traceback-free."""
    result = CliRunner().invoke(main, ["check", str(path)])
    assert isinstance(result.exception, SystemExit), result.exception  # not a crash
    assert "Traceback" not in result.output  # stdout and stderr
    return result.exit_code, result.stderr


def test_every_fixture_is_in_the_catalogue() -> None:
    assert sorted(path.name for path in BAD.iterdir()) == sorted(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_file_fails_at_its_line(name: str) -> None:
    path = BAD / name
    words, line = CASES[name]
    with pytest.raises(LoadError) as caught:
        io.load(path)
    first = caught.value.errors[0]
    assert first.source == str(path)
    assert first.line == expected_line(path, line)
    assert first.column is not None
    assert first.column >= 1
    assert words in first.message
    message = str(caught.value)
    assert message.splitlines()[0].startswith(f"1 problem in {path}")
    assert f"{path}:{first.line}:{first.column}: " in message


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_reports_bad_file_without_traceback(name: str) -> None:
    path = BAD / name
    _words, line = CASES[name]
    code, err = _check_command(path)
    assert code == 2
    assert f"{path}:{expected_line(path, line)}:" in err


def test_all_errors_of_a_file_are_reported_together() -> None:
    text = """\
schema_version: 1
name: Many problems
tactics:
  - {id: t-1, kind: event}
  - {id: t-2, audence: prospects}
actions:
  - {id: a-1, tactic: t-1, budget: -1}
  - {id: a-2, tactic: t-1, tools: x}
"""
    with pytest.raises(LoadError) as caught:
        io.loads(text, source="plan.yaml")
    found = [(error.line, error.path) for error in caught.value.errors]
    assert found == [
        (4, ("tactics", 0, "kind")),
        (5, ("tactics", 1, "audence")),
        (7, ("actions", 0, "budget")),
        (8, ("actions", 1, "tools")),
    ]
    assert str(caught.value).startswith("4 problems in plan.yaml:\n  plan.yaml:4:")


def test_every_integrity_problem_is_located() -> None:
    text = """\
schema_version: 1
name: Broken references
tactics:
  - {id: t-1, strategy: st-missing}
  - {id: t-1}
kpis:
  - id: k-1
    tactics: [t-1, t-zz]
"""
    with pytest.raises(LoadError) as caught:
        io.loads(text)
    located = {(error.path, error.line) for error in caught.value.errors}
    assert located == {
        (("tactics", 0, "strategy"), 4),
        (("tactics", 1, "id"), 5),
        (("kpis", 0, "tactics", 1), 8),
    }


def deep(depth: int, fmt: str) -> str:
    if fmt == "toml":
        return "schema_version = 1\nx = " + "[" * depth + "]" * depth + "\n"
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("fmt", ["yaml", "json", "toml"])
def test_100_000_deep_nesting_is_refused(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"deep.{fmt}"
    path.write_text(deep(100_000, fmt), encoding="utf-8")
    with pytest.raises(LoadError, match="nesting deeper than"):
        io.load(path)
    code, err = _check_command(path)
    assert code == 2
    assert "nesting deeper than" in err


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_deep_nesting_is_reported_at_its_line(fmt: str) -> None:
    text = "schema_version: 1\nname: x\nsituation:\n  strengths: " + deep(100, "json")
    if fmt == "json":
        text = (
            '{"schema_version": 1,\n"name": "x",\n"situation":\n {"strengths": '
            + deep(100, fmt)
            + "}}"
        )
    with pytest.raises(LoadError) as caught:
        io.loads(text, fmt)
    assert caught.value.errors[0].line == 4


def test_file_larger_than_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"schema_version: 1\nname: x\n" + b"# padding\n" * 1000)
    with pytest.raises(LoadError, match=r"Limits\.max_bytes"):
        io.load(path, limits=io.Limits(max_bytes=1000))


def test_too_many_values_are_refused() -> None:
    text = "schema_version: 1\nname: x\nsituation:\n  strengths: [" + "a, " * 100 + "a]\n"
    with pytest.raises(LoadError, match=r"Limits\.max_items") as caught:
        io.loads(text, limits=io.Limits(max_items=50))
    assert caught.value.errors[0].line == 4


def test_big_alias_free_file_is_read(tmp_path: Path) -> None:
    """A legitimate large file (20,000 tactics) stays well within the limits."""
    lines = ["schema_version: 1", "name: Large", "tactics:"]
    lines += [f"  - {{id: t-{i}, kind: events}}" for i in range(20_000)]
    path = tmp_path / "large.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = io.load_document(path)
    assert len(document.model.tactics) == 20_000
    assert document.positions.locate(("tactics", 19_999, "kind")) == io.Position(20_003, 19)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("schema_version: 1\nname: x\n---\nname: y\n", "more than one YAML document"),
        ("schema_version: 1\nname: !foo x\n", "tag !foo is not allowed"),
        ("schema_version: 1\nname: !!binary aGVsbG8=\n", "tag !!binary is not allowed"),
        ("schema_version: 1\n? [a, b]\n: 1\n", "a mapping key must be a plain name"),
        ("schema_version: 1\nname: &x y\n", "anchors and aliases"),
        ("schema_version: 1\nname: !!int abc\n", "is not a valid !!int value"),
        ("# only a comment\n", "the file is empty"),
        ("just text\n", "top level must be a mapping"),
        ("schema_version: true\nname: x\n", "expected a whole number, got true/false"),
        ("schema_version: 2\nname: x\n", "this release reads version 1"),
    ],
)
def test_yaml_guards(text: str, words: str) -> None:
    with pytest.raises(LoadError, match=re.escape(words)):
        io.loads(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "the file is empty"),
        ("[1, 2]", "top level must be a mapping"),
        ('{"schema_version": 1} x', "extra data"),
        ('{"schema_version": 1, "name": "a\nb"}', "Invalid control character"),
        ('{"schema_version": 1, "name": NaN}', "expected a value"),
        ("{'schema_version': 1}", "expected a key in double quotes"),
        ('{"schema_version": 1 "name": "x"}', "expected ',' or '}'"),
        ('{"schema_version": 1, "tactics": [{"id": "t"} {"id": "u"}]}', "expected ',' or ']'"),
    ],
)
def test_json_guards(text: str, words: str) -> None:
    with pytest.raises(LoadError, match=re.escape(words)):
        io.loads(text, "json")


def test_unknown_extension_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "model.txt"
    path.write_text("schema_version: 1\n", encoding="utf-8")
    with pytest.raises(LoadError, match="cannot tell the format"):
        io.load(path)
    assert io.load(path, format="yaml").schema_version == 1


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        io.load(tmp_path / "absent.yaml")
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    with pytest.raises(LoadError, match="folder"):
        io.load(folder)


def test_not_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("schema_version: 1\nname: Caf\u00e9\n".encode("latin-1"))
    with pytest.raises(LoadError, match="not UTF-8") as caught:
        io.load(path)
    assert (caught.value.errors[0].line, caught.value.errors[0].column) == (2, 10)


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfschema_version: 1\nname: x\n")
    assert io.load(path).name == "x"


def test_local_problems_are_reported_next_to_unknown_keys() -> None:
    """A misspelt key does not hide a negative budget or a bad id in the same object."""
    text = """\
schema_version: 1
tactics: [{id: t}]
actions:
  - {id: a, tactic: t, budget: -1, stauts: done}
  - {id: b c, tactic: t, bugdet: 3}
"""
    with pytest.raises(LoadError) as caught:
        io.loads(text)
    assert [(error.path, error.message.split(":")[0]) for error in caught.value.errors] == [
        (("actions", 0, "budget"), "must be a finite number >= 0, got -1"),
        (("actions", 0, "stauts"), "unknown key 'stauts' (did you mean 'status'?)"),
        (("actions", 1, "id"), "'b c' is not a valid id"),
        (("actions", 1, "bugdet"), "unknown key 'bugdet' (did you mean 'budget'?)"),
    ]
