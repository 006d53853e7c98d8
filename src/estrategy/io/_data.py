"""From a model to the plain data written in files (private).

Fields come in model order; ``None``, empty and default values are left out, except
``schema_version`` and ``name`` at the root, which every file states.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from estrategy.io._convert import HIDDEN_FIELDS
from estrategy.model import Organization, Person, StrategyModel

__all__ = ["object_data", "to_data"]

_ALWAYS = frozenset({"schema_version", "name"})


def _default(field: attrs.Attribute[Any]) -> Any:
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return default.factory()
    return default


def _plain(value: Any) -> Any:
    if attrs.has(type(value)):
        return _object(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # `baseline: 40` reads better than `40.0`, and reads back equal
    return value


def _object(obj: Any, *, root: bool = False) -> dict[str, Any]:
    if isinstance(obj, Organization) and obj.source is not None:
        return {"from": obj.source}
    cls = type(obj)
    hidden = HIDDEN_FIELDS.get(cls, frozenset())
    out: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.name in hidden:
            continue
        value = getattr(obj, field.name)
        keep = root and field.name in _ALWAYS
        if not keep and (value is None or value == _default(field)):
            continue
        if isinstance(obj, Person) and field.name == "attributes":
            out[field.name] = dict(value)
        else:
            out[field.name] = _plain(value)
    return out


def object_data(obj: Any) -> dict[str, Any]:
    """The plain data of one object of the model, as a file writes it (see :func:`to_data`).

    Example:
        >>> from estrategy.model import Tie
        >>> object_data(Tie(source="a", target="b", weight=2.0))
        {'source': 'a', 'target': 'b', 'weight': 2}
    """
    return _object(obj)


def to_data(model: StrategyModel) -> dict[str, Any]:
    """The plain data of a model, as written in a file.

    Dicts, lists, ``str``, ``int``, ``float``, ``bool``, ``datetime.date`` and
    ``decimal.Decimal`` (money stays exact); enumerations become their text. An
    organisation read from a CSV folder or a GraphML file becomes ``{"from": PATH}``.

    Args:
        model: the model to describe.

    Returns:
        A new dict; ``from_data(to_data(m)) == m``.

    Example:
        >>> from estrategy.model import StrategyModel, Tactic
        >>> model = StrategyModel(name="Demo", tactics=[Tactic(id="t-blog", kind="events")])
        >>> to_data(model)
        {'schema_version': 1, 'name': 'Demo', 'tactics': [{'id': 't-blog', 'kind': 'events'}]}
    """
    return _object(model, root=True)
