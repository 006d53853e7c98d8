"""The former home of :data:`BUILTIN_CRITERIA`, now :mod:`estrategy.maturity.criteria`.

Kept only because :mod:`estrategy.maturity.loading` still imports the mapping from here;
import it from :mod:`estrategy.maturity` (or :mod:`estrategy.maturity.criteria`) instead.
"""

from estrategy.maturity.criteria import BUILTIN_CRITERIA

__all__ = ["BUILTIN_CRITERIA"]
