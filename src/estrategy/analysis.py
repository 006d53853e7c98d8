"""``check()``: run the selected coherence rules on a model and collect a :class:`Report`.

Example:
    >>> from estrategy.model import StrategyModel, Tactic
    >>> report = check(StrategyModel(name="Demo", tactics=[Tactic(id="t-blog")]),
    ...                select=["STR001"], as_of=dt.date(2026, 1, 1))
    >>> [(f.code, f.subjects) for f in report.findings]
    [('STR001', ('t-blog',))]
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from estrategy.base.display import Displayable
from estrategy.base.errors import EstrategyError
from estrategy.base.escape import excerpt, html_text
from estrategy.base.formats import Series
from estrategy.base.messages import Message, as_message, ntr, tr
from estrategy.catalogue import Catalogue, default_catalogue
from estrategy.model import ModelPath, StrategyModel
from estrategy.model.dates import resolve_as_of
from estrategy.model.suggest import suggestion, with_suggestion
from estrategy.model.suppression import suppressions_of
from estrategy.rules import Finding, Rule, RuleContext, Severity, registry
from estrategy.rules.suppressions import RUN_LEVEL_CODES, UNUSED_SUPPRESSIONS
from estrategy.suppressions import Suppressed, apply_suppressions

__all__ = [
    "JSON_VERSION",
    "Report",
    "SelectionError",
    "SettingsError",
    "check",
    "resolve_settings",
    "resolve_severities",
    "select_rules",
    "setting_problems",
    "severity_count",
]

JSON_VERSION = 1
"""The ``version`` field of the JSON output; fields may be added, never renamed."""


class SelectionError(EstrategyError, ValueError):
    """A ``select``, ``ignore`` or severity selector matches no rule, or is malformed."""


class SettingsError(EstrategyError, ValueError):
    """A setting is unknown or has a value of the wrong type."""


def _summary(findings: Iterable[Finding]) -> Mapping[str, int]:
    counts = {str(s): 0 for s in Severity}
    for finding in findings:
        counts[str(finding.severity)] += 1
    return MappingProxyType(counts)


def _sorted_codes(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(codes))


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=Finding.sort_key))


def _sorted_suppressed(items: Iterable[Suppressed]) -> tuple[Suppressed, ...]:
    return tuple(sorted(items, key=lambda s: s.finding.sort_key()))


@attrs.frozen
class Report(Displayable):
    """The result of :func:`check`: the findings of one run, in a stable order.

    In a notebook it shows as a table of the findings (the first
    :data:`~estrategy.base.display.HTML_ROW_LIMIT`, then how many more); ``to_frame()`` gives
    them all, one row per finding (needs pandas).

    Attributes:
        model_name: the model's ``name``.
        as_of: the as-of date the rules used.
        findings: the findings, most severe first, then by code, path and subjects.
        rules: the codes of the rules that ran, sorted.
        suppressed: the findings accepted on purpose by a suppression (an element's
            ``ignore``, or the configuration's ``[per-subject-ignores]``), in the order of
            ``findings``; they count for nothing (summary, exit status).
        language: the model's ``language`` (the command line reports in it unless told
            otherwise; docs/languages.md).
    """

    model_name: str
    as_of: dt.date
    findings: tuple[Finding, ...] = attrs.field(default=(), converter=_sorted)
    rules: tuple[str, ...] = attrs.field(default=(), converter=_sorted_codes)
    suppressed: tuple[Suppressed, ...] = attrs.field(default=(), converter=_sorted_suppressed)
    language: str | None = None

    @property
    def summary(self) -> Mapping[str, int]:
        """Number of findings per severity (every severity present, zero included)."""
        return _summary(self.findings)

    def at_or_above(self, severity: Severity | str) -> tuple[Finding, ...]:
        """The findings whose severity is ``severity`` or worse."""
        threshold = Severity(severity)
        return tuple(f for f in self.findings if f.severity >= threshold)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON output contract of docs/architecture.md (fields may be added, never renamed).

        The findings' messages are in ``lang``; every other value is the same in every
        language.
        """
        return {
            "version": JSON_VERSION,
            "model": self.model_name,
            "as_of": self.as_of.isoformat(),
            "findings": [f.to_dict(lang) for f in self.findings],
            "suppressed": [s.to_dict(lang) for s in self.suppressed],
            "summary": dict(self.summary),
        }

    def _rows(self) -> list[dict[str, Any]]:
        return [f.to_dict() for f in self.findings]

    def _frame_columns(self) -> list[str]:
        return ["code", "name", "severity", "message", "subjects", "path"]

    def _html_head(self) -> str:
        counts = ", ".join(str(severity_count(s, n)) for s, n in self.summary.items())
        head = (
            f"<p><strong>{html_text(self.model_name or 'model')}</strong> "
            f"as of {self.as_of.isoformat()}: {html_text(counts)}</p>"
        )
        return head if self.findings else head + "<p>No finding.</p>"

    def _html_rows(self) -> list[dict[str, Any]]:
        columns = ("severity", "code", "name", "message", "subjects", "path")
        return [{c: row[c] for c in columns} for row in self._rows()]


def severity_count(severity: str, n: int) -> Message:
    """``1 error``, ``3 warnings``, ``0 info``: a count of findings of one severity.

    Example:
        >>> severity_count("warning", 8).render("en"), severity_count("warning", 8).render("fr")
        ('8 warnings', '8 avertissements')
    """
    if severity == "error":
        return ntr("{n} error", "{n} errors", n)
    if severity == "warning":
        return ntr("{n} warning", "{n} warnings", n)
    if severity == "info":
        return ntr("{n} info", "{n} info", n)
    return tr("{n} {severity}", n=n, severity=severity)


def _selectors(value: Iterable[str] | str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(s.strip().upper() for s in items if s.strip())


def _match_length(code: str, selectors: Iterable[str]) -> int:
    """Length of the longest selector that is a prefix of ``code`` (-1: none; ALL is 0)."""
    best = -1
    for selector in selectors:
        if selector == "ALL":
            best = max(best, 0)
        elif code.startswith(selector):
            best = max(best, len(selector))
    return best


def _no_rule(what: str, selector: str, close: str | None) -> Message:
    shown = {"selector": excerpt(selector), "suggestion": close}
    if what == "select":
        if close:
            return tr("select {selector} matches no rule (did you mean {suggestion}?)", **shown)
        return tr("select {selector} matches no rule", **shown)
    if what == "ignore":
        if close:
            return tr("ignore {selector} matches no rule (did you mean {suggestion}?)", **shown)
        return tr("ignore {selector} matches no rule", **shown)
    if close:
        return tr(
            "severity override {selector} matches no rule (did you mean {suggestion}?)", **shown
        )
    return tr("severity override {selector} matches no rule", **shown)


def _check_selectors(selectors: Iterable[str], codes: Iterable[str], what: str) -> None:
    known = list(codes)
    for selector in selectors:
        if selector != "ALL" and not any(code.startswith(selector) for code in known):
            raise SelectionError(_no_rule(what, selector, suggestion(selector, known)))


def select_rules(
    rules: Mapping[str, Rule],
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
) -> tuple[Rule, ...]:
    """The rules that run, given codes or prefixes to select and to ignore.

    A rule runs when some selector matches it (every rule when ``select`` is ``None``;
    ``ALL`` matches every rule) and no *more or equally specific* ignore matches it, so
    ``select=["ACT003"], ignore=["ACT"]`` still runs ACT003, as in ruff.

    Raises:
        SelectionError: a selector matches no rule.

    Example:
        >>> from estrategy.rules import registry
        >>> [r.code for r in select_rules(registry(), "ACT", "ACT003,ACT004")]
        ['ACT001', 'ACT002']
    """
    chosen = _selectors(select)
    dropped = _selectors(ignore) or ()
    _check_selectors(chosen or (), rules, "select")
    _check_selectors(dropped, rules, "ignore")
    result = []
    for code, candidate in rules.items():
        selected = 0 if chosen is None else _match_length(code, chosen)
        if selected < 0:
            continue
        ignored = _match_length(code, dropped)
        if ignored >= 0 and ignored >= selected:
            continue
        result.append(candidate)
    return tuple(sorted(result, key=lambda r: r.code))


def resolve_severities(
    rules: Iterable[Rule], overrides: Mapping[str, Severity | str] | None
) -> dict[str, Severity]:
    """Each rule's severity after overrides by code or prefix (the longest prefix wins).

    Raises:
        SelectionError: an override's key matches no rule, or its value is no severity.
    """
    rules = list(rules)
    resolved = {r.code: r.severity for r in rules}
    if not overrides:
        return resolved
    normalised: dict[str, Severity] = {}
    for key, value in overrides.items():
        try:
            normalised[key.strip().upper()] = Severity(str(value).strip().lower())
        except ValueError:
            raise SelectionError(
                tr(
                    "severity {value} for {key} is not one of error, warning, info",
                    value=excerpt(value),
                    key=excerpt(key),
                )
            ) from None
    _check_selectors(normalised, [r.code for r in rules], "severity override")
    for code in resolved:
        best = max(
            (k for k in normalised if k == "ALL" or code.startswith(k)),
            key=lambda k: 0 if k == "ALL" else len(k),
            default=None,
        )
        if best is not None:
            resolved[code] = normalised[best]
    return resolved


def _coerce(name: str, value: Any, default: Any) -> Any:
    """Check a setting's value against the type of its default."""
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        try:
            value = float(value) if ok else value
        except OverflowError:  # an integer of hundreds of digits
            raise SettingsError(_out_of_range(name, value)) from None
    elif isinstance(default, tuple | list):
        ok = isinstance(value, list | tuple) and all(isinstance(v, str) for v in value)
        value = tuple(value) if ok else value
    elif isinstance(default, str):
        ok = isinstance(value, str)
    else:
        ok = True
    if not ok:
        raise SettingsError(
            tr(
                "setting {name} expects a value like {default}, got {value}",
                name=repr(name),
                default=repr(default),
                value=excerpt(value),
            )
        )
    return value


def _out_of_range(name: str, value: Any) -> Message:
    return tr("setting {name} is out of range, got {value}", name=repr(name), value=excerpt(value))


_LARGEST = 10**15
"""The largest size of a numeric setting: beyond it a value is a slip, not a setting."""


@attrs.frozen
class _Declared:
    """What the rules declare of their settings: defaults, minimums and choices."""

    defaults: Mapping[str, Any]
    minimums: Mapping[str, float]
    choices: Mapping[str, tuple[str, ...]]

    @classmethod
    def of(cls, known: Iterable[Rule]) -> _Declared:
        defaults: dict[str, Any] = {}
        minimums: dict[str, float] = {}
        choices: dict[str, tuple[str, ...]] = {}
        for r in sorted(known, key=lambda r: r.code):
            for name, value in r.settings.items():
                defaults.setdefault(name, value)
            for name, least in r.minimums.items():
                minimums[name] = max(least, minimums.get(name, least))
            for name, values in r.choices.items():
                choices.setdefault(name, values)
        return cls(defaults, minimums, choices)

    def problems(self, name: str, value: Any) -> tuple[Any, list[tuple[ModelPath, Message]]]:
        """The value as the rules read it, and every problem of it (path under the name)."""
        if name not in self.defaults:
            unknown = with_suggestion(
                tr("unknown setting {name}", name=excerpt(name)), suggestion(name, self.defaults)
            )
            return value, [((name,), unknown)]
        default = self.defaults[name]
        try:
            value = _coerce(name, value, default)
        except SettingsError as error:
            return value, [((name,), as_message(error.args[0]))]
        if isinstance(value, float) and not math.isfinite(value):
            message = tr(
                "setting {name} must be a finite number, got {value}",
                name=repr(name),
                value=repr(value),
            )
            return value, [((name,), message)]
        if isinstance(value, int | float) and not isinstance(value, bool):
            if abs(value) > _LARGEST:
                return value, [((name,), _out_of_range(name, value))]
            if name in self.minimums and value < self.minimums[name]:
                message = tr(
                    "setting {name} must be at least {least}, got {value}",
                    name=repr(name),
                    least=repr(self.minimums[name]),
                    value=excerpt(value),
                )
                return value, [((name,), message)]
        allowed = self.choices.get(name)
        if allowed is None:
            return value, []
        return value, [
            ((name, index), self._not_a_choice(name, item, allowed))
            for index, item in enumerate(value)
            if item not in allowed
        ]

    @staticmethod
    def _not_a_choice(name: str, item: str, allowed: tuple[str, ...]) -> Message:
        close = suggestion(item, allowed)
        shown = {"name": repr(name), "item": excerpt(item), "allowed": ", ".join(allowed)}
        if close is None:
            return tr(
                "setting {name}: {item} is not one of its values; expected items among {allowed}",
                **shown,
            )
        return tr(
            "setting {name}: {item} is not one of its values (did you mean {suggestion}?); "
            "expected items among {allowed}",
            suggestion=excerpt(close),
            **shown,
        )


def _resolve_settings(given: Mapping[str, Any] | None, known: Iterable[Rule]) -> dict[str, Any]:
    declared = _Declared.of(known)
    values = dict(declared.defaults)
    for name, value in (given or {}).items():
        values[name], problems = declared.problems(name, value)
        if problems:
            messages = [message for _path, message in problems]
            raise SettingsError(messages[0] if len(messages) == 1 else _joined(messages))
    return values


def _joined(messages: list[Message]) -> Message:
    """Several problems of one setting, in one sentence."""
    return tr("{problems}", problems=Series(messages, separator="; "))


def resolve_settings(
    settings: Mapping[str, Any] | None = None, *, rules: Iterable[Rule] | None = None
) -> Mapping[str, Any]:
    """Every rule setting's value: the one given, checked as ``check`` checks it, else its default.

    ``check`` and ``estrategy.maturity.assess`` read their settings through this, so a
    value one accepts the other accepts too, with the same meaning.

    Args:
        settings: setting values by name (``{"upward_hops": 4}``); the others keep the
            defaults their rules declare.
        rules: the rules whose settings are known (every registered rule by default).

    Returns:
        Every setting the rules declare, by name.

    Raises:
        SettingsError: a setting is unknown, has a value of the wrong type, is not a
            finite number, is out of range or below the minimum its rule declares, or
            lists an item outside the setting's choices (a tactic kind with a typo).

    Example:
        >>> values = resolve_settings({"upward_hops": 4})
        >>> values["upward_hops"], values["review_interval_days"]
        (4, 90)
    """
    known = list(registry().values() if rules is None else rules)
    return MappingProxyType(_resolve_settings(settings, known))


def setting_problems(
    settings: Mapping[str, Any], *, rules: Iterable[Rule] | None = None
) -> list[tuple[ModelPath, Message]]:
    """Every problem of some settings, each with its place, for a file to locate them.

    The checks are those of :func:`resolve_settings`, but every setting is checked and
    every bad item of a list reported, so that a configuration file lists all its
    problems at once.

    Args:
        settings: setting values by name.
        rules: the rules whose settings are known (every registered rule by default).

    Returns:
        ``(path, message)`` pairs: the path is the setting's name, then the index of an
        item of a list; the message renders in any language.

    Example:
        >>> given = {"upward_hops": -1, "pull_tactic_kinds": ["events", "blogg"]}
        >>> problems = setting_problems(given)
        >>> [(path, str(message)) for path, message in problems]
        ... # doctest: +NORMALIZE_WHITESPACE
        [(('upward_hops',), "setting 'upward_hops' must be at least 0, got -1"),
         (('pull_tactic_kinds', 1), "setting 'pull_tactic_kinds': 'blogg' is not one of its
         values; expected items among social_selling, content_marketing,
         social_media_marketing, web_marketing, email_marketing, marketing_automation,
         online_advertising, traditional_advertising, events, direct_sales,
         enterprise_social_network, transversal_structure, training, change_management,
         crm_deployment, process_digitalisation, data_analytics, partnership, other")]
    """
    declared = _Declared.of(registry().values() if rules is None else rules)
    return [
        problem for name, value in settings.items() for problem in declared.problems(name, value)[1]
    ]


def check(
    model: StrategyModel,
    *,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    settings: Mapping[str, Any] | None = None,
    as_of: dt.date | dt.datetime | None = None,
    severities: Mapping[str, Severity | str] | None = None,
    catalogue: Catalogue | None = None,
    rules: Mapping[str, Rule] | Iterable[Rule] | None = None,
    per_subject_ignores: Mapping[str, Mapping[str, str]] | None = None,
) -> Report:
    """Run the coherence rules on ``model``.

    Args:
        model: the model to check.
        select: codes or prefixes to run (a list, or a comma-separated string); all
            rules when ``None``.
        ignore: codes or prefixes not to run.
        settings: setting values (``{"review_interval_days": 60}``); the others keep the
            defaults their rules document.
        as_of: the date time-dependent rules compare with (a datetime counts as its
            day); else the model's ``as_of``, else today.
        severities: severity overrides by code or prefix (``{"ACT003": "error"}``).
        catalogue: the tactic and role catalogue (the shipped one by default).
        rules: the rules to choose from (every registered rule by default).
        per_subject_ignores: suppressions by subject, as a configuration's
            ``[per-subject-ignores]`` table: an id or glob pattern, to a code or prefix,
            to the reason (``{"x-agency": {"ROL004": "supervised by the holding"}}``).

    Returns:
        The :class:`Report`. A rule that raises does not stop the others: its failure is
        an ``error`` finding under its own code, naming the exception. Findings that a
        suppression accepts (an element's ``ignore`` entry, or ``per_subject_ignores``)
        are in ``suppressed``, not in ``findings``.

    Raises:
        SelectionError: a selector or severity override matches no rule.
        SettingsError: a setting is unknown, has a value of the wrong type, or is below
            the minimum its rule declares.
        TypeError: ``as_of`` is neither a date nor a datetime.
    """
    if rules is None:
        available: Mapping[str, Rule] = registry()
    elif isinstance(rules, Mapping):
        available = rules
    else:
        available = {r.code: r for r in rules}
    available = {code: available[code] for code in sorted(available)}
    running = select_rules(available, select, ignore)
    levels = resolve_severities(available.values(), severities)
    values = _resolve_settings(settings, available.values())
    # A datetime is cut to its day (rules compare dates); anything else is a TypeError.
    when = resolve_as_of(as_of, model.as_of)
    context = RuleContext(
        model=model,
        as_of=when,
        settings=values,
        catalogue=catalogue if catalogue is not None else default_catalogue(),
    )
    findings: list[Finding] = []
    last = [r for r in running if r.code in RUN_LEVEL_CODES]
    for current in running:
        if current.code not in RUN_LEVEL_CODES:
            findings.extend(_run(current, context, levels[current.code]))
    outcome = apply_suppressions(
        findings,
        suppressions_of(model),
        per_subject_ignores=per_subject_ignores,
        ran=[r.code for r in running],
        known=available,
    )
    # The rules that judge the others' findings read what the suppressions left unused.
    context.memo(UNUSED_SUPPRESSIONS, lambda: outcome.unused)
    kept = list(outcome.kept)
    for current in last:
        kept.extend(_run(current, context, levels[current.code]))
    return Report(
        model_name=model.name,
        as_of=when,
        findings=kept,
        rules=[r.code for r in running],
        language=model.language,
        suppressed=outcome.suppressed,
    )


def _run(current: Rule, context: RuleContext, severity: Severity) -> list[Finding]:
    try:
        return [
            Finding(
                code=current.code,
                name=current.name,
                severity=severity,
                message=v.message,
                subjects=v.subjects,
                path=v.path,
            )
            for v in current(context)
        ]
    except Exception as exc:  # a broken rule must not stop the others
        return [
            Finding(
                code=current.code,
                name=current.name,
                severity=Severity.ERROR,
                message=tr(
                    "rule {code} ({name}) failed: {error}: {detail}",
                    code=current.code,
                    name=current.name,
                    error=type(exc).__name__,
                    detail=str(exc),
                ),
            )
        ]
