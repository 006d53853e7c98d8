"""Excel workbooks: lossless and deterministic round trips, typed cells, the starter workbook."""

from __future__ import annotations

import datetime as dt
import io as bytes_io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.hostile import HOSTILE

from estrategy import io
from estrategy.io._layout import CHILD_TABLES, Kind, layout
from estrategy.io.excel import sheet_reference, starter_workbook
from estrategy.model import (
    KPI,
    Action,
    Measurement,
    Objective,
    Organization,
    Person,
    SituationAnalysis,
    StrategyModel,
    Tactic,
    integrity_problems,
)
from estrategy.testing import models

openpyxl = pytest.importorskip("openpyxl")


def _save(model: StrategyModel, folder: Path, name: str = "plan.xlsx") -> Path:
    path = folder / name
    io.save(model, path)
    return path


def _book(path: Path) -> Any:
    return openpyxl.load_workbook(path)


@pytest.fixture(scope="module")
def lefevre() -> StrategyModel:
    return io.load(Path(__file__).parents[1] / "fixtures" / "lefevre.yaml")


@pytest.fixture(scope="module")
def workbook(lefevre: StrategyModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference model saved as a workbook, once for the module."""
    return _save(lefevre, tmp_path_factory.mktemp("lefevre"))


@pytest.fixture(scope="module")
def book(workbook: Path) -> Any:
    return _book(workbook)


def test_lefevre_round_trips_and_saves_the_same_bytes(
    lefevre: StrategyModel, workbook: Path, tmp_path: Path
) -> None:
    assert io.load(workbook) == lefevre
    again = tmp_path / "again.xlsx"
    io.save(io.load(workbook), again)
    assert again.read_bytes() == workbook.read_bytes()  # same model, same bytes


# A workbook costs a tenth of a second to write and read back on a busy machine (openpyxl
# writes each sheet through a temporary file): a sixth of the profile's examples.
@settings(max_examples=max(3, settings().max_examples // 6))
@given(models())
def test_any_model_round_trips_through_a_workbook(model: StrategyModel) -> None:
    from estrategy.io._xlsx_read import load_xlsx
    from estrategy.io._xlsx_write import workbook_bytes

    back, _ = load_xlsx(workbook_bytes(model), "plan.xlsx", None, io.DEFAULT_LIMITS, False)
    assert back == model


def test_the_metadata_is_fixed(workbook: Path) -> None:
    with zipfile.ZipFile(workbook) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "1980-01-01T00:00:00Z" in core
    assert "estrategy" in core


def test_one_sheet_per_table_with_the_documented_header(book: Any) -> None:
    titles = ["About", *(table.title for table in layout().tables), "Lists"]
    assert book.sheetnames == titles
    assert book["Lists"].sheet_state == "hidden"
    for table in layout().tables:
        sheet = book[table.title]
        assert [cell.value for cell in sheet[1]] == [column.key for column in table.columns]
        assert sheet.freeze_panes in ("A2", "B2")
        assert all(cell.comment is not None for cell in sheet[1])  # input hints
    about = book["About"]
    assert [about.cell(row=r, column=1).value for r in range(1, 4)] == [
        "field",
        "schema_version",
        "name",
    ]


def test_cells_are_typed(book: Any) -> None:
    actions = book["Actions"]
    header = [cell.value for cell in actions[1]]
    budget = actions.cell(row=2, column=header.index("budget") + 1)
    deadline = actions.cell(row=2, column=header.index("deadline") + 1)
    tools = actions.cell(row=2, column=header.index("tools") + 1)
    assert budget.value == 12000
    assert budget.data_type == "n"
    assert budget.number_format == '#,##0.00 "EUR"'  # the model's currency
    assert deadline.value == dt.datetime(2027, 3, 31)  # a real date
    assert deadline.number_format == "yyyy-mm-dd"
    assert tools.value == "tool-crm"
    people = book["People"]
    assert people.cell(row=2, column=9).value is True  # decision_maker, a real boolean
    assert book["About"]["B5"].value == dt.datetime(2026, 11, 15)  # as_of


def test_drop_downs_offer_choices_and_ids(tmp_path: Path) -> None:
    path = tmp_path / "starter.xlsx"
    path.write_bytes(starter_workbook())
    book = _book(path)
    rules = {
        (str(rule.sqref).split(":")[0], rule.formula1): rule
        for rule in book["Tactics"].data_validations.dataValidation
    }
    kinds = next(rule for (cell, _), rule in rules.items() if cell == "C2")
    assert kinds.formula1.startswith("Lists!$")  # tactic kinds, from the hidden sheet
    strategy = next(rule for (cell, _), rule in rules.items() if cell == "D2")
    assert "Strategies!$A" in strategy.formula1  # a tactic's strategy: the strategies' ids
    tools = next(
        rule
        for rule in book["Actions"].data_validations.dataValidation
        if str(rule.sqref).startswith("F2")
    )
    assert "Tools!$A" in tools.formula1
    assert not tools.showErrorMessage  # several ids: offered, never refused
    values = {cell.value for row in book["Lists"].iter_rows(min_row=2) for cell in row}
    assert "content_marketing" in values


_TEXTS = [
    "=SUM(A1:A3)",
    "+33 6 12",
    "-1",
    "@cmd",
    "yes",
    "",
    " lead",
    "trail ",
    "a\rb",
    "multi\nline",
    "x\x01y\x1f",
    "\ufffe\uffff",
    "_x0041_",
    "é ü 中 😀",
    "1.5",
    "2026-01-01",
    "TRUE",
    *HOSTILE.values(),  # the corpus every output kind is tested with
]


def test_any_text_round_trips_and_a_formula_stays_text(tmp_path: Path) -> None:
    model = StrategyModel(
        name='=HYPERLINK("http://x")',
        mission="",
        organization=Organization(
            people=[
                Person(id=f"p{i}", name=text, attributes={text: text, "x": text})
                for i, text in enumerate(_TEXTS)
            ]
        ),
        situation=SituationAnalysis(strengths=_TEXTS, weaknesses=[*_TEXTS[:3], ""]),
        objectives=[Objective(id=f"o{i}", metric=text) for i, text in enumerate(_TEXTS)],
    )
    path = _save(model, tmp_path)
    assert io.load(path) == model
    with zipfile.ZipFile(path) as archive:
        assert not any(
            b"<f>" in archive.read(name) for name in archive.namelist() if "worksheets" in name
        )
    assert _book(path)["About"]["B3"].data_type == "s"


_BUDGETS = ["0", "0.10", "12000.50", "1E+3", "123456789012345678901234567.89", "0.000001"]


def test_budgets_round_trip_exactly(tmp_path: Path) -> None:
    model = StrategyModel(
        tactics=[Tactic(id="t")],
        actions=[
            Action(id=f"a{i}", tactic="t", budget=Decimal(budget))
            for i, budget in enumerate(_BUDGETS)
        ],
    )
    path = _save(model, tmp_path)
    assert [a.budget for a in io.load(path).actions] == [Decimal(b) for b in _BUDGETS]
    cells = [row[6] for row in _book(path)["Actions"].iter_rows(min_row=2)]
    # a number where a double holds it exactly, digit for digit as text otherwise
    assert [cell.data_type for cell in cells] == ["n", "n", "n", "n", "s", "n"]


def test_numbers_and_dates_round_trip_exactly(tmp_path: Path) -> None:
    values = [0.1 + 0.2, 1e-05, 1e20, 1.5e300, -2.5, 123456789.125, 5e-324]
    model = StrategyModel(
        objectives=[Objective(id="o", baseline=-0.0, target=2 / 3, deadline=dt.date(1, 1, 1))],
        kpis=[
            KPI(
                id="k",
                measurements=[
                    Measurement(date=dt.date(1899 + i, 12, 31), value=v)
                    for i, v in enumerate(values)
                ],
            )
        ],
    )
    assert io.load(_save(model, tmp_path)) == model


def test_every_field_of_the_model_has_a_place() -> None:
    """A field added to the model gets a column, with no other change."""
    placed = {column.attribute for column in layout().about}
    classes = {table.cls: table for table in layout().tables}
    for cls, table in classes.items():
        keys = {column.key for column in table.columns}
        for field in attrs.fields(cls):
            assert field.name in keys or (cls, field.name) in CHILD_TABLES, (cls, field.name)
    assert ("name",) in placed
    assert ("organization", "size") in placed
    assert ("situation", "competitors") in placed


def test_reference_columns_name_what_the_integrity_check_checks() -> None:
    for table in layout().tables:
        for column in table.columns:
            if not column.refers_to or not column.attribute or table.parent:
                continue
            target = layout().table(column.refers_to)
            value = ["missing"] if column.kind is Kind.LIST else "missing"
            samples = {Kind.DATE: "2026-01-01", Kind.NUMBER: 1}
            row = {c.key: samples.get(c.kind, "x") for c in table.columns if c.required}
            data: dict = {"schema_version": 1}
            holder = data
            for key in table.path[:-1]:
                holder = holder.setdefault(key, {})
            holder[table.path[-1]] = [{**row, column.key: value}]
            assert target.columns[0].key == "id"  # drop-downs list the first column
            with pytest.raises(io.LoadError) as caught:
                io.from_data(data)
            paths = {error.path[: len(table.path) + 2] for error in caught.value.errors}
            assert (*table.path, 0, column.key) in paths, (table.name, column.key)


def test_sheet_reference_lists_every_sheet() -> None:
    text = sheet_reference()
    for table in layout().tables:
        assert f"| {table.title} |" in text


def test_integrity_of_the_examples() -> None:
    """The starter's example rows form a whole model: each refers to the others."""
    from estrategy.io._xlsx_examples import examples

    rows = examples()
    kpi = rows["kpis"][1]
    model = StrategyModel(
        stakes=[rows["stakes"][1]],
        objectives=[rows["objectives"][1]],
        strategies=[rows["strategies"][1]],
        tactics=[rows["tactics"][1]],
        actions=[rows["actions"][1]],
        kpis=[attrs.evolve(kpi, measurements=[rows["measurements"][1]])],
        reviews=[rows["reviews"][1]],
        tools=[rows["tools"][1]],
        organization=Organization(
            units=[rows["units"][1]],
            people=[rows["people"][1]],
            groups=[rows["groups"][1]],
            ties=[rows["ties"][1]],
        ),
    )
    assert integrity_problems(model) == []
    assert set(rows) == {table.name for table in layout().tables}


def test_a_workbook_is_a_zip_of_known_parts(workbook: Path) -> None:
    with zipfile.ZipFile(bytes_io.BytesIO(workbook.read_bytes())) as archive:
        names = archive.namelist()
    assert "xl/workbook.xml" in names
    assert not any("vba" in name.lower() for name in names)


@attrs.frozen
class Suppression:
    """A list of small records, like the suppressions an element may carry."""

    code: str
    reason: str = ""


@attrs.frozen
class Holder:
    ignore: tuple[Suppression, ...] = ()


@given(
    st.lists(
        st.builds(Suppression, st.text(min_size=1, max_size=8), st.text(max_size=20)), max_size=3
    )
)
def test_a_list_of_records_is_one_readable_reversible_cell(records: list[Suppression]) -> None:
    from estrategy.io._convert import converter
    from estrategy.io._layout import _column
    from estrategy.io._tabular import plain
    from estrategy.io._xlsx_read import decode
    from estrategy.io._xlsx_write import _text

    column = _column(Holder, attrs.fields(Holder).ignore, tuple[Suppression, ...])
    assert column.kind is Kind.RECORDS
    holder = Holder(ignore=tuple(records))
    text = _text(column, plain(column, holder.ignore))
    cell = openpyxl.cell.read_only.ReadOnlyCell(None, 1, 1, text, "s")
    back = converter().structure({"ignore": decode(column, cell)}, Holder) if text else Holder()
    assert back == holder


def test_the_records_cell_reads_like_prose() -> None:
    from estrategy.io._layout import _column
    from estrategy.io._tabular import plain
    from estrategy.io._xlsx_write import _text

    column = _column(Holder, attrs.fields(Holder).ignore, tuple[Suppression, ...])
    value = (Suppression("STR001", "kept on purpose; see the board"), Suppression("ACT003"))
    assert _text(column, plain(column, value)) == (
        "code=STR001, reason=kept on purpose\\; see the board; code=ACT003"
    )


@pytest.mark.parametrize("through", ["workbook", "frames"])
def test_an_organisation_from_elsewhere_stays_a_reference(tmp_path: Path, through: str) -> None:
    folder = tmp_path / "org"
    folder.mkdir()
    (folder / "units.csv").write_text("id,name,parent\nhq,Head office,\nsales,Sales,hq\n")
    (folder / "people.csv").write_text("id,name,unit,manager\nboss,Ann,hq,\nbob,Bob,sales,boss\n")
    (tmp_path / "plan.yaml").write_text(
        "schema_version: 1\norganization: {from: org/}\ntactics: [{id: t, owner_unit: sales}]\n",
        encoding="utf-8",
    )
    model = io.load(tmp_path / "plan.yaml")
    if through == "frames":
        pytest.importorskip("pandas")
        frames = io.to_frames(model)
        assert frames["about"]["organization.from"][0] == "org/"
        assert frames["people"].empty
        assert io.from_frames(frames, base_dir=tmp_path) == model
        return
    path = _save(model, tmp_path)
    book = _book(path)
    assert book["About"]["B8"].value == "org/"  # organization.from
    assert book["People"].max_row == 1  # the people stay in their CSV files
    assert io.load(path) == model
