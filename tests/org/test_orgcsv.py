"""Reading CSV folders: round trips, both engines, every kind of bad data, column mappings."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from estrategy.io.errors import LoadError
from estrategy.io.orgcsv import (
    PRESETS,
    read_mapping,
    read_organization,
    read_tables,
    tables_to_organization,
    write_folder,
)
from estrategy.model import Organization, Person, Tie, TransversalGroup, Unit
from estrategy.org import OrgTables

from . import hr_folder
from .strategies import small_organizations

ENGINES = ["python", "arrow"]


def same_tables(a: OrgTables, b: OrgTables) -> None:
    for name in ("unit_parent", "person_unit", "person_manager", "person_supervisor"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    for name in ("person_external", "person_decision_maker", "member_group", "member_person"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    for name in ("tie_source", "tie_target", "tie_esn", "tie_weight", "group_kind"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    assert (a.unit_ids, a.person_ids, a.group_ids) == (b.unit_ids, b.person_ids, b.group_ids)
    assert (a.person_names, a.unit_names, a.group_names) == (
        b.person_names,
        b.unit_names,
        b.group_names,
    )
    assert (a.group_objective, a.group_deadline) == (b.group_objective, b.group_deadline)
    assert a.roles.names == b.roles.names
    assert np.array_equal(a.roles.indptr, b.roles.indptr)
    assert np.array_equal(a.roles.indices, b.roles.indices)
    assert {k: dict(v) for k, v in a.attributes.items()} == {
        k: dict(v) for k, v in b.attributes.items()
    }


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(small_organizations())
def test_folder_round_trip_with_both_engines(
    tmp_path_factory: pytest.TempPathFactory, org: Organization
) -> None:
    folder = tmp_path_factory.mktemp("org")
    write_folder(org, folder)
    python = read_tables(folder, engine="python")
    arrow = read_tables(folder, engine="arrow")
    same_tables(python, arrow)
    back = read_organization(folder)
    assert back.people == org.people
    assert back.units == org.units
    assert back.groups == org.groups
    assert back.ties == org.ties


def test_extra_columns_are_kept(tmp_path: Path) -> None:
    folder = hr_folder(
        tmp_path / "org",
        units="id,name,parent,cost_centre\nhq,HQ,,C1\n",
        people="id,unit,site,grade\nann,hq,Lyon,\nbob,hq,Paris,B2\n",
    )
    org = read_organization(folder)
    assert [p.attributes for p in org.people] == [
        (("site", "Lyon"),),
        (("grade", "B2"), ("site", "Paris")),
    ]
    for engine in ENGINES:
        tables = read_tables(folder, engine=engine)  # type: ignore[arg-type]
        assert list(tables.attributes["unit"]["cost_centre"]) == ["C1"]


def test_people_file_alone_is_enough(tmp_path: Path) -> None:
    folder = hr_folder(tmp_path / "org", people="id,manager\nboss,\nann,boss\n")
    org = read_organization(folder)
    assert [(p.id, p.manager, p.name) for p in org.people] == [
        ("boss", None, ""),
        ("ann", "boss", ""),
    ]
    assert org.name == "org"


def test_organization_toml(tmp_path: Path) -> None:
    folder = hr_folder(
        tmp_path / "org",
        people="id\nann\n",
        **{"organization.toml": 'name = "Acme"\nsize = "large"\n'},
    )
    org = read_organization(folder)
    assert (org.name, org.size.value) == ("Acme", "large")


def errors_of(
    folder: Path, engine: str = "python"
) -> list[tuple[str, int | None, int | None, str]]:
    with pytest.raises(LoadError) as caught:
        read_tables(folder, engine=engine)  # type: ignore[arg-type]
    return [(Path(e.source).name, e.line, e.column, e.message) for e in caught.value.errors]


BAD = {
    "unknown manager": (
        {"people": "id,manager\nann,\nbob,zed\n"},
        [("people.csv", 3, 2, "unknown person 'zed'")],
    ),
    "unknown unit": (
        {"units": "id\nhq\n", "people": "id,unit\nann,hx\n"},
        [("people.csv", 2, 2, "unknown unit 'hx'")],
    ),
    "manager is a unit": (
        {"units": "id\nhq\n", "people": "id,manager\nann,hq\n"},
        [("people.csv", 2, 2, "'hq' is a unit, not a person")],
    ),
    "duplicate person": (
        {"people": "id\nann\nbob\nann\n"},
        [("people.csv", 4, 1, "duplicate person id 'ann'")],
    ),
    "id shared by a unit and a person": (
        {"units": "id\nann\n", "people": "id\nann\n"},
        [
            (
                "people.csv",
                2,
                1,
                "duplicate id 'ann': already a unit (units, people and groups share ids)",
            )
        ],
    ),
    "manager cycle": (
        {"people": "id,manager\nann,bob\nbob,cy\ncy,ann\ndan,ann\n"},
        [("people.csv", 2, 2, "manager cycle: ann -> bob -> cy -> ann")],
    ),
    "unit cycle": (
        {"units": "id,parent\na,b\nb,a\nc,\n", "people": "id\nann\n"},
        [("units.csv", 2, 2, "unit parent cycle: a -> b -> a")],
    ),
    "self manager": (
        {"people": "id,manager\nann,ann\n"},
        [("people.csv", 2, 2, "manager cycle: ann -> ann")],
    ),
    "missing required column": (
        {"people": "name\nAnn\n"},
        [("people.csv", 1, 1, "missing required column: id")],
    ),
    "missing tie column": (
        {"people": "id\nann\n", "ties": "source,kind\nann,esn\n"},
        [("ties.csv", 1, 1, "missing required column: target")],
    ),
    "bad boolean": (
        {"people": "id,external\nann,yes\n"},
        [("people.csv", 2, 2, "expected true or false, got 'yes'")],
    ),
    "bad date": (
        {"people": "id\nann\n", "groups": "id,kind,deadline\ng,project,30/06/2027\n"},
        [("groups.csv", 2, 3, "expected a date YYYY-MM-DD, got '30/06/2027'")],
    ),
    "bad group kind": (
        {"people": "id\nann\n", "groups": "id,kind\ng,club\n"},
        [
            (
                "groups.csv",
                2,
                2,
                "unknown group kind 'club'; known: project, community_of_practice, "
                "product_direction, market_direction, region_direction, support_function, "
                "esn_community",
            )
        ],
    ),
    "group kind in French": (
        {"people": "id\nann\n", "groups": "id,kind\ng,projet\n"},
        [
            (
                "groups.csv",
                2,
                2,
                "unknown group kind 'projet' (did you mean 'project'?); known: project, "
                "community_of_practice, product_direction, market_direction, region_direction, "
                "support_function, esn_community",
            )
        ],
    ),
    "tie kind misspelt": (
        {"people": "id\nann\nbob\n", "ties": "source,target,kind\nann,bob,Collaborations\n"},
        [
            (
                "ties.csv",
                2,
                3,
                "unknown tie kind 'Collaborations' (did you mean 'collaboration'?); known: "
                "collaboration, esn",
            )
        ],
    ),
    "unknown member": (
        {"people": "id\nann\n", "groups": "id\ng\n", "memberships": "group,person\ng,bob\nh,ann\n"},
        [
            ("memberships.csv", 2, 2, "unknown person 'bob'"),
            ("memberships.csv", 3, 1, "unknown group 'h'"),
        ],
    ),
    "bad tie": (
        {"people": "id\nann\nbob\n", "ties": "source,target,kind,weight\nann,bob,email,-1\n"},
        [
            ("ties.csv", 2, 3, "unknown tie kind 'email'; known: collaboration, esn"),
            ("ties.csv", 2, 4, "weight must be a number from 0 to 1e12, got '-1'"),
        ],
    ),
    "bad id": (
        {"people": "id\nann smith\n"},
        [
            (
                "people.csv",
                2,
                1,
                "'ann smith' is not a valid id: use letters, digits and - _ . : @ / +, "
                "starting with a letter or digit, no spaces",
            )
        ],
    ),
}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_data_is_reported_with_file_line_and_column(
    tmp_path: Path, case: str, engine: str
) -> None:
    files, expected = BAD[case]
    folder = hr_folder(tmp_path / "org", **files)
    assert errors_of(folder, engine) == expected


def test_every_error_is_reported_together(tmp_path: Path) -> None:
    folder = hr_folder(
        tmp_path / "org",
        units="id,parent\nhq,\nops,nowhere\n",
        people="id,unit,manager,external\nann,hq,,maybe\nbob,ops,zed,false\nann,hq,,\n",
        ties="source,target\nann,cy\n",
    )
    found = errors_of(folder)
    assert [(f, line) for f, line, _, _ in found] == [
        ("people.csv", 2),
        ("people.csv", 3),
        ("people.csv", 4),
        ("ties.csv", 2),
        ("units.csv", 3),
    ]


def test_lines_count_quoted_newlines(tmp_path: Path) -> None:
    folder = hr_folder(tmp_path / "org", people='id,name,manager\nann,"Ann\nSmith",\nbob,Bob,zed\n')
    assert errors_of(folder) == [("people.csv", 4, 3, "unknown person 'zed'")]
    assert (
        read_organization(hr_folder(tmp_path / "ok", people='id,name\nann,"Ann\nSmith"\n'))
        .people[0]
        .name
        == "Ann\nSmith"
    )


def test_not_a_folder(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="not a folder"):
        read_tables(tmp_path / "missing")


def test_missing_people_file(tmp_path: Path) -> None:
    folder = hr_folder(tmp_path / "org", units="id\nhq\n")
    assert errors_of(folder) == [("people.csv", None, None, "file not found")]


def test_booleans_tolerate_case_and_blanks(tmp_path: Path) -> None:
    folder = hr_folder(
        tmp_path / "org", people="id,external,decision_maker\na,TRUE,\nb,False,True\n"
    )
    for engine in ENGINES:
        tables = read_tables(folder, engine=engine)  # type: ignore[arg-type]
        assert tables.person_external.tolist() == [True, False]
        assert tables.person_decision_maker.tolist() == [False, True]


@pytest.mark.parametrize(
    ("preset", "header", "rows", "managers"),
    [
        ("chart", "Name,Reports_To", ["Ann,", "Bob,Ann"], [None, "Ann"]),
        ("chart-ids", "PersonID,Name,SupervisorID", ["1,Ann,", "2,Bob,1"], [None, "1"]),
        ("workplace", "PersonId,ManagerId,Organization", ["a,,hq", "b,a,hq"], [None, "a"]),
        (
            "scim",
            "employeeNumber,displayName,department,division,manager",
            ["e1,Ann,sales,commerce,", "e2,Bob,sales,commerce,e1"],
            [None, "e1"],
        ),
    ],
)
def test_presets(
    tmp_path: Path, preset: str, header: str, rows: list[str], managers: list[str | None]
) -> None:
    folder = hr_folder(tmp_path / "org", people="\n".join([header, *rows]) + "\n")
    org = read_organization(folder, mapping=PRESETS[preset])
    assert [p.manager for p in org.people] == managers
    if preset == "scim":
        assert [(u.id, u.parent) for u in org.units] == [("commerce", None), ("sales", "commerce")]
        assert [p.unit for p in org.people] == ["sales", "sales"]


def test_mapping_file(tmp_path: Path) -> None:
    (tmp_path / "map.toml").write_text(
        'people_file = "staff.csv"\n[people]\nid = "EmpID"\nmanager = "Boss"\n', encoding="utf-8"
    )
    mapping = read_mapping(tmp_path / "map.toml")
    folder = hr_folder(tmp_path / "org")
    (folder / "staff.csv").write_text("EmpID,Boss,Grade\nx1,\nx2,x1\n", encoding="utf-8")
    org = read_organization(folder, mapping=mapping)
    assert [p.manager for p in org.people] == [None, "x1"]
    (tmp_path / "bad.toml").write_text('[people]\nidd = "X"\n', encoding="utf-8")
    with pytest.raises(LoadError, match="unknown column"):
        read_mapping(tmp_path / "bad.toml")


def test_tables_to_organization_keeps_everything() -> None:
    org = Organization(
        name="x",
        units=[Unit(id="hq"), Unit(id="a", parent="hq")],
        people=[
            Person(id="p", unit="a", roles=["sales"], skills=["seo"], decision_maker=True),
            Person(id="q", external=True, supervisor="p", attributes=[("site", "Nice")]),
        ],
        groups=[TransversalGroup(id="g", members=["q", "p"], objective="o")],
        ties=[Tie(source="p", target="q", weight=2.0)],
    )
    from estrategy.org import tables_from_organization

    assert tables_to_organization(tables_from_organization(org)) == org


def test_small_chunks_give_the_same_tables_and_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from estrategy.io.orgcsv import _table as orgcsv

    folder = hr_folder(
        tmp_path / "org",
        units="id,parent\nhq,\na,hq\nb,hq\nc,a\n",
        people="id,unit,manager,roles\np1,a,p5,sales\np2,b,,\np3,c,p1,it;sales\np4,a,p3,\np5,hq,,\n",
        ties="source,target\np1,p2\np3,p4\np5,p1\n",
    )
    whole = read_tables(folder, engine="python")
    monkeypatch.setattr(orgcsv, "_CHUNK", 2)
    same_tables(read_tables(folder, engine="python"), whole)
    bad = hr_folder(
        tmp_path / "bad",
        people="id,manager\np1,\np2,p1\np3,p9\np1,p2\np5,p3\n",
        ties="source,target\np1,p2\np2,px\np3,p1\np1,py\n",
    )
    assert errors_of(bad) == [
        ("people.csv", 4, 2, "unknown person 'p9'"),
        ("people.csv", 5, 1, "duplicate person id 'p1'"),
        ("ties.csv", 3, 2, "unknown person 'px'"),
        ("ties.csv", 5, 2, "unknown person 'py'"),
    ]


def test_presets_make_ids_from_names(tmp_path: Path) -> None:
    folder = hr_folder(
        tmp_path / "org",
        people="Name,Reports_To\nHélène Roux,\nJean-Marc O'Neil,Hélène Roux\n",
    )
    org = read_organization(folder, mapping=PRESETS["chart"])
    assert [(p.id, p.name, p.manager) for p in org.people] == [
        ("Helene-Roux", "Hélène Roux", None),
        ("Jean-Marc-O-Neil", "Jean-Marc O'Neil", "Helene-Roux"),
    ]
    scim = hr_folder(
        tmp_path / "scim",
        people="employeeNumber,department,division,manager\n"
        "1,Sales EMEA,Commercial,\n2,Sales EMEA,Commercial,1\n",
    )
    org = read_organization(scim, mapping=PRESETS["scim"])
    assert [(u.id, u.name, u.parent) for u in org.units] == [
        ("Commercial", "Commercial", None),
        ("Sales-EMEA", "Sales EMEA", "Commercial"),
    ]


def test_made_ids_that_collide_are_duplicates(tmp_path: Path) -> None:
    folder = hr_folder(tmp_path / "org", people="Name,Reports_To\nAnn Lee,\nAnn  Lee,\n")
    with pytest.raises(LoadError, match="duplicate person id 'Ann-Lee'"):
        read_organization(folder, mapping=PRESETS["chart"])
