"""Babel extractors: every text estrategy translates, ``tr()`` calls and the rest.

``pybabel extract`` (configured in ``pyproject.toml``) runs :func:`extract_python` on
every module and :func:`extract_toml` on the packaged TOML data. Besides the ``tr`` and
``ntr`` calls Babel finds itself, they extract:

- the documentation of every rule: the summary and the *What it checks*, *Why it
  matters* and *How to fix* sections of a function decorated with ``@rule(…)``, each as
  one msgid whose paragraphs are unwrapped (:func:`unwrap_paragraphs`), so re-wrapping a
  docstring changes no msgid;
- the ``title=`` of every criterion declared with ``@criterion(…)``;
- the ``tr``, ``ntr`` and ``N_`` calls Babel's own reader misses: one inside another
  call's arguments, or inside an f-string;
- the command line's help: the docstring of every ``@click.command``/``@click.group``
  function (paragraphs unwrapped), every ``help=`` and ``help_text=`` text, and the help
  given to ``as_of_option(…)``, ``format_option(…)`` and ``output_file_option(…)``;
- the names people read in the maturity model (dimensions, levels) and the catalogue.

This module is tooling: only Babel's extraction imports it (and the test that checks
the catalogue is up to date).
"""

from __future__ import annotations

import ast
import inspect
import io
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any, cast

from estrategy.base.translations import unwrap_paragraphs

__all__ = ["docstring_sections", "extract_python", "extract_toml"]

_Result = tuple[int, str | None, str | tuple[str, ...], list[str]]

_DECORATORS = frozenset({"rule", "criterion", "declare", "command", "group"})
_COMMANDS = frozenset({"command", "group"})
# functions of the command line whose help text is a positional argument, and its index
_HELP_ARGUMENTS = {"as_of_option": 0, "format_option": 1, "output_file_option": 0}
_SECTIONS = {"what it checks": "what", "why it matters": "why", "how to fix": "fix"}


def docstring_sections(doc: str) -> dict[str, str]:
    r"""A rule's or criterion's docstring split into ``summary``, ``what``, ``why``, ``fix``.

    Example:
        >>> docstring_sections("First line.\n\nWhat it checks:\n    A thing.\n")
        {'summary': 'First line.', 'what': 'A thing.', 'why': '', 'fix': ''}
    """
    text = inspect.cleandoc(doc)
    lines: dict[str, list[str]] = {"summary": [], "what": [], "why": [], "fix": []}
    current = "summary"
    for line in text.splitlines():
        heading = _SECTIONS.get(line.strip().rstrip(":").lower())
        if heading is not None and line.strip().endswith(":"):
            current = heading
            continue
        lines[current].append(line)
    return {key: inspect.cleandoc("\n".join(body)).strip() for key, body in lines.items()}


def _decorator_name(node: ast.expr) -> str | None:
    target = node.func if isinstance(node, ast.Call) else node
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    return None


def _documented(tree: ast.AST) -> Iterator[_Result]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        decorators = [d for d in node.decorator_list if _decorator_name(d) in _DECORATORS]
        if not decorators:
            continue
        for decorator in decorators:
            if isinstance(decorator, ast.Call):
                for keyword in decorator.keywords:
                    value = keyword.value
                    if (
                        keyword.arg == "title"
                        and isinstance(value, ast.Constant)
                        and isinstance(value.value, str)
                        and value.value
                    ):
                        yield decorator.lineno, None, value.value, []
        # The rules' documentation is read in every language (``estrategy rule CODE``);
        # a criterion's is developer documentation, only its title is shown.
        doc = ast.get_docstring(node, clean=True)
        if doc and any(_decorator_name(d) in _COMMANDS for d in decorators):
            yield node.lineno, None, unwrap_paragraphs(doc), [f"{node.name}: command help"]
            continue
        if not doc or not any(_decorator_name(d) == "rule" for d in decorators):
            continue
        for section, text in docstring_sections(doc).items():
            if text:
                yield node.lineno, None, unwrap_paragraphs(text), [f"{node.name}: {section}"]


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _calls_babel_misses(tree: ast.AST, keywords: Collection[str]) -> Iterator[_Result]:
    """Every ``tr``/``ntr``/``N_`` call with literal texts, wherever it stands.

    Babel's Python extractor reads neither a call inside another keyword's arguments
    (``tr("{model}…", model=name or tr("unnamed model"))``) nor one inside an f-string:
    read as code, they are found too (a text Babel found already is merged with it).
    """
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        if node.func.id not in keywords or not node.args:
            continue
        texts = [_literal(arg) for arg in node.args[:2]]
        if node.func.id == "ntr" and len(texts) == 2 and texts[0] and texts[1]:
            yield node.lineno, node.func.id, (texts[0], texts[1]), []
        elif node.func.id != "ntr" and texts[0]:
            yield node.lineno, node.func.id, texts[0], []


def _help_texts(tree: ast.AST) -> Iterator[_Result]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        texts = [k.value for k in node.keywords if k.arg in ("help", "help_text")]
        position = _HELP_ARGUMENTS.get(_decorator_name(node) or "")
        if position is not None and len(node.args) > position:
            texts.append(node.args[position])
        for text in texts:
            if isinstance(text, ast.Constant) and isinstance(text.value, str) and text.value:
                yield node.lineno, None, unwrap_paragraphs(text.value), []


def extract_python(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[_Result]:
    """Babel's Python extraction, plus the rules' and criteria's documentation."""
    from babel.messages.extract import extract_python as babel_python

    data = fileobj.read()
    # Babel's annotations describe extract()'s results; its Python extractor yields
    # (lineno, funcname, messages, comments), as custom extractors must.
    found = babel_python(io.BytesIO(data), keywords, comment_tags, cast(Any, dict(options)))
    yield from cast(Iterator[_Result], found)
    tree = ast.parse(data)
    yield from _calls_babel_misses(tree, keywords)
    yield from _documented(tree)
    yield from _help_texts(tree)


def _names(data: Any, path: tuple[str, ...] = ()) -> Iterator[str]:
    # Every ``name`` or ``title`` string, and the level names, anywhere in the document.
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("name", "title") and isinstance(value, str) and path:
                yield value
            elif key == "names" and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            else:
                yield from _names(value, (*path, key))
    elif isinstance(data, list):
        for item in data:
            yield from _names(item, (*path, "[]"))


def extract_toml(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[_Result]:
    """The names and titles people read in a packaged TOML file (not the document's own)."""
    import tomllib

    for name in dict.fromkeys(_names(tomllib.loads(fileobj.read().decode("utf-8")))):
        yield 0, None, name, []
