"""Parquet columns read as Parquet gives them: integer ids, dictionary-coded texts.

The Arrow engine codes integer ids as numbers; whatever the file's types and encoding,
the tables and the errors must be those of the same data as plain text, and as CSV.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from estrategy.io.errors import LoadError
from estrategy.io.limits import DEFAULT_LIMITS
from estrategy.io.orgcsv import read_tables, write_folder
from estrategy.io.orgcsv._arrow import _read_arrow
from estrategy.io.orgcsv._files import Place
from estrategy.model import Organization

from .strategies import small_organizations
from .test_orgcsv import same_tables

ENGINES = ["python", "arrow"]


def _parquet_copy(csv_folder: Path, target: Path, *, coded: bool) -> Path:
    """The CSV folder's files as Parquet texts, every column dictionary-coded or none."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    target.mkdir()
    for path in csv_folder.iterdir():
        if path.suffix != ".csv":
            (target / path.name).write_bytes(path.read_bytes())
            continue
        header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
        table = pacsv.read_csv(
            path,
            convert_options=pacsv.ConvertOptions(
                column_types={h: pa.string() for h in header}, strings_can_be_null=False
            ),
        )
        if coded:
            # stored as Arrow dictionaries: read back coded whatever the reader asks
            table = pa.table({n: table.column(n).dictionary_encode() for n in table.column_names})
        pq.write_table(table, target / f"{path.stem}.parquet")
    return target


def _arrow_only(folder: Path) -> Any:
    """The folder read by the Arrow engine, which must not hand it to the Python one."""
    return _read_arrow(Place(folder, DEFAULT_LIMITS, False), None, True, None)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(small_organizations())
def test_coded_and_plain_parquet_read_like_csv(
    tmp_path_factory: pytest.TempPathFactory, org: Organization
) -> None:
    folder = tmp_path_factory.mktemp("org")
    write_folder(org, folder / "csv")
    csv_tables = read_tables(folder / "csv", engine="python")
    for coded in (False, True):
        parquet = _parquet_copy(folder / "csv", folder / f"pq-{coded}", coded=coded)
        same_tables(csv_tables, read_tables(parquet, engine="arrow"))


def _write(folder: Path, **tables: dict[str, Any]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(exist_ok=True)
    for stem, columns in tables.items():
        pq.write_table(pa.table(columns), folder / f"{stem}.parquet")
    return folder


_PEOPLE = {"id": [10, 20, 30, 40], "manager": [None, 10, 10, 20], "supervisor": [None] * 4}
_TIES = {"source": [10, 20, 30], "target": [20, 30, 40], "kind": ["", "esn", ""]}


def test_integer_ids_read_like_their_texts(tmp_path: Path) -> None:
    import pyarrow as pa

    memberships = {"group": ["g", "g"], "person": [40, 10]}
    numbers = _write(
        tmp_path / "numbers",
        people=_PEOPLE,
        ties={**_TIES, "weight": ["2", "", "0.5"]},
        groups={"id": ["g"]},
        memberships=memberships,
    )
    texts = _write(
        tmp_path / "texts",
        people={k: pa.array(v).cast(pa.string()).fill_null("") for k, v in _PEOPLE.items()},
        ties={
            k: pa.array(v).cast(pa.string()) for k, v in {**_TIES, "weight": [2, 1, 0.5]}.items()
        },
        groups={"id": ["g"]},
        memberships={k: pa.array(v).cast(pa.string()) for k, v in memberships.items()},
    )
    expected = read_tables(texts, engine="python")
    assert expected.person_ids == ("10", "20", "30", "40")
    same_tables(expected, _arrow_only(numbers))
    same_tables(expected, read_tables(numbers, engine="python"))
    # numbers spread far apart are looked up by hashing rather than by a table
    far = {**_PEOPLE, "id": [10, 20**12, 30, 40], "manager": [None, 10, 10, 20**12]}
    spread = _arrow_only(
        _write(tmp_path / "far", people=far, ties={"source": [10], "target": [30]})
    )
    assert spread.person_ids == ("10", str(20**12), "30", "40")
    assert spread.person_manager.tolist() == [-1, 0, 0, 1]


_BAD_ID = (
    "row 4: '-40' is not a valid id: use letters, digits and - _ . : @ / +, starting with a "
    "letter or digit, no spaces"
)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    ("people", "ties", "expected"),
    [
        (_PEOPLE, {**_TIES, "target": [20, 30, 50]}, ["row 3: unknown person '50'"]),
        (_PEOPLE, {**_TIES, "target": [20, 30, None]}, ["row 3: missing target"]),
        (
            {**_PEOPLE, "id": [10, 20, 30, 20]},
            _TIES,
            ["row 3: unknown person '40'", "row 4: duplicate person id '20'"],
        ),
        ({**_PEOPLE, "id": [10, 20, 30, -40]}, {**_TIES, "target": [20, 30, -40]}, [_BAD_ID]),
        (
            _PEOPLE,
            {**_TIES, "kind": ["", "esn", "vendor"]},
            ["row 3: unknown tie kind 'vendor'; known: collaboration, esn"],
        ),
        (
            _PEOPLE,
            {**_TIES, "weight": ["1", "-2", "1"]},
            ["row 2: weight must be a number from 0 to 1e12, got '-2'"],
        ),
    ],
)
def test_errors_in_integer_and_coded_columns_name_their_row(
    tmp_path: Path,
    engine: str,
    people: dict[str, Any],
    ties: dict[str, Any],
    expected: list[str],
) -> None:
    # the ties' kind and weight are dictionary-coded, as pyarrow writes texts
    with pytest.raises(LoadError) as caught:
        read_tables(_write(tmp_path, people=people, ties=ties), engine=engine)  # type: ignore[arg-type]
    assert sorted(e.message for e in caught.value.errors) == expected


def test_the_arrow_engine_keeps_integers_as_integers(tmp_path: Path) -> None:
    import pyarrow as pa

    from estrategy.io.orgcsv._errors import _Errors
    from estrategy.io.orgcsv._files import DataFile
    from estrategy.io.orgcsv._parquet import parquet_table

    _write(tmp_path, ties={**_TIES, "weight": [1.5, None, 2.0]})
    path = tmp_path / "ties.parquet"
    names, columns = parquet_table(
        DataFile(path.name, path, path.stat().st_size), _Errors(tmp_path)
    )
    types = dict(zip(names, (c.type for c in columns), strict=True))
    assert types == {
        "source": pa.int64(),
        "target": pa.int64(),
        "kind": pa.string(),
        "weight": pa.string(),  # numbers with a fraction are read as the texts they were
    }
