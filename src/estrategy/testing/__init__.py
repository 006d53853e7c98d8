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

from typing import TYPE_CHECKING

from estrategy.base.lazy import homes, lazy_exports

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
    "clean_models": "._clean",
    "models": "._models",
    **homes(
        "._organization",
        ("competences", "organizations", "people", "roles", "ties", "transversal_groups", "units"),
    ),
    **homes(
        "._plan",
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
    ),
    **homes("._values", ("budgets", "slugs", "texts")),
}

__getattr__, __dir__ = lazy_exports(__name__, _HOMES)
