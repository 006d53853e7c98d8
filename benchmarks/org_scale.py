"""Time and memory of ``estrategy org FOLDER`` against the floor, Parquet and networkx.

For each size (100k people / 1M ties and 1M / 10M by default; 10 ties per person), writes
the synthetic HR export (:mod:`estrategy.testing.hr_export`, cached under ``--data``) and
a Parquet copy of it, then runs, each in a fresh process and alternately ``--repeat``
times (the least CPU time of each is kept: the machine is shared):

- ``estrategy org FOLDER --format json``: reading and every analysis, key-person risk
  included;
- ``benchmarks/org_floor.py FOLDER``: the floor, reading the same files with pyarrow,
  mapping the ids and running the passes no analysis avoids (components, one
  breadth-first search, the per-line tie counts);
- both again on ``FOLDER-parquet``, the same export as Parquet (text columns);
- the key-person analysis alone, on tables already read (in-process);
- ``benchmarks/org_baseline.py FOLDER``, plain networkx, up to ``--baseline-up-to``.

The floor and ``estrategy org`` are also run with ``NUMPY_MADVISE_HUGEPAGE=0`` (numpy
then asks for no transparent huge pages), since on machines whose kernel compacts memory
for them on demand their system time depends on it. Prints CPU time (user + system),
wall time and peak resident memory of each, and the ratios, as two Markdown tables
(CSV, then Parquet and the rest). The package's bytecode is written first, as an
install does, so that no run compiles it::

    python benchmarks/org_scale.py                                  # 100k and 1M
    python benchmarks/org_scale.py --sizes 100000 --repeat 5
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

KEY_PEOPLE = """
import sys, time
from estrategy.io.orgcsv import read_tables
from estrategy.org import key_person_risk
tables = read_tables(sys.argv[1], attributes=False)
start = time.process_time()
key_person_risk(tables)
print(time.process_time() - start)
"""


def measure(
    command: list[str], env: dict[str, str] | None = None
) -> tuple[float, float, float, str]:
    """CPU seconds (user + system), wall seconds, peak RSS in MiB, and the output."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command} failed with status {status}")
    cpu = usage.ru_utime + usage.ru_stime
    return cpu, wall, usage.ru_maxrss / 1024, out.decode("utf-8", "replace")


def best(command: list[str], repeat: int) -> tuple[float, float, float, str]:
    runs = [measure(command) for _ in range(repeat)]
    return min(runs, key=lambda r: r[0])


def parquet_copy(folder: Path) -> Path:
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    target = folder.with_name(folder.name + "-parquet")
    if (target / "ties.parquet").exists():
        return target
    target.mkdir(exist_ok=True)
    for path in folder.glob("*.csv"):
        header = path.open(encoding="utf-8").readline().strip().split(",")
        table = pacsv.read_csv(
            path,
            convert_options=pacsv.ConvertOptions(
                column_types={h: pa.string() for h in header}, strings_can_be_null=False
            ),
        )
        pq.write_table(table, target / f"{path.stem}.parquet")
    return target


def compile_package() -> None:
    """Write the package's bytecode, as installing it does.

    Where ``PYTHONDONTWRITEBYTECODE`` is set (or the source is newer than its cache),
    every run would otherwise compile the package's modules again: about 0.1 s of
    ``estrategy org`` that no installed copy pays.
    """
    import compileall

    import estrategy

    compileall.compile_dir(str(Path(estrategy.__file__).parent), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--ties-per-person", type=float, default=10.0)
    parser.add_argument("--data", type=Path, default=Path("/tmp/estrategy-bench"))
    parser.add_argument("--baseline-up-to", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    compile_package()
    estrategy = [sys.executable, "-m", "estrategy", "org"]
    floor = [sys.executable, str(HERE / "org_floor.py")]
    baseline = [sys.executable, str(HERE / "org_baseline.py")]
    # numpy asks the kernel for huge pages for large arrays; where transparent huge pages
    # are "madvise" with defragmentation on demand, every fresh array may stall on
    # compaction, in system time: both programs are also run without (same environment)
    no_huge = {**os.environ, "NUMPY_MADVISE_HUGEPAGE": "0"}
    csv_rows: list[str] = []
    other_rows: list[str] = []
    for people in args.sizes:
        folder = args.data / f"org-{people}-{args.ties_per_person:g}-{args.seed}"
        if not (folder / "ties.csv").exists():
            write_hr_export(
                folder, people=people, ties_per_person=args.ties_per_person, seed=args.seed
            )
        parquet = parquet_copy(folder)
        ties = round(people * args.ties_per_person)
        ours = [*estrategy, str(folder), "--format", "json"]
        ours_parquet = [*estrategy, str(parquet), "--format", "json"]
        runs: dict[str, list[tuple[float, float, float, str]]] = {
            "floor": [],
            "ours": [],
            "floor-flat": [],
            "ours-flat": [],
            "floor-parquet": [],
            "ours-parquet": [],
        }
        for _ in range(args.repeat):  # alternately, so all see the same machine
            runs["floor"].append(measure([*floor, str(folder)]))
            runs["ours"].append(measure(ours))
            runs["floor-flat"].append(measure([*floor, str(folder)], no_huge))
            runs["ours-flat"].append(measure(ours, no_huge))
            runs["floor-parquet"].append(measure([*floor, str(parquet)]))
            runs["ours-parquet"].append(measure(ours_parquet))
        low = {name: min(found, key=lambda r: r[0]) for name, found in runs.items()}
        key = best([sys.executable, "-c", KEY_PEOPLE, str(folder)], 1)
        csv_rows.append(
            "| "
            + " | ".join(
                [
                    f"{people:,}",
                    f"{ties:,}",
                    f"{low['floor'][0]:.2f}",
                    f"{low['ours'][0]:.2f}",
                    f"{low['ours'][0] / low['floor'][0]:.2f}",
                    f"{low['floor-flat'][0]:.2f}",
                    f"{low['ours-flat'][0]:.2f}",
                    f"{low['ours-flat'][0] / low['floor-flat'][0]:.2f}",
                    f"{low['ours'][1]:.1f}",
                    f"{low['ours'][2]:,.0f}",
                ]
            )
            + " |"
        )
        network = (
            f"{measure([*baseline, str(folder)])[0]:.1f}"
            if people <= args.baseline_up_to
            else "not run"
        )
        other_rows.append(
            "| "
            + " | ".join(
                [
                    f"{people:,}",
                    f"{low['ours-parquet'][0]:.2f}",
                    f"{low['ours-parquet'][0] / low['ours'][0]:.2f}",
                    f"{low['floor-parquet'][0]:.2f}",
                    f"{low['floor-parquet'][0] / low['floor'][0]:.2f}",
                    f"{float(key[3].strip()):.2f}",
                    network,
                ]
            )
            + " |"
        )
    print(
        "| people | ties | floor CPU s | estrategy CPU s | ratio | without huge pages: "
        "floor | estrategy | ratio | wall s | peak MiB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(csv_rows))
    print()
    print(
        "| people | Parquet: estrategy CPU s | estrategy Parquet / CSV | floor CPU s "
        "| floor Parquet / CSV | key-person CPU s | networkx CPU s |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(other_rows), flush=True)


if __name__ == "__main__":
    main()
