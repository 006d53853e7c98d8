"""Every output of every command, one module per result and format, chosen by one table.

:data:`RENDERERS` maps ``(kind, format)`` to the renderer, named as ``"module:function"``
so that listing the formats (:func:`formats`, for the CLI's ``--format`` choices) imports
nothing; :func:`render` picks the renderer of a result and calls it.

The kinds are ``check`` (an :class:`estrategy.analysis.Report`), ``files`` (an
:class:`estrategy.batch.BatchReport`: ``check`` over several files, in the same formats),
``statistics`` (findings per rule, :meth:`estrategy.batch.BatchReport.statistics`),
``maturity`` (an
:class:`estrategy.maturity.Assessment`), ``comparison`` (a
:class:`estrategy.maturity.Comparison`, or a sequence of them), ``org`` (an
:class:`estrategy.org.OrgAnalysis`), ``report`` (the HTML page of ``estrategy report``,
a check report with its maturity and organisation), ``rules`` (the rule catalogue, a
mapping of code to :class:`estrategy.rules.Rule`) and ``rule`` (one rule). The maturity
charts, drawn with matplotlib into a file, are :func:`estrategy.report.charts.save_plot`.

Example:
    >>> formats("check")
    ('text', 'json', 'sarif', 'markdown', 'github')
    >>> import datetime as dt
    >>> from estrategy.analysis import Report
    >>> print(render(Report(model_name="Demo", as_of=dt.date(2026, 1, 1)), "markdown"))
    # estrategy check: Demo
    <BLANKLINE>
    As of 2026-01-01: no finding.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from estrategy.base.errors import EstrategyError

__all__ = ["KINDS", "RENDERERS", "UnknownFormatError", "formats", "kind_of", "render", "renderer"]

KINDS = (
    "check",
    "files",
    "statistics",
    "maturity",
    "comparison",
    "org",
    "whatif",
    "report",
    "rules",
    "rule",
)
"""The kinds of result that have renderers."""

RENDERERS: Mapping[tuple[str, str], str] = MappingProxyType(
    {
        ("check", "text"): "estrategy.report.check_text:render",
        ("check", "json"): "estrategy.report.check_json:render",
        ("check", "sarif"): "estrategy.report.check_sarif:render",
        ("check", "markdown"): "estrategy.report.check_markdown:render",
        ("check", "github"): "estrategy.report.check_github:render",
        ("files", "text"): "estrategy.report.check_text:render_files",
        ("files", "json"): "estrategy.report.check_json:render_files",
        ("files", "sarif"): "estrategy.report.check_sarif:render_files",
        ("files", "markdown"): "estrategy.report.check_markdown:render_files",
        ("files", "github"): "estrategy.report.check_github:render_files",
        ("statistics", "text"): "estrategy.report.check_text:render_statistics",
        ("statistics", "json"): "estrategy.report.check_json:render_statistics",
        ("maturity", "text"): "estrategy.report.maturity_text:render",
        ("maturity", "json"): "estrategy.report.maturity_json:render",
        ("maturity", "markdown"): "estrategy.report.maturity_markdown:render",
        ("comparison", "text"): "estrategy.report.maturity_text:render",
        ("comparison", "json"): "estrategy.report.maturity_json:render",
        ("comparison", "markdown"): "estrategy.report.maturity_markdown:render",
        ("org", "text"): "estrategy.report.org_text:render",
        ("org", "json"): "estrategy.report.org_json:render",
        ("whatif", "text"): "estrategy.report.whatif_text:render",
        ("whatif", "json"): "estrategy.report.whatif_json:render",
        ("report", "html"): "estrategy.report.html:render",
        ("rules", "text"): "estrategy.report.rules_text:render_catalogue",
        ("rules", "json"): "estrategy.report.rules_json:render_catalogue",
        ("rules", "markdown"): "estrategy.report.rules_markdown:render_catalogue",
        ("rule", "text"): "estrategy.report.rules_text:render_rule",
        ("rule", "json"): "estrategy.report.rules_json:render_rule",
    }
)
"""``(kind, format)`` → ``"module:function"``, in the order the CLI lists the formats."""


class UnknownFormatError(EstrategyError, ValueError):
    """A kind of result or a format that :data:`RENDERERS` does not know."""


def formats(kind: str) -> tuple[str, ...]:
    """The formats a kind of result renders to, in the table's order (imports nothing).

    Raises:
        UnknownFormatError: when ``kind`` is not one of :data:`KINDS`.
    """
    if kind not in KINDS:
        raise UnknownFormatError(f"unknown kind of result {kind!r}; expected one of {KINDS}")
    return tuple(f for k, f in RENDERERS if k == kind)


def renderer(kind: str, output_format: str) -> Callable[..., str]:
    """The renderer of ``kind`` in ``output_format``, imported on demand.

    Raises:
        UnknownFormatError: when the table has no such pair.
    """
    target = RENDERERS.get((kind, output_format))
    if target is None:
        raise UnknownFormatError(
            f"no {output_format!r} output for {kind!r}; expected one of {formats(kind)}"
        )
    module, _, function = target.partition(":")
    found: Callable[..., str] = getattr(importlib.import_module(module), function)
    return found


def _sequence_of(result: object, item: type) -> bool:
    """Whether ``result`` is a non-empty list or tuple of ``item`` objects."""
    return (
        isinstance(result, list | tuple)
        and bool(result)
        and all(isinstance(x, item) for x in result)
    )


def kind_of(result: object) -> str:
    """The kind of a result: ``check``, ``files``, ``maturity``, ``org``, ``rule`` and others.

    A non-empty list or tuple of comparisons is of kind ``comparison``, of statistics
    ``statistics`` (an empty one is asked for by name). The HTML page
    (kind ``report``) is asked for by name: its result is a check report.

    Raises:
        UnknownFormatError: for any other object.
    """
    # Imported here, each only when the earlier kinds did not match, so that rendering a
    # check report never imports numpy through the organisation analyses.
    from estrategy.analysis import Report

    if isinstance(result, Report):
        return "check"
    from estrategy.batch import BatchReport, Statistic

    if isinstance(result, BatchReport):
        return "files"
    if _sequence_of(result, Statistic):
        return "statistics"
    from estrategy.maturity import Assessment, Comparison

    if isinstance(result, Assessment):
        return "maturity"
    if isinstance(result, Comparison) or _sequence_of(result, Comparison):
        return "comparison"
    from estrategy.rules import Rule

    if isinstance(result, Rule):
        return "rule"
    if isinstance(result, Mapping) and all(isinstance(r, Rule) for r in result.values()):
        return "rules"
    from estrategy.org import OrgAnalysis

    if isinstance(result, OrgAnalysis):
        return "org"
    from estrategy.whatif import Simulation

    if isinstance(result, Simulation):
        return "whatif"
    raise UnknownFormatError(f"no renderer for a {type(result).__name__}")


def render(result: object, output_format: str, *, kind: str | None = None, **options: Any) -> str:
    """``result`` as text in ``output_format``, by the renderer :data:`RENDERERS` names.

    Args:
        result: a check report, an assessment, a comparison (or several), an
            organisation analysis, the rule catalogue or one rule.
        output_format: one of ``formats(kind)``.
        kind: the kind of result (default: :func:`kind_of`); ``"report"`` for the HTML page.
        **options: the renderer's keyword options, e.g. ``source`` and ``positions`` for
            check, ``evidence`` for maturity text, ``assessment`` and ``org`` for the page.

    Returns:
        The renderer's text, unchanged (some end with a newline, some do not).

    Raises:
        UnknownFormatError: when the kind or the format is unknown.
    """
    return renderer(kind or kind_of(result), output_format)(result, **options)
