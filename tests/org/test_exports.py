"""Real exports as they come: weekly person queries, collaboration queries, Parquet, ids.

Both engines must read them alike; the vivainsights-shaped export (written by
:func:`estrategy.testing.hr_export.write_workplace_export`) goes through ``estrategy org
FOLDER --mapping workplace`` with no hand edits.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from estrategy.cli import main
from estrategy.io.errors import LoadError
from estrategy.io.orgcsv import PRESETS, ColumnMapping, read_tables, write_folder
from estrategy.model import Organization, Person, Tie, TransversalGroup, Unit
from estrategy.testing.hr_export import write_workplace_export

from .test_orgcsv import same_tables

ENGINES = ["python", "arrow"]


def both(folder: Path, **options: object):  # type: ignore[no-untyped-def]
    python = read_tables(folder, engine="python", **options)  # type: ignore[arg-type]
    arrow = read_tables(folder, engine="arrow", **options)  # type: ignore[arg-type]
    same_tables(python, arrow)
    assert python.notes == arrow.notes
    assert python.not_given == arrow.not_given
    return arrow


@pytest.fixture(scope="module")
def workplace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("viva")
    write_workplace_export(folder, people=40, weeks=3, outsiders=4, manager=False, seed=2)
    return folder


def test_a_workplace_export_goes_through_with_no_hand_edits(workplace: Path) -> None:
    result = CliRunner().invoke(main, ["org", str(workplace), "--mapping", "workplace"])
    assert result.exit_code == 0, result.output
    assert "44 people" in result.stdout  # 40 measured, 4 found only in the collaborations
    assert "no ManagerId column: span of control and depth are not computed" in result.stderr
    assert "120 rows for 40 people; the latest row of each person is read" in result.stderr
    assert "4 people found only in collaboration_query.csv were added" in result.stderr
    assert "Span of control and depth: not computed" in result.stdout
    tables = both(workplace, mapping=PRESETS["workplace"])
    assert tables.n_people == 44
    assert len(tables.unit_ids) == 6  # the Organization values, made ids


def test_vivainsights_within_share_is_2i_over_2i_plus_e(workplace: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "org",
            str(workplace),
            "--mapping",
            "workplace",
            "--by",
            "Organization",
            "--within",
            "vivainsights",
            "--min-group-size",
            "1",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)["group_matrix"]
    assert (data["by"], data["definition"]) == ("unit", "vivainsights")
    # vivainsights divides each group's directed rows: within / all
    with (workplace / "collaboration_query.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    total = Counter(r["PrimaryCollaborator_Organization"] for r in rows)
    inside = Counter(
        r["PrimaryCollaborator_Organization"]
        for r in rows
        if r["PrimaryCollaborator_Organization"] == r["SecondaryCollaborator_Organization"]
    )
    made = {name: name.replace(" ", "-") for name in total}
    found = {g["group"]: g for g in data["per_group"]}
    for name, count in total.items():
        group = found[made[name]]
        assert group["within_share"] == pytest.approx(inside[name] / count)
        i, e = group["internal"], group["external"]
        assert group["within_share"] == pytest.approx(2 * i / (2 * i + e))


WEEKLY = (
    "PersonId,MetricDate,Organization,ManagerId\n"
    "ann,1/7/2024,Sales,\n"
    "bob,1/7/2024,Sales,ann\n"
    "ann,1/14/2024,Sales,\n"
    "bob,1/14/2024,IT,ann\n"
    "cy,1/14/2024,IT,bob\n"
)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_weekly_person_query_is_read_as_the_latest_row_of_each_person(
    tmp_path: Path, engine: str
) -> None:
    (tmp_path / "people.csv").write_text(WEEKLY, encoding="utf-8")
    latest = read_tables(tmp_path, mapping=PRESETS["workplace"], engine=engine)  # type: ignore[arg-type]
    assert latest.person_ids == ("ann", "bob", "cy")
    assert [latest.unit_ids[u] for u in latest.person_unit] == ["Sales", "IT", "IT"]
    options: dict[str, Any] = {"engine": engine, "as_of": dt.date(2024, 1, 10)}
    earlier = read_tables(tmp_path, mapping=PRESETS["workplace"], **options)
    assert earlier.person_ids == ("ann", "bob")
    assert [earlier.unit_ids[u] for u in earlier.person_unit] == ["Sales", "Sales"]


def test_weekly_rows_are_checked_and_located(tmp_path: Path) -> None:
    text = WEEKLY + "cy,14/1/2024,IT,bob\nann,1/14/2024,Sales,\n"
    (tmp_path / "people.csv").write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        read_tables(tmp_path, mapping=PRESETS["workplace"])
    messages = [(e.line, e.message) for e in caught.value.errors]
    assert (7, "expected a date (YYYY-MM-DD or M/D/YYYY), got '14/1/2024'") in messages
    assert (8, "duplicate person id 'ann'") in messages  # two rows for its latest week


COLLABORATION = (
    "PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,"
    "PrimaryCollaborator_Organization,SecondaryCollaborator_Organization,Meetings\n"
    "ann,bob,Sales,IT,3\n"
    "bob,ann,IT,Sales,3\n"
    "ann,zoe,Sales,Legal,1\n"
    "zoe,ann,Legal,Sales,2\n"
)


@pytest.mark.parametrize("mode", ["add", "leave_out", "error"])
def test_people_found_only_in_the_collaborations(tmp_path: Path, mode: str) -> None:
    (tmp_path / "people.csv").write_text(WEEKLY, encoding="utf-8")
    (tmp_path / "ties.csv").write_text(COLLABORATION, encoding="utf-8")
    mapping = ColumnMapping(
        "custom",
        {**PRESETS["workplace"].people},
        make_ids=True,
        ties={**PRESETS["workplace"].ties},
        tie_people=mode,
        tie_prefixes=("PrimaryCollaborator_", "SecondaryCollaborator_"),
    )
    if mode == "error":
        with pytest.raises(LoadError) as caught:
            read_tables(tmp_path, mapping=mapping)
        found = [(e.line, e.column, e.message) for e in caught.value.errors]
        assert found == [(4, 2, "unknown person 'zoe'"), (5, 1, "unknown person 'zoe'")]
        return
    tables = both(tmp_path, mapping=mapping)
    weights = tables.tie_weight.tolist()
    assert weights[:2] == [3.0, 3.0]  # the weight column is Meetings
    if mode == "add":
        assert tables.person_ids == ("ann", "bob", "cy", "zoe")
        assert tables.unit_ids[tables.person_unit[3]] == "Legal"  # from its Organization
        assert (
            str(tables.notes[-1])
            == "1 person found only in ties.csv was added (with the attributes it gives them)"
        )
        assert len(tables.tie_source) == 4
    else:
        assert tables.person_ids == ("ann", "bob", "cy")
        assert (
            str(tables.notes[-1]) == "1 person found only in ties.csv was left out, with 2 tie rows"
        )
        assert len(tables.tie_source) == 2


@pytest.mark.parametrize("engine", ENGINES)
def test_ids_are_made_alike_in_every_file(tmp_path: Path, engine: str) -> None:
    (tmp_path / "units.csv").write_text("id,parent\nHead Office,\nSales EMEA,Head Office\n")
    (tmp_path / "people.csv").write_text(
        "Name,Reports_To,unit\nHélène Roux,,Head Office\nJo Lee,Hélène Roux,Sales EMEA\n"
    )
    (tmp_path / "ties.csv").write_text("source,target\nJo Lee,Hélène Roux\n")
    (tmp_path / "groups.csv").write_text("id\nTask Force\n")
    (tmp_path / "memberships.csv").write_text("group,person\nTask Force,Jo Lee\n")
    mapping = ColumnMapping(
        "custom", {"id": "Name", "name": "Name", "manager": "Reports_To"}, make_ids=True
    )
    tables = read_tables(tmp_path, mapping=mapping, engine=engine)  # type: ignore[arg-type]
    assert tables.unit_ids == ("Head-Office", "Sales-EMEA")
    assert tables.person_ids == ("Helene-Roux", "Jo-Lee")
    assert tables.group_ids == ("Task-Force",)
    assert (tables.member_person.tolist(), tables.tie_source.tolist()) == ([1], [1])


def test_an_invalid_id_is_reported_once_not_as_unknown_references(tmp_path: Path) -> None:
    units = "id,parent\nhq,\n" + "".join(f"u{i},hq\n" for i in range(3))
    people = "id,unit\n" + "".join(f"p{i},Sales EMEA\n" for i in range(300))
    (tmp_path / "units.csv").write_text(units + "Sales EMEA,hq\n")
    (tmp_path / "people.csv").write_text(people)
    with pytest.raises(LoadError) as caught:
        read_tables(tmp_path)
    found = sorted((Path(e.source).name, e.line, e.message) for e in caught.value.errors)
    assert [(name, line) for name, line, _ in found] == [("people.csv", 2), ("units.csv", 6)]
    assert all(m.startswith("'Sales EMEA' is not a valid id") for _, _, m in found)
    assert found[0][2].endswith("(300 rows; the first is here)")


def test_a_preset_says_which_columns_are_missing(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text("PersonId,MetricDate\nann,1/7/2024\n")
    tables = both(tmp_path, mapping=PRESETS["workplace"])
    assert tuple(map(str, tables.notes)) == (
        "people.csv has no ManagerId column: span of control and depth are not computed, "
        "and no manager link counts as a step towards a decision maker",
        "people.csv has no Organization column: people have no unit: there are no "
        "hierarchical lines, and the measures per line are not computed",
    )
    assert tables.not_given == frozenset({"people.manager", "people.unit"})


def _organization() -> Organization:
    return Organization(
        name="Parquet",
        units=[Unit(id="hq", name="HQ"), Unit(id="ops", name="Ops", parent="hq")],
        people=[
            Person(id="ann", name="Ann", unit="hq", decision_maker=True, roles=["exec"]),
            Person(id="bob", name="Bob, Jr", unit="ops", manager="ann", roles=["sales"]),
            Person(id="x", name="X", external=True, supervisor="bob"),
        ],
        groups=[TransversalGroup(id="g", members=["ann", "bob"])],
        ties=[Tie(source="ann", target="bob", weight=2.5), Tie(source="bob", target="x")],
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_parquet_files_read_like_csv_files(tmp_path: Path, engine: str) -> None:
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    write_folder(_organization(), tmp_path / "csv")
    (tmp_path / "pq").mkdir()
    (tmp_path / "csv" / "organization.toml").rename(tmp_path / "pq" / "organization.toml")
    for path in (tmp_path / "csv").glob("*.csv"):
        table = pacsv.read_csv(
            path,
            convert_options=pacsv.ConvertOptions(
                strings_can_be_null=False,
                column_types={n: pa.string() for n in path.read_text().splitlines()[0].split(",")},
            ),
        )
        pq.write_table(table, tmp_path / "pq" / f"{path.stem}.parquet")
    # typed columns too: booleans and numbers
    pq.write_table(
        pa.table({"source": ["ann", "bob"], "target": ["bob", "x"], "weight": [2.5, None]}),
        tmp_path / "pq" / "ties.parquet",
    )
    people = pq.read_table(tmp_path / "pq" / "people.parquet")
    people = people.set_column(
        people.schema.get_field_index("external"),
        "external",
        pa.array([False, False, True]),
    )
    pq.write_table(people, tmp_path / "pq" / "people.parquet")
    csv_tables = read_tables(tmp_path / "csv", engine=engine)  # type: ignore[arg-type]
    pq_tables = read_tables(tmp_path / "pq", engine=engine)  # type: ignore[arg-type]
    same_tables(csv_tables, pq_tables)


_NO_PANDAS = """
import sys
from estrategy.io.orgcsv import PRESETS, read_tables
from estrategy.org import analyze
for folder, mapping in zip(sys.argv[1::2], sys.argv[2::2]):
    preset = PRESETS[mapping] if mapping else None
    analyze(read_tables(folder, mapping=preset, engine="arrow"))
print("pandas" in sys.modules)
"""


def test_reading_and_analysing_an_export_imports_no_pandas(tmp_path: Path) -> None:
    # pyarrow imports pandas (a fifth of a second) whenever it converts a Python value
    # or makes a numpy array: the Arrow engine does neither
    import pyarrow as pa
    import pyarrow.parquet as pq

    write_folder(_organization(), tmp_path / "csv")
    (tmp_path / "pq").mkdir()
    pq.write_table(
        pa.table(
            {
                "id": ["ann", "bob", "x"],
                "manager": [None, "ann", None],
                "supervisor": ["", "", "bob"],
                "external": [False, False, True],
                "roles": [["exec"], ["sales", "ops"], []],
            }
        ),
        tmp_path / "pq" / "people.parquet",
    )
    pq.write_table(
        pa.table({"source": ["ann", "bob"], "target": ["bob", "x"], "weight": [2.5, None]}),
        tmp_path / "pq" / "ties.parquet",
    )
    write_workplace_export(tmp_path / "workplace", people=20, weeks=2, outsiders=2)
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            _NO_PANDAS,
            *(str(tmp_path / "csv"), ""),
            *(str(tmp_path / "pq"), ""),
            *(str(tmp_path / "workplace"), "workplace"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.split() == ["False"]
