"""Many files at once (``estrategy.batch``) and baselines (``estrategy.baseline``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import attrs
import pytest

from estrategy import io
from estrategy.baseline import (
    Baseline,
    BaselineEntry,
    BaselineError,
    baseline_of,
    compare,
    read_baseline,
    write_baseline,
)
from estrategy.batch import BatchReport, CheckOptions, FileCheck, check_files
from estrategy.io.discovery import find_model_files

FIXTURE = Path(__file__).parent / "fixtures" / "lefevre.yaml"
OPTIONS = CheckOptions(no_config=True)


@pytest.fixture
def models(tmp_path: Path) -> Path:
    folder = tmp_path / "models"
    (folder / "a").mkdir(parents=True)
    (folder / "b").mkdir()
    shutil.copy(FIXTURE, folder / "a" / "plan.yaml")
    shutil.copy(FIXTURE, folder / "b" / "plan.yaml")
    return folder


def test_each_file_gets_its_own_folders_configuration(models: Path) -> None:
    (models / "b" / "estrategy.toml").write_text('select = ["STR001"]\nfail-on = "info"\n')
    batch = check_files(find_model_files([models]), jobs=1)
    a, b = batch.files
    assert len(a.report.findings) > 1  # type: ignore[union-attr]
    assert [f.code for f in b.report.findings] == ["STR001"]  # type: ignore[union-attr]
    assert (a.fail_on, b.fail_on) == ("error", "info")


def test_a_broken_configuration_is_that_folders_error_only(models: Path) -> None:
    (models / "b" / "estrategy.toml").write_text("select = [\n")
    a, b = check_files(find_model_files([models]), jobs=1).files
    assert a.report is not None
    assert b.report is None
    assert "estrategy.toml:" in str(b.errors[0])


def test_an_unexpected_error_in_one_file_does_not_stop_the_others(
    models: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from estrategy import batch as batch_module

    original = batch_module.check_document

    def flaky(document: io.ModelDocument, *args: object, **kwargs: object) -> FileCheck:
        if "/a/" in document.source.replace("\\", "/"):
            raise RuntimeError("boom")
        return original(document, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_module, "check_document", flaky)
    a, b = check_files(find_model_files([models]), OPTIONS, jobs=1).files
    assert "internal error (RuntimeError: boom)" in a.errors[0].message
    assert b.report is not None


def test_the_pool_keeps_the_order_and_the_results_of_one_process(models: Path) -> None:
    for i in range(5):
        shutil.copy(FIXTURE, models / f"p{i}.estrategy.yaml")
    (models / "p2.estrategy.yaml").write_text("schema_version: 1\nnmae: x\n")
    files = find_model_files([models])
    serial = check_files(files, OPTIONS, jobs=1)
    parallel = check_files(files, OPTIONS, jobs=2)
    assert parallel == serial
    assert [f.source for f in parallel.files] == [str(p) for p in files]
    assert [f.source for f in parallel.unreadable] == [str(models / "p2.estrategy.yaml")]


def test_statistics_and_totals(models: Path) -> None:
    batch = check_files(find_model_files([models]), OPTIONS, jobs=1)
    (one,) = [s for s in batch.statistics() if s.code == "STR001"]
    assert one.count == 2
    assert sum(s.count for s in batch.statistics()) == sum(batch.summary.values())
    assert batch.failing


# -- baselines -----------------------------------------------------------------------


def _run(folder: Path) -> BatchReport:
    return check_files(find_model_files([folder]), OPTIONS, jobs=1)


def test_a_baseline_is_robust_to_lines_moving(models: Path, tmp_path: Path) -> None:
    baseline = baseline_of(_run(models), tmp_path)
    plan = models / "a" / "plan.yaml"
    model = io.load(plan)
    # Reorder every list and write the file in another layout: lines and paths all move.
    moved = attrs.evolve(
        model,
        tactics=model.tactics[::-1],
        actions=model.actions[::-1],
        objectives=model.objectives[::-1],
        organization=attrs.evolve(model.organization, people=model.organization.people[::-1]),
    )
    io.save(moved, plan)
    compared = compare(_run(models), baseline, tmp_path)
    assert compared.baseline is not None
    assert (compared.baseline.new, compared.baseline.gone) == (0, ())
    assert all(not f.report.findings for f in compared.files)  # type: ignore[union-attr]


def test_a_baseline_counts_findings_that_share_code_and_subjects(tmp_path: Path) -> None:
    import datetime as dt

    from estrategy.analysis import Report
    from estrategy.rules import Finding

    wide = Finding("STR006", "missing-volet", "warning", "m", [], ["strategies"])
    run = BatchReport([FileCheck("p.yaml", Report("P", dt.date(2026, 1, 1), [wide, wide]))])
    baseline = baseline_of(run, tmp_path)
    assert baseline.entries == (BaselineEntry("STR006", "p.yaml", (), 2),)
    three = BatchReport([FileCheck("p.yaml", Report("P", dt.date(2026, 1, 1), [wide] * 3))])
    compared = compare(three, baseline, tmp_path)
    assert compared.baseline is not None
    assert (compared.baseline.new, compared.baseline.known) == (1, 2)


def test_baseline_file_names_are_relative_to_the_baseline(models: Path, tmp_path: Path) -> None:
    target = models / "baseline.json"
    write_baseline(baseline_of(_run(models), target.parent), target)
    names = {e["file"] for e in json.loads(target.read_text(encoding="utf-8"))["findings"]}
    assert names == {"a/plan.yaml", "b/plan.yaml"}
    assert read_baseline(target) == baseline_of(_run(models), models)
    assert read_baseline(target).to_json() == target.read_text(encoding="utf-8")


def test_only_the_files_checked_can_have_gone_entries(models: Path, tmp_path: Path) -> None:
    baseline = baseline_of(_run(models), tmp_path)
    one = check_files([models / "a" / "plan.yaml"], OPTIONS, jobs=1)
    compared = compare(one, baseline, tmp_path)
    assert compared.baseline is not None
    assert compared.baseline.gone == ()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[]", "not an estrategy baseline"),
        ('{"version": 2}', "not an estrategy baseline of version 1"),
        ('{"version": 1, "findings": {}}', "findings: expected a list"),
        ('{"version": 1, "findings": [{"code": 1}]}', r"findings\[0\]: expected"),
        ('{"version": 1, "findings": [], "unreadable": [1]}', "unreadable: expected"),
        ('{"version": 1,\n  "findings": [}', r"b.json:2:16: not JSON"),
    ],
)
def test_a_bad_baseline_file_says_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BaselineError, match=message):
        read_baseline(path)


def test_an_empty_baseline_makes_every_finding_new(models: Path, tmp_path: Path) -> None:
    run = _run(models)
    compared = compare(run, Baseline(), tmp_path)
    assert compared.baseline is not None
    assert compared.baseline.new == sum(run.summary.values())
