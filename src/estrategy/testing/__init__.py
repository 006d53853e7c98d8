"""Public hypothesis strategies for estrategy models, for your own test suites.

Importing this module imports hypothesis (a test-time dependency: install
``estrategy[test]``); ``import estrategy`` never does.

Example:
    >>> from hypothesis import given
    >>> from estrategy.testing import models
    >>> @given(models())
    ... def test_my_exporter(model):
    ...     ...

See ``docs/testing.md`` for a tour.
"""

from estrategy.testing.clean import clean_models
from estrategy.testing.models import models
from estrategy.testing.organization import (
    competences,
    organizations,
    people,
    roles,
    ties,
    transversal_groups,
    units,
)
from estrategy.testing.plan import (
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
from estrategy.testing.values import budgets, slugs, texts

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
