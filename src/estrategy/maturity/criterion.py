"""Criteria: plain functions of a model and a context that return a score and its evidence.

A criterion is what a consultant checks when judging one facet of a dimension ("are the
objectives SMART?"). It is written as a typed function and declared with
:func:`criterion`::

    >>> from estrategy.maturity import CriterionResult, Evidence, criterion
    >>> @criterion("acme-has-mission", title="The plan states a mission")
    ... def has_mission(model, context):
    ...     if model.mission:
    ...         return CriterionResult(100, [Evidence("the mission is stated")])
    ...     return CriterionResult(0, [Evidence("no mission", supports=False)])
    >>> has_mission.id
    'acme-has-mission'

Declaring a criterion does not register it anywhere global: a maturity model resolves the
criterion ids it names among the built-in criteria, those published by installed packages
under the ``estrategy.criteria`` entry-point group, and those passed explicitly
(``load_maturity_model(path, criteria=[has_mission])``, ``assess(..., criteria=[...])``).
Results therefore never depend on which module happened to be imported first.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from estrategy.base.messages import Message, Text, as_message, english
from estrategy.model import OrganizationSize, StrategyModel

if TYPE_CHECKING:  # pragma: no cover
    from estrategy.catalogue import Catalogue
    from estrategy.maturity.facts import ModelFacts

__all__ = [
    "CRITERION_ID",
    "Criterion",
    "CriterionContext",
    "CriterionFunction",
    "CriterionResult",
    "Evidence",
    "criterion",
]

CRITERION_ID = re.compile(r"[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*\Z")
"""Criterion ids: lower-case kebab-case words (``smart-objectives``, ``acme.crm-usage``)."""


def _frozen(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


def _sorted_ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(value)))


@attrs.frozen
class Evidence:
    """One fact behind a criterion's score, as a consultant would cite it.

    Attributes:
        text: the fact, in one sentence (passed as ``fact=``: a
            :class:`~estrategy.base.messages.Message`, rendered in the reader's language,
            or plain text shown as it is).
        ids: the model ids the fact is about, sorted (objectives, tactics, people, …).
        supports: ``True`` when the fact raises the score, ``False`` when it is a gap.

    Example:
        >>> Evidence("tactics without KPI", ids=["t-b", "t-a"], supports=False).ids
        ('t-a', 't-b')
    """

    text: Message = attrs.field(converter=as_message, alias="fact", eq=english)
    ids: tuple[str, ...] = attrs.field(default=(), converter=_sorted_ids)
    supports: bool = True

    @property
    def fact(self) -> str:
        """The fact in English."""
        return self.text.render("en")

    def fact_in(self, lang: str) -> str:
        """The fact in ``lang``."""
        return self.text.render(lang)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The evidence as plain JSON-ready data, the fact in ``lang``."""
        return {"fact": self.fact_in(lang), "ids": list(self.ids), "supports": self.supports}


def _score(value: float | int | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"a criterion score is a number from 0 to 100, not {value!r}")
    number = float(value)
    if not math.isfinite(number) or not 0.0 <= number <= 100.0:
        raise ValueError(f"a criterion score must lie between 0 and 100, got {value!r}")
    return number


def _evidence(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    items = tuple(value)
    for item in items:
        if not isinstance(item, Evidence):
            raise TypeError(f"evidence must be Evidence objects, not {type(item).__name__}")
    return items


@attrs.frozen
class CriterionResult:
    """What a criterion function returns: a score from 0 to 100 and the evidence for it.

    Attributes:
        score: 0 (absent) to 100 (fully met); ``None`` when the criterion does not apply
            to this model (its weight then goes to the dimension's other criteria).
        evidence: the facts behind the score, strengths and gaps.
    """

    score: float | None = attrs.field(converter=_score)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_evidence)

    @classmethod
    def not_applicable(cls, reason: Text) -> CriterionResult:
        """A result saying the criterion does not apply, and why."""
        return cls(None, [Evidence(reason)])

    @classmethod
    def ratio(
        cls,
        met: Iterable[str],
        unmet: Iterable[str],
        *,
        met_fact: Text,
        unmet_fact: Text,
        empty: Text,
    ) -> CriterionResult:
        """Score the share of items that meet the criterion, citing both sides.

        Args:
            met: ids of the items that meet it.
            unmet: ids of those that do not.
            met_fact: the fact cited for the met items.
            unmet_fact: the fact cited for the others (a gap).
            empty: the reason given when there is no item at all (not applicable).

        Returns:
            ``100 × met / (met + unmet)`` with both lists as evidence, or not applicable.
        """
        good, bad = _sorted_ids(met), _sorted_ids(unmet)
        total = len(good) + len(bad)
        if total == 0:
            return cls.not_applicable(empty)
        evidence = []
        if good:
            evidence.append(Evidence(met_fact, good))
        if bad:
            evidence.append(Evidence(unmet_fact, bad, supports=False))
        return cls(100.0 * len(good) / total, evidence)

    @classmethod
    def share(
        cls,
        meets: Mapping[str, bool],
        *,
        met_fact: Text,
        unmet_fact: Text,
        empty: Text,
    ) -> CriterionResult:
        """Score the share of items that meet the criterion, given whether each one does.

        The :meth:`ratio` of the items that meet it and those that do not, when one test
        of each item tells them apart.

        Args:
            meets: each item's id, and whether the item meets the criterion.
            met_fact: the fact cited for the met items.
            unmet_fact: the fact cited for the others (a gap).
            empty: the reason given when there is no item at all (not applicable).

        Returns:
            ``100 × met / (met + unmet)`` with both sides as evidence, or not applicable.

        Example:
            >>> result = CriterionResult.share(
            ...     {"t-blog": True, "t-ads": False, "t-fair": True},
            ...     met_fact="tactics with actions",
            ...     unmet_fact="tactics without any action",
            ...     empty="no tactic",
            ... )
            >>> round(result.score), [(e.ids, e.supports) for e in result.evidence]
            (67, [(('t-blog', 't-fair'), True), (('t-ads',), False)])
        """
        met: list[str] = []
        unmet: list[str] = []
        for item, ok in meets.items():
            (met if ok else unmet).append(item)
        return cls.ratio(met, unmet, met_fact=met_fact, unmet_fact=unmet_fact, empty=empty)


@attrs.frozen(eq=False)
class CriterionContext:
    """What a criterion may read besides the model.

    Attributes:
        model: the model being assessed (the same as the criterion's first argument).
        size: the organisation's size class.
        as_of: the date the assessment is made for.
        thresholds: the maturity model's thresholds, resolved for ``size``.
        catalogue: the tactic and role catalogue.
        facts: derived facts about the model shared by the built-in criteria.
        settings: the rule settings the user configured (``[settings]`` of
            ``estrategy.toml``, ``assess(..., settings=...)``), by name; read them with
            :meth:`setting`.
    """

    model: StrategyModel = attrs.field(repr=False)
    size: OrganizationSize
    as_of: dt.date
    thresholds: Mapping[str, float]
    catalogue: Catalogue = attrs.field(repr=False)
    facts: ModelFacts = attrs.field(repr=False)
    settings: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen, repr=False)
    _cache: dict[str, Any] = attrs.field(factory=dict, repr=False, alias="_cache")

    def threshold(
        self, name: str, default: float | None = None, *, setting: str | None = None
    ) -> float:
        """A threshold of the maturity model for this organisation's size.

        Args:
            name: the threshold's name in the maturity model.
            default: the value when the maturity model has no such threshold.
            setting: the rule setting that expresses the same notion, if any
                (``upward_hops`` for ORG004); when the user configured it, its value wins
                over the maturity model's, so ``check`` and ``assess`` agree.

        Raises:
            KeyError: when the maturity model has no such threshold and no default is given.
        """
        if setting is not None and setting in self.settings:
            return float(self.settings[setting])
        if name in self.thresholds:
            return self.thresholds[name]
        if default is None:
            raise KeyError(f"the maturity model has no threshold {name!r}")
        return default

    def setting(self, name: str) -> Any:
        """A rule setting: the value the user configured, else the default its rule declares.

        Criteria whose notion mirrors a rule's read it here (``pull_tactic_kinds`` for
        ``pull-tactics`` and CHN002), so one setting changes both.

        Raises:
            KeyError: no rule declares a setting named ``name``.
        """
        if name in self.settings:
            return self.settings[name]
        if "setting_defaults" not in self._cache:
            from estrategy.analysis import resolve_settings

            self._cache["setting_defaults"] = resolve_settings()
        defaults: Mapping[str, Any] = self._cache["setting_defaults"]
        if name not in defaults:
            raise KeyError(f"no rule has a setting named {name!r}")
        return defaults[name]

    def findings(self) -> tuple[Any, ...]:
        """The coherence findings of the model (``estrategy.check``), computed once on demand.

        Returns:
            The report's findings; an empty tuple when the rules are not available.
        """
        if "findings" not in self._cache:
            try:
                from estrategy.analysis import check
            except ImportError:  # pragma: no cover - the rules are an optional layer here
                self._cache["findings"] = ()
            else:
                report = check(
                    self.model, as_of=self.as_of, catalogue=self.catalogue, settings=self.settings
                )
                self._cache["findings"] = tuple(report.findings)
        result: tuple[Any, ...] = self._cache["findings"]
        return result


class CriterionFunction(Protocol):
    """The signature of a criterion: ``(model, context) -> CriterionResult``."""

    def __call__(
        self, model: StrategyModel, context: CriterionContext, /
    ) -> CriterionResult:  # pragma: no cover - a protocol
        """Score ``model``; the context gives size, date, thresholds and derived facts."""
        ...


def _check_id(_instance: object, _attribute: object, value: str) -> None:
    if not isinstance(value, str) or not CRITERION_ID.match(value):
        raise ValueError(
            f"invalid criterion id {value!r}: use lower-case words separated by "
            "'-', '_' or '.', starting with a letter (for example 'acme.crm-usage')"
        )


@attrs.frozen
class Criterion:
    """A declared criterion: an id, a title, a description and the function that scores.

    Attributes:
        id: unique kebab-case id (``smart-objectives``); custom criteria should carry a
            prefix of their own (``acme.crm-usage``) so they never clash with built-ins.
        function: the scoring function.
        title: a short title, shown in reports.
        description: what it checks and why (the function's docstring by default).
        delivery: whether its score is evidence of delivery (KPIs on track, objectives
            achieved, actions on schedule, adoption) rather than of planning; the
            assessment's overall score is capped by these criteria (docs/maturity.md,
            "Results").
    """

    id: str = attrs.field(validator=_check_id)
    function: CriterionFunction = attrs.field(eq=False, repr=False)
    title: str = ""
    description: str = attrs.field(default="", repr=False)
    delivery: bool = False

    def __call__(self, model: StrategyModel, context: CriterionContext) -> CriterionResult:
        """Run the criterion, checking that it returned a :class:`CriterionResult`."""
        result = self.function(model, context)
        if not isinstance(result, CriterionResult):
            raise TypeError(
                f"criterion {self.id!r} returned {type(result).__name__}, "
                "expected a CriterionResult"
            )
        return result


def criterion(
    id: str, *, title: str = "", description: str | None = None, delivery: bool = False
) -> Callable[[CriterionFunction], Criterion]:
    """Declare a criterion function.

    Args:
        id: the criterion's id, as maturity-model files name it.
        title: a short title (the id with spaces by default).
        description: what it checks and why (the function's docstring by default).
        delivery: whether the criterion measures delivery (results) rather than
            planning; delivery criteria cap the overall score (docs/maturity.md).

    Returns:
        A decorator turning ``(model, context) -> CriterionResult`` into a
        :class:`Criterion`, which stays callable like the function.

    Raises:
        ValueError: when the id is not a valid criterion id.
    """

    def decorate(function: CriterionFunction) -> Criterion:
        doc = description if description is not None else (function.__doc__ or "")
        return Criterion(
            id=id,
            function=function,
            title=title or id.replace("-", " ").replace("_", " "),
            description=" ".join(doc.split()),
            delivery=delivery,
        )

    return decorate
