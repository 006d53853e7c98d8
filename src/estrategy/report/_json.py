"""The one JSON writer of the renderers (private): indented, UTF-8 kept, key order kept."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any, ParamSpec

__all__ = ["dumps", "json_text_of"]

P = ParamSpec("P")


def dumps(data: Any, *, default: Callable[[Any], Any] | None = None) -> str:
    """``data`` as indented JSON text, byte-identical from run to run.

    ``default`` turns what JSON cannot hold into what it can (as :func:`json.dumps`).

    Example:
        >>> print(dumps({"b": 1, "a": "é"}))
        {
          "b": 1,
          "a": "é"
        }
    """
    return json.dumps(data, indent=2, ensure_ascii=False, default=default)


def json_text_of(build: Callable[P, Any], doc: str) -> Callable[P, str]:
    """A renderer that gives what ``build`` returns as :func:`dumps` text.

    The renderer takes ``build``'s arguments, with their types, so that a format whose
    text is the JSON of a structure (SARIF) states its options once, on ``build``.

    Args:
        build: the function that builds the JSON-ready structure.
        doc: the renderer's docstring.

    Example:
        >>> def point(x: int, *, y: int = 0) -> dict[str, int]:
        ...     return {"x": x, "y": y}
        >>> render = json_text_of(point, "A point as JSON text.")
        >>> print(render(1, y=2))
        {
          "x": 1,
          "y": 2
        }
    """

    @functools.wraps(build, assigned=("__module__",))
    def text(*args: P.args, **kwargs: P.kwargs) -> str:
        return dumps(build(*args, **kwargs))

    text.__doc__ = doc
    return text
