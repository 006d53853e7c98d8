"""The root of the library's errors.

Every error estrategy raises because of its input or of how it was called derives from
:class:`EstrategyError`: a file that does not load, a configuration, catalogue, mapping or
maturity-model file that does not validate, an unknown rule code, a bad setting. The
command line turns an :class:`EstrategyError` into its message and exit status 2; any
other exception is a bug in estrategy.
"""

from __future__ import annotations

__all__ = ["EstrategyError", "MissingExtraError"]


class EstrategyError(Exception):
    """Bad input or bad use of the library; its message is meant for people.

    Subclasses also derive from :class:`ValueError` where they did before this class
    existed, so ``except ValueError`` in existing user code keeps working.

    The message may be a :class:`~estrategy.base.messages.Message`: ``str(error)`` is
    then its English text and :meth:`message_in` its text in another language.

    Example:
        >>> from estrategy.base.messages import tr
        >>> error = EstrategyError(tr("unknown key {key}", key="'budjet'"))
        >>> print(str(error)); print(error.message_in("fr"))
        unknown key 'budjet'
        clé inconnue\u00a0: 'budjet'
    """

    def message_in(self, lang: str) -> str:
        """The error's message in ``lang`` (plain-text messages are shown as they are)."""
        from estrategy.base.messages import Message

        if len(self.args) == 1 and isinstance(self.args[0], Message):
            return self.args[0].render(lang)
        return str(self)


class MissingExtraError(EstrategyError, ImportError):
    """A feature needs an optional extra that is not installed; the message names it.

    Example:
        >>> print(MissingExtraError("reading .xlsx workbooks", "excel", "openpyxl"))
        reading .xlsx workbooks needs openpyxl: pip install 'estrategy[excel]'
    """

    def __init__(self, feature: str, extra: str, package: str) -> None:
        super().__init__(f"{feature} needs {package}: pip install 'estrategy[{extra}]'")
        self.extra = extra
