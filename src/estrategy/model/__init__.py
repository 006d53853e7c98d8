"""The domain model: frozen, slotted attrs classes, enumerations and their invariants.

Nothing here does I/O or imports another part of the package. Each module's ``__all__``
is re-exported as it is; the organisation as compact arrays (numpy) is the separate
:mod:`estrategy.model.tables`, imported by those who use it.
"""

from estrategy.model import (
    definitions,
    enums,
    errors,
    organization,
    paths,
    plan,
    root,
    suppression,
)
from estrategy.model.definitions import *  # noqa: F403
from estrategy.model.enums import *  # noqa: F403  (each module's __all__ is part of ours)
from estrategy.model.errors import *  # noqa: F403
from estrategy.model.organization import *  # noqa: F403
from estrategy.model.paths import *  # noqa: F403
from estrategy.model.plan import *  # noqa: F403
from estrategy.model.root import *  # noqa: F403
from estrategy.model.suppression import *  # noqa: F403

__all__: list[str] = []
__all__ += definitions.__all__
__all__ += enums.__all__
__all__ += errors.__all__
__all__ += organization.__all__
__all__ += paths.__all__
__all__ += plan.__all__
__all__ += root.__all__
__all__ += suppression.__all__
