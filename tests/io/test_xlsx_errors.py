"""Workbooks edited by people and workbooks made by attackers: located errors, bounded reading."""

from __future__ import annotations

import datetime as dt
import io as bytes_io
import json
import re
import shutil
import subprocess
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from estrategy import io
from estrategy.cli import main
from estrategy.io._layout import layout
from estrategy.model import StrategyModel, format_path

openpyxl = pytest.importorskip("openpyxl")

FIXTURE = Path(__file__).parents[1] / "fixtures" / "lefevre.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def lefevre() -> StrategyModel:
    return io.load(FIXTURE)


@pytest.fixture(scope="module")
def workbook(lefevre: StrategyModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lefevre") / "plan.xlsx"
    io.save(lefevre, path)
    return path


def _problems(path: Path, **kwargs: Any) -> list[str]:
    with pytest.raises(io.LoadError) as caught:
        io.load(path, **kwargs)
    return [str(error) for error in caught.value.errors]


# --- a workbook edited by a person -------------------------------------------------------


@pytest.fixture(scope="module")
def edited(workbook: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference workbook, edited in openpyxl the way a person edits it in Excel."""
    book = openpyxl.load_workbook(workbook)
    actions = book["Actions"]
    actions["I2"] = "plannned"  # a typo in an enumeration
    actions["H3"] = "30/11/2026"  # a date typed as text
    actions["G4"] = "1 500,50"  # a budget typed the French way, as text
    actions["G5"] = "=SUM(G2:G4)"  # a formula
    actions["J1"] = "# our notes"  # a column of notes, never read
    actions["J2"] = "call Sophie first"
    actions.append([])  # empty trailing rows are ignored
    actions.append([None, None])
    tactics = book["Tactics"]
    tactics["G1"] = "nmae"  # a misspelt column
    measurements = book["Measurements"]
    measurements.append(["k-lead", dt.datetime(2026, 12, 1), 30])  # an unknown KPI
    about = book["About"]
    about.append(["nmae", "Plan"])  # a misspelt field
    about.append(["currency", "USD"])  # a field given twice
    about["C1"] = "# why"  # notes, never read
    about["C3"] = "the name the board chose"
    book.create_sheet("# scratch")["A1"] = "anything"  # a sheet of notes
    book.create_sheet("Tactcs")  # a misspelt sheet
    path = workbook.with_name("edited.xlsx")
    book.save(path)
    return path


def _located(path: Path, **kwargs: Any) -> list[tuple[str, str, str]]:
    """Each problem's cell, model path and message (whose wording may change; not where)."""
    with pytest.raises(io.LoadError) as caught:
        io.load(path, **kwargs)
    return [
        ((e.place or "").removeprefix(f"{path}:"), format_path(e.path), e.message)
        for e in caught.value.errors
    ]


def test_each_error_names_its_sheet_and_cell(edited: Path) -> None:
    found = _located(edited)
    assert [(cell, path) for cell, path, _ in found] == [
        ("About!A16", ""),
        ("About!B17", "currency"),
        ("Tactics!G1", "tactics"),
        ("Actions!I2", "actions[0].status"),
        ("Actions!H3", "actions[1].deadline"),
        ("Actions!G4", "actions[2].budget"),
        ("Actions!G5", "actions[3].budget"),
        ("Measurements!A5", "measurements"),
        ("Tactcs!A1", ""),
    ]
    messages = [message for _, _, message in found]
    for fragment, message in zip(
        [
            "'nmae' (did you mean 'name'?)",
            "'currency' appears twice",
            "unknown column 'nmae' (did you mean 'name'?)",
            "'plannned' is not an action status (did you mean 'planned'?)",
            "got the text '30/11/2026' (did you mean 2026-11-30?)",
            "got the text '1 500,50'",
            "the formula '=SUM(G2:G4)'",
            "unknown kpi 'k-lead' (did you mean 'k-leads'?)",
            "unknown sheet 'Tactcs' (did you mean 'Tactics'?)",
        ],
        messages,
        strict=True,
    ):
        assert fragment in message


def test_the_command_line_says_so_with_exit_2_and_no_traceback(edited: Path) -> None:
    code, out, err = run("check", str(edited))
    assert code == 2
    assert out == ""
    assert err.startswith(f"error: 9 problems in {edited}:\n  {edited}:About!A16: ")
    assert "Traceback" not in err
    assert f"{edited}:Actions!G5: actions[3].budget: the formula" in err


def test_broken_references_are_located_too(workbook: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book["Tactics"]["D3"] = "st-exr"
    book["Actions"].delete_cols(2)  # no tactic column: one problem, not one per row
    path = tmp_path / "refs.xlsx"
    book.save(path)
    ((cell, where, message),) = _located(path)
    assert (cell, where) == ("Actions!A1", "actions")
    assert "no 'tactic' column" in message
    book["Actions"].insert_cols(2)
    book["Actions"]["B1"] = "tactic"
    for row in range(2, book["Actions"].max_row + 1):
        book["Actions"].cell(row=row, column=2, value="t-social-selling")
    book.save(path)
    ((cell, where, message),) = _located(path)
    assert (cell, where) == ("Tactics!D3", "tactics[1].strategy")
    assert "'st-exr' (did you mean 'st-ext'?)" in message


def test_the_starter_workbook_loads_and_its_examples_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    code, out, _ = run("init", str(path))
    assert code == 0
    assert "Wrote" in out
    model = io.load(path)
    assert model.name == "My digital plan"
    assert model.actions == ()
    assert model.organization.people == ()
    assert run("check", str(path))[0] == 0
    # an edited example is a row like any other, and says what it refers to
    book = openpyxl.load_workbook(path)
    book["Actions"]["C2"] = "Publish one article a month"
    book.save(path)
    found = _located(path)
    assert [(cell, where) for cell, where, _ in found] == [
        ("Actions!B2", "actions[0].tactic"),
        ("Actions!E2", "actions[0].responsible"),
        ("Actions!F2", "actions[0].tools[0]"),  # an item of a list: its cell
    ]
    assert "'example-tactic'" in found[0][2]


def test_init_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(b"mine")
    assert run("init", str(path))[0] == 2
    assert path.read_bytes() == b"mine"


# --- the acceptance: the same findings as the YAML ----------------------------------------


_POSITIONS = {"file", "line", "column", "end_line", "end_column", "location", "region"}


def _positions_aside(report: dict[str, Any]) -> dict[str, Any]:
    """A JSON report without where the model and its findings are in their file."""
    kept = {key: value for key, value in report.items() if key not in _POSITIONS}
    kept["findings"] = [
        {key: value for key, value in finding.items() if key not in _POSITIONS}
        for finding in report["findings"]
    ]
    return kept


def test_check_of_the_workbook_gives_the_yaml_findings(
    workbook: Path, expected_findings: Callable[[Path], Counter[tuple[str, tuple[str, ...]]]]
) -> None:
    yaml_code, yaml_out, _ = run("check", str(FIXTURE), "--format", "json")
    xlsx_code, xlsx_out, _ = run("check", str(workbook), "--format", "json")
    assert xlsx_code == yaml_code
    assert _positions_aside(json.loads(xlsx_out)) == _positions_aside(json.loads(yaml_out))
    found = Counter((f["code"], tuple(f["subjects"])) for f in json.loads(xlsx_out)["findings"])
    assert found == expected_findings(FIXTURE)
    _, text, _ = run("check", str(workbook))
    assert f"{workbook}:Tactics!A4 STR001 [orphan-tactic]" in text  # positions are cells


# --- LibreOffice ---------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is missing")
def test_libreoffice_opens_the_workbook_with_the_documented_headers(
    workbook: Path, tmp_path: Path
) -> None:
    # one CSV per sheet (the last option, -1); UTF-8 (76), comma-separated (44)
    options = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", options, "--outdir", str(tmp_path), str(workbook)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip

    def header(title: str) -> str:
        return (tmp_path / f"plan-{title}.csv").read_text(encoding="utf-8").splitlines()[0]

    assert header("About") == "field,value"
    for table in layout().tables:
        assert header(table.title) == ",".join(column.key for column in table.columns)
    rows = (tmp_path / "plan-Actions.csv").read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("a-train-linkedin,t-social-selling,")
    assert ",12000,2027-03-31," in rows[1]  # the number and the date, not their serial


# --- safety --------------------------------------------------------------------------------


def _rezip(data: bytes, replace: dict[str, bytes], path: Path) -> Path:
    with (
        zipfile.ZipFile(bytes_io.BytesIO(data)) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            out.writestr(info.filename, replace.pop(info.filename, source.read(info)))
        for name, content in replace.items():
            out.writestr(name, content)
    return path


def test_what_is_not_a_plain_workbook_is_refused(workbook: Path, tmp_path: Path) -> None:
    cases = {
        "text.xlsx": b"schema_version: 1\n",
        "old.xlsx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100),
    }
    messages = {}
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        messages[name] = _problems(tmp_path / name)
    assert messages["text.xlsx"] == [
        f"{tmp_path / 'text.xlsx'}: this is not an .xlsx workbook (not a zip archive)"
    ]
    assert "old .xls workbook or an encrypted one" in messages["old.xlsx"][0]
    macros = _rezip(workbook.read_bytes(), {"xl/vbaProject.bin": b"\0"}, tmp_path / "m.xlsx")
    assert "this workbook holds macros: refused" in _problems(macros)[0]
    for suffix in (".xlsm", ".xls"):
        other = shutil.copy(workbook, tmp_path / f"plan{suffix}")
        assert "save it as .xlsx" in _problems(Path(other))[0]


def test_a_zip_bomb_is_refused_before_anything_is_unzipped(workbook: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(workbook) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    padded = sheet.replace(b"</worksheet>", b"<!--" + b" " * 3_000_000 + b"--></worksheet>")
    path = _rezip(workbook.read_bytes(), {"xl/worksheets/sheet1.xml": padded}, tmp_path / "b.xlsx")
    assert path.stat().st_size < 200_000
    (message,) = _problems(path, limits=io.Limits(max_unzipped_bytes=2_000_000))
    assert re.search(r"unzips to [\d,]+ bytes, more than the limit of 2,000,000", message)


def test_rows_and_cells_are_bounded(workbook: Path) -> None:
    (rows,) = _problems(workbook, limits=io.Limits(max_rows=40))
    assert "more than 40 rows (Limits.max_rows)" in rows
    (cells,) = _problems(workbook, limits=io.Limits(max_items=200))
    assert "more than 200 cells (Limits.max_items)" in cells


def test_xml_entity_bombs_are_refused(workbook: Path, tmp_path: Path) -> None:
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + b"".join(
            b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
            for i in range(1, 10)
        )
        + b']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    path = _rezip(workbook.read_bytes(), {"xl/worksheets/sheet1.xml": lol}, tmp_path / "x.xlsx")
    started = time.perf_counter()
    (message,) = _problems(path)
    assert "not a readable .xlsx workbook (EntitiesForbidden" in message
    assert time.perf_counter() - started < 30  # refused, not expanded (a generous bound)


def test_a_hostile_dimension_and_a_far_cell_cost_nothing(workbook: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(workbook) as archive:
        sheet = archive.read("xl/worksheets/sheet2.xml")  # Stakes
    sheet = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', sheet)
    sheet = sheet.replace(
        b"</sheetData>",
        b'<row r="9"><c r="XFD9" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
    )
    path = _rezip(workbook.read_bytes(), {"xl/worksheets/sheet2.xml": sheet}, tmp_path / "d.xlsx")
    ((cell, where, message),) = _located(path)
    assert (cell, where) == ("Stakes!XFD9", "stakes")
    assert "without a name" in message


def test_missing_openpyxl_names_the_extra(
    workbook: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    code, _, err = run("check", str(workbook))
    assert code == 2
    assert "reading .xlsx workbooks needs openpyxl: pip install 'estrategy[excel]'" in err
    assert "Traceback" not in err
    code, _, err = run("init", str(tmp_path / "plan.xlsx"))
    assert code == 2
    assert "writing .xlsx workbooks needs openpyxl: pip install 'estrategy[excel]'" in err
    assert not (tmp_path / "plan.xlsx").exists()


def test_reading_without_defusedxml_is_refused(
    workbook: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from estrategy.base.errors import MissingExtraError

    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(MissingExtraError, match=r"defusedxml: pip install 'estrategy\[excel\]'"):
        io.load(workbook)


def test_a_text_too_long_for_a_cell_writes_nothing(tmp_path: Path) -> None:
    from estrategy.io.excel import CellTooLongError

    path = tmp_path / "plan.xlsx"
    with pytest.raises(CellTooLongError, match=r"^mission: 40,000 characters, more than"):
        io.save(StrategyModel(mission="x" * 40_000), path)
    assert not path.exists()


def test_a_libreoffice_true_is_read_as_true(workbook: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    book["People"]["G2"] = "=TRUE()"  # how LibreOffice saves every true/false cell
    path = tmp_path / "lo.xlsx"
    book.save(path)
    assert io.load(path).organization.people[0].external is True
