"""The built-in criteria of the default maturity model, one module per dimension.

Each criterion reads the model (and the facts derived from it once) and returns a score
from 0 to 100 with the evidence a consultant would cite: the ids concerned, strengths and
gaps. Their rationale comes from the source articles; docs/maturity.md explains each one.

A criterion lives in the module named after the id of its dimension in the default
maturity model (``estrategy/data/maturity.toml``): :mod:`~estrategy.maturity.criteria.strategy`,
:mod:`~estrategy.maturity.criteria.execution`, :mod:`~estrategy.maturity.criteria.measurement`,
:mod:`~estrategy.maturity.criteria.people`, :mod:`~estrategy.maturity.criteria.tools`,
:mod:`~estrategy.maturity.criteria.organisation` and
:mod:`~estrategy.maturity.criteria.customer`. The machinery they are declared with
(:class:`Criterion`, :func:`~estrategy.maturity.criterion.criterion`) is
:mod:`estrategy.maturity.criterion`.

Example:
    >>> list(BUILTIN_CRITERIA)[:3]
    ['stakes-and-mission', 'situation-analysis', 'smart-objectives']
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from estrategy.maturity.criteria import (
    customer,
    execution,
    measurement,
    organisation,
    people,
    strategy,
    tools,
)
from estrategy.maturity.criterion import Criterion

__all__ = ["BUILTIN_CRITERIA"]

BUILTIN_CRITERIA: Mapping[str, Criterion] = MappingProxyType(
    {
        c.id: c
        # The order of the dimensions in the default maturity model.
        for module in (strategy, execution, measurement, people, tools, organisation, customer)
        for c in module.CRITERIA
    }
)
"""The built-in criteria by id; their ids are reserved."""
