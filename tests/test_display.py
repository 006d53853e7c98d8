"""The one notebook display and pandas conversion every result shares."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from estrategy.analysis import Report, check
from estrategy.base.display import HTML_ROW_LIMIT, NESTED_ROW_LIMIT, Displayable
from estrategy.maturity import Assessment, Comparison, assess, compare
from estrategy.model import Organization, Person, StrategyModel
from estrategy.org import analyze
from estrategy.rules import Finding

DAY = dt.date(2026, 1, 1)
ROW = re.compile(r"<tr><td>")


@attrs.frozen
class _Rows(Displayable):
    """A minimal result: one row per value, and a nested list in its data."""

    values: tuple[str, ...] = ()
    nested: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"values": list(self.values), "nested": [{"n": n} for n in self.nested]}

    def _rows(self) -> list[dict[str, Any]]:
        return [{"value": v} for v in self.values]

    def _html_rows(self) -> list[dict[str, Any]]:
        return self._rows()


def _findings(n: int) -> tuple[Finding, ...]:
    return tuple(
        Finding(code="STR001", name="orphan-tactic", severity="error", message=f"m{i}")
        for i in range(n)
    )


def _more(html: str) -> str | None:
    found = re.search(r"… ([\d,]+) more rows?</td></tr>", html)
    return found.group(1) if found else None


# --- every result uses the one implementation ---------------------------------------------


@pytest.mark.parametrize("cls", [Report, Assessment, Comparison, type(analyze(Organization()))])
def test_results_share_the_one_implementation(cls: type) -> None:
    assert issubclass(cls, Displayable)
    # a result says what to show; how is never written again
    assert "_repr_html_" not in vars(cls)
    assert "to_frame" not in vars(cls)


def test_the_display_module_imports_nothing_heavy() -> None:
    probe = (
        "import sys, estrategy, estrategy.base.display, estrategy.analysis;"
        "print([m for m in ('pandas', 'numpy', 'scipy') if m in sys.modules])"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "[]"


# --- the row limit ------------------------------------------------------------------------


def test_a_report_of_ten_thousand_findings_shows_the_limit_then_counts_the_rest() -> None:
    html = Report(model_name="big", as_of=DAY, findings=_findings(10_000))._repr_html_()
    assert len(ROW.findall(html)) == HTML_ROW_LIMIT
    assert _more(html) == f"{10_000 - HTML_ROW_LIMIT:,}"
    assert '<td colspan="6">… 9,800 more rows</td></tr></tbody></table></div>' in html
    # the header still counts every finding
    assert "10,000 errors" in html


@pytest.mark.parametrize(
    ("n", "more"), [(HTML_ROW_LIMIT, None), (HTML_ROW_LIMIT + 1, "1"), (0, None)]
)
def test_the_limit_is_exact(n: int, more: str | None) -> None:
    html = Report(model_name="m", as_of=DAY, findings=_findings(n))._repr_html_()
    assert len(ROW.findall(html)) == min(n, HTML_ROW_LIMIT)
    assert _more(html) == more
    assert ("1 more row<" in html) is (more == "1")


def test_the_frame_keeps_every_row() -> None:
    pytest.importorskip("pandas")
    report = Report(model_name="big", as_of=DAY, findings=_findings(HTML_ROW_LIMIT + 7))
    frame = report.to_frame()
    assert len(frame) == HTML_ROW_LIMIT + 7
    assert list(frame.columns) == ["code", "name", "severity", "message", "subjects", "path"]


@given(n=st.integers(min_value=0, max_value=2 * HTML_ROW_LIMIT + 3))
def test_shown_plus_counted_rows_are_all_the_rows(n: int) -> None:
    html = _Rows(values=tuple(str(i) for i in range(n)))._repr_html_()
    shown = len(ROW.findall(html))
    counted = int((_more(html) or "0").replace(",", ""))
    assert shown == min(n, HTML_ROW_LIMIT)
    assert shown + counted == n


def test_nested_tables_have_their_own_smaller_limit() -> None:
    @attrs.frozen
    class Nested(Displayable):
        n: int

        def to_dict(self) -> dict[str, Any]:
            return {"items": [{"i": i} for i in range(self.n)], "name": "x"}

    html = Nested(NESTED_ROW_LIMIT + 3)._repr_html_()
    assert html.startswith("<div><strong>Nested</strong><table>")
    assert html.count("<tr><td>") == 1 + NESTED_ROW_LIMIT  # the outer row, then the nested
    assert '<td colspan="1">… 3 more rows</td>' in html


# --- escaping -----------------------------------------------------------------------------


@given(text=st.text())
def test_cells_are_escaped(text: str) -> None:
    html = _Rows(values=(text,), nested=())._repr_html_()
    cell = html.split("<tbody><tr><td>", 1)[1].rsplit("</td></tr></tbody>", 1)[0]
    assert "<" not in cell
    assert ">" not in cell


def test_heads_and_tails_escape_model_names() -> None:
    hostile = "<script>x</script>"
    for html in (
        check(StrategyModel(name=hostile), select="STR001", as_of=DAY)._repr_html_(),
        assess(StrategyModel(name=hostile))._repr_html_(),
    ):
        assert "<script>" not in html
        assert "&lt;script&gt;" in html


# --- the content each result chooses ------------------------------------------------------


def test_a_report_table_lists_severity_first_and_joins_subjects() -> None:
    finding = Finding(
        code="ORG002",
        name="n",
        severity="warning",
        message="<m>",
        subjects=("a", "b"),
        path=("tactics", 2),
    )
    html = Report(model_name="m", as_of=DAY, findings=(finding,))._repr_html_()
    assert (
        "<th>severity</th><th>code</th><th>name</th><th>message</th><th>subjects</th><th>path</th>"
    ) in html
    assert "<td>warning</td><td>ORG002</td><td>n</td><td>&lt;m&gt;</td><td>a, b</td>" in html
    assert "<td>tactics[2]</td>" in html


def test_an_empty_report_says_so_without_a_table() -> None:
    html = check(StrategyModel(), select="STR001", as_of=DAY)._repr_html_()
    assert "<p>No finding.</p>" in html
    assert "<table>" not in html


def test_an_empty_report_frame_keeps_its_columns() -> None:
    pytest.importorskip("pandas")
    frame = check(StrategyModel(), select="STR001", as_of=DAY).to_frame()
    assert frame.empty
    assert list(frame.columns) == ["code", "name", "severity", "message", "subjects", "path"]


def test_a_comparison_shows_before_after_and_change(lefevre: StrategyModel) -> None:
    html = compare(lefevre, lefevre)._repr_html_()
    assert "<th>dimension</th><th>before</th><th>after</th><th>change</th>" in html
    assert "<td>Strategy</td><td>81</td><td>81</td><td>+0</td>" in html


def test_an_assessment_lists_the_eight_steps_after_the_table(lefevre: StrategyModel) -> None:
    html = assess(lefevre)._repr_html_()
    assert html.index("</table>") < html.index("<ol style='list-style:none'>")
    assert html.count("<li>") == 8


# --- pandas -------------------------------------------------------------------------------


def test_without_pandas_every_result_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, lefevre: StrategyModel
) -> None:
    results = [
        check(lefevre, as_of=DAY),
        assess(lefevre),
        compare(lefevre, lefevre),
        analyze(Organization(people=[Person(id="x")])),
    ]
    monkeypatch.setitem(sys.modules, "pandas", None)
    for result in results:
        name = type(result).__name__
        with pytest.raises(
            ImportError, match=rf"^{name}\.to_frame\(\) needs pandas: .*estrategy\[pandas\]"
        ):
            result.to_frame()


@pytest.fixture
def lefevre(lefevre_path: Path) -> StrategyModel:
    from estrategy.io import load

    return load(lefevre_path)


@attrs.frozen
class _Number(Displayable):
    """A minimal result of one row holding one float."""

    value: float

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value}

    def _rows(self) -> list[dict[str, Any]]:
        return [{"value": self.value}]


@pytest.mark.parametrize(
    ("value", "shown"),
    [(14410.3, "14,410"), (2.5e9, "2,500,000,000"), (12.3456, "12.35"), (0.000123, "0.000123")],
)
def test_float_cells_keep_four_digits_but_write_thousands_out(value: float, shown: str) -> None:
    assert f"<td>{shown}</td>" in _Number(value)._repr_html_()
