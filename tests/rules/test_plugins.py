"""Plugins: rules from the ``estrategy.rules`` entry points of installed distributions.

Each test installs a fake distribution: a folder on ``sys.path`` holding a module and a
``*.dist-info`` with ``METADATA`` and ``entry_points.txt``, exactly what pip leaves behind.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.metadata
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from estrategy.analysis import check
from estrategy.model import StrategyModel, Tactic
from estrategy.rules import (  # type: ignore[attr-defined]  # not in __all__ yet
    ENTRY_POINT_GROUP,
    PluginError,
    Registry,
    Severity,
    default_registry,
    load_plugins,
)

PLUGIN = '''
from estrategy.rules import Violation, rule


@rule("ACME001", "unnamed-tactic", "info")
def unnamed_tactic(context):
    """A tactic has no name.

    What it checks:
        Every tactic whose name is empty.

    Why it matters:
        Reviews talk about tactics by name.

    How to fix:
        Name the tactic.
    """
    for i, tactic in enumerate(context.model.tactics):
        if not tactic.name:
            yield Violation(f"tactic {tactic.id} has no name", [tactic.id], ["tactics", i])


@rule("ACME002", "always-broken", "warning")
def always_broken(context):
    """Raises, to show that a broken plugin does not stop the others."""
    raise RuntimeError("plugin bug")
'''

MODEL = StrategyModel(name="M", tactics=[Tactic(id="t-1")])
DAY = dt.date(2026, 1, 1)


def install(root: Path, dist: str, module: str, source: str, entry: str | None = None) -> Path:
    """Write a fake installed distribution ``dist`` whose entry point loads ``module``."""
    (root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = root / f"{dist.replace('-', '_')}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\nrules = {entry or module}\n", encoding="utf-8"
    )
    return root


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh folder on sys.path; the process-wide registry is restored afterwards."""
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    saved = default_registry().snapshot()
    before = set(sys.modules)
    yield tmp_path
    default_registry().restore(saved)
    for name in set(sys.modules) - before:
        if name.startswith("acme"):
            del sys.modules[name]


def ours(tmp: Path) -> list[importlib.metadata.EntryPoint]:
    return [
        ep
        for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
        if ep.dist is not None and str(tmp) in str(getattr(ep.dist, "_path", ""))
    ]


def test_a_plugin_module_adds_its_rules_under_its_distribution(site: Path) -> None:
    install(site, "acme-rules", "acme_rules", PLUGIN)
    reg = Registry()
    added = load_plugins(reg, ours(site))
    assert [r.code for r in added] == ["ACME001", "ACME002"]
    assert added[0].origin == "acme-rules 1.0 (entry point 'rules')"
    assert added[0].why == "Reviews talk about tactics by name."
    # the module's decorators did not leak into the process-wide registry
    assert "ACME001" not in default_registry().rules()


def test_plugin_rules_run_in_check_and_a_raising_one_becomes_a_finding(site: Path) -> None:
    install(site, "acme-rules", "acme_rules", PLUGIN)
    reg = Registry()
    load_plugins(reg, ours(site))
    report = check(MODEL, rules=reg.rules(), as_of=DAY)
    by_code = {f.code: f for f in report.findings}
    assert by_code["ACME001"].subjects == ("t-1",)
    assert by_code["ACME001"].severity is Severity.INFO
    assert by_code["ACME002"].severity is Severity.ERROR
    assert "RuntimeError: plugin bug" in by_code["ACME002"].message


def test_an_entry_point_may_name_a_rule_object(site: Path) -> None:
    install(site, "acme-one", "acme_one", PLUGIN, entry="acme_one:unnamed_tactic")
    added = load_plugins(Registry(), ours(site))
    assert [r.code for r in added] == ["ACME001"]


def test_a_plugin_using_a_builtin_prefix_is_refused_naming_the_distribution(
    site: Path,
) -> None:
    install(site, "acme-bad", "acme_bad", PLUGIN.replace("ACME001", "STR999"))
    with pytest.raises(PluginError, match=r"acme-bad 1\.0.*STR999.*reserved"):
        load_plugins(Registry(), ours(site))


def test_a_plugin_reusing_a_builtin_code_is_refused(site: Path) -> None:
    install(site, "acme-dup", "acme_dup", PLUGIN.replace("ACME001", "STR001"))
    with pytest.raises(PluginError, match="acme-dup"):
        load_plugins(Registry(), ours(site))


def test_two_plugins_with_the_same_code_clash(site: Path) -> None:
    install(site, "acme-a", "acme_a", PLUGIN)
    install(site, "acme-b", "acme_b", PLUGIN)
    with pytest.raises(PluginError, match=r"acme-b 1\.0.*ACME001.*already used.*acme-a 1\.0"):
        load_plugins(Registry(), ours(site))


def test_a_plugin_that_fails_to_import_names_its_distribution(site: Path) -> None:
    install(site, "acme-broken", "acme_broken", "import nowhere_to_be_found\n")
    with pytest.raises(PluginError, match=r"acme-broken 1\.0.*ModuleNotFoundError"):
        load_plugins(Registry(), ours(site))


def test_an_entry_point_naming_something_else_is_refused(site: Path) -> None:
    install(site, "acme-odd", "acme_odd", "VALUE = 3\n", entry="acme_odd:VALUE")
    with pytest.raises(PluginError, match="neither a module nor a rule"):
        load_plugins(Registry(), ours(site))


def test_installed_plugins_are_found_by_the_command_line(tmp_path: Path) -> None:
    install(tmp_path, "acme-rules", "acme_rules", PLUGIN)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    listing = subprocess.run(
        [sys.executable, "-m", "estrategy", "rules"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    assert "ACME001  unnamed-tactic" in listing.stdout
    doc = subprocess.run(
        [sys.executable, "-m", "estrategy", "rule", "ACME001"],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    assert "Added by: acme-rules 1.0" in doc.stdout


def test_a_plugin_calling_sys_exit_at_import_is_an_error_naming_it(site: Path) -> None:
    install(site, "acme-exit", "acme_exit", "import sys\nsys.exit(0)\n")
    with pytest.raises(PluginError, match=r"acme-exit 1\.0.*sys\.exit\(0\)"):
        load_plugins(Registry(), ours(site))


def test_check_exits_2_naming_a_plugin_that_calls_sys_exit(tmp_path: Path) -> None:
    install(tmp_path, "acme-exit", "acme_exit", "import sys\nsys.exit(0)\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    run = subprocess.run(
        [sys.executable, "-m", "estrategy", "check"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert run.returncode == 2
    assert "acme-exit 1.0" in run.stderr
    assert "sys.exit(0)" in run.stderr
    assert "Traceback" not in run.stderr
