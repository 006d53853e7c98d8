"""pandas data frames: one typed frame per table, and back with located errors."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings

import estrategy
from estrategy import io
from estrategy.io._layout import layout
from estrategy.model import StrategyModel, format_path
from estrategy.testing import models

pd = pytest.importorskip("pandas")

FIXTURE = Path(__file__).parents[1] / "fixtures" / "lefevre.yaml"


@pytest.fixture(scope="module")
def lefevre() -> StrategyModel:
    return io.load(FIXTURE)


@settings.get_profile("few")  # whole models, converted twice
@given(models())
def test_any_model_round_trips_through_frames(model: StrategyModel) -> None:
    assert estrategy.from_frames(estrategy.to_frames(model)) == model


def test_one_typed_frame_per_table(lefevre: StrategyModel) -> None:
    frames = estrategy.to_frames(lefevre)
    assert list(frames) == ["about", *(table.name for table in layout().tables)]
    for table in layout().tables:
        assert list(frames[table.name].columns) == [c.key for c in table.columns]
    actions = frames["actions"]
    assert str(actions["deadline"].dtype) == "datetime64[s]"
    assert actions["deadline"][0] == pd.Timestamp(2027, 3, 31)
    assert actions["budget"][0] == Decimal(12000)
    assert actions["budget"].dtype == object
    assert list(actions["status"].cat.categories) == ["planned", "in_progress", "done", "dropped"]
    assert actions["tools"][0] == ["tool-crm"]
    assert str(frames["people"]["decision_maker"].dtype) == "bool"
    assert str(frames["kpis"]["target"].dtype) == "float64"
    assert str(frames["about"]["schema_version"].dtype) == "Int64"
    assert len(frames["about"]) == 1
    assert set(frames["measurements"]["kpi"]) <= {kpi.id for kpi in lefevre.kpis}


def test_errors_name_the_frame_row_and_column(lefevre: StrategyModel) -> None:
    frames = estrategy.to_frames(lefevre)
    actions = frames["actions"].astype({"status": object})
    actions.loc[1, "budget"] = Decimal(-5)
    actions.loc[2, "status"] = "dnoe"
    frames["actions"] = actions.rename(columns={"tools": "tols"})
    frames["tactic"] = frames.pop("tactics")
    with pytest.raises(io.LoadError) as caught:
        estrategy.from_frames(frames)
    assert str(caught.value).startswith("4 problems in frames:\n  frames['tactic']: ")
    found = [(e.place, format_path(e.path), e.message) for e in caught.value.errors]
    assert [(place, path) for place, path, _ in found] == [
        ("frames['tactic']", ""),
        ("frames['actions'] column tols", "actions"),
        ("frames['actions'] row 1, column budget", "actions[1].budget"),
        ("frames['actions'] row 2, column status", "actions[2].status"),
    ]
    for fragment, (_, _, message) in zip(
        ["'tactic' (did you mean 'tactics'?)", "'tols' (did you mean 'tools'?)", "-5", "'dnoe'"],
        found,
        strict=True,
    ):
        assert fragment in message


def test_row_labels_are_the_frames_own(lefevre: StrategyModel) -> None:
    frames = estrategy.to_frames(lefevre)
    frames["actions"] = frames["actions"].set_index(pd.Index([10, 20, 30, 40]))
    frames["actions"].loc[30, "deadline"] = pd.Timestamp(2026, 1, 1, 12, 30)
    with pytest.raises(io.LoadError) as caught:
        estrategy.from_frames(frames)
    (error,) = caught.value.errors
    assert str(error).startswith(
        "frames['actions'] row 30, column deadline: actions[2].deadline: expected a date"
    )


def test_lists_may_be_written_as_in_a_workbook_cell(lefevre: StrategyModel) -> None:
    frames = estrategy.to_frames(lefevre)
    frames["actions"] = frames["actions"].astype({"tools": object})
    frames["actions"].at[0, "tools"] = "tool-crm; tool-site"
    model = estrategy.from_frames(frames)
    assert model.actions[0].tools == ("tool-crm", "tool-site")


def test_the_about_frame_is_one_row(lefevre: StrategyModel) -> None:
    frames = estrategy.to_frames(lefevre)
    frames["about"] = pd.concat([frames["about"], frames["about"]])
    with pytest.raises(io.LoadError, match="the about frame has 2 rows"):
        estrategy.from_frames(frames)
    del frames["about"]
    with pytest.raises(io.LoadError, match="the about frame is missing"):
        estrategy.from_frames(frames)


def test_frames_from_scratch() -> None:
    frames = {
        "about": pd.DataFrame({"schema_version": [1], "name": ["From pandas"]}),
        "tactics": pd.DataFrame({"id": ["t-blog"], "kind": ["content_marketing"]}),
        "actions": pd.DataFrame(
            {"id": ["a"], "tactic": ["t-blog"], "deadline": [dt.date(2026, 5, 1)], "budget": [1.5]}
        ),
    }
    model = estrategy.from_frames(frames)
    assert model.actions[0].deadline == dt.date(2026, 5, 1)
    assert model.actions[0].budget == Decimal("1.5")


def test_missing_pandas_names_the_extra(
    lefevre: StrategyModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    from estrategy.base.errors import MissingExtraError

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"pandas: pip install 'estrategy\[pandas\]'"):
        estrategy.to_frames(lefevre)


def test_a_notebook_shows_a_summary_with_the_frames(lefevre: StrategyModel) -> None:
    html = lefevre._repr_html_()
    assert html.startswith("<div><strong>Lefèvre digital plan 2027</strong>, as of 2026-11-15")
    assert "<td>people</td><td>12</td>" in html
    assert "<td>measurements</td><td>3</td>" in html
    assert "estrategy.to_frames(model)[&quot;actions&quot;]" in html
    hostile = StrategyModel(name="<script>alert(1)</script>")._repr_html_()
    assert "<script>" not in hostile
