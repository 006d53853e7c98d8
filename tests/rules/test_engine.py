"""The rule engine: severities, the decorator, the registry, selection, settings, failures."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import attrs
import pytest

from estrategy.analysis import (
    Report,
    SelectionError,
    SettingsError,
    check,
    resolve_severities,
    select_rules,
)
from estrategy.model import StrategyModel, Tactic
from estrategy.rules import (
    CODE_PATTERN,
    Finding,
    Registry,
    Rule,
    RuleContext,
    RuleError,
    Severity,
    Violation,
    get_rule,
    parse_docstring,
    registry,
    rule,
)

DAY = dt.date(2026, 1, 1)
ORPHANS = StrategyModel(name="Orphans", tactics=[Tactic(id="t-b"), Tactic(id="t-a")])


def _doc_rule(reg: Registry, code: str = "XY001", name: str = "thing") -> Rule:
    @rule(code, name, "warning", registry=reg, settings={"xy_limit": 3})
    def thing(context: RuleContext) -> Iterator[Violation]:
        """Something is wrong.

        What it checks:
            A thing.

        Why it matters:
            Because.

            Second paragraph.

        How to fix:
            Fix it.
        """
        for i, tactic in enumerate(context.model.tactics):
            if i < context.settings["xy_limit"]:
                yield Violation(f"{tactic.id} is a thing", [tactic.id], ["tactics", i])

    return thing


def test_severity_is_ordered_with_error_the_greatest() -> None:
    assert Severity.ERROR > Severity.WARNING > Severity.INFO
    assert max([Severity.INFO, Severity.ERROR, Severity.WARNING]) is Severity.ERROR
    assert Severity("warning") == "warning"
    assert sorted(Severity) == [Severity.INFO, Severity.WARNING, Severity.ERROR]


def test_the_decorator_builds_a_documented_rule() -> None:
    thing = _doc_rule(Registry())
    assert thing.code == "XY001"
    assert thing.severity is Severity.WARNING
    assert thing.summary == "Something is wrong."
    assert thing.what == "A thing."
    assert thing.why == "Because.\n\nSecond paragraph."
    assert thing.fix == "Fix it."
    assert dict(thing.settings) == {"xy_limit": 3}
    assert "## Why it matters" in thing.documentation()
    assert "`xy_limit` (default `3`)" in thing.documentation()


def test_parse_docstring_tolerates_missing_sections() -> None:
    assert parse_docstring("Only a summary.") == {
        "summary": "Only a summary.",
        "what": "",
        "why": "",
        "fix": "",
    }


@pytest.mark.parametrize("code", ["X1", "STRATEGY1", "ab001", "AB", "AB12345", "A-B1"])
def test_malformed_codes_are_refused(code: str) -> None:
    with pytest.raises(RuleError, match="not valid"):
        _doc_rule(Registry(), code=code)


def test_names_must_be_kebab_case() -> None:
    with pytest.raises(RuleError, match="kebab-case"):
        _doc_rule(Registry(), name="Not_Kebab")


def test_builtin_prefixes_are_reserved_for_estrategy() -> None:
    with pytest.raises(RuleError, match="reserved for estrategy's built-in rules"):
        _doc_rule(Registry(), code="STR100")


def test_a_taken_code_is_refused_with_both_origins() -> None:
    reg = Registry()
    _doc_rule(reg)
    with pytest.raises(RuleError, match=r"XY001 from .* is already used by thing"):
        _doc_rule(reg)


def test_code_pattern() -> None:
    assert CODE_PATTERN.match("ACME001")
    assert not CODE_PATTERN.match("ACMEX001")


def test_registry_holds_the_builtin_catalogue_in_code_order() -> None:
    codes = list(registry())
    assert codes == sorted(codes)
    families = {re.sub(r"\d", "", c) for c in codes if registry()[c].origin == "builtin"}
    assert {"STR", "ACT", "MES", "ROL", "TEC", "CHN"} <= families
    for code, r in registry().items():
        assert r.code == code
        if r.origin == "builtin":
            assert r.what, code
            assert r.why, code
            assert r.fix, code
            assert "*" in r.why, f"{code}: the why cites a seed by its title"


def test_get_rule_is_case_insensitive_and_suggests() -> None:
    assert get_rule("act003").name == "overdue-action"
    with pytest.raises(KeyError, match="did you mean"):
        get_rule("ACT030")


def test_select_and_ignore_by_code_or_prefix() -> None:
    rules = registry()

    def codes(select: object, ignore: object) -> list[str]:
        return [r.code for r in select_rules(rules, select, ignore)]  # type: ignore[arg-type]

    assert codes("ACT", None) == ["ACT001", "ACT002", "ACT003", "ACT004"]
    assert codes(["ACT", "STR001"], "ACT00") == ["STR001"]
    # a more specific select wins over a broader ignore, as in ruff
    assert codes("ACT003", "ACT") == ["ACT003"]
    assert codes("ACT", "ACT003") == ["ACT001", "ACT002", "ACT004"]
    assert "STR001" not in codes(None, "STR")
    assert codes("ALL", None) == list(rules)


def test_selectors_that_match_nothing_are_errors() -> None:
    with pytest.raises(SelectionError, match="'STX' matches no rule"):
        select_rules(registry(), "STX")
    # STR001 and STR010 are equally close; either is a fair suggestion
    with pytest.raises(SelectionError, match=r"did you mean STR0(01|10)\?"):
        select_rules(registry(), None, "STR01X")


def test_severity_overrides_by_prefix_the_longest_wins() -> None:
    levels = resolve_severities(registry().values(), {"ACT": "info", "ACT003": "error"})
    assert levels["ACT001"] is Severity.INFO
    assert levels["ACT003"] is Severity.ERROR
    assert levels["STR001"] is get_rule("STR001").severity
    with pytest.raises(SelectionError, match="not one of"):
        resolve_severities(registry().values(), {"ACT": "fatal"})


def test_check_applies_severity_overrides_to_findings() -> None:
    report = check(ORPHANS, select="STR001", severities={"STR": "info"}, as_of=DAY)
    assert {f.severity for f in report.findings} == {Severity.INFO}


def test_settings_reach_the_rules_and_are_validated() -> None:
    reg = Registry()
    _doc_rule(reg)
    model = StrategyModel(tactics=[Tactic(id=f"t-{i}") for i in range(5)])
    assert len(check(model, rules=reg.rules(), as_of=DAY).findings) == 3
    assert len(check(model, rules=reg.rules(), as_of=DAY, settings={"xy_limit": 1}).findings) == 1
    with pytest.raises(SettingsError, match="did you mean 'xy_limit'"):
        check(model, rules=reg.rules(), settings={"xy_limits": 1})
    with pytest.raises(SettingsError, match="expects a value like 3"):
        check(model, rules=reg.rules(), settings={"xy_limit": "many"})


def test_a_rule_that_raises_becomes_a_finding_and_the_others_run() -> None:
    reg = Registry()
    _doc_rule(reg)

    @rule("XY002", "broken", "info", registry=reg)
    def broken(context: RuleContext) -> Iterator[Violation]:
        """Always breaks."""
        yield Violation("first one is fine")
        raise ZeroDivisionError("division by zero")

    report = check(ORPHANS, rules=reg.rules(), as_of=DAY)
    failure = [f for f in report.findings if f.code == "XY002"]
    assert len(failure) == 1
    assert failure[0].severity is Severity.ERROR
    assert "ZeroDivisionError: division by zero" in failure[0].message
    assert [f.code for f in report.findings].count("XY001") == 2


def test_findings_are_sorted_by_severity_code_and_path() -> None:
    findings = [
        Finding("B001", "b", "info", "m", [], ["tactics", 10]),
        Finding("B001", "b", "info", "m", [], ["tactics", 2]),
        Finding("A001", "a", "info", "m", [], ["tactics", 1]),
        Finding("C001", "c", "error", "m", [], []),
    ]
    report = Report(model_name="m", as_of=DAY, findings=findings)
    assert [(f.code, f.path) for f in report.findings] == [
        ("C001", ()),
        ("A001", ("tactics", 1)),
        ("B001", ("tactics", 2)),
        ("B001", ("tactics", 10)),
    ]
    assert dict(report.summary) == {"error": 1, "warning": 0, "info": 3}
    assert [f.code for f in report.at_or_above("warning")] == ["C001"]


def test_as_of_defaults_to_the_model_then_today() -> None:
    assert check(ORPHANS, select="STR001").as_of == dt.date.today()
    dated = attrs.evolve(ORPHANS, as_of=DAY)
    assert check(dated, select="STR001").as_of == DAY
    assert check(dated, select="STR001", as_of=dt.date(2027, 1, 1)).as_of == dt.date(2027, 1, 1)


def test_memo_computes_once_per_run() -> None:
    calls: list[int] = []
    reg = Registry()

    def shared(context: RuleContext) -> int:
        return context.memo("shared", lambda: calls.append(1) or 7)  # type: ignore[func-returns-value]

    @rule("XY010", "one", registry=reg)
    def one(context: RuleContext) -> Iterator[Violation]:
        """One."""
        shared(context)
        return iter(())

    @rule("XY011", "two", registry=reg)
    def two(context: RuleContext) -> Iterator[Violation]:
        """Two."""
        shared(context)
        return iter(())

    check(ORPHANS, rules=reg.rules(), as_of=DAY)
    assert calls == [1]
    check(ORPHANS, rules=reg.rules(), as_of=DAY)
    assert calls == [1, 1]


def test_report_to_dict_is_the_json_contract() -> None:
    report = check(ORPHANS, select="STR001", as_of=DAY)
    assert report.to_dict() == {
        "version": 1,
        "model": "Orphans",
        "as_of": "2026-01-01",
        "findings": [
            {
                "code": "STR001",
                "name": "orphan-tactic",
                "severity": "error",
                "message": f"tactic {t} implements no strategy",
                "subjects": [t],
                "path": f"tactics[{i}]",
            }
            for i, t in ((0, "t-b"), (1, "t-a"))
        ],
        "suppressed": [],
        "summary": {"error": 2, "warning": 0, "info": 0},
    }


def test_repr_html_escapes_and_lists_findings() -> None:
    model = StrategyModel(name="<b>", tactics=[Tactic(id="t-a")])
    html = check(model, select="STR001", as_of=DAY)._repr_html_()
    assert "&lt;b&gt;" in html
    assert "<td>STR001</td>" in html
    assert "No finding" in check(StrategyModel(), select="STR001", as_of=DAY)._repr_html_()


def test_to_frame_without_pandas_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"estrategy\[pandas\]"):
        check(ORPHANS, select="STR001", as_of=DAY).to_frame()


def test_to_frame_with_pandas() -> None:
    pytest.importorskip("pandas")
    frame = check(ORPHANS, select="STR001", as_of=DAY).to_frame()
    assert list(frame["code"]) == ["STR001", "STR001"]


def test_a_setting_declared_twice_must_share_its_default() -> None:
    reg = Registry()
    _doc_rule(reg)
    _doc_rule(reg, code="XY002", name="same-default")  # same name, same default: shared
    with pytest.raises(RuleError, match="'xy_limit' with the default 4"):

        @rule("XY003", "other-default", registry=reg, settings={"xy_limit": 4})
        def other(context: RuleContext) -> Iterator[Violation]:
            """Other."""
            return iter(())


def test_a_minimum_is_declared_with_the_setting_and_documented() -> None:
    from estrategy.analysis import SettingsError

    reg = Registry()

    @rule("XY001", "bounded", registry=reg, settings={"xy_days": 7}, minimums={"xy_days": 1})
    def bounded(context: RuleContext) -> Iterator[Violation]:
        """Bounded."""
        return iter(())

    assert "- `xy_days` (default `7`, at least `1`)" in bounded.documentation()
    assert check(ORPHANS, rules=[bounded], settings={"xy_days": 1}).findings == ()
    with pytest.raises(SettingsError, match="setting 'xy_days' must be at least 1, got 0"):
        check(ORPHANS, rules=[bounded], settings={"xy_days": 0})


def test_a_minimum_for_an_undeclared_setting_is_refused() -> None:
    with pytest.raises(RuleError, match="minimum for xy_other"):

        @rule("XY001", "bounded", registry=Registry(), settings={"xy_days": 7},
              minimums={"xy_other": 1})  # fmt: skip
        def bounded(context: RuleContext) -> Iterator[Violation]:
            """Bounded."""
            return iter(())


def test_checking_imports_neither_rich_nor_click() -> None:
    import subprocess
    import sys

    code = (
        "import sys, datetime\n"
        "from estrategy.analysis import check\n"
        "from estrategy.model import StrategyModel\n"
        "check(StrategyModel(), as_of=datetime.date(2026, 1, 1))\n"
        "print(sorted(m for m in ('rich', 'click') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_rule_returning_none_found_nothing() -> None:
    reg = Registry()

    @rule("XY020", "quiet", registry=reg)  # type: ignore[arg-type]  # returning None is the point
    def quiet(context: RuleContext) -> None:
        """Returns nothing at all."""

    assert check(ORPHANS, rules=reg.rules(), as_of=DAY).findings == ()
