"""The organisation tables live in the model layer; estrategy.org keeps re-exporting them."""

from __future__ import annotations

import numpy as np
import pytest

import estrategy.org
from estrategy.model import Organization, OrganizationSize, Person
from estrategy.model import tables as model_tables
from estrategy.model.tables import NONE, as_tables, build_tables


@pytest.mark.parametrize(
    "name", ["NONE", "CodeList", "OrgTables", "as_tables", "tables_from_organization"]
)
def test_org_re_exports_the_model_tables(name: str) -> None:
    assert getattr(estrategy.org, name) is getattr(model_tables, name)


def test_graph_names_stay_lazy_re_exports() -> None:
    from estrategy.io.graph import org_graph

    assert estrategy.org.org_graph is org_graph
    assert "tie_graph" in dir(estrategy.org)


def _one_person(**changes: object) -> dict[str, object]:
    columns: dict[str, object] = {
        "name": "Demo",
        "size": OrganizationSize.SMALL,
        "unit_ids": [],
        "unit_parent": [],
        "person_ids": ["ann"],
        "person_unit": [NONE],
        "person_manager": [NONE],
        "person_supervisor": [NONE],
        "person_external": [False],
        "person_decision_maker": [False],
        "roles": [[]],
        "skills": [["crm"]],
        "group_ids": [],
        "group_kind": [],
        "group_objective": [],
        "group_deadline": [],
        "member_group": [],
        "member_person": [],
        "tie_source": [0],
        "tie_target": [0],
        "tie_esn": [True],
        "tie_weight": [2],
    }
    columns.update(changes)
    return columns


def test_build_tables_converts_every_column() -> None:
    tables = build_tables(**_one_person())  # type: ignore[arg-type]
    assert tables.unit_parent.dtype == np.int32
    assert tables.person_external.dtype == np.bool_
    assert tables.tie_weight.dtype == np.float64
    assert tables.group_kind.dtype == np.int8
    assert tables.person_names == ("",)
    assert tables.skills.row(0) == ("crm",)
    assert tables.attributes == {}
    assert tables.pair_a.tolist() == []  # the self-tie is left out of the pairs


def test_build_tables_refuses_codes_out_of_range() -> None:
    with pytest.raises(ValueError, match="person_manager holds codes outside"):
        build_tables(**_one_person(person_manager=[3]))  # type: ignore[arg-type]


def test_as_tables_builds_once_per_organisation() -> None:
    organization = Organization(people=[Person(id="a")])
    first = as_tables(organization)
    assert as_tables(organization) is first
    assert as_tables(first) is first
