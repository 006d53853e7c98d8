"""The import rules of docs/architecture.md, checked on the source itself.

Each package may import only from its own layer and the layers below it; no package
imports another package's private module or the root package; the light entry points stay
light. The import graph is read from the source with :mod:`ast`, so a lazy import inside a
function counts like any other.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).parents[1] / "src"
PACKAGE = SRC / "estrategy"
DOCS = Path(__file__).parents[1] / "docs"

# The layer of each top-level part of the package, lowest first (docs/architecture.md).
LAYERS: dict[str, int] = {
    "base": 0,
    "model": 1,
    "io": 2,
    "catalogue": 3,
    "org": 4,
    "rules": 5,
    "analysis": 6,
    "settings": 6,
    "suppressions": 6,
    "batch": 6,
    "baseline": 6,
    "maturity": 7,
    "whatif": 7,
    "report": 8,
    "cli": 9,
    "__main__": 9,
}
# Beside the layers: the hypothesis strategies users import in their own tests.
TESTING_MAY_IMPORT = {"base", "model", "catalogue", "io"}
# Data only, importable by anyone.
DATA = {"data"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> Iterator[tuple[str, int]]:
    """Every ``estrategy…`` module (and ``module.name``) imported by ``path``, with its line."""
    module = _module_name(path)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            names = [f"{target}.{alias.name}" for alias in node.names]
            # ``from estrategy import io`` imports the module estrategy.io, not the root
            if target != "estrategy" or not all(_is_module(name) for name in names):
                yield target, node.lineno
            for name in names:
                yield name, node.lineno


def _is_module(name: str) -> bool:
    path = SRC.joinpath(*name.split("."))
    return path.is_dir() or path.with_suffix(".py").is_file()


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _edges() -> Iterator[tuple[Path, int, str, str]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _module_name(path)
        for target, line in _imports(path):
            if target == "estrategy" or target.startswith("estrategy."):
                yield path, line, source, target


def test_every_part_of_the_package_has_a_layer() -> None:
    parts = {_part(_module_name(p)) for p in PACKAGE.rglob("*.py")} - {""}
    assert parts - set(LAYERS) - {"testing"} - DATA == set()


def test_no_layer_imports_a_higher_one() -> None:
    wrong = []
    for path, line, source, target in _edges():
        here, there = _part(source), _part(target)
        if here == there or there in DATA or not there:
            continue
        if here == "testing":
            allowed = there in TESTING_MAY_IMPORT
        elif here == "":  # the root package re-exports everything
            continue
        else:
            allowed = there != "testing" and LAYERS[there] <= LAYERS[here]
        if not allowed:
            wrong.append(f"{path.relative_to(SRC)}:{line}: {source} imports {target}")
    assert wrong == []


def test_no_package_imports_the_root_package() -> None:
    wrong = [
        f"{path.relative_to(SRC)}:{line}: {source}"
        for path, line, source, target in _edges()
        if target == "estrategy" and _part(source) not in ("", "__main__")
    ]
    assert wrong == []


def test_no_package_imports_another_packages_private_module() -> None:
    wrong = []
    for path, line, source, target in _edges():
        if _part(source) == _part(target):
            continue
        # the imported *module* path; a private name imported from a public module is
        # just as private
        if any(p.startswith("_") and not p.startswith("__") for p in target.split(".")[1:]):
            wrong.append(f"{path.relative_to(SRC)}:{line}: {source} imports {target}")
    assert wrong == []


@pytest.mark.parametrize(
    ("statement", "heavy"),
    [
        ("import estrategy", ("numpy", "scipy", "networkx", "pyarrow", "ruamel", "click")),
        (
            "import estrategy.io",
            ("scipy", "networkx", "pyarrow", "matplotlib", "pandas", "openpyxl"),
        ),
        # a YAML model is read and written without the workbook or data-frame extras
        ("from estrategy import io; io.dumps(io.load_demo())", ("openpyxl", "pandas")),
        ("import estrategy.cli", ("numpy", "scipy", "networkx", "pyarrow", "ruamel")),
    ],
)
def test_light_entry_points_import_nothing_heavy(statement: str, heavy: tuple[str, ...]) -> None:
    code = f"import sys; {statement}; print(sorted({{m.split('.')[0] for m in sys.modules}}))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = set(ast.literal_eval(result.stdout))
    assert loaded & set(heavy) == set()


def test_the_architecture_page_names_every_layer_the_code_has() -> None:
    page = (DOCS / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`estrategy\.(\w+)`", page))
    assert {p for p in LAYERS if not p.startswith("_")} <= named


def test_no_code_or_doc_refers_to_documents_outside_the_repository() -> None:
    offenders = [
        str(path)
        for folder in (SRC, DOCS)
        for path in folder.rglob("*")
        if path.suffix in {".py", ".md", ".toml", ".yaml"} and "DESIGN" in path.read_text("utf-8")
    ]
    assert offenders == []
