"""How fast bad and big model files are refused or read.

The unit tests in ``tests/io/test_bad_files.py`` check *what* happens to each file (the
error, its line, the exit status); this script measures *how long* it takes, which a
shared CI machine cannot judge reliably. It times, best of a few runs:

- every file of ``tests/fixtures/bad/`` (the billion-laughs ``alias-bomb.yaml`` among
  them), each refused with a ``LoadError``;
- a 100,000-deep nesting in YAML, JSON and TOML, refused;
- a legitimate alias-free file of 20,000 tactics, read with its positions.

Run: ``python benchmarks/bad_files.py [--runs N] [--assert]``. ``--assert`` exits 1 when
a bad file takes 2 seconds or more, or the big file 20 seconds or more (the budgets the
tests used to enforce).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import timeit
from collections.abc import Callable
from pathlib import Path

from estrategy import io
from estrategy.io import LoadError

BAD = Path(__file__).parents[1] / "tests" / "fixtures" / "bad"
BAD_BUDGET_S = 2.0
BIG_BUDGET_S = 20.0


def _best(runs: int, work: Callable[[], object]) -> float:
    """The best wall time of ``runs`` calls of ``work``, in seconds."""
    return min(timeit.repeat(work, number=1, repeat=runs))


def _refused(path: Path) -> Callable[[], None]:
    def work() -> None:
        try:
            io.load(path)
        except LoadError:
            return
        raise SystemExit(f"{path} was not refused")

    return work


def _deep(depth: int, fmt: str) -> str:
    if fmt == "toml":
        return "schema_version = 1\nx = " + "[" * depth + "]" * depth + "\n"
    return "[" * depth + "]" * depth


def _big(path: Path, tactics: int) -> None:
    lines = ["schema_version: 1", "name: Large", "tactics:"]
    lines += [f"  - {{id: t-{i}, kind: events}}" for i in range(tactics)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--assert", dest="check", action="store_true")
    args = parser.parse_args()
    over: list[str] = []

    def report(label: str, seconds: float, budget: float) -> None:
        print(f"{label:<40} {seconds * 1000:9.1f} ms")
        if seconds >= budget:
            over.append(f"{label}: {seconds:.2f} s (budget {budget:g} s)")

    for path in sorted(BAD.iterdir()):
        report(path.name, _best(args.runs, _refused(path)), BAD_BUDGET_S)
    with tempfile.TemporaryDirectory() as folder:
        for fmt in ("yaml", "json", "toml"):
            path = Path(folder) / f"deep.{fmt}"
            path.write_text(_deep(100_000, fmt), encoding="utf-8")
            report(f"100,000-deep nesting ({fmt})", _best(args.runs, _refused(path)), BAD_BUDGET_S)
        big = Path(folder) / "large.yaml"
        _big(big, 20_000)
        report("20,000 tactics, alias-free", _best(1, lambda: io.load_document(big)), BIG_BUDGET_S)
    if over:
        print("over budget:\n  " + "\n  ".join(over))
    return 1 if args.check and over else 0


if __name__ == "__main__":
    sys.exit(main())
