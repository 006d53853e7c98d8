"""The io layer stands on the model alone: no organisation analyses, no heavy imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "estrategy"


def test_import_io_loads_no_heavy_dependency() -> None:
    code = (
        "import sys, estrategy.io\n"
        "names = ('scipy', 'networkx', 'pyarrow', 'estrategy.org')\n"
        "heavy = [m for m in names if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_io_sources_never_import_org() -> None:
    offenders = [
        str(path.relative_to(SRC))
        for path in sorted((SRC / "io").rglob("*.py"))
        if "estrategy.org" in path.read_text(encoding="utf-8")
        or "from estrategy import org" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_model_tables_needs_numpy_only() -> None:
    code = (
        "import sys, estrategy.model.tables\n"
        "print(','.join(m for m in ('scipy', 'networkx', 'pyarrow') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_import_model_does_not_load_numpy() -> None:
    code = "import sys, estrategy.model\nprint('numpy' in sys.modules)\n"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_io_package_exports_every_public_name_of_its_modules() -> None:
    import estrategy.io as io
    from estrategy.io import errors, files, limits, schema

    # (estrategy.io.organization keeps its helpers for the CLI to itself)
    for module in (errors, files, limits, schema):
        assert set(module.__all__) <= set(io.__all__), module.__name__
    for name in io.__all__:
        assert getattr(io, name) is not None
