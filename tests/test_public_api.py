"""The public surface: lazy re-exports that resolve, and a README example that runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import estrategy

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", sorted(set(estrategy.__all__) - {"__version__"}))
def test_every_public_name_resolves_and_is_documented(name: str) -> None:
    value = getattr(estrategy, name)
    assert value is not None
    assert (getattr(value, "__doc__", None) or "").strip(), f"{name} has no docstring"


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = estrategy.nope  # type: ignore[attr-defined]


def test_import_does_not_load_heavy_libraries() -> None:
    probe = "import estrategy, sys; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout.split()
    heavy = {"numpy", "scipy", "networkx", "rich", "ruamel", "cattrs", "click", "hypothesis"}
    assert heavy.isdisjoint({m.split(".")[0] for m in loaded})


def test_readme_library_example_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    assert blocks, "the README has a library example"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for block in blocks:
        result = subprocess.run(
            [sys.executable, "-c", block], cwd=ROOT, capture_output=True, text=True, env=env
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip()
