"""Progress between two reviews, the output formats and the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from estrategy.cli import main
from estrategy.maturity import Assessment, assess, compare
from estrategy.model import StrategyModel
from estrategy.report.maturity_json import render as render_json
from estrategy.report.maturity_markdown import render as render_markdown
from estrategy.report.maturity_text import render as render_text

from .builders import fashionista, method_follower

FIXTURES = Path(__file__).parent.parent / "fixtures"


def _after(model: StrategyModel) -> StrategyModel:
    """Lefèvre after a review: the agency is supervised, the newsletter serves the plan."""
    people = [
        attrs.evolve(p, supervisor="p-cmo") if p.id == "x-agency" else p
        for p in model.organization.people
    ]
    tactics = [
        attrs.evolve(t, strategy="st-ext") if t.id == "t-newsletter" else t for t in model.tactics
    ]
    return attrs.evolve(
        model,
        organization=attrs.evolve(model.organization, people=people),
        tactics=tactics,
    )


def test_compare_reports_what_moved(lefevre: StrategyModel) -> None:
    result = compare(lefevre, _after(lefevre))
    people = next(d for d in result.dimensions if d.id == "people")
    assert people.delta is not None
    assert people.delta > 0
    moved = {c.id: c for c in people.criteria}
    assert set(moved) == {"expert-supervision"}
    assert (moved["expert-supervision"].before, moved["expert-supervision"].after) == (0, 100)
    assert tuple(map(str, moved["expert-supervision"].resolved)) == (
        "external experts nobody internal supervises (x-agency)",
    )
    strategy = next(d for d in result.dimensions if d.id == "strategy")
    assert "tactics-serve-strategy" in {c.id for c in strategy.criteria}
    assert result.overall_delta > 0
    assert all(s.direction in ("up", "same") for s in result.steps)
    unchanged = next(d for d in result.dimensions if d.id == "organisation")
    assert unchanged.criteria == ()
    assert unchanged.delta == 0


def test_compare_steps_and_quadrant_move() -> None:
    before, after = assess(fashionista()), assess(method_follower())
    result = compare(before, after)
    assert [s.direction for s in result.steps][:4] == ["up"] * 4
    data = result.to_dict()
    assert data["quadrant"]["before"]["name"] == "fashionista"
    assert data["quadrant"]["after"]["name"] == "digirati"
    assert data["quadrant"]["moved"] is True
    text = render_text(result)
    assert "Quadrant fashionista → digirati" in text
    assert "## Steps" in render_markdown(result)


@pytest.fixture(scope="module")
def lefevre_result(lefevre: StrategyModel) -> Assessment:
    return assess(lefevre)


def test_json_shape(lefevre_result: Assessment) -> None:
    data = json.loads(render_json(lefevre_result))
    assert data["version"] == 1
    assert data["overall"]["score"] == pytest.approx(lefevre_result.overall.score, abs=0.05)
    assert data["quadrant"]["name"] == "digirati"
    assert set(data["quadrant"]) >= {"name", "digital_intensity", "management_intensity"}
    assert [d["id"] for d in data["dimensions"]] == [
        "strategy",
        "execution",
        "measurement",
        "people",
        "tools",
        "organisation",
        "customer",
    ]
    criterion = data["dimensions"][0]["criteria"][2]
    assert set(criterion) == {"id", "title", "score", "weight", "evidence"}
    assert criterion["evidence"][1] == {
        "fact": "o-brand lacks metric, target, deadline",
        "ids": ["o-brand"],
        "supports": False,
    }
    assert [s["status"] for s in data["steps"]][:3] == ["evidenced", "evidenced", "partial"]


def test_text_has_a_table_per_dimension_with_level_bars(lefevre_result: Assessment) -> None:
    text = render_text(lefevre_result)
    assert "Organisation and transversality      43/100  ██░░░  2 emerging" in text
    assert "      - external experts nobody internal supervises (x-agency)" in text
    assert "  3. ~ partial   Set SMART objectives" in text
    short = render_text(lefevre_result, evidence=False)
    assert "x-agency" not in short


def test_markdown(lefevre_result: Assessment) -> None:
    text = render_markdown(lefevre_result)
    assert "| Organisation and transversality | 43 | 2 emerging |" in text
    assert "## The eight steps" in text


def test_html_and_frame(lefevre_result: Assessment, monkeypatch: pytest.MonkeyPatch) -> None:
    html = lefevre_result._repr_html_()
    assert "digirati" in html
    assert "<td>Organisation and transversality</td><td>43</td><td>2 emerging</td>" in html
    hostile = assess(StrategyModel(name="<script>x</script>"))._repr_html_()
    assert "<script>" not in hostile
    assert "&lt;script&gt;" in hostile
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"estrategy\[pandas\]"):
        lefevre_result.to_frame()


def test_frame_with_pandas(lefevre_result: Assessment) -> None:
    pytest.importorskip("pandas")
    frame = lefevre_result.to_frame()
    assert len(frame) == sum(len(d.criteria) for d in lefevre_result.dimensions)


# --- command line -------------------------------------------------------------------------


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["maturity", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_json() -> None:
    code, out, _ = _run(str(FIXTURES / "lefevre.yaml"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["quadrant"]["name"] == "digirati"
    assert data["dimensions"][5]["level"] == 2


def test_cli_text_and_markdown() -> None:
    code, out, _ = _run(str(FIXTURES / "lefevre.yaml"))
    assert code == 0
    assert "Quadrant: digirati" in out
    code, out, _ = _run(str(FIXTURES / "lefevre.yaml"), "--format", "markdown")
    assert out.startswith("# Digital maturity: Lefèvre digital plan 2027")


def test_cli_two_files_compare(tmp_path: Path) -> None:
    before = FIXTURES / "lefevre.yaml"
    after = tmp_path / "after.yaml"
    after.write_text(
        before.read_text(encoding="utf-8").replace(
            "external: true, roles: [external_expert]}",
            "external: true, roles: [external_expert], supervisor: p-cmo}",
        ),
        encoding="utf-8",
    )
    code, out, _ = _run(str(before), str(after), "--format", "json")
    assert code == 0
    data = json.loads(out)
    people = next(d for d in data["dimensions"] if d["id"] == "people")
    assert people["criteria"][0]["id"] == "expert-supervision"
    assert people["delta"] > 0
    code, out, _ = _run(str(before), str(after))
    assert "expert-supervision: 0 → 100 (+100)" in out


def test_cli_bad_maturity_model_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "mm.toml"
    bad.write_text('[[dimensions]]\nid = "x"\ncriteria = ["nope"]\n', encoding="utf-8")
    code, _, err = _run(str(FIXTURES / "lefevre.yaml"), "--maturity-model", str(bad))
    assert code == 2
    assert f"{bad}:3:" in err
    assert "Traceback" not in err


def test_cli_bad_model_file_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "m.yaml"
    bad.write_text("schema_version: 1\nnmae: x\n", encoding="utf-8")
    code, _, err = _run(str(bad))
    assert code == 2
    assert "nmae" in err


def test_cli_as_of() -> None:
    code, out, _ = _run(str(FIXTURES / "lefevre.yaml"), "--as-of", "2027-06-01", "--format", "json")
    assert code == 0
    assert json.loads(out)["as_of"] == "2027-06-01"


def test_cli_plot(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    target = tmp_path / "charts.svg"
    code, _, err = _run(str(FIXTURES / "lefevre.yaml"), "--plot", str(target))
    assert code == 0
    assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert "Charts written" in err
    png = tmp_path / "charts.png"
    code, _, _ = _run(
        str(FIXTURES / "lefevre.yaml"), str(FIXTURES / "lefevre.yaml"), "--plot", str(png)
    )
    assert code == 0
    assert png.read_bytes().startswith(b"\x89PNG")


def test_cli_plot_without_matplotlib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    code, _, err = _run(str(FIXTURES / "lefevre.yaml"), "--plot", str(tmp_path / "c.svg"))
    assert code == 2
    assert "estrategy[plot]" in err


def test_cli_plot_suffix() -> None:
    code, _, err = _run(str(FIXTURES / "lefevre.yaml"), "--plot", "charts.pdf")
    assert code == 2
    assert ".svg or .png" in err


def test_matplotlib_is_imported_only_for_plots() -> None:
    import subprocess

    code = (
        "import sys, estrategy.maturity, estrategy.cli.maturity;"
        "from estrategy.maturity import assess; from estrategy.model import StrategyModel;"
        "assess(StrategyModel()); print('matplotlib' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


def test_cli_without_file_assesses_the_demo() -> None:
    code, out, err = _run("--format", "json")
    assert code == 0
    assert "embedded demo model" in err
    assert json.loads(out)["quadrant"]["name"] in (
        "beginner",
        "fashionista",
        "conservative",
        "digirati",
    )


def test_outputs_say_why_a_criterion_does_not_apply() -> None:
    result = assess(method_follower("micro"))
    text = render_text(result, evidence=False)
    assert (
        "expert-supervision                n/a  ×1     (does not apply: no external expert)" in text
    )
    assert "digital-lead                      100  ×0     (not judged for this size)" in text
    assert "| expert-supervision | n/a | 1 | does not apply: no external expert |" in (
        render_markdown(result)
    )


def test_comparison_frame(lefevre: StrategyModel) -> None:
    pytest.importorskip("pandas")
    frame = compare(lefevre, _after(lefevre)).to_frame()
    assert list(frame["id"]) == [
        "strategy",
        "execution",
        "measurement",
        "people",
        "tools",
        "organisation",
        "customer",
    ]
    assert frame.set_index("id").loc["people", "delta"] > 0


def test_cli_catalogue(tmp_path: Path) -> None:
    catalogue = tmp_path / "catalogue.toml"
    # trade shows become digital: the plan no longer mixes traditional and digital channels
    catalogue.write_text('[tactics.events]\nchannel = "digital"\n', encoding="utf-8")
    code, out, _ = _run(
        str(FIXTURES / "lefevre.yaml"), "--catalogue", str(catalogue), "--format", "json"
    )
    assert code == 0
    customer = json.loads(out)["dimensions"][6]
    mixed = next(c for c in customer["criteria"] if c["id"] == "mixed-energy")
    assert mixed["score"] is None
    catalogue.write_text('[tactics.events]\nchannel = "sideways"\n', encoding="utf-8")
    code, _, err = _run(str(FIXTURES / "lefevre.yaml"), "--catalogue", str(catalogue))
    assert code == 2
    assert "sideways" in err


def test_cli_prints_the_default_model(tmp_path: Path) -> None:
    code, out, _ = _run("--print-default-model")
    assert code == 0
    path = tmp_path / "mine.toml"
    path.write_text(out, encoding="utf-8")
    from estrategy.maturity import default_maturity_model, load_maturity_model

    assert load_maturity_model(path, complete=False) == default_maturity_model()
