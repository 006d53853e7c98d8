"""The rule engine's value types, the rule decorator and the registry (private).

Public names are re-exported by :mod:`estrategy.rules`.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any, Protocol, TypeVar

import attrs

from estrategy.base.errors import EstrategyError
from estrategy.base.extraction import docstring_sections
from estrategy.base.messages import Message, as_message, english, tr
from estrategy.catalogue import Catalogue, default_catalogue
from estrategy.model import ModelPath, StrategyModel
from estrategy.model.dates import as_date

__all__ = [
    "BUILTIN_PREFIXES",
    "CODE_PATTERN",
    "Finding",
    "Registry",
    "Rule",
    "RuleContext",
    "RuleError",
    "RuleFunction",
    "Severity",
    "Violation",
    "default_registry",
    "for_each",
    "rule",
]

T = TypeVar("T")

BUILTIN_PREFIXES: tuple[str, ...] = ("ACT", "CHN", "MES", "ORG", "ROL", "STR", "SUP", "TEC")
"""Code prefixes reserved for the rules shipped with estrategy."""

CODE_PATTERN = re.compile(r"(?P<prefix>[A-Z]{2,4})(?P<number>[0-9]{1,4})\Z")
"""A rule code: a prefix of 2-4 capital letters, then 1-4 digits (``STR001``, ``ACME12``)."""

_NAME_PATTERN = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*\Z")


class RuleError(EstrategyError, ValueError):
    """A rule is malformed, or its code clashes with another rule's."""


class Severity(enum.StrEnum):
    """How serious a finding is; ordered, ``error`` being the greatest.

    Example:
        >>> Severity.ERROR > Severity.WARNING > Severity.INFO
        True
        >>> sorted(["info", "error"], key=Severity)
        ['info', 'error']
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @classmethod
    def _missing_(cls, value: object) -> Severity | None:
        # configuration files and flags may write ``Warning`` or ``ERROR``
        if isinstance(value, str) and value.lower() != value:
            return cls.__members__.get(value.upper())
        return None

    @property
    def label(self) -> Message:
        """The severity's word for people, translatable (``erreur`` in French).

        Example:
            >>> Severity.WARNING.label.render("fr")
            'avertissement'
        """
        if self is Severity.ERROR:
            return tr("error")
        if self is Severity.WARNING:
            return tr("warning")
        return tr("info")

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank

    __hash__ = enum.StrEnum.__hash__


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def _subjects(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise TypeError(f"subjects must be a list of ids, got the string {value!r}")
    return tuple(str(v) for v in value)


def _path(value: Iterable[str | int]) -> ModelPath:
    return tuple(value)


def _frozen_mapping(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(value))


@attrs.frozen
class Violation:
    """What a rule function yields: one gap, before the engine stamps code and severity.

    Attributes:
        message: one sentence for people, naming the ids concerned: a
            :class:`~estrategy.base.messages.Message` (``tr("…{tactic}…", tactic=…)``),
            rendered in the reader's language, or plain text, shown as it is.
        subjects: the ids the finding is about, most specific first (docs/architecture.md).
        path: where in the model the offending element is (``("tactics", 3)``).

    Example:
        >>> v = Violation("tactic 't-blog' implements no strategy", ["t-blog"], ["tactics", 0])
        >>> str(v.message), v.subjects, v.path
        ("tactic 't-blog' implements no strategy", ('t-blog',), ('tactics', 0))
    """

    message: Message = attrs.field(converter=as_message, eq=english)
    subjects: tuple[str, ...] = attrs.field(default=(), converter=_subjects)
    path: ModelPath = attrs.field(default=(), converter=_path)


@attrs.frozen
class Finding:
    """One coherence gap found by one rule.

    A finding keeps its message as data (:attr:`text`: a msgid and its values) and is
    put into words at the edge: :attr:`message` is the English sentence,
    :meth:`message_in` the sentence in any language estrategy speaks.

    Attributes:
        code: the rule's stable code (``STR001``).
        name: the rule's kebab-case name (``orphan-tactic``).
        severity: error, warning or info (after overrides).
        text: the message (passed as ``message=``: a
            :class:`~estrategy.base.messages.Message`, or plain text shown as it is).
        subjects: ids the finding is about, most specific first; empty when model-wide.
        path: where the offending element is in the model (``("tactics", 3)``).

    Example:
        >>> from estrategy.base.messages import tr
        >>> f = Finding("STR001", "orphan-tactic", "error",
        ...             tr("tactic {tactic} implements no strategy", tactic="t-blog"))
        >>> f.message
        'tactic t-blog implements no strategy'
        >>> f.message_in("fr")
        'la tactique t-blog ne se rattache à aucune stratégie'
    """

    code: str
    name: str
    severity: Severity = attrs.field(converter=Severity)
    text: Message = attrs.field(converter=as_message, alias="message", eq=english)
    subjects: tuple[str, ...] = attrs.field(default=(), converter=_subjects)
    path: ModelPath = attrs.field(default=(), converter=_path)

    @property
    def message(self) -> str:
        """The message in English, one sentence for people."""
        return self.text.render("en")

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (``"en"``, ``"fr"``)."""
        return self.text.render(lang)

    def sort_key(self) -> tuple[Any, ...]:
        """The stable order of findings: most severe first, then code, path, subjects."""
        return (-self.severity.rank, self.code, _path_key(self.path), self.subjects, self.message)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The finding as in the JSON output (docs/architecture.md, JSON output contract).

        ``message`` is in ``lang``; every other field is the same in every language.
        """
        from estrategy.model import format_path

        return {
            "code": self.code,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message_in(lang),
            "subjects": list(self.subjects),
            "path": format_path(self.path),
        }


def _path_key(path: ModelPath) -> tuple[tuple[int, int, str], ...]:
    # Indexes sort numerically and before keys, so tactics[2] < tactics[10].
    return tuple((0, p, "") if isinstance(p, int) else (1, 0, p) for p in path)


@attrs.frozen(eq=False)
class RuleContext:
    """The read-only world a rule sees during one ``check`` run.

    Attributes:
        model: the model being checked.
        as_of: the date time-dependent rules compare with (a datetime is cut to its day).
        settings: every setting name to its value (rule defaults, then user values).
        catalogue: the tactic, role and tool catalogue.

    Expensive analyses shared by several rules (an index of the model, the organisation's
    hierarchical lines) are computed once per run through :meth:`memo`.
    """

    model: StrategyModel
    as_of: dt.date = attrs.field(converter=as_date)
    settings: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)
    catalogue: Catalogue = attrs.field(factory=default_catalogue)
    _memo: dict[Any, Any] = attrs.field(factory=dict, init=False, repr=False, alias="_memo")

    def memo(self, key: Any, factory: Callable[[], T]) -> T:
        """Compute ``factory()`` once per run under ``key`` and return it thereafter.

        Example:
            >>> from estrategy.model import StrategyModel
            >>> ctx = RuleContext(StrategyModel(), dt.date(2026, 1, 1))
            >>> ctx.memo("answer", lambda: 42), ctx.memo("answer", lambda: 0)
            (42, 42)
        """
        try:
            return self._memo[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._memo[key] = factory()
            return value


RuleFunction = Callable[[RuleContext], Iterable[Violation]]
"""A rule's check: a pure function from a context to the violations it finds."""


class _Element(Protocol):
    """An element of one of the model's collections: anything with an ``id``."""

    @property
    def id(self) -> str: ...


E = TypeVar("E", bound=_Element)

ElementCheck = Callable[[RuleContext, E], Message | str | None]
"""A check of one element: the message of its violation, or ``None`` when it has none."""


# the model's lists of elements, as an empty model has them
_COLLECTIONS = tuple(
    name
    for name, value in attrs.asdict(StrategyModel(), recurse=False).items()
    if isinstance(value, tuple)
)


def for_each(collection: str) -> Callable[[ElementCheck[E]], RuleFunction]:
    """Turn a check of one element into a rule function over a collection of the model.

    The check is called on each element of ``model.<collection>`` in turn and returns the
    message of a violation about that element, or ``None``; the violation's subject is
    the element's id and its path the element's place (``("tactics", 3)``), the most
    common finding of all. Put it under :func:`rule`, which reads its docstring.

    Args:
        collection: the name of a collection of :class:`~estrategy.model.StrategyModel`
            (``"tactics"``, ``"kpis"``, ``"tools"``…).

    Raises:
        RuleError: ``collection`` names no collection of the model.

    Example:
        >>> from estrategy.model import StrategyModel, Tactic
        >>> @for_each("tactics")
        ... def unnamed(context, tactic):
        ...     return None if tactic.name else f"tactic {tactic.id} has no name"
        >>> model = StrategyModel(tactics=[Tactic(id="t-blog", name="Blog"), Tactic(id="t-ads")])
        >>> [(v.subjects, v.path) for v in unnamed(RuleContext(model, dt.date(2026, 1, 1)))]
        [(('t-ads',), ('tactics', 1))]
    """
    if collection not in _COLLECTIONS:
        raise RuleError(
            f"for_each: {collection!r} is no collection of the model; "
            f"expected one of {', '.join(_COLLECTIONS)}"
        )

    def decorate(check: ElementCheck[E]) -> RuleFunction:
        @functools.wraps(check)
        def each_element(context: RuleContext) -> Iterator[Violation]:
            elements: tuple[E, ...] = getattr(context.model, collection)
            for i, element in enumerate(elements):
                message = check(context, element)
                if message is not None:
                    yield Violation(message, [element.id], [collection, i])

        return each_element

    return decorate


@attrs.frozen
class Rule:
    """A coherence rule: its identity, default severity, settings and documentation.

    Attributes:
        code: stable code, a prefix and digits (``STR001``).
        name: kebab-case name saying the bad thing (``orphan-tactic``).
        severity: default severity.
        function: the check itself.
        settings: setting name to its default value.
        minimums: setting name to the least value it accepts (numeric settings only).
        choices: setting name to the values its items may take (list settings only,
            such as tactic kinds); any other item is a settings error.
        summary: the first line of the docstring.
        what: the *What it checks* section.
        why: the *Why it matters* section.
        fix: the *How to fix* section.
        origin: ``"builtin"``, or the module or distribution that added the rule.
    """

    code: str
    name: str
    severity: Severity = attrs.field(converter=Severity)
    function: RuleFunction = attrs.field(repr=False)
    settings: Mapping[str, Any] = attrs.field(factory=dict, converter=_frozen_mapping)
    minimums: Mapping[str, float] = attrs.field(factory=dict, converter=_frozen_mapping)
    choices: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_frozen_mapping)
    summary: str = ""
    what: str = ""
    why: str = ""
    fix: str = ""
    origin: str = "builtin"

    @property
    def prefix(self) -> str:
        """The letters of the code (``STR`` for ``STR001``)."""
        match = CODE_PATTERN.match(self.code)
        return match["prefix"] if match else self.code

    def __call__(self, context: RuleContext) -> Iterator[Violation]:
        """Run the check on ``context`` (a function that returns ``None`` found nothing)."""
        found = self.function(context)
        if found is not None:
            yield from found

    def translated(self, lang: str) -> Rule:
        """This rule with its summary, *what*, *why* and *fix* in ``lang``.

        The documentation is looked up in the catalogue under its English text (a
        plugin's rule that the catalogue lacks keeps its own words).

        Example:
            >>> from estrategy.rules import get_rule
            >>> get_rule("ROL004").translated("fr").summary
            'Un intervenant externe n’a pas de superviseur interne.'
        """
        from estrategy.base.translations import translate_paragraphs

        return attrs.evolve(
            self,
            summary=translate_paragraphs(self.summary, lang, width=None),
            what=translate_paragraphs(self.what, lang),
            why=translate_paragraphs(self.why, lang),
            fix=translate_paragraphs(self.fix, lang),
        )

    def documentation(self, lang: str = "en") -> str:
        """The rule's documentation as Markdown (what ``estrategy rule CODE`` prints)."""
        doc = self.translated(lang)
        severity = self.severity.label.render(lang)
        parts = [
            f"# {self.name} ({self.code})",
            "",
            tr("Default severity: {severity}.", severity=severity).render(lang),
        ]
        if self.origin != "builtin":
            parts.append(tr("Added by: {origin}.", origin=self.origin).render(lang))
        if doc.summary:
            parts += ["", doc.summary]
        for title, text in (
            (tr("What it checks"), doc.what),
            (tr("Why it matters"), doc.why),
            (tr("How to fix"), doc.fix),
        ):
            if text:
                parts += ["", f"## {title.render(lang)}", "", text]
        if self.settings:
            heading = tr("Settings").render(lang)
            parts += ["", f"## {heading}", ""]
            for k, v in sorted(self.settings.items()):
                shown = f"`{v!r}`"
                if k in self.minimums:
                    line = tr(
                        "`{name}` (default {default}, at least {least})",
                        name=k,
                        default=shown,
                        least=f"`{self.minimums[k]!r}`",
                    )
                else:
                    line = tr("`{name}` (default {default})", name=k, default=shown)
                parts.append("- " + line.render(lang))
        return "\n".join(parts) + "\n"


def parse_docstring(doc: str | None) -> dict[str, str]:
    """Split a rule docstring into ``summary``, ``what``, ``why`` and ``fix``.

    The sections are headed ``What it checks:``, ``Why it matters:`` and ``How to fix:``
    on lines of their own; their bodies are dedented, paragraphs kept. Babel's extraction
    reads the docstrings the same way (:func:`estrategy.base.extraction.docstring_sections`),
    so each section is a msgid of the catalogue.
    """
    return docstring_sections(doc or "")


class Registry:
    """Rules by code: built-in rules, rules added with :func:`rule`, and plugins.

    A registry only grows: adding a rule whose code is taken raises :class:`RuleError`.
    """

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def add(self, new: Rule) -> Rule:
        """Add ``new``; adding the very same rule twice is a no-op.

        Raises:
            RuleError: the code or name is malformed, uses a reserved prefix outside
                estrategy, or is already taken by another rule.
        """
        match = CODE_PATTERN.match(new.code)
        if match is None:
            raise RuleError(
                f"rule code {new.code!r} ({new.origin}) is not valid: use 2-4 capital "
                "letters followed by 1-4 digits, such as ACME001"
            )
        if not _NAME_PATTERN.match(new.name):
            raise RuleError(f"rule name {new.name!r} ({new.code}) is not kebab-case")
        if new.origin != "builtin" and match["prefix"] in BUILTIN_PREFIXES:
            raise RuleError(
                f"rule {new.code} from {new.origin} uses the prefix {match['prefix']}, "
                f"reserved for estrategy's built-in rules ({', '.join(BUILTIN_PREFIXES)}); "
                "choose a prefix of your own"
            )
        for what, declared in (("a minimum", new.minimums), ("choices", new.choices)):
            unknown = sorted(set(declared) - set(new.settings))
            if unknown:
                raise RuleError(
                    f"rule {new.code} ({new.origin}) declares {what} for {', '.join(unknown)}, "
                    "which is not one of its settings"
                )
        for setting, allowed in new.choices.items():
            outside = [v for v in new.settings[setting] if v not in allowed]
            if outside:
                raise RuleError(
                    f"rule {new.code} ({new.origin}): the default of {setting!r} holds "
                    f"{', '.join(map(repr, outside))}, not among its choices"
                )
        existing = self._rules.get(new.code)
        if existing is not None:
            if existing.function is new.function and existing.origin == new.origin:
                return existing
            raise RuleError(
                f"rule code {new.code} from {new.origin} is already used by "
                f"{existing.name} ({existing.origin}); choose another code"
            )
        for other in self._rules.values():
            for setting, default in new.settings.items():
                if setting in other.settings and other.settings[setting] != default:
                    raise RuleError(
                        f"rule {new.code} ({new.origin}) declares the setting {setting!r} with "
                        f"the default {default!r}, but {other.code} ({other.origin}) declares "
                        f"it with {other.settings[setting]!r}; settings share one namespace: "
                        "rename yours"
                    )
        self._rules[new.code] = new
        return new

    def rules(self) -> Mapping[str, Rule]:
        """A read-only view of the rules, ordered by code."""
        return MappingProxyType({code: self._rules[code] for code in sorted(self._rules)})

    def snapshot(self) -> dict[str, Rule]:
        """A copy of the rules (to restore with :meth:`restore`, e.g. in tests)."""
        return dict(self._rules)

    def restore(self, snapshot: Mapping[str, Rule]) -> None:
        """Put back the rules of a :meth:`snapshot`."""
        self._rules = dict(snapshot)


_DEFAULT = Registry()
"""The process-wide registry the :func:`rule` decorator adds to.

This is the one piece of mutable module state in estrategy: like pytest's plugin manager,
it only grows, as modules defining rules are imported.
"""


def default_registry() -> Registry:
    """The process-wide registry (without loading built-in rules or plugins)."""
    return _DEFAULT


def _enum_settings(
    rule_name: str, settings: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, tuple[str, ...]]]:
    """The settings with enumeration members stored as their values, and the choices they imply.

    A default that is a tuple or list of members of one enumeration of text values (such
    as :data:`~estrategy.model.PULL_TACTIC_KINDS`) becomes the tuple of their values, so
    that configuration files, JSON and maturity criteria see plain text; its choices are
    every value of that enumeration. Any other default is kept as it is.

    Example:
        >>> from estrategy.model import ToolKind
        >>> defaults, choices = _enum_settings("ACME001", {"acme_kinds": [ToolKind.CRM], "n": 3})
        >>> defaults, choices["acme_kinds"][:3]
        ({'acme_kinds': ('crm',), 'n': 3}, ('crm', 'erp', 'esn'))
    """
    defaults: dict[str, Any] = {}
    choices: dict[str, tuple[str, ...]] = {}
    for setting, default in settings.items():
        items = default if isinstance(default, tuple | list) else ()
        enums = {type(item) for item in items if isinstance(item, enum.Enum)}
        if not enums:
            defaults[setting] = default
            continue
        if len(enums) != 1 or not all(isinstance(item, enum.Enum) for item in items):
            raise RuleError(
                f"rule {rule_name}: the default of {setting!r} holds values of more than one "
                "type; give members of one enumeration only"
            )
        (members,) = enums
        if not all(isinstance(member.value, str) for member in members):
            raise RuleError(
                f"rule {rule_name}: the default of {setting!r} holds members of "
                f"{members.__name__}, whose values are not all text"
            )
        defaults[setting] = tuple(item.value for item in items)
        choices[setting] = tuple(member.value for member in members)
    return defaults, choices


def rule(
    code: str,
    name: str,
    severity: Severity | str = Severity.WARNING,
    *,
    settings: Mapping[str, Any] | None = None,
    minimums: Mapping[str, float] | None = None,
    choices: Mapping[str, Iterable[str]] | None = None,
    registry: Registry | None = None,
) -> Callable[[RuleFunction], Rule]:
    """Turn a function into a :class:`Rule` and register it.

    The function's docstring gives the rule's documentation: a first line, then the
    sections ``What it checks:``, ``Why it matters:`` and ``How to fix:``.

    Args:
        code: stable code, 2-4 capital letters then digits; the prefixes of the built-in
            families (STR, ACT, MES, ROL, TEC, CHN, ORG, SUP) are reserved.
        name: kebab-case name saying the bad thing.
        severity: default severity.
        settings: setting names and their default values (the names are shared by all
            rules of a run; prefix yours with your code family). A default that is a
            tuple or list of members of one enumeration of text values
            (``(TacticKind.EVENTS,)``) is stored as their values, and every value of that
            enumeration becomes the setting's choices.
        minimums: the least value of some numeric settings (``{"my_days": 1}``); a
            smaller value given to :func:`estrategy.check` is a settings error.
        choices: the values the items of some list settings may take
            (``{"my_kinds": ["events", "training"]}``); any other item given to
            :func:`estrategy.check` is a settings error, with a "did you mean". They
            replace the choices an enumeration default implies.
        registry: where to register (the process-wide registry by default).

    Returns:
        A decorator returning the :class:`Rule` (callable on a context).

    Example:
        >>> from estrategy.rules import Violation, rule
        >>> @rule("ACME001", "unnamed-tactic", "info", registry=Registry())
        ... def unnamed_tactic(context):
        ...     '''Every tactic has a name.
        ...
        ...     What it checks:
        ...         A tactic whose name is empty.
        ...     '''
        ...     for i, tactic in enumerate(context.model.tactics):
        ...         if not tactic.name:
        ...             yield Violation(f"tactic {tactic.id!r} has no name", [tactic.id],
        ...                             ["tactics", i])
        >>> unnamed_tactic.code, unnamed_tactic.what
        ('ACME001', 'A tactic whose name is empty.')
    """

    def decorate(function: RuleFunction) -> Rule:
        module = getattr(function, "__module__", "") or ""
        origin = "builtin" if module.startswith("estrategy.rules.") else module or "<unknown>"
        docs = parse_docstring(function.__doc__)
        defaults, enum_choices = _enum_settings(f"{code} ({origin})", settings or {})
        given_choices = {name: tuple(values) for name, values in (choices or {}).items()}
        new = Rule(
            code=code,
            name=name,
            severity=Severity(severity),
            function=function,
            settings=defaults,
            minimums=dict(minimums or {}),
            choices={**enum_choices, **given_choices},
            origin=origin,
            **docs,
        )
        return (registry if registry is not None else _DEFAULT).add(new)

    return decorate
