"""Round trips: what is saved loads back equal, byte for byte the same each time."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings

from estrategy import io
from estrategy.model import Action, Organization, Person, StrategyModel, Tactic, Tie
from estrategy.testing import models

HALF = settings.get_profile("half")

FORMATS = ["yaml", "json", "toml"]
EXTENSIONS = {"yaml": ".yaml", "json": ".json", "toml": ".toml"}


@pytest.fixture
def lefevre(lefevre_path: Path) -> StrategyModel:
    return io.load(lefevre_path)


def test_lefevre_loads(lefevre: StrategyModel) -> None:
    assert lefevre.name == "Lefèvre digital plan 2027"
    assert lefevre.as_of == dt.date(2026, 11, 15)
    assert lefevre.actions[0].budget == Decimal(12000)
    assert len(lefevre.organization.people) == 12


@pytest.mark.parametrize("fmt", FORMATS)
def test_lefevre_round_trips_through_a_file(
    lefevre: StrategyModel, tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"plan{EXTENSIONS[fmt]}"
    io.save(lefevre, path)
    assert io.load(path) == lefevre
    io.save(io.load(path), path)
    assert io.load(path) == lefevre


@pytest.mark.parametrize("fmt", FORMATS)
def test_dumps_is_deterministic(lefevre: StrategyModel, fmt: str) -> None:
    text = io.dumps(lefevre, fmt)
    assert io.dumps(lefevre, fmt) == text
    assert io.dumps(io.loads(text, fmt), fmt) == text


def test_dumps_is_readable_block_yaml(lefevre: StrategyModel) -> None:
    text = io.dumps(lefevre)
    assert text.startswith(
        "schema_version: 1\nname: Lefèvre digital plan 2027\nas_of: 2026-11-15\n"
    )
    assert "{" not in text  # block style throughout
    assert "[" not in text
    assert "null" not in text  # None is left out
    assert "currency" not in text  # the default, EUR, is left out
    assert "budget: 12000\n" in text
    assert "baseline: 40\n" in text


def test_minimal_model_writes_version_and_name() -> None:
    for fmt in FORMATS:
        data = io.loads(io.dumps(StrategyModel(), fmt), fmt)
        assert data == StrategyModel()
    assert io.dumps(StrategyModel()) == 'schema_version: 1\nname: ""\n'


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "budget", ["0", "0.10", "12000.50", "1E+3", "123456789012345678901234567.89", "0.000001"]
)
def test_budgets_round_trip_exactly(fmt: str, budget: str) -> None:
    model = StrategyModel(
        tactics=[Tactic(id="t")], actions=[Action(id="a", tactic="t", budget=Decimal(budget))]
    )
    back = io.loads(io.dumps(model, fmt), fmt)
    assert back.actions[0].budget == Decimal(budget)
    assert str(back.actions[0].budget) == format(Decimal(budget), "f")


@pytest.mark.parametrize("fmt", FORMATS)
def test_tricky_texts_round_trip(fmt: str) -> None:
    texts = [
        "yes",
        "no",
        "null",
        "~",
        "true",
        "1",
        "1.5",
        "2026-01-01",
        "0x10",
        "#x",
        "- a",
        "a: b",
        "'q'",
        '"dq"',
        "multi\nline",
        " lead",
        "trail ",
        "é ü 中",
        "",
        "*x",
        "&y",
        "!tag",
        "@a",
        "%b",
    ]
    people = [Person(id=f"p{i}", name=text) for i, text in enumerate(texts)]
    model = StrategyModel(name="x", organization=Organization(people=people))
    assert io.loads(io.dumps(model, fmt), fmt) == model


@HALF
@given(models())
def test_any_model_round_trips_in_every_format(model: StrategyModel) -> None:
    for fmt in FORMATS:
        text = io.dumps(model, fmt)
        assert io.loads(text, fmt) == model, fmt
        assert io.dumps(model, fmt) == text


@HALF
@given(models())
def test_data_round_trips(model: StrategyModel) -> None:
    assert io.from_data(io.to_data(model)) == model


def test_to_data_leaves_defaults_out() -> None:
    model = StrategyModel(
        name="x",
        organization=Organization(
            people=[Person(id="a"), Person(id="b", attributes={"site": "Rennes"})],
            ties=[Tie(source="a", target="b")],
        ),
    )
    assert io.to_data(model) == {
        "schema_version": 1,
        "name": "x",
        "organization": {
            "people": [{"id": "a"}, {"id": "b", "attributes": {"site": "Rennes"}}],
            "ties": [{"source": "a", "target": "b"}],
        },
    }


def test_from_data_reports_paths_without_lines() -> None:
    with pytest.raises(io.LoadError) as caught:
        io.from_data({"schema_version": 1, "tactics": [{"id": "t", "knd": "events"}]})
    (error,) = caught.value.errors
    assert (error.source, error.line, error.path) == ("<data>", None, ("tactics", 0, "knd"))
    assert str(error) == "<data>: tactics[0].knd: unknown key 'knd' (did you mean 'kind'?)"


def test_save_is_atomic_when_serialising_fails(
    lefevre: StrategyModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.yaml"
    io.save(lefevre, path)
    before = path.read_bytes()

    def broken(_data: object) -> str:
        raise RuntimeError("serialiser failed")

    monkeypatch.setattr("estrategy.io._yaml.write_yaml", broken)
    with pytest.raises(RuntimeError):
        io.save(StrategyModel(name="other"), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["plan.yaml"]


def test_save_leaves_no_temporary_file_when_writing_fails(
    lefevre: StrategyModel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.json"
    io.save(lefevre, path)
    before = path.read_bytes()

    def no_rename(_src: object, _dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(OSError, match="disk full"):
        io.save(StrategyModel(name="other"), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["plan.json"]


def test_save_keeps_permissions(lefevre: StrategyModel, tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    io.save(lefevre, path)
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)
    io.save(lefevre, path)
    assert path.stat().st_mode & 0o777 == 0o600


def test_format_argument_overrides_extension(lefevre: StrategyModel, tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    io.save(lefevre, path, format="json")
    assert path.read_text(encoding="utf-8").startswith("{")
    assert io.load(path, format="json") == lefevre
    with pytest.raises(ValueError, match="unknown format"):
        io.dumps(lefevre, "xml")


def test_positions_of_lefevre(lefevre_path: Path) -> None:
    document = io.load_document(lefevre_path)
    assert document.source == str(lefevre_path)
    assert document.format == "yaml"
    locate = document.positions.locate
    assert locate(("tactics", 2)) == io.Position(122, 5)
    assert locate(("actions", 1, "budget")) == locate(("actions", 1))  # no budget: the item
    assert locate(("actions", 0, "budget")) == io.Position(135, 5)
    assert locate(("organization", "people", 6, "skills", 2)) == io.Position(45, 57)
    assert locate(()) is not None


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_positions_in_json_and_toml(lefevre: StrategyModel, fmt: str) -> None:
    text = io.dumps(lefevre, fmt)
    document = io.loads_document(text, fmt)
    lines = text.splitlines()
    position = document.positions.locate(("actions", 2, "budget"))
    assert position is not None
    assert lines[position.line - 1].lstrip().startswith(("budget", '"budget"'))


def test_load_demo() -> None:
    demo = io.load_demo()
    assert demo.name
    assert io.loads(io.dumps(demo)) == demo


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbers_and_odd_keys_round_trip(fmt: str) -> None:
    from estrategy.model import KPI, Measurement, Objective

    values = [1e-05, 1e20, 1.5e300, 0.1, -2.5, 3.0, 123456789.125]
    model = StrategyModel(
        objectives=[Objective(id="o", baseline=-0.0, target=1e-7)],
        kpis=[
            KPI(
                id="k",
                measurements=[
                    Measurement(date=dt.date(2026, 1, i + 1), value=v) for i, v in enumerate(values)
                ],
            )
        ],
        organization=Organization(
            people=[Person(id="p", attributes={"Cost Center: x": "1", "#": "", "true": "null"})]
        ),
    )
    assert io.loads(io.dumps(model, fmt), fmt) == model


def test_plain_yaml_only_where_unambiguous() -> None:
    names = ["Anne", "true", "- x", "a: b", "x #y", "12"]
    people = [Person(id=f"p{i}", name=name) for i, name in enumerate(names)]
    text = io.dumps(StrategyModel(organization=Organization(people=people)))
    assert "name: Anne\n" in text
    for quoted in ['"true"', '"- x"', '"a: b"', '"x #y"', '"12"']:
        assert f"name: {quoted}\n" in text


def test_toml_positions_inside_inline_tables() -> None:
    text = """\
schema_version = 1
units_note = "the units below are inline tables"

[organization]
units = [
    { id = "hq" },
    { id = "sales", parent = "hqq" },  # a typo
]
people = [{ id = "ann", unit = "hq" }]
"""
    with pytest.raises(io.LoadError) as caught:
        io.loads(text.replace('units_note = "the units below are inline tables"\n', ""), "toml")
    (error,) = caught.value.errors
    assert (error.line, error.column) == (6, 21)
    assert error.path == ("organization", "units", 1, "parent")
    document = io.loads_document(text.replace("hqq", "hq").replace("units_note", "name"), "toml")
    assert document.positions.locate(("organization", "people", 0, "unit")) == io.Position(9, 25)


def _paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found: list[tuple[str | int, ...]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found.append((*path, key))
            found.extend(_paths(item, (*path, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.append((*path, index))
            found.extend(_paths(item, (*path, index)))
    return found


@HALF
@given(models(max_tactics=3, max_actions=3))
def test_every_key_and_item_has_its_own_position(model: StrategyModel) -> None:
    data = io.to_data(model)
    for fmt in ("yaml", "json"):
        text = io.dumps(model, fmt)
        document = io.loads_document(text, fmt)
        lines = text.splitlines()
        for path in _paths(data):
            assert path in document.positions.entries, (fmt, path)
            line, column = document.positions.entries[path][:2]
            if isinstance(path[-1], str) and path[-1].isidentifier():
                key = lines[line - 1][column - 1 :]
                assert key.startswith((path[-1], f'"{path[-1]}"')), (fmt, path, key)
    assert hash(document) == hash(document)
