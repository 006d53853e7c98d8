"""Coherence rules: the catalogue of gaps a strategy model can have, and how to add yours.

A rule is a pure function from a :class:`RuleContext` to :class:`Violation` values,
registered with the :func:`rule` decorator under a stable code. :func:`estrategy.check`
runs the selected rules and stamps each violation into a :class:`Finding`.

Writing a rule of your own::

    from estrategy.rules import Violation, rule

    @rule("ACME001", "tactic-without-name", "info")
    def tactic_without_name(context):
        '''Every tactic has a name.

        What it checks:
            A tactic whose ``name`` is empty.

        Why it matters:
            Reviews talk about tactics by name.

        How to fix:
            Give the tactic a name.
        '''
        for i, tactic in enumerate(context.model.tactics):
            if not tactic.name:
                yield Violation(f"tactic {tactic.id!r} has no name", [tactic.id], ["tactics", i])

Plugins declare a module or a rule in the ``estrategy.rules`` entry-point group; their
codes are 2-4 capital letters then digits, and may not use a built-in prefix.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from estrategy.base.errors import EstrategyError
from estrategy.base.messages import Message, tr
from estrategy.model.suggest import suggestion
from estrategy.rules import _engine
from estrategy.rules._engine import *  # noqa: F403  (its __all__ is part of ours)
from estrategy.rules._engine import Rule, default_registry, parse_docstring
from estrategy.rules._plugins import ENTRY_POINT_GROUP, PluginError, load_builtins, load_plugins

__all__ = [
    *_engine.__all__,
    "ENTRY_POINT_GROUP",
    "PluginError",
    "UnknownRuleError",
    "get_rule",
    "load_plugins",
    "parse_docstring",
    "registry",
]


@functools.cache
def _loaded() -> bool:
    # Once per process: import the built-in families, then the installed plugins.
    load_builtins()
    load_plugins(default_registry())
    return True


def registry() -> Mapping[str, Rule]:
    """Every known rule by code, ordered by code: built-ins, your own, and plugins.

    Raises:
        PluginError: an installed plugin fails to load or clashes with another rule.

    Example:
        >>> registry()["STR001"].name
        'orphan-tactic'
    """
    _loaded()
    return default_registry().rules()


def get_rule(code: str) -> Rule:
    """The rule with ``code``.

    Raises:
        UnknownRuleError: no such rule (a :class:`KeyError`; the message suggests close
            codes).

    Example:
        >>> get_rule("str001").name
        'orphan-tactic'
    """
    rules = registry()
    wanted = code.strip().upper()
    if wanted in rules:
        return rules[wanted]
    close = suggestion(wanted, rules)
    if close:
        raise UnknownRuleError(
            tr("no rule {code} (did you mean {suggestion}?)", code=repr(code), suggestion=close)
        )
    raise UnknownRuleError(tr("no rule {code}", code=repr(code)))


class UnknownRuleError(EstrategyError, KeyError):
    """No rule has the code asked for; the message suggests close codes.

    ``args[0]`` is the English sentence (as for any ``KeyError`` raised before);
    :meth:`message_in` gives it in another language.
    """

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.text = message

    def message_in(self, lang: str) -> str:
        """The message in ``lang``."""
        return self.text.render(lang)

    def __str__(self) -> str:
        # KeyError would show the repr of its argument; this is a sentence for people.
        return str(self.args[0])
