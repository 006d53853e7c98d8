"""Tests of the organisation sources and analyses."""

from __future__ import annotations

from pathlib import Path


def hr_folder(path: Path, **files: str) -> Path:
    """A folder of an HR export: ``people="…"`` is ``people.csv``, a name with a dot as is."""
    path.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (path / (name if "." in name else f"{name}.csv")).write_text(text, encoding="utf-8")
    return path
