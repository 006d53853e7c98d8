"""The pre-commit hook: ``pre-commit try-repo`` on a repository with a clean and a broken model.

pre-commit installs the hook as it would for a user: ``pip install`` of this repository
into an environment of its own. That needs the build backend (hatchling) and estrategy's
dependencies, which a user's pre-commit fetches from the package index. The test fetches
nothing: the test environment's packages are put on ``PYTHONPATH``, pip builds without
an isolated build environment and is forbidden the index, so the hook installs offline,
in seconds. Without hatchling in the test environment the test is skipped, saying so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
BROKEN = "schema_version: 1\ntactics:\n  - {id: t-x, stratgy: st-y}\n"

pytest.importorskip("pre_commit", reason="pre-commit is in the test extra")
pytest.importorskip("hatchling", reason="building the hook offline needs hatchling (test extra)")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of estrategy")
    repo = tmp_path_factory.mktemp("client-models")
    _git(repo, "init", "-q")
    demo = resources.files("estrategy.data").joinpath("demo.yaml").read_text("utf-8")
    (repo / "clean.estrategy.yaml").write_text(demo, encoding="utf-8")
    (repo / "broken.estrategy.yaml").write_text(BROKEN, encoding="utf-8")
    (repo / "notes.yaml").write_text(BROKEN, encoding="utf-8")  # not a model by its name
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "models")
    return repo


def _try_repo(repo: Path, *args: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "PYTHONPATH": sysconfig.get_paths()["purelib"],  # dependencies and hatchling
        "PIP_NO_INDEX": "1",  # never the network
        "PIP_NO_BUILD_ISOLATION": "0",  # pip's spelling of --no-build-isolation
        "PRE_COMMIT_HOME": str(repo.parent / f"pre-commit-home-{len(args)}"),
        "PRE_COMMIT_COLOR": "never",
    }
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "estrategy-check"]
    return subprocess.Popen(
        [*command, *args],
        cwd=repo,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    out, _ = process.communicate(timeout=600)
    return process.returncode, out


def test_the_hook_fails_on_a_broken_model_and_passes_on_a_clean_one(repository: Path) -> None:
    # Both runs install their own environment: run them side by side.
    failing = _try_repo(repository, "--all-files")
    passing = _try_repo(repository, "--files", "clean.estrategy.yaml")
    code, out = _finish(failing)
    assert code == 1, out
    assert "estrategy check" in out
    assert "Failed" in out
    assert "broken.estrategy.yaml:3:15: tactics[0].stratgy: unknown key 'stratgy'" in out
    assert "notes.yaml" not in out  # the hook's pattern keeps other files out
    code, out = _finish(passing)
    assert code == 0, out
    assert "Passed" in out
