"""Doctest configuration for the docstring examples of ``src/`` (run by ``--doctest-modules``).

Not part of the package: the wheel ships ``src/estrategy`` only.
"""

from __future__ import annotations

import importlib.util
import re

import pytest
from _pytest.doctest import DoctestItem

# A docstring example that needs an optional extra says so in a comment on its line
# (`# needs pandas`); it is skipped, not failed, where that extra is not installed.
_NEEDS = re.compile(r"#\s*needs (?P<extra>[\w-]+)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skips the doctests whose examples need an extra that is not installed."""
    for item in items:
        if not isinstance(item, DoctestItem) or item.dtest is None:
            continue
        needed = {m["extra"] for e in item.dtest.examples for m in _NEEDS.finditer(e.source)}
        missing = sorted(x for x in needed if importlib.util.find_spec(x) is None)
        if missing:
            item.add_marker(pytest.mark.skip(reason=f"needs {', '.join(missing)}"))
