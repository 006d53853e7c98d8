"""The API reference lists every public name of every public package, and nothing else."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from docsite.api_pages import PACKAGES, api_pages

MKDOCS = Path(__file__).parents[2] / "mkdocs.yml"


@pytest.mark.parametrize("package", list(PACKAGES))
def test_a_package_page_documents_exactly_its_public_names(package: str) -> None:
    page = api_pages()[f"api/{package.rsplit('.', 1)[1]}.md"]
    documented = re.findall(r"^::: (\S+)$", page, flags=re.MULTILINE)
    assert documented[0] == package
    names = [path.rsplit(".", 1)[1] for path in documented[1:]]
    assert sorted(names) == sorted(importlib.import_module(package).__all__)
    for path in documented[1:]:
        module, name = path.rsplit(".", 1)
        assert hasattr(importlib.import_module(module), name), path


def test_every_api_page_is_in_the_navigation() -> None:
    nav = MKDOCS.read_text(encoding="utf-8")
    for uri in api_pages():
        assert f": {uri}\n" in nav
