"""Time and memory of ``estrategy org FOLDER`` against the plain-networkx baseline.

For 10k, 100k and 1M people with 10 ties per person (sizes can be chosen), writes the
synthetic HR export (:mod:`estrategy.testing.hr_export`, cached under ``--data``), then
runs, each in a fresh process: ``estrategy org FOLDER --format json`` (load and every
analysis) and ``benchmarks/org_baseline.py FOLDER``. Prints wall time, CPU time and peak
resident memory of each, and their ratio, as a Markdown table::

    python benchmarks/org_scale.py                      # 10k, 100k, 1M
    python benchmarks/org_scale.py --sizes 10000 100000 --baseline-up-to 100000

The baseline holds the whole graph in networkx: at 1M people / 10M ties it needs well
over 10 GiB, hence ``--baseline-up-to`` (default 1,000,000: every size).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from estrategy.testing.hr_export import write_hr_export

HERE = Path(__file__).parent


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in MiB of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command} failed with status {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--ties-per-person", type=float, default=10.0)
    parser.add_argument("--data", type=Path, default=Path("/tmp/estrategy-bench"))
    parser.add_argument("--baseline-up-to", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    estrategy = [sys.executable, "-m", "estrategy", "org"]
    baseline = [sys.executable, str(HERE / "org_baseline.py")]
    print(
        "| people | ties | estrategy wall s | CPU s | peak MiB | baseline wall s | CPU s "
        "| peak MiB | time ratio (wall) | time ratio (CPU) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for people in args.sizes:
        folder = args.data / f"org-{people}-{args.ties_per_person:g}-{args.seed}"
        if not (folder / "ties.csv").exists():
            write_hr_export(
                folder, people=people, ties_per_person=args.ties_per_person, seed=args.seed
            )
        ties = round(people * args.ties_per_person)
        ours = measure([*estrategy, str(folder), "--format", "json"])
        row = [f"{people:,}", f"{ties:,}", f"{ours[0]:.1f}", f"{ours[1]:.1f}", f"{ours[2]:,.0f}"]
        if people <= args.baseline_up_to:
            theirs = measure([*baseline, str(folder)])
            row += [f"{theirs[0]:.1f}", f"{theirs[1]:.1f}", f"{theirs[2]:,.0f}"]
            row += [f"{ours[0] / theirs[0]:.2f}", f"{ours[1] / theirs[1]:.2f}"]
        else:
            row += ["not run", "", "", "", ""]
        print("| " + " | ".join(row) + " |", flush=True)


if __name__ == "__main__":
    main()
