"""The API reference: a page per public package, listing exactly its ``__all__``.

Each page renders the package's docstring, then every public name with mkdocstrings, from
the module that defines it; a name added to a package's ``__all__`` gets its entry with
no other change.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Mapping

__all__ = ["PACKAGES", "api_page", "api_pages", "defining_path"]

PACKAGES: Mapping[str, str] = {
    "estrategy.io": "Model files",
    "estrategy.model": "The model",
    "estrategy.analysis": "Checking",
    "estrategy.rules": "Rules",
    "estrategy.settings": "Configuration",
    "estrategy.catalogue": "The catalogue",
    "estrategy.org": "The organisation",
    "estrategy.maturity": "Maturity",
    "estrategy.report": "Rendering",
    "estrategy.testing": "Testing",
}
"""Each public package documented, with the title of its page, in the navigation's order."""


def defining_path(package: str, name: str) -> str:
    """The dotted path of the object ``package.name`` where it is defined.

    Constants and aliases that have no module of their own are documented where the
    package's ``__init__`` brings them from, else in the package itself.

    Example:
        >>> defining_path("estrategy.io", "load")
        'estrategy.io.files.load'
        >>> defining_path("estrategy.io", "DEFAULT_LIMITS")
        'estrategy.io.limits.DEFAULT_LIMITS'
    """
    value = getattr(importlib.import_module(package), name)
    module = (
        getattr(value, "__module__", None) if inspect.isclass(value) or callable(value) else None
    )
    if module and module.startswith(package) and hasattr(importlib.import_module(module), name):
        return f"{module}.{name}"
    homes = [
        module_name
        for module_name, loaded in sorted(sys.modules.items())
        if module_name.startswith(f"{package}.")
        and name in getattr(loaded, "__all__", ())
        and getattr(loaded, name, None) is value
    ]
    return f"{homes[-1]}.{name}" if homes else f"{package}.{name}"


def api_page(package: str) -> str:
    """The Markdown of one package's page."""
    module = importlib.import_module(package)
    names = sorted(getattr(module, "__all__", ()), key=lambda n: (not n[0].isupper(), n.lower()))
    lines = [
        f"# {PACKAGES[package]}: `{package}`",
        "",
        f"::: {package}",
        "    options:",
        "      members: false",
        "      show_root_heading: false",
        "      show_root_toc_entry: false",
        "",
    ]
    for name in names:
        lines += [
            f"::: {defining_path(package, name)}",
            "    options:",
            "      show_root_heading: true",
            "      show_root_full_path: false",
            "      heading_level: 2",
            "",
        ]
    return "\n".join(lines)


def api_pages() -> dict[str, str]:
    """Every API page by source path (``api/io.md``)."""
    return {f"api/{p.rsplit('.', 1)[1]}.md": api_page(p) for p in PACKAGES}
