"""The minimal examples of the rule pages: an excerpt that triggers each rule, and its fix.

Each rule has a file ``rule_examples/<CODE>.yaml`` holding two YAML excerpts as text,
``trigger`` and ``fix``, a ``note`` per language saying what the example shows, and when
needed the ``settings`` both are checked with and the codes the trigger also gives
(``also``: a gap that cannot come alone, such as an orphan strategy that also leaves the
volets disconnected). An excerpt is read as part of a model and merged into the
example model ``rule_examples/base.yaml``, which gives no finding: a mapping merges key
by key, an item of a list with an ``id`` replaces the base's item with that id (or is
added), and any other value replaces the base's. The rule pages show the excerpts as
written, and the findings the merged models give.
"""

from __future__ import annotations

import io as _io
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import attrs
from ruamel.yaml import YAML

import estrategy
from estrategy.io import from_data
from estrategy.rules import Finding

__all__ = [
    "BASE",
    "EXAMPLES",
    "RuleExample",
    "base_data",
    "examples",
    "findings",
    "merge",
    "merged_model",
]

EXAMPLES = Path(__file__).parent / "rule_examples"
"""The folder of the example files, one per rule code, and the base model."""

BASE = EXAMPLES / "base.yaml"
"""The model every excerpt is merged into."""


@attrs.frozen
class RuleExample:
    """One rule's minimal example.

    Attributes:
        code: the rule's code, which the file is named after.
        trigger: a YAML excerpt that makes the base model trigger the rule.
        fix: the same excerpt, fixed: the merged model gives no finding.
        note: what the example shows, by language of the site.
        settings: the settings both excerpts are checked with (usually none).
        also: the other codes the trigger gives, in code order (usually none).
    """

    code: str
    trigger: str
    fix: str
    note: Mapping[str, str] = attrs.field(factory=dict)
    settings: Mapping[str, Any] = attrs.field(factory=dict)
    also: tuple[str, ...] = ()

    def trigger_findings(self) -> tuple[Finding, ...]:
        """What ``estrategy check`` finds once the trigger is merged into the base model."""
        return findings(self.trigger, self.settings)

    def fix_findings(self) -> tuple[Finding, ...]:
        """What ``estrategy check`` finds once the fix is merged into the base model."""
        return findings(self.fix, self.settings)


_KEYS = {"trigger", "fix", "note", "settings", "also"}


def _yaml() -> YAML:
    return YAML(typ="safe", pure=True)


def _read(text: str) -> Any:
    return _yaml().load(_io.StringIO(text))


@cache
def examples() -> Mapping[str, RuleExample]:
    """Every example, by rule code, in code order."""
    found: dict[str, RuleExample] = {}
    for path in sorted(EXAMPLES.glob("*.yaml")):
        if path == BASE:
            continue
        data = _read(path.read_text(encoding="utf-8"))
        unknown = set(data) - _KEYS
        if unknown or not {"trigger", "fix"} <= set(data):
            raise ValueError(
                f"{path}: expected the keys {', '.join(sorted(_KEYS))}, got {sorted(data)}"
            )
        found[path.stem] = RuleExample(
            code=path.stem,
            trigger=data["trigger"].rstrip() + "\n",
            fix=data["fix"].rstrip() + "\n",
            note=data.get("note") or {},
            settings=data.get("settings") or {},
            also=tuple(data.get("also") or ()),
        )
    return found


def merge(base: Any, excerpt: Any) -> Any:
    """``excerpt`` laid over ``base``: mappings by key, lists of objects by ``id``.

    Example:
        >>> merge({"a": 1, "b": {"c": 2}}, {"b": {"d": 3}})
        {'a': 1, 'b': {'c': 2, 'd': 3}}
        >>> merge([{"id": "x", "v": 1}, {"id": "y"}], [{"id": "x", "v": 2}, {"id": "z"}])
        [{'id': 'x', 'v': 2}, {'id': 'y'}, {'id': 'z'}]
        >>> merge([1, 2], [3])
        [3]
    """
    if isinstance(base, Mapping) and isinstance(excerpt, Mapping):
        merged = dict(base)
        for key, value in excerpt.items():
            merged[key] = merge(base[key], value) if key in base else value
        return merged
    if _objects_with_ids(base) and _objects_with_ids(excerpt):
        replaced = {item["id"]: item for item in excerpt}
        kept = [replaced.pop(item["id"], item) for item in base]
        return kept + list(replaced.values())
    return excerpt


def _objects_with_ids(value: Any) -> bool:
    # An empty list is a value like any other: it empties the base's list.
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(v, Mapping) and isinstance(v.get("id"), str | int) for v in value)
    )


@cache
def base_data() -> Any:
    """The example model as plain data."""
    return _read(BASE.read_text(encoding="utf-8"))


def merged_model(excerpt: str) -> estrategy.StrategyModel:
    """The base model with ``excerpt`` merged in, validated as strictly as a file."""
    return from_data(merge(base_data(), _read(excerpt) or {}), source="<rule example>")


def findings(excerpt: str, settings: Mapping[str, Any] | None = None) -> tuple[Finding, ...]:
    """What ``estrategy check`` finds in the base model with ``excerpt`` merged in."""
    return estrategy.check(merged_model(excerpt), settings=settings).findings
