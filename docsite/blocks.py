"""Every code block of the documentation, run: no example in the docs is stale.

``python -m docsite.blocks`` runs the fenced blocks of every page of ``docs/`` (and of the
README), each page in a fresh process and a folder of its own, in the order of the page:

- ``python``: run, the page's blocks sharing one namespace like the cells of a notebook;
  a block of ``>>>`` lines is a doctest, its shown output compared;
- ``console``: each ``$ command`` is run with bash; the lines under it, when there are
  any, are its expected output (``...`` stands for any lines); the exit status must be 0
  or 1 (findings), or the one a trailing ``# exit N`` comment states;
- ``bash``: each line is a command, as in a console block, without shown output;
- ``yaml`` (a model when it has ``schema_version``, loaded by estrategy), ``toml`` and
  ``json``: parsed;
- ``text``, ``mermaid`` and ``csv`` are shown, never run: outputs, diagrams, data.

A block whose fence has a ``title="path/file.ext"`` is the content of that file: it is
written into the page's folder (and parsed or compiled, not run). ``pip install ./pkg``
of such a folder installs it offline into the page's folder, where what runs next finds
it. Other than that, only commands made of the programs of :data:`RUN_PROGRAMS` are run
(``estrategy``, ``python`` scripts, a few file tools); the others (``pip``, ``git``,
``pre-commit``, the benchmarks, the test suite) change the machine or take long, and are
listed as not run.
A block preceded by ``<!-- blocks: no-run REASON -->`` is not run either. A page runs in
a folder holding the files the pages name (see :func:`_sandbox`), or, when its first
line is ``<!-- blocks: fresh -->``, in an empty one.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import doctest
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import textwrap
import tomllib
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

__all__ = [
    "RUN",
    "RUN_PROGRAMS",
    "SHOWN",
    "Block",
    "Outcome",
    "blocks",
    "console_steps",
    "main",
    "pages",
    "run_page",
]

ROOT = Path(__file__).resolve().parents[1]
"""The repository root."""

RUN = ("python", "console", "bash", "yaml", "toml", "json")
"""The languages whose blocks are run (or parsed)."""

SHOWN = ("text", "mermaid", "csv")
"""The languages whose blocks are shown, never run: outputs, diagrams, data."""

RUN_PROGRAMS = (
    "estrategy", "python", "python3", "cat", "cd", "cp", "diff", "echo", "grep", "head",
    "ls", "mkdir", "sort", "tail", "test", "wc",
)  # fmt: skip
"""The programs a command may use to be run; ``python -m`` only for estrategy itself."""

_OPERATORS = frozenset({"&&", "||", ";", "|", "&", "(", ")"})

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<lang>[\w+-]*)(?P<info>[^\n]*)\n"
    r"(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.DOTALL | re.MULTILINE,
)
_NO_RUN = re.compile(r"<!-- blocks: no-run (?P<reason>[^>]+?) -->\s*$")
_EXIT = re.compile(r"#\s*exit (?P<status>\d+)\s*$")
_TITLE = re.compile(r'title="(?P<title>[^"]+)"')


@attrs.frozen
class Block:
    """A fenced code block of a page.

    Attributes:
        page: the Markdown file.
        line: the line of its opening fence (1-based).
        lang: its language (``python``, ``console``…), empty when none is given.
        text: its content, dedented.
        no_run: why it is not run, when the page says so.
        title: the ``title="…"`` of its opening fence: for a file's content, its path.
    """

    page: Path
    line: int
    lang: str
    text: str
    no_run: str | None = None
    title: str | None = None

    @property
    def where(self) -> str:
        """``docs/page.md:12``."""
        try:
            shown = self.page.relative_to(ROOT)
        except ValueError:
            shown = self.page
        return f"{shown}:{self.line}"


def blocks(path: Path) -> list[Block]:
    r"""The fenced blocks of a Markdown file, indented ones (in admonitions, tabs) included.

    Example:
        >>> import tempfile
        >>> page = Path(tempfile.mkdtemp()) / "p.md"
        >>> _ = page.write_text("Text\n\n```python\nx = 1\n```\n", encoding="utf-8")
        >>> [(b.line, b.lang, b.text) for b in blocks(page)]
        [(3, 'python', 'x = 1\n')]
    """
    text = path.read_text(encoding="utf-8")
    found = []
    for match in _FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        skip = _NO_RUN.search(before)
        body = textwrap.dedent(match["body"]) if match["indent"] else match["body"]
        title = _TITLE.search(match["info"])
        found.append(
            Block(
                path,
                line,
                match["lang"].lower(),
                body,
                skip["reason"] if skip else None,
                title["title"] if title else None,
            )
        )
    return found


def pages(root: Path = ROOT) -> list[Path]:
    """The pages whose blocks are run: every Markdown file of ``docs/``, and the README."""
    return [*sorted((root / "docs").rglob("*.md")), root / "README.md"]


@attrs.frozen
class Outcome:
    """What running one block (or one command of it) gave.

    Attributes:
        where: the page and line.
        status: ``ok``, ``failed``, ``not run`` or ``shown``.
        detail: what failed, or why it was not run.
    """

    where: str
    status: str
    detail: str = ""


@attrs.frozen
class _Step:
    command: str
    expected: tuple[str, ...]
    status: int | None


def console_steps(text: str, *, prompt: bool = True) -> list[_Step]:
    r"""The commands of a console block (``$`` lines) and the output shown under each.

    Example:
        >>> shown = "$ estrategy rules | head -1\ncode name\n$ estrategy check x.yaml  # exit 2"
        >>> for step in console_steps(shown):
        ...     print(step.command, step.expected, step.status)
        estrategy rules | head -1 ('code name',) None
        estrategy check x.yaml  # exit 2 () 2
    """
    steps: list[_Step] = []
    command: list[str] = []
    expected: list[str] = []

    def close() -> None:
        if command:
            joined = "\n".join(command)
            status = _EXIT.search(joined)
            steps.append(_Step(joined, tuple(expected), int(status["status"]) if status else None))

    for line in text.splitlines():
        if (line.startswith("$ ") or not prompt) and not (command and command[-1].endswith("\\")):
            close()
            command, expected = [line[2:] if prompt else line], []
            if not prompt and (not line.strip() or line.lstrip().startswith("#")):
                command = []
        elif command and command[-1].endswith("\\"):
            command.append(line)
        elif command:
            expected.append(line.rstrip())
    close()
    return [s for s in steps if s.command.strip()]


def runnable(command: str, folder: Path | None = None) -> bool:
    """Whether every program of a command line is one the runner runs.

    ``python -m pytest`` runs when it names a test folder of ``folder`` other than
    ``tests`` (the repository's own suite, which CI runs on its own).

    Example:
        >>> runnable("estrategy check plan.yaml | head -3"), runnable("pip install estrategy")
        (True, False)
        >>> runnable("python -m estrategy rules"), runnable("python -m pytest -q")
        (True, False)
    """
    if "benchmarks/" in command:
        return False
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    try:
        tokens = list(lexer)
    except ValueError:
        return False
    segments: list[list[str]] = [[]]
    for token in tokens:
        if token in _OPERATORS:
            segments.append([])
        else:
            segments[-1].append(token)
    for words in segments:
        words = [w for w in words if not re.fullmatch(r"\w+=.*", w)]
        if not words:
            continue
        if Path(words[0]).name not in RUN_PROGRAMS:
            return False
        if Path(words[0]).name.startswith("python") and "-m" in words:
            module, *arguments = words[words.index("-m") + 1 :]
            if module == "pytest" and folder is not None:
                paths = [a for a in arguments if not a.startswith("-")]
                if not paths or any(
                    p.split("/")[0] == "tests" or not (folder / p).exists() for p in paths
                ):
                    return False
            elif module != "estrategy":
                return False
    return True


def _local_install(command: str, folder: Path) -> str | None:
    """``pip install ./pkg`` of a package of ``folder``, made to install it offline there.

    The package goes into the page's own ``site-packages`` (on the path of what runs
    next), without its dependencies (installed already) nor a package index.
    """
    words = shlex.split(command, comments=True)
    if words[:2] != ["pip", "install"]:
        return None
    targets = [w for w in words[2:] if not w.startswith("-")]
    if not targets or not all((folder / t).is_dir() for t in targets):
        return None
    return shlex.join(
        [
            sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
            "--no-build-isolation", "--no-index", "--target", "site-packages", *targets,
        ]
    )  # fmt: skip


def _matches(expected: Sequence[str], actual: Sequence[str]) -> bool:
    """Whether the output matches what is shown; ``...`` stands for anything, as in doctest.

    Example:
        >>> _matches(["a.yaml:...:5 STR001", "..."], ["a.yaml:12:5 STR001", "more", "lines"])
        True
        >>> _matches(["a.yaml:12:5 STR001"], ["a.yaml:13:5 STR001"])
        False
    """
    while expected and not expected[-1]:
        expected = expected[:-1]
    pattern = "\n".join(re.escape(line.rstrip()).replace(r"\.\.\.", ".*") for line in expected)
    return re.fullmatch(pattern, "\n".join(actual), flags=re.DOTALL) is not None


def _environment(sandbox: Path) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    return {
        **os.environ,
        "PATH": bin_dir + os.pathsep + os.environ.get("PATH", ""),
        "NO_COLOR": "1",
        "COLUMNS": "100",
        "TERM": "dumb",
        "PYTHONPATH": str(sandbox / "site-packages"),
        # the key the docs' pseudonymisation examples read (`--pseudonymise env:ORG_KEY`)
        "ORG_KEY": "a-key-for-the-documentation",
    }


def _run_console(block: Block, sandbox: Path, *, prompt: bool) -> Iterator[Outcome]:
    steps = console_steps(block.text, prompt=prompt)
    if not steps:
        yield Outcome(block.where, "failed", "a console block with no `$ command` line")
    for step in steps:
        command = _local_install(step.command, sandbox) or step.command
        if command == step.command and not runnable(step.command, sandbox):
            yield Outcome(block.where, "not run", step.command)
            continue
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=sandbox,
            env=_environment(sandbox),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,  # as a terminal shows them: in the order written
            text=True,
            timeout=300,
            check=False,
        )
        allowed = (step.status,) if step.status is not None else (0, 1)
        output = [line.rstrip() for line in done.stdout.rstrip().splitlines()]
        if done.returncode not in allowed:
            yield Outcome(
                block.where,
                "failed",
                f"$ {step.command}\nexit status {done.returncode}, expected "
                f"{' or '.join(map(str, allowed))}\n" + "\n".join(output[-20:]),
            )
        elif step.expected and not _matches(step.expected, output):
            yield Outcome(
                block.where,
                "failed",
                f"$ {step.command}\nshown:\n"
                + "\n".join(step.expected)
                + "\nactual:\n"
                + "\n".join(output),
            )
        else:
            yield Outcome(block.where, "ok", step.command)


def _run_python(block: Block, namespace: dict[str, Any]) -> Outcome:
    if block.text.lstrip().startswith(">>>"):
        parser = doctest.DocTestParser()
        test = parser.get_doctest(block.text, namespace, block.where, str(block.page), block.line)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        report: list[str] = []
        with contextlib.redirect_stderr(io.StringIO()):
            failed, _ = runner.run(test, out=report.append, clear_globs=False)
        namespace.update(test.globs)  # doctest ran on a copy: keep what it defined
        return Outcome(block.where, "failed" if failed else "ok", "".join(report))
    printed = io.StringIO()
    try:
        code = compile(block.text, block.where, "exec")
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            exec(code, namespace)
    except BaseException:
        return Outcome(
            block.where, "failed", printed.getvalue()[-2000:] + traceback.format_exc(limit=-3)
        )
    return Outcome(block.where, "ok")


def _parse(block: Block) -> Outcome:
    try:
        if block.lang == "json":
            json.loads(block.text)
        elif block.lang == "toml":
            tomllib.loads(block.text)
        elif "schema_version:" in block.text:
            from estrategy.io import loads

            loads(block.text)
        else:
            from ruamel.yaml import YAML

            YAML(typ="safe", pure=True).load(block.text)
    except Exception as error:
        return Outcome(block.where, "failed", f"{type(error).__name__}: {error}")
    return Outcome(block.where, "ok")


_SCIM = """employeeNumber,displayName,department,division,manager
1001,Hélène Roux,Direction,Head office,
1002,Marc Le Gall,Sales EMEA,Sales,1001
1003,Inès Diallo,Sales EMEA,Sales,1002
1004,Paul Morel,Workshop,Production,1001
"""


_FILE_NAME = re.compile(r"[\w.-]+(/[\w.-]+)*\.\w+")


def _write(block: Block, sandbox: Path) -> Outcome:
    """A block titled with a path is a file: write it, and check it without running it."""
    assert block.title is not None
    path = sandbox / block.title
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(block.text, encoding="utf-8")
    if block.lang == "python":
        try:
            compile(block.text, block.where, "exec")
        except SyntaxError as error:
            return Outcome(block.where, "failed", f"SyntaxError: {error}")
        return Outcome(block.where, "ok", f"wrote {block.title}")
    if block.lang in RUN:
        return _parse(block)
    return Outcome(block.where, "ok", f"wrote {block.title}")


_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
    '<rect width="120" height="40" fill="#3949ab"/></svg>\n'
)


def _sandbox(page: Path, folder: Path) -> None:
    """Fill the folder a page's blocks run in with the files the pages name.

    ``plan.yaml`` and ``before.yaml`` are the reference model, ``after.yaml`` the same
    model with its gaps fixed, ``plan.xlsx`` the reference model as a workbook (when the
    ``[excel]`` extra is installed), ``hr-export/`` a synthetic HR export of 300 people,
    ``scim-export/`` a small SCIM export, ``models/`` and ``clients/`` folders of models,
    ``logo.svg`` a logo for the report,
    ``mine.toml`` and ``my-catalogue.toml`` the shipped maturity model and catalogue, and
    ``tests`` the repository's tests folder.
    """
    (folder / "site-packages").mkdir()
    if page.read_text(encoding="utf-8").startswith("<!-- blocks: fresh -->"):
        return
    from estrategy import load, save
    from estrategy.base.errors import MissingExtraError
    from estrategy.testing.hr_export import write_hr_export, write_workplace_export

    fixtures = ROOT / "tests" / "fixtures"
    data = ROOT / "src" / "estrategy" / "data"
    (folder / "tests").symlink_to(ROOT / "tests")
    for name, source in (
        ("plan.yaml", fixtures / "lefevre.yaml"),
        ("before.yaml", fixtures / "lefevre.yaml"),
        ("after.yaml", fixtures / "lefevre-clean.yaml"),
        ("mine.toml", data / "maturity.toml"),
        ("my-catalogue.toml", data / "catalogue.toml"),
    ):
        shutil.copyfile(source, folder / name)
    write_hr_export(folder / "hr-export", people=300, ties_per_person=3, seed=1)
    write_workplace_export(folder / "viva", people=60, weeks=12, seed=1)
    for name, source in (
        ("models/lefevre.yaml", fixtures / "lefevre.yaml"),
        ("models/furniture.estrategy.yaml", fixtures / "furniture.yaml"),
        ("clients/kerbrat/plan.yaml", fixtures / "lefevre-clean.yaml"),
        ("clients/archive/old.yaml", fixtures / "lefevre.yaml"),
    ):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / name)
    (folder / "logo.svg").write_text(_LOGO, encoding="utf-8")
    (folder / "scim-export").mkdir()
    (folder / "scim-export" / "people.csv").write_text(_SCIM, encoding="utf-8")
    with contextlib.suppress(MissingExtraError):
        save(load(folder / "plan.yaml"), folder / "plan.xlsx")


def run_page(page: Path) -> list[Outcome]:
    """Run the blocks of one page, in order, in a folder of its own."""
    outcomes: list[Outcome] = []
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    here = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="estrategy-docs-") as name:
        sandbox = Path(name)
        _sandbox(page, sandbox)
        sys.path.insert(0, str(sandbox / "site-packages"))
        saved = dict(os.environ)
        os.environ.update(_environment(sandbox))
        os.chdir(sandbox)
        try:
            for block in blocks(page):
                if block.title is not None and _FILE_NAME.fullmatch(block.title):
                    outcomes.append(_write(block, sandbox))
                elif block.no_run is not None:
                    outcomes.append(Outcome(block.where, "not run", block.no_run))
                elif block.lang in SHOWN:
                    outcomes.append(Outcome(block.where, "shown"))
                elif block.lang == "python":
                    outcomes.append(_run_python(block, namespace))
                elif block.lang in ("console", "bash"):
                    prompt = block.lang == "console"
                    outcomes.extend(_run_console(block, sandbox, prompt=prompt))
                elif block.lang in RUN:
                    outcomes.append(_parse(block))
                else:
                    outcomes.append(
                        Outcome(block.where, "failed", f"no runner for a {block.lang!r} block")
                    )
        finally:
            os.environ.clear()
            os.environ.update(saved)
            os.chdir(here)
            sys.path.remove(str(sandbox / "site-packages"))
    return outcomes


def _run_in_process(page: Path) -> list[Outcome]:
    done = subprocess.run(
        [sys.executable, "-m", "docsite.blocks", "--page", str(page), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        return [Outcome(**o) for o in json.loads(done.stdout)]
    except (json.JSONDecodeError, TypeError):
        return [Outcome(str(page), "failed", done.stdout[-2000:] + done.stderr[-4000:])]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the blocks of every page (or of the pages given); 1 when one fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--page", type=Path, action="append", help="only this page")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    chosen = [p.resolve() for p in args.page] if args.page else pages()
    if args.json:  # one page, in this process: the worker's side
        print(json.dumps([attrs.asdict(o) for p in chosen for o in run_page(p)]))
        return 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(_run_in_process, chosen))
    outcomes = [o for page in results for o in page]
    for outcome in outcomes:
        if outcome.status == "failed":
            print(f"FAILED {outcome.where}\n{textwrap.indent(outcome.detail, '    ')}")
    not_run = [o for o in outcomes if o.status == "not run"]
    for outcome in not_run:
        print(f"not run {outcome.where}: {outcome.detail}")
    counts = {s: sum(o.status == s for o in outcomes) for s in ("ok", "failed", "shown")}
    print(
        f"{len(chosen)} pages: {counts['ok']} blocks or commands ran, {counts['failed']} "
        f"failed, {len(not_run)} not run, {counts['shown']} shown only"
    )
    return 1 if counts["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
