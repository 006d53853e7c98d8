"""``estrategy check PATH...``: many files, one output, baselines, statistics, watch mode.

The two acceptance scenarios of the issue are the first tests: a folder holding the
reference model, the demo and a broken file; then a baseline of it.
"""

from __future__ import annotations

import json
import shutil
import sys
import types
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from estrategy.cli import main

FIXTURE = Path(__file__).parents[1] / "fixtures" / "lefevre.yaml"
BROKEN = "schema_version: 1\ntactics:\n  - {id: t-x, stratgy: st-y}\n"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The reference model, the demo and one broken file."""
    models = tmp_path / "models"
    models.mkdir()
    shutil.copy(FIXTURE, models / "lefevre.yaml")
    demo = resources.files("estrategy.data").joinpath("demo.yaml").read_text("utf-8")
    (models / "demo.yaml").write_text(demo, encoding="utf-8")
    (models / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return models


def test_text_reports_all_three_files_and_bad_input_beats_findings(folder: Path) -> None:
    code, out, _ = run("check", str(folder), "--jobs", "1")
    assert code == 2
    assert f"{folder / 'broken.yaml'}:3:15: tactics[0].stratgy: unknown key 'stratgy'" in out
    assert f"{folder / 'lefevre.yaml'}:122:5 STR001 [orphan-tactic]" in out
    assert f"{folder / 'demo.yaml'}:" in out
    assert "3 files checked:" in out
    assert "1 file could not be checked" in out


def test_json_reports_all_three_files(folder: Path) -> None:
    code, out, _ = run("check", str(folder), "--format", "json", "--jobs", "1")
    assert code == 2
    data = json.loads(out)
    assert list(data) == ["version", "files", "summary", "files_checked", "unreadable"]
    files = {Path(f["file"]).name: f for f in data["files"]}
    assert list(files) == ["broken.yaml", "demo.yaml", "lefevre.yaml"]  # path order
    (error,) = files["broken.yaml"]["errors"]
    assert (error["line"], error["column"], error["path"]) == (3, 15, "tactics[0].stratgy")
    assert files["lefevre.yaml"]["model"] == "Lefèvre digital plan 2027"
    assert files["demo.yaml"]["findings"]
    total = sum(len(f.get("findings", [])) for f in data["files"])
    assert sum(data["summary"].values()) == total
    assert (data["files_checked"], data["unreadable"]) == (3, 1)


def test_sarif_reports_all_three_files(folder: Path) -> None:
    code, out, _ = run("check", str(folder), "--format", "sarif", "--jobs", "1")
    assert code == 2
    (run_,) = json.loads(out)["runs"]
    artifacts = [Path(a["location"]["uri"]).name for a in run_["artifacts"]]
    assert artifacts == ["broken.yaml", "demo.yaml", "lefevre.yaml"]
    seen = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["index"] for r in run_["results"]
    }
    assert seen == {1, 2}
    (invocation,) = run_["invocations"]
    assert invocation["executionSuccessful"] is False
    (notice,) = invocation["toolExecutionNotifications"]
    where = notice["locations"][0]["physicalLocation"]
    assert where["artifactLocation"]["index"] == 0
    assert where["region"] == {"startLine": 3, "startColumn": 15}


def test_a_baseline_of_the_folder_then_no_change_is_clean(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    code, _, err = run("check", str(folder), "--write-baseline", str(baseline), "--jobs", "1")
    assert code == 0  # what a baseline records is accepted
    assert f"Wrote {baseline}" in err
    code, out, _ = run("check", str(folder), "--baseline", str(baseline), "--jobs", "1")
    assert code == 0
    assert "0 new findings" in out
    assert "1 unreadable file" in out


def _with_orphan_tactic(path: Path) -> None:
    """Add a tactic whose only gap is that it implements no strategy.

    A bare tactic would also have no action (ACT001) and no KPI (MES001): this one has a
    complete action and is measured by the existing leads KPI.
    """
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "\nactions:\n",
        "  - {id: t-podcast, name: A podcast, kind: content_marketing, audience: prospects,\n"
        "     owner_unit: marketing}\n\nactions:\n"
        "  - {id: a-podcast, tactic: t-podcast, competences: [editorial_content],\n"
        "     responsible: p-cm, tools: [tool-site], budget: 1000, deadline: 2027-03-31}\n",
        1,
    )
    text = text.replace(
        "tactics: [t-social-selling, t-content",
        "tactics: [t-podcast, t-social-selling, t-content",
        1,
    )
    path.write_text(text, encoding="utf-8")


def test_adding_one_orphan_tactic_is_exactly_one_new_finding(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    run("check", str(folder), "--write-baseline", str(baseline), "--jobs", "1")
    _with_orphan_tactic(folder / "lefevre.yaml")
    code, out, _ = run(
        "check", str(folder), "--baseline", str(baseline), "--format", "json", "--jobs", "1"
    )
    data = json.loads(out)
    new = [f for file in data["files"] for f in file.get("findings", [])]
    assert [(f["code"], f["subjects"]) for f in new] == [("STR001", ["t-podcast"])]
    assert data["baseline"]["new"] == 1
    assert data["baseline"]["gone"] == 0
    assert code == 1  # a new error; the known unreadable file no longer counts


def test_the_orphan_tactic_fixture_is_what_it_claims(folder: Path) -> None:
    _with_orphan_tactic(folder / "lefevre.yaml")
    _, before, _ = run("check", str(FIXTURE), "--format", "json")
    _, after, _ = run("check", str(folder / "lefevre.yaml"), "--format", "json")
    old = {(f["code"], tuple(f["subjects"])) for f in json.loads(before)["findings"]}
    new = {(f["code"], tuple(f["subjects"])) for f in json.loads(after)["findings"]}
    assert new - old == {("STR001", ("t-podcast",))}


def test_baseline_entries_that_no_longer_occur_are_counted(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    run("check", str(folder), "--write-baseline", str(baseline), "--jobs", "1")
    lefevre = folder / "lefevre.yaml"
    lefevre.write_text(
        lefevre.read_text(encoding="utf-8").replace("id: tool-chatbot", "id: tool-chatbot-x"),
        encoding="utf-8",
    )
    code, out, _ = run("check", str(folder), "--baseline", str(baseline), "--jobs", "1")
    assert "1 new finding " in out  # TEC001 about tool-chatbot-x
    assert "1 baseline entry no longer occurs" in out
    assert code == 0  # TEC001 is an info


def test_a_bad_baseline_is_bad_input(folder: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 1, "findings": [', encoding="utf-8")
    code, _, err = run("check", str(folder), "--baseline", str(baseline), "--jobs", "1")
    assert code == 2
    assert f"{baseline}:1:29: not JSON" in err
    code, _, err = run("check", str(folder), "--baseline", str(tmp_path / "none.json"))
    assert code == 2
    assert "no such baseline file" in err


def test_statistics_count_findings_per_rule(folder: Path) -> None:
    (folder / "broken.yaml").unlink()
    code, out, _ = run("check", str(folder), "--statistics", "--jobs", "1")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].split() == ["2", "ACT001", "tactic-without-actions"]
    assert ["1", "STR001", "orphan-tactic"] in [line.split() for line in lines]
    _, out, _ = run("check", str(folder), "--statistics", "--format", "json", "--jobs", "1")
    counts = {row["code"]: row["count"] for row in json.loads(out)}
    assert counts["ROL004"] == 2  # one in each model
    code, _, err = run("check", str(folder), "--statistics", "--format", "sarif")
    assert code == 2
    assert "--statistics prints text or json" in err


def test_output_file_is_written_whole(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "estrategy.sarif"
    target.parent.mkdir()
    code, out, _ = run(
        "check", str(folder), "--format", "sarif", "--output-file", str(target), "--jobs", "1"
    )
    assert code == 2
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert [p.name for p in target.parent.iterdir()] == ["estrategy.sarif"]  # no leftovers


def test_exclude_and_the_search_for_model_files(folder: Path) -> None:
    (folder / "notes.yaml").write_text("title: not a model\n", encoding="utf-8")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "next.estrategy.yaml").write_text(BROKEN, encoding="utf-8")
    code, out, _ = run(
        "check", str(folder), "--exclude", "drafts", "--exclude", "broken.*", "--format",
        "json", "--jobs", "1",
    )  # fmt: skip
    assert code == 1
    assert [Path(f["file"]).name for f in json.loads(out)["files"]] == ["demo.yaml", "lefevre.yaml"]


def test_a_folder_without_models_is_a_warning(tmp_path: Path) -> None:
    code, out, err = run("check", str(tmp_path))
    assert code == 0
    assert "no model file found" in err
    assert "0 files checked: no finding." in out


def test_one_named_file_keeps_its_one_file_output(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    shutil.copy(FIXTURE, target)
    _, out, _ = run("check", str(target), "--format", "json")
    assert list(json.loads(out)) == [
        "version", "file", "model", "as_of", "findings", "suppressed", "summary",
    ]  # fmt: skip
    _, text, _ = run("check", str(target))
    assert "files checked" not in text


def test_the_pool_gives_the_output_of_one_process(folder: Path) -> None:
    for name in ("a", "b", "c"):
        shutil.copy(FIXTURE, folder / f"{name}.estrategy.yaml")
    _, serial, _ = run("check", str(folder), "--format", "json", "--jobs", "1")
    _, parallel, _ = run("check", str(folder), "--format", "json", "--jobs", "2")
    assert parallel == serial


def test_show_suppressed_lists_them_with_their_reasons(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "{id: x-agency,",
        "{id: x-agency, ignore: [{code: ROL004, reason: supervised by the holding}],",
    )
    target.write_text(text, encoding="utf-8")
    _, out, _ = run("check", str(target))
    assert "ROL004" not in out
    assert "(1 suppressed)" in out
    _, out, _ = run("check", str(target), "--show-suppressed")
    assert "Suppressed (1)" in out
    assert "ROL004 [unsupervised-expert]" in out
    assert "supervised by the holding" in out


class _FakeWatchfiles(types.ModuleType):
    """Stands for watchfiles: a change per edit, then the user presses Ctrl+C."""

    def __init__(self, *edits: Callable[[], object]) -> None:
        super().__init__("watchfiles")
        self.edits = edits or (lambda: None,)
        self.watched: list[Path] = []

    def watch(self, *paths: Path, **_: object) -> Iterator[set[tuple[int, str]]]:
        self.watched = list(paths)
        for edit in self.edits:
            edit()
            yield {(2, str(paths[0] / "plan.yaml"))}


def test_watch_checks_again_after_a_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "plan.yaml"
    shutil.copy(FIXTURE, target)
    fake = _FakeWatchfiles()
    monkeypatch.setitem(sys.modules, "watchfiles", fake)
    code, out, err = run("check", "--watch", str(target))
    assert fake.watched == [tmp_path.resolve()]
    assert out.count("STR001 [orphan-tactic]") == 2
    assert "checking again" in err
    assert code == 1


def test_watch_without_its_extra_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "watchfiles", None)  # import fails
    code, _, err = run("check", "--watch", str(tmp_path))
    assert code == 2
    assert "pip install 'estrategy[watch]'" in err


def test_watch_goes_on_after_a_file_saved_half_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.yaml"
    shutil.copy(FIXTURE, target)
    fake = _FakeWatchfiles(
        lambda: target.write_text(BROKEN, encoding="utf-8"),
        lambda: shutil.copy(FIXTURE, target),
    )
    monkeypatch.setitem(sys.modules, "watchfiles", fake)
    code, out, err = run("check", "--watch", str(target))
    assert "unknown key 'stratgy'" in err
    assert out.count("STR001 [orphan-tactic]") == 2  # before and after the broken save
    assert code == 1


def test_output_files_are_written_through_a_link_only_when_asked(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(real)
    code, _, err = run("check", str(FIXTURE), "--format", "json", "-o", str(link))
    assert code == 2
    assert "symbolic link" in err
    assert real.read_text(encoding="utf-8") == "{}"
    run("check", str(FIXTURE), "--format", "json", "-o", str(link), "--through-symlink")
    assert json.loads(real.read_text(encoding="utf-8"))["file"] == str(FIXTURE)
    baseline = tmp_path / "baseline.json"
    baseline.symlink_to(real)
    code, _, err = run("check", str(FIXTURE), "--write-baseline", str(baseline))
    assert code == 2
    assert "symbolic link" in err
