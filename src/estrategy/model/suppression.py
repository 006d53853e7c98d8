"""Suppressions: findings accepted on purpose on one element, each with its reason.

Every model element that has an id (a unit, a person, a group, a stake, an objective, a
strategy, a tactic, an action, a KPI, a tool) may carry an ``ignore`` list of
:class:`Suppression` records; :func:`suppressions_of` lists them all with where they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from estrategy.model.paths import ModelPath
from estrategy.model.validators import FieldValueError

if TYPE_CHECKING:
    from estrategy.model.root import StrategyModel

__all__ = ["IGNORABLE_COLLECTIONS", "Suppression", "SuppressionSite", "suppressions_of"]

_CODE = re.compile(r"[A-Z]{2,4}[0-9]{0,4}\Z")


def _upper(value: object) -> object:
    # Codes are written in capitals; anything else is left as written, for the message.
    if isinstance(value, str) and _CODE.match(value.strip().upper()):
        return value.strip().upper()
    return value


def _code(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _CODE.match(value):
        raise FieldValueError(
            attribute.name,
            f"{value!r} is not a rule code or code prefix (such as ROL004 or ROL)",
        )


@attrs.frozen
class Suppression:
    """A finding accepted on purpose on one element, and why.

    Attributes:
        code: the rule code (``ROL004``), or a code prefix (``ROL``), whose findings
            about this element are accepted.
        reason: why the finding does not apply here, for the next reader; a suppression
            without a reason is itself a finding (SUP001).

    Example:
        >>> Suppression(code="rol004", reason="supervised by the group's holding").code
        'ROL004'
    """

    code: str = attrs.field(converter=_upper, validator=_code)
    reason: str = ""


IGNORABLE_COLLECTIONS: tuple[ModelPath, ...] = (
    ("organization", "units"),
    ("organization", "people"),
    ("organization", "groups"),
    ("stakes",),
    ("objectives",),
    ("strategies",),
    ("tactics",),
    ("actions",),
    ("kpis",),
    ("tools",),
)
"""The lists of the model whose elements have an id, and so may carry ``ignore``."""


@attrs.frozen
class SuppressionSite:
    """One suppression of a model, with the element that carries it.

    Attributes:
        subject: the id of the element.
        path: where the suppression is in the model (``("tactics", 2, "ignore", 0)``).
        suppression: the suppression itself.
    """

    subject: str
    path: ModelPath
    suppression: Suppression


def suppressions_of(model: StrategyModel) -> Iterator[SuppressionSite]:
    """Every suppression of ``model``, in the order of its collections then of the file.

    Linear in the number of elements.

    Example:
        >>> from estrategy.model import StrategyModel, Tactic
        >>> tactic = Tactic(id="t-fair", ignore=[Suppression("STR001", "a one-off")])
        >>> [(s.subject, s.path) for s in suppressions_of(StrategyModel(tactics=[tactic]))]
        [('t-fair', ('tactics', 0, 'ignore', 0))]
    """
    for collection in IGNORABLE_COLLECTIONS:
        holder: Any = model
        for key in collection:
            holder = getattr(holder, str(key))
        for index, element in enumerate(holder):
            for position, suppression in enumerate(element.ignore):
                yield SuppressionSite(
                    element.id, (*collection, index, "ignore", position), suppression
                )
