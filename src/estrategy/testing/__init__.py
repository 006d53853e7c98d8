"""Public hypothesis strategies for estrategy models, for your own test suites.

The strategies import hypothesis (a test-time dependency: install ``estrategy[test]``);
``import estrategy`` never does, and neither does importing
:mod:`estrategy.testing.hr_export` (synthetic HR exports, which need no hypothesis):
the names below are loaded on first use.

Example:
    >>> from hypothesis import given
    >>> from estrategy.testing import models
    >>> @given(models())
    ... def test_my_exporter(model):
    ...     ...

See ``docs/testing.md`` for a tour.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from estrategy.testing._clean import clean_models
    from estrategy.testing._models import models
    from estrategy.testing._organization import (
        competences,
        organizations,
        people,
        roles,
        ties,
        transversal_groups,
        units,
    )
    from estrategy.testing._plan import (
        actions,
        business_stakes,
        kpis,
        measurements,
        objectives,
        plan_strategies,
        reviews,
        situations,
        tactics,
        tools,
    )
    from estrategy.testing._values import budgets, slugs, texts

__all__ = [
    "actions",
    "budgets",
    "business_stakes",
    "clean_models",
    "competences",
    "kpis",
    "measurements",
    "models",
    "objectives",
    "organizations",
    "people",
    "plan_strategies",
    "reviews",
    "roles",
    "situations",
    "slugs",
    "tactics",
    "texts",
    "ties",
    "tools",
    "transversal_groups",
    "units",
]

# Where each public name lives (loaded on first use, so hypothesis is imported only then).
_HOMES = {
    "clean_models": "_clean",
    "models": "_models",
    **dict.fromkeys(
        ("competences", "organizations", "people", "roles", "ties", "transversal_groups", "units"),
        "_organization",
    ),
    **dict.fromkeys(
        (
            "actions",
            "business_stakes",
            "kpis",
            "measurements",
            "objectives",
            "plan_strategies",
            "reviews",
            "situations",
            "tactics",
            "tools",
        ),
        "_plan",
    ),
    **dict.fromkeys(("budgets", "slugs", "texts"), "_values"),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
