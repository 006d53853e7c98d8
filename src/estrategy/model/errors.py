"""Errors raised when a model breaks its own invariants."""

from __future__ import annotations

import attrs

from estrategy.base.errors import EstrategyError
from estrategy.base.messages import Text, render_text
from estrategy.model.paths import ModelPath, format_path

__all__ = ["IntegrityProblem", "ModelIntegrityError"]


@attrs.frozen
class IntegrityProblem:
    """One broken cross-reference or duplicate, with where it is.

    Attributes:
        path: where the offending value is (``("tactics", 3, "strategy")``).
        text: what is wrong, in one sentence (passed as ``message=``: a message, or
            plain English).
    """

    path: ModelPath
    text: Text = attrs.field(alias="message")

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return render_text(self.text, "en")

    def __str__(self) -> str:
        return f"{format_path(self.path)}: {self.message}"


class ModelIntegrityError(EstrategyError, ValueError):
    """A model's cross-references do not hold; lists **every** problem found.

    Attributes:
        problems: all problems, in the order of the model's fields.
    """

    def __init__(self, problems: list[IntegrityProblem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "\n".join(f"  {problem}" for problem in self.problems)
        super().__init__(f"{count} integrity problem{'s' if count != 1 else ''}:\n{lines}")
