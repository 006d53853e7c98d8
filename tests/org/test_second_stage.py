"""Weights, the group-to-group matrix, key-person risk, privacy, brokerage roles, what-if.

The vectorised analyses are checked against ``reference.py``'s brute force on random
organisations; the outputs and the command line on the reference model.
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from estrategy import io
from estrategy.cli import main
from estrategy.model import Organization, Person, StrategyModel, Tie, TransversalGroup, Unit
from estrategy.model.tables import as_tables
from estrategy.org import (
    analyze,
    brokerage_roles,
    group_matrix,
    key_person_risk,
    line_collaboration,
    pseudonymise,
    structural_holes,
)
from estrategy.settings import Config
from estrategy.whatif import SimulationError, simulate, without

from . import reference
from .strategies import small_organizations, weighted_organizations


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


# Weights


@given(weighted_organizations())
def test_line_collaboration_by_weight(org: Organization) -> None:
    expected = reference.weighted_collaboration(org)
    for line in line_collaboration(org).per_line:
        inside, outside = expected[line.line]
        assert (line.internal_weight, line.external_weight) == pytest.approx((inside, outside))
        total = inside + outside
        if total:
            assert line.weighted_within_share == pytest.approx(inside / total)
            assert line.weighted_ei_index == pytest.approx((outside - inside) / total)
        else:
            assert line.weighted_within_share is None


@settings(max_examples=15)
@given(weighted_organizations())
def test_strength_and_weighted_constraint_match_networkx(org: Organization) -> None:
    graph = reference.weighted_tie_graph(org)
    expected = nx.constraint(graph, weight="weight") if graph.number_of_edges() else {}
    holes = structural_holes(org)
    for person, strength, constraint in zip(
        holes.people, holes.strength, holes.weighted_constraint, strict=True
    ):
        assert strength == pytest.approx(graph.degree(person, weight="weight"))
        if strength > 0:
            assert constraint == pytest.approx(expected[person])
        else:
            assert constraint is None


@settings(max_examples=15)
@given(weighted_organizations(), st.data())
def test_structural_holes_of_some_people_are_theirs_among_everyone(
    org: Organization, data: st.DataObject
) -> None:
    # the leading brokers are measured alone: what they read (their contacts' strengths
    # and degrees) must be what measuring everyone reads
    everyone = structural_holes(org)
    n = len(everyone.people)
    chosen = data.draw(st.lists(st.integers(0, n - 1), unique=True, max_size=n)) if n else []
    some = structural_holes(org, people=chosen)
    for position, i in enumerate(chosen):
        assert some.people[position] == everyone.people[i]
        for field in ("degree", "effective_size", "constraint", "strength"):
            assert getattr(some, field)[position] == getattr(everyone, field)[i], field
        assert some.weighted_constraint[position] == pytest.approx(everyone.weighted_constraint[i])


def test_an_empty_weight_is_one_in_every_source(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    (tmp_path / "csv").mkdir()
    (tmp_path / "csv" / "people.csv").write_text("id\na\nb\n", encoding="utf-8")
    (tmp_path / "csv" / "ties.csv").write_text("source,target,weight\na,b,\n", encoding="utf-8")
    (tmp_path / "pq").mkdir()
    pq.write_table(pa.table({"id": ["a", "b"]}), tmp_path / "pq" / "people.parquet")
    pq.write_table(
        pa.table({"source": ["a"], "target": ["b"], "weight": pa.array([None], pa.float64())}),
        tmp_path / "pq" / "ties.parquet",
    )
    graphml = tmp_path / "org.graphml"
    graphml.write_text(
        '<graphml><key id="r" for="edge" attr.name="relation"/>'
        '<key id="w" for="edge" attr.name="weight"/><key id="k" for="node" attr.name="kind"/>'
        '<graph><node id="a"><data key="k">person</data></node>'
        '<node id="b"><data key="k">person</data></node><edge source="a" target="b">'
        '<data key="r">ties</data><data key="w"></data></edge></graph></graphml>',
        encoding="utf-8",
    )
    for source in (tmp_path / "csv", tmp_path / "pq", graphml):
        assert io.load_organization(source).tie_weight.tolist() == [1.0], source


# The group-to-group matrix


@given(weighted_organizations())
def test_group_matrix_against_brute_force(org: Organization) -> None:
    assume(org.people)  # without people there is no column to group by
    expected = reference.group_pairs(org, "team")
    matrix = group_matrix(org, by="team")
    found = {(p.a, p.b): (p.ties, p.weight) for p in matrix.pairs}
    assert found.keys() == expected.keys()
    for key, (ties, weight) in expected.items():
        assert found[key][0] == ties
        assert found[key][1] == pytest.approx(weight)
    directed = reference.directed_within_share(org, "team")
    viva = group_matrix(org, by="team", definition="vivainsights")
    for share in viva.per_group:
        assert share.within_share == pytest.approx(directed.get(share.group))
        inside, outside = share.internal, share.external
        assert inside is not None
        assert outside is not None
        if inside + outside:  # vivainsights: 2I / (2I + E); ours: I / (I + E)
            assert share.within_share == pytest.approx(2 * inside / (2 * inside + outside))
            ours = next(g for g in matrix.per_group if g.group == share.group)
            assert ours.within_share == pytest.approx(inside / (inside + outside))


def test_group_matrix_by_line_is_the_line_collaboration(lefevre_path: Path) -> None:
    org = io.load(lefevre_path).organization
    matrix = group_matrix(org)
    lines = line_collaboration(org)
    assert matrix.groups == lines.lines
    assert np.array_equal(matrix.matrix("ties"), lines.matrix().astype(float))
    shares = matrix.matrix("share")
    assert np.allclose(shares.sum(axis=1)[shares.sum(axis=1) > 0], 1.0)
    with pytest.raises(ValueError, match="no person attribute 'Organisation'"):
        group_matrix(org, by="Organisation")


# Key-person risk


@settings(max_examples=20)
@given(small_organizations())
def test_key_person_risk_is_what_each_removal_breaks(org: Organization) -> None:
    expected = reference.key_people(org)
    risk = key_person_risk(org, top=len(org.people))
    for i, person in enumerate(risk.people):
        unjoined, cut, share = expected[person]
        assert risk.line_pair_counts[i] == unjoined, person
        assert risk.field_role_counts[i] == cut, person
        assert risk.join_shares[i] == pytest.approx(share), person


@settings(max_examples=20)
@given(small_organizations(), st.integers(0, 6))
def test_the_top_key_people_lead_the_ranking_of_everyone(org: Organization, top: int) -> None:
    everyone = key_person_risk(org, top=len(org.people)).top
    assert key_person_risk(org, top=top).top == everyone[:top]


@given(
    st.lists(st.tuples(st.integers(0, 3), st.sampled_from([0.0, 0.25, 0.5, 1.0])), max_size=30),
    st.integers(0, 35),
)
def test_the_leaders_are_the_head_of_a_full_sort(people: list[tuple[int, float]], top: int) -> None:
    # many equal totals and shares: the partitions must keep every tie at their bounds
    from estrategy.org.risk import _leaders

    totals = np.array([t for t, _ in people], dtype=np.int64)
    shares = np.array([s for _, s in people], dtype=np.float64)
    full = np.lexsort((np.arange(len(people)), -shares, -totals))
    assert _leaders(totals, shares, top).tolist() == full[:top].tolist()


def test_key_people_of_the_reference_model(lefevre_path: Path) -> None:
    risk = key_person_risk(io.load(lefevre_path))
    by_person = {k.person: k for k in risk.top}
    assert by_person["p-cm"].actions == ("a-shoot",)
    assert by_person["p-web-coord"].field_roles == ("p-cm",)
    assert by_person["p-sales1"].line_pairs == (("sales", "marketing"),)
    assert "p-it" not in by_person or by_person["p-it"].line_pair_count == 0  # it is all of it
    assert len(risk.to_dict()["top"]) == len(risk.top)


# Privacy


def test_aggregates_of_small_groups_are_withheld(lefevre_path: Path) -> None:
    model = io.load(lefevre_path)
    withheld = analyze(model).to_dict()
    sales = next(x for x in withheld["collaboration"]["per_line"] if x["line"] == "sales")
    assert sales["withheld"] is True
    assert sales["internal"] is None
    assert sales["within_share"] is None
    assert "sales" in withheld["withheld"]
    assert withheld["min_group_size"] == 5
    shown = analyze(model, min_group_size=1).to_dict()
    sales = next(x for x in shown["collaboration"]["per_line"] if x["line"] == "sales")
    assert (sales["internal"], sales["external"]) == (0, 1)
    code, out, _ = run("org", str(lefevre_path))
    assert code == 0
    assert "sales                    withheld: 2 people, fewer than 5" in out


def test_tie_counts_between_lines_touching_a_small_line_are_withheld() -> None:
    model = io.load_demo()  # lines of 6, 6, 5, 4 and 4 people
    small = set(analyze(model).withheld)
    withheld = {(x.a, x.b): x for x in analyze(model).transversality.links}
    shown = {(x.a, x.b): x for x in analyze(model, min_group_size=1).transversality.links}
    assert withheld.keys() == shown.keys()  # which lines are joined is the chart, kept
    touching = {pair for pair in shown if small & set(pair)}
    assert touching
    assert touching != shown.keys()
    for pair, link in withheld.items():
        assert link.groups == shown[pair].groups
        assert link.ties == (None if pair in touching else shown[pair].ties)


def test_pseudonyms_everywhere_and_the_key_nowhere(tmp_path: Path, lefevre_path: Path) -> None:
    people = list(io.load(lefevre_path).organization.people)
    secret = "correct horse battery staple"
    for output_format in ("text", "json"):
        code, out, err = run(
            "org",
            str(lefevre_path),
            "--pseudonymise",
            secret,
            "--format",
            output_format,
            "--export",
            str(tmp_path / f"o-{output_format}.graphml"),
            "--names",
        )
        assert code == 0, err
        exported = (tmp_path / f"o-{output_format}.graphml").read_text(encoding="utf-8")
        for text in (out, err, exported):
            assert secret not in text
            for person in people:
                assert person.id not in text.replace("p-" + "0" * 16, "")
                assert person.name not in text
    tables = as_tables(io.load(lefevre_path).organization)
    assert pseudonymise(tables, secret).person_ids == pseudonymise(tables, secret).person_ids
    assert pseudonymise(tables, secret).person_ids != pseudonymise(tables, "other").person_ids


def test_names_are_exported_only_when_asked(tmp_path: Path, lefevre_path: Path) -> None:
    for extra, present in (((), False), (("--names",), True)):
        target = tmp_path / f"gephi{len(extra)}"
        code, _, err = run("org", str(lefevre_path), "--export", str(target), *extra)
        assert code == 0, err
        nodes = (target / "nodes.csv").read_text(encoding="utf-8")
        assert ("Hugo Martin" in nodes) is present
        assert "p-cm" in nodes


# Gould-Fernandez roles reach the outputs


def test_brokerage_roles_are_in_the_text_and_json(lefevre_path: Path) -> None:
    org = Organization(
        units=[Unit(id="hq"), Unit(id="a", parent="hq"), Unit(id="b", parent="hq")],
        people=[
            *(Person(id=f"x{i}", unit="a") for i in range(3)),
            *(Person(id=f"y{i}", unit="b") for i in range(3)),
        ],
        ties=[
            Tie(source="x0", target="y0"),
            Tie(source="x0", target="x1"),
            Tie(source="y0", target="y1"),
            Tie(source="y0", target="y2"),
        ],
    )
    data = analyze(org, min_group_size=1).to_dict()["brokerage_roles"]
    roles = brokerage_roles(org)
    assert data["totals"]["representative"] == sum(roles.representative)
    assert data["top"]["gatekeeper"][0] == {"person": "y0", "count": 2}
    code, out, _ = run("org", str(lefevre_path))
    assert code == 0
    assert "Brokerage roles (Gould-Fernandez, lines as groups)" in out
    assert "representative" in out


# What-if


def test_whatif_on_the_reference_model(lefevre_path: Path) -> None:
    code, out, err = run("whatif", str(lefevre_path), "--remove", "p-cm")
    assert code == 0, err
    assert "+ ROL001 no-community-manager" in out
    assert "- ORG004 no-upward-path [p-cm]" in out
    assert "Actions left without a responsible: a-shoot" in out
    code, out, _ = run("whatif", str(lefevre_path), "--remove", "p-cm", "--format", "json")
    data = json.loads(out)
    assert data["unowned_actions"] == ["a-shoot"]
    assert {f["code"] for f in data["appeared"]} >= {"ROL001"}
    assert "ORG004" in {f["code"] for f in data["disappeared"]}
    assert data["maturity"]["delta"] < 0


def test_whatif_speaks_french_with_dimension_names_and_agreeing_nones(lefevre_path: Path) -> None:
    code, out, err = run("whatif", str(lefevre_path), "--remove", "p-cm", "--lang", "fr")
    assert code == 0, err
    assert "Actions laissées sans responsable\u00a0: a-shoot" in out
    assert "Aucun expert externe ne perd son superviseur." in out
    assert "Aucune ligne ne devient un silo." in out
    assert "Personnes et compétences" in out  # the dimension's name, not its id
    assert "  people " not in out
    code, out, _ = run("whatif", str(lefevre_path), "--remove", "p-cm", "--format", "json")
    moved = {d["dimension"]: d["name"] for d in json.loads(out)["maturity"]["dimensions"]}
    assert moved["people"] == "People and skills"


def test_whatif_of_units_groups_and_tools(lefevre_path: Path) -> None:
    model = io.load(lefevre_path)
    merged = without(model, ["web"])
    assert {p.id: p.unit for p in merged.organization.people}["p-cm"] == "marketing"
    assert "web" not in {u.id for u in merged.organization.units}
    gone = simulate(model, remove=["p-sales-dir", "g-social-selling"], maturity=False)
    assert gone.removed == (("p-sales-dir", "person"), ("g-social-selling", "group"))
    assert gone.new_silos == ("sales", "marketing", "it")  # production was one already
    crm = next(t.id for t in model.tools if t.kind == "crm")
    after = without(model, [crm])
    assert all(crm not in a.tools for a in after.actions)
    with pytest.raises(SimulationError, match="did you mean 'p-cm'"):
        without(model, ["p-cmm"])
    code, _, err = run("whatif", str(lefevre_path), "--remove", "nobody")
    assert code == 2
    assert "no person, unit, group or tool" in err


def test_whatif_leaves_externals_unsupervised() -> None:
    model = StrategyModel(
        organization=Organization(
            people=[
                Person(id="boss", decision_maker=True),
                Person(id="x", external=True, supervisor="boss"),
            ],
            groups=[TransversalGroup(id="g", members=["boss", "x"])],
        )
    )
    assert simulate(model, remove=["boss"], maturity=False).unsupervised == ("x",)


def test_whatif_follows_the_configuration_as_check_does(tmp_path: Path) -> None:
    model = StrategyModel(
        organization=Organization(
            people=[
                Person(id="boss", decision_maker=True),
                Person(id="x", external=True, supervisor="boss"),
            ]
        )
    )
    plain = simulate(model, remove=["boss"], maturity=False)
    assert "ROL004" in {f.code for f in plain.appeared}  # x is left unsupervised
    for config in (
        Config(ignore=("ROL004",)),
        Config(select=("STR",)),
        Config(per_subject_ignores={"x": {"ROL004": "the agency reports to the board"}}),
    ):
        simulated = simulate(model, remove=["boss"], maturity=False, config=config)
        assert "ROL004" not in {f.code for f in simulated.appeared}, config
    graded = simulate(
        model, remove=["boss"], maturity=False, config=Config(severities={"ROL004": "info"})
    )
    assert {f.severity for f in graded.appeared if f.code == "ROL004"} == {"info"}
    (tmp_path / "estrategy.toml").write_text('ignore = ["ROL004"]\n', encoding="utf-8")
    (tmp_path / "model.yaml").write_text(
        "schema_version: 1\norganization:\n  people:\n"
        "    - {id: boss, decision_maker: true}\n"
        "    - {id: x, external: true, supervisor: boss}\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        "whatif", str(tmp_path / "model.yaml"), "--remove", "boss", "--format", "json"
    )
    assert code == 0
    assert "ROL004" not in out
