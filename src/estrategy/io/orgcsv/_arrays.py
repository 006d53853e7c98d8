"""Arrow arrays and scalars made from Python texts and numpy arrays, without pandas.

pyarrow converts a Python value (``pa.array``, ``pa.scalar``, a ``""`` passed to a
compute function) only after asking whether it is a pandas object, and that question
imports pandas: about 0.17 s of CPU, a seventh of reading an export of 100,000 people.
Nothing the readers build needs pandas, so they build their Arrow values from buffers
(:meth:`pyarrow.Array.from_buffers`), which asks nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["arrow_mask", "arrow_numbers", "blank_texts", "numpy_of", "text_array", "text_scalar"]


def text_array(texts: Sequence[str]) -> Any:
    """An Arrow string array of ``texts``.

    Example:
        >>> text_array(["a", "", "été"]).to_pylist()
        ['a', '', 'été']
    """
    import pyarrow as pa

    encoded = [text.encode("utf-8") for text in texts]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded)), out=offsets[1:])
    data = pa.py_buffer(b"".join(encoded))
    return pa.Array.from_buffers(pa.string(), len(encoded), [None, pa.py_buffer(offsets), data])


def text_scalar(text: str) -> Any:
    """An Arrow string scalar, for comparisons in compute functions.

    Example:
        >>> text_scalar("esn").as_py()
        'esn'
    """
    return text_array([text])[0]


def blank_texts(count: int) -> Any:
    """An Arrow string array of ``count`` empty texts.

    Example:
        >>> blank_texts(2).to_pylist()
        ['', '']
    """
    import pyarrow as pa

    offsets = pa.py_buffer(np.zeros(count + 1, dtype=np.int32))
    return pa.Array.from_buffers(pa.string(), count, [None, offsets, pa.py_buffer(b"")])


def arrow_mask(mask: npt.NDArray[np.bool_]) -> Any:
    """An Arrow boolean array of a numpy one (for ``filter`` and ``if_else``).

    Example:
        >>> arrow_mask(np.array([True, False, True])).to_pylist()
        [True, False, True]
    """
    import pyarrow as pa

    bits = np.packbits(np.asarray(mask, dtype=np.bool_), bitorder="little")
    return pa.Array.from_buffers(pa.bool_(), len(mask), [None, pa.py_buffer(bits)])


def arrow_numbers(values: npt.NDArray[np.number[Any]]) -> Any:
    """An Arrow array of a numpy array of numbers, of the same type (for ``take``, ``fill_null``).

    Example:
        >>> arrow_numbers(np.array([2, 0])).to_pylist()
        [2, 0]
    """
    import pyarrow as pa

    contiguous = np.ascontiguousarray(values)
    kind = pa.from_numpy_dtype(contiguous.dtype)
    return pa.Array.from_buffers(kind, len(contiguous), [None, pa.py_buffer(contiguous)])


_NUMPY_TYPES: dict[str, type[np.generic]] = {
    "int8": np.int8,
    "int16": np.int16,
    "int32": np.int32,
    "int64": np.int64,
    "uint8": np.uint8,
    "uint16": np.uint16,
    "uint32": np.uint32,
    "uint64": np.uint64,
    "float": np.float32,
    "double": np.float64,
}


def numpy_of(values: Any, *, nulls: int | None = None) -> npt.NDArray[Any]:
    """The numbers or booleans of an Arrow array or chunked array, read from its buffers.

    ``to_numpy`` would import pandas (its conversion is pandas's); reading the data
    buffer is what it does for a column without nulls anyway.

    Args:
        values: an Arrow array or chunked array of numbers or booleans.
        nulls: the number a null becomes (numbers only); ``None``: nulls are refused.

    Raises:
        ValueError: a null where ``nulls`` is ``None``, or a column that is neither
            numbers nor booleans.

    Example:
        >>> import pyarrow as pa
        >>> numpy_of(pa.chunked_array([arrow_mask(np.array([True, False]))])).tolist()
        [True, False]
    """
    import pyarrow as pa

    kind = values.type
    dtype: np.dtype[Any]
    if pa.types.is_boolean(kind):
        dtype = np.dtype(np.bool_)
    elif str(kind) in _NUMPY_TYPES:
        dtype = np.dtype(_NUMPY_TYPES[str(kind)])
    else:
        raise ValueError(f"a column of type {kind} has no numpy form here")
    parts = [_chunk_numbers(chunk, dtype, nulls) for chunk in getattr(values, "chunks", [values])]
    if len(parts) == 1:
        return parts[0]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=dtype)


def _bits(buffer: Any, start: int, stop: int) -> npt.NDArray[np.bool_]:
    """Bits ``start`` to ``stop`` of an Arrow bitmap as booleans."""
    raw = np.frombuffer(buffer, dtype=np.uint8)
    return np.unpackbits(raw, count=stop, bitorder="little")[start:].view(np.bool_)


def _chunk_numbers(chunk: Any, dtype: np.dtype[Any], nulls: int | None) -> npt.NDArray[Any]:
    start, stop = chunk.offset, chunk.offset + len(chunk)
    validity, data = chunk.buffers()[:2]
    if len(chunk) == 0:
        return np.zeros(0, dtype=dtype)
    if dtype == np.bool_:
        if chunk.null_count:
            raise ValueError("a column of booleans with nulls has no numpy form here")
        return _bits(data, start, stop)
    numbers = np.frombuffer(data, dtype=dtype)[start:stop]
    if not chunk.null_count:
        return numbers
    if nulls is None:
        raise ValueError("a column with nulls has no numpy form here")
    return np.where(_bits(validity, start, stop), numbers, dtype.type(nulls))
