"""An organisation's compact arrays are built once and shared by every analysis of a run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

from estrategy.cli import main
from estrategy.io import dumps, load
from estrategy.model.tables import OrgTables, as_tables


def test_tables_are_derived_once_and_not_part_of_the_value(lefevre_path: Path) -> None:
    model = load(lefevre_path)
    org = model.organization
    first = as_tables(org)
    assert as_tables(org) is first
    copy = attrs.evolve(org)
    assert copy == org
    assert hash(copy) == hash(org)
    assert as_tables(copy) is not first
    assert "derived" not in dumps(model)
    assert "derived" not in repr(org)


def test_report_builds_the_tables_once(
    lefevre_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = []
    real_init = OrgTables.__init__

    def counting_init(self: OrgTables, *args: Any, **kwargs: Any) -> None:
        built.append(1)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(OrgTables, "__init__", counting_init)
    result = CliRunner().invoke(main, ["report", str(lefevre_path), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert len(built) == 1
