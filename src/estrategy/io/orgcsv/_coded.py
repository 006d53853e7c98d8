"""Parquet columns of integer ids used as Parquet gives them, never made into text.

Turning ten million numbers into texts only for the Arrow engine to hash every text
again is most of the cost of coding them: a column of integer ids is coded by integer
lookups instead. It gives exactly what the text path gives, or ``None`` where it does
not apply (the caller then takes the text path).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from estrategy.io.orgcsv._arrays import numpy_of
from estrategy.io.orgcsv._arrowfile import Fallback
from estrategy.model.tables import NONE

__all__ = ["integer_codes"]

_I32 = npt.NDArray[np.int32]


def _integers(values: Any) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]] | None:
    """The numbers of an integer column and where it is null; ``None`` if not integers."""
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = values.type
    # an unsigned 64-bit number may not fit the signed numbers the lookup uses
    if not pa.types.is_integer(kind) or pa.types.is_uint64(kind):
        return None
    numbers = np.asarray(numpy_of(values, nulls=-1), dtype=np.int64)
    nulls = numpy_of(pc.is_null(values)) if values.null_count else np.zeros(len(numbers), bool)
    return numbers, nulls


# A lookup table of the id range is used while it is at most this many times the
# number of ids (plus a little): a direct index is several times faster than hashing
_SPREAD = 4


def _lookup(ids: npt.NDArray[np.int64]) -> Callable[[npt.NDArray[np.int64]], _I32]:
    """A function giving the code of each number among ``ids`` (``-1`` for none).

    A repeated id gets one of its rows' codes: the caller's distinctness check sees it.
    """
    import pyarrow.compute as pc

    from estrategy.io.orgcsv._arrays import arrow_numbers

    top = int(ids.max()) if len(ids) else -1
    if top < _SPREAD * len(ids) + 65_536:
        table = np.full(top + 2, -1, dtype=np.int32)  # the last entry: numbers out of range
        table[ids] = np.arange(len(ids), dtype=np.int32)

        def direct(numbers: npt.NDArray[np.int64]) -> _I32:
            outside = (numbers < 0) | (numbers > top)
            return table[np.where(outside, top + 1, numbers)]

        return direct
    id_array = arrow_numbers(ids)

    def hashed(numbers: npt.NDArray[np.int64]) -> _I32:
        found = pc.index_in(arrow_numbers(numbers), value_set=id_array)
        return np.array(numpy_of(found, nulls=-1), dtype=np.int32)  # a copy, to be written

    return hashed


def integer_codes(ids: Any, columns: Sequence[tuple[Any, bool]]) -> list[_I32] | None:
    """The codes of columns of integer references into integer ids, as the text path has.

    Each column comes with whether its cells are required; a null cell is an empty one
    (no reference). ``None`` unless the ids and every column given are integers.

    Raises:
        Fallback: an id that is null or negative (its text is not an id), an unknown
            reference, or an empty one where required.

    Example:
        >>> import pyarrow as pa
        >>> ids = pa.array([10, 20, 30])
        >>> [c.tolist() for c in integer_codes(ids, [(ids, True), (pa.array([30, None]), False)])]
        [[0, 1, 2], [2, -1]]
    """
    numbered = _integers(ids)
    given = [None if values is None else _integers(values) for values, _ in columns]
    if numbered is None or any(
        numbers is None
        for numbers, (values, _) in zip(given, columns, strict=True)
        if values is not None
    ):
        return None
    id_numbers, id_nulls = numbered
    if id_nulls.any() or (len(id_numbers) and int(id_numbers.min()) < 0):
        raise Fallback  # "" or "-1": not an id, for the Python engine to report
    code_of = _lookup(id_numbers)
    found = []
    for numbered_column, (_, required) in zip(given, columns, strict=True):
        if numbered_column is None:
            found.append(np.zeros(0, dtype=np.int32))
            continue
        numbers, nulls = numbered_column
        codes = code_of(numbers)
        if (codes[~nulls] < 0).any() or (required and nulls.any()):
            raise Fallback
        codes[nulls] = NONE
        found.append(codes)
    return found
