"""Helpers shared by the commands: loading with clean errors, exit codes, output."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import click

__all__ = ["EXIT_BAD_INPUT", "EXIT_CLEAN", "EXIT_FINDINGS", "clean_errors", "fail"]

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


def fail(message: str) -> NoReturn:
    """Print ``message`` on standard error and exit with status 2 (bad input or usage)."""
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


@contextmanager
def clean_errors() -> Iterator[None]:
    """Turn the library's input errors into a message and exit 2, never a traceback.

    Every error type the library raises for bad input is a ``ValueError`` subclass with a
    message meant for people (file, line, column, path); ``OSError`` covers unreadable
    files. ``RecursionError`` and ``MemoryError`` are the last resort for hostile input
    that slipped past the size and depth guards.
    """
    try:
        yield
    except (ValueError, OSError, RecursionError, MemoryError) as exc:
        fail(str(exc) or type(exc).__name__)
