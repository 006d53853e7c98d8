"""How fast ``estrategy check`` lints a folder of many model files.

Generates a folder of model files (1,000 by default), each the size of the reference model
``tests/fixtures/lefevre.yaml`` and written in its style (each a variant: its own name,
as-of date and tactic), then times, side by side:

- ``estrategy check FOLDER`` end to end, as a subprocess (start-up, discovery, the
  process pool, rendering), with the default pool (one process per core);
- the same with ``--jobs 1`` (every file in one process): the baseline the pool is
  compared with;
- the library alone: discovery, then ``check_files`` with one process, from which the
  time per file is taken.

It prints each wall time and CPU time (user + system, every process of the run), the
time per file and the ratio of the parallel run to the serial one. On a machine shared
with other jobs the wall time also measures the neighbours: the CPU time says what the
run itself costs. ``--assert`` exits 1 when the parallel run takes 10 seconds or more of
wall time (the issue's budget: 1,000 files in under 10 s on a 2-core machine).

    python benchmarks/check_many.py               # 1,000 files
    python benchmarks/check_many.py --files 200   # a quicker run
    python benchmarks/check_many.py --assert
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from estrategy.batch import CheckOptions, check_files
from estrategy.io.discovery import find_model_files

REFERENCE = Path(__file__).parents[1] / "tests" / "fixtures" / "lefevre.yaml"
BUDGET_S = 10.0


def generate(folder: Path, count: int) -> None:
    """Write ``count`` variants of the reference model into ``folder``."""
    text = REFERENCE.read_text(encoding="utf-8")
    for i in range(count):
        variant = (
            text.replace("name: Lefèvre digital plan 2027", f"name: Generated plan {i}")
            .replace("as_of: 2026-11-15", f"as_of: 2026-{1 + i % 12:02d}-15")
            .replace("id: t-newsletter,", f"id: t-newsletter-{i},")
        )
        (folder / f"plan-{i:04d}.estrategy.yaml").write_text(variant, encoding="utf-8")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli_time(folder: Path, *extra: str) -> tuple[float, float, int]:
    """Wall and CPU time of ``estrategy check FOLDER --statistics``, and its exit status.

    The CPU time counts the command and its worker processes.
    """
    command = [sys.executable, "-m", "estrategy", "check", str(folder), "--statistics", *extra]
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    return time.perf_counter() - start, _children_cpu() - cpu, done.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="how many model files")
    parser.add_argument("--assert", dest="check_budget", action="store_true")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        generate(folder, args.files)
        size = sum(p.stat().st_size for p in folder.iterdir()) // args.files
        print(
            f"{args.files} files of about {size:,} bytes (reference: {REFERENCE.stat().st_size:,})"
        )
        print(f"cores: {os.cpu_count()}")

        parallel, parallel_cpu, status = cli_time(folder)
        serial, serial_cpu, _ = cli_time(folder, "--jobs", "1")
        start, cpu = time.perf_counter(), time.process_time()
        files = find_model_files([folder])
        found, found_cpu = time.perf_counter() - start, time.process_time() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        batch = check_files(files, CheckOptions(no_config=True), jobs=1)
        library, library_cpu = time.perf_counter() - start, time.process_time() - cpu
        assert len(batch.files) == args.files
        assert not batch.unreadable

    print(f"{'run':<36} {'wall (s)':>9} {'cpu (s)':>8} {'wall/file (ms)':>15} {'cpu/file':>9}")
    for label, seconds, spent in (
        ("estrategy check FOLDER (pool)", parallel, parallel_cpu),
        ("estrategy check FOLDER --jobs 1", serial, serial_cpu),
        ("discovery (find_model_files)", found, found_cpu),
        ("check_files, one process", library, library_cpu),
    ):
        per_file, cpu_per_file = seconds / args.files * 1000, spent / args.files * 1000
        print(f"{label:<36} {seconds:>9.2f} {spent:>8.2f} {per_file:>15.2f} {cpu_per_file:>9.2f}")
    print(f"wall time, pool / one process: {parallel / serial:.2f}  (exit status {status})")
    if args.check_budget and args.files >= 1000 and parallel >= BUDGET_S:
        print(f"FAIL: {args.files} files took {parallel:.1f} s (budget {BUDGET_S:.0f} s)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
