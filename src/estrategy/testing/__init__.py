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

from estrategy.base.lazy import lazy_exports

if TYPE_CHECKING:  # pragma: no cover - static re-exports for type checkers
    from estrategy.testing._clean import *  # noqa: F403
    from estrategy.testing._models import *  # noqa: F403
    from estrategy.testing._organization import *  # noqa: F403
    from estrategy.testing._plan import *  # noqa: F403
    from estrategy.testing._spelling import *  # noqa: F403
    from estrategy.testing._suppressions import *  # noqa: F403
    from estrategy.testing._values import *  # noqa: F403

# Each module's __all__ is the one list of its names; they are loaded on first use, so
# that hypothesis is imported only then.
__getattr__, __dir__ = lazy_exports(
    __name__,
    {},
    star=(
        "._clean",
        "._models",
        "._organization",
        "._plan",
        "._spelling",
        "._suppressions",
        "._values",
    ),
)
