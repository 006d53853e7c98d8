"""Time and size of ``estrategy report`` at scale, against ``estrategy check`` on the same file.

Two acceptance figures of the client report:

- the HTML report of a plan over the 92,000-person organisation of the organisation
  benchmark (:mod:`estrategy.testing.hr_export`, 10 ties per person, cached under
  ``--data``) takes under 10 s and stays under 2 MB;
- the PDF of the reference model (``tests/fixtures/lefevre.yaml``) takes under 15 s.

Each command runs in a fresh process, as a user runs it; its baseline runs side by side:
``estrategy check --format json`` on the same file (loading and checking, which the
report does too), and the reference model's HTML report for its PDF. Prints wall time,
CPU time, peak resident memory, the file's size and the ratio to the baseline, as a
Markdown table::

    python benchmarks/report_scale.py
    python benchmarks/report_scale.py --people 20000 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from estrategy.testing.hr_export import write_hr_export

HERE = Path(__file__).parent
LEFEVRE = HERE.parent / "tests" / "fixtures" / "lefevre.yaml"

PLAN = """\
schema_version: 1
name: Scale plan
currency: EUR
as_of: 2026-11-15
organization: {{from: {folder}}}
mission: Lead the sector online.
stakes:
  - {{id: s-growth, statement: Grow abroad}}
situation:
  strengths: [Products]
  weaknesses: [Silos]
  competitors: [Others]
objectives:
  - {{id: o-leads, statement: More leads, stake: s-growth, metric: leads, baseline: 10,
     target: 20, deadline: 2027-12-31, owner: p1}}
  - {{id: o-brand, statement: Known as experts, stake: s-growth}}
strategies:
  - {{id: st-ext, statement: Sell online, scope: external, objectives: [o-leads, o-brand],
     status: retained}}
  - {{id: st-int, statement: Share knowledge, scope: internal, objectives: [o-leads],
     status: retained}}
tactics:
  - {{id: t-content, name: Expert content, kind: content_marketing, strategy: st-ext,
     audience: prospects, owner_unit: u1}}
  - {{id: t-news, name: Newsletter, kind: email_marketing, audience: customers, owner_unit: u2}}
  - {{id: t-esn, name: Enterprise social network, kind: enterprise_social_network,
     strategy: st-int, audience: employees, owner_unit: u3}}
actions:
  - {{id: a-1, tactic: t-content, description: Write articles, responsible: p2, budget: 12000,
     deadline: 2026-10-01, status: in_progress, competences: [seo], tools: [tool-site]}}
  - {{id: a-2, tactic: t-esn, description: Roll out the ESN, responsible: p3, budget: 30000,
     deadline: 2027-03-31, status: planned, competences: [change_management], tools: [tool-esn]}}
kpis:
  - id: k-leads
    name: Leads per month
    objective: o-leads
    tactics: [t-content]
    target: 20
    measurements: [{{date: 2026-09-30, value: 10}}, {{date: 2026-10-31, value: 11}}]
reviews:
  - {{date: 2026-10-31, kpis: [k-leads], decisions: [Keep going]}}
tools:
  - {{id: tool-site, name: Website, kind: website}}
  - {{id: tool-esn, name: ESN, kind: esn}}
"""


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in MiB of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # check exits 1 on findings
        raise SystemExit(f"{command} failed with status {status}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def best(command: list[str], repeat: int) -> tuple[float, float, float]:
    """The fastest of ``repeat`` runs (the machine is shared: the best is the least noisy)."""
    return min((measure(command) for _ in range(repeat)), key=lambda r: r[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=92_000)
    parser.add_argument("--ties-per-person", type=float, default=10.0)
    parser.add_argument("--data", type=Path, default=Path("/tmp/estrategy-bench"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    folder = args.data / f"org-{args.people}-{args.ties_per_person:g}-{args.seed}"
    if not (folder / "ties.csv").exists():
        write_hr_export(
            folder, people=args.people, ties_per_person=args.ties_per_person, seed=args.seed
        )
    estrategy = [sys.executable, "-m", "estrategy"]
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        plan = args.data / f"plan-{folder.name}.yaml"
        plan.write_text(PLAN.format(folder=folder.name), encoding="utf-8")
        runs = [
            (
                f"HTML, {args.people:,} people",
                [*estrategy, "report", str(plan), "-o", str(out / "big.html")],
                [*estrategy, "check", str(plan), "--format", "json"],
                out / "big.html",
                (10.0, 2_000_000),
            ),
            (
                "PDF, reference model",
                [*estrategy, "report", str(LEFEVRE), "-o", str(out / "lefevre.pdf")],
                [*estrategy, "report", str(LEFEVRE), "-o", str(out / "lefevre.html")],
                out / "lefevre.pdf",
                (15.0, None),
            ),
        ]
        print(
            "| report | wall s | CPU s | peak MiB | size | baseline wall s | ratio (wall) "
            "| limit | within |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---|---|")
        for label, command, baseline, target, (seconds, size) in runs:
            ours = best(command, args.repeat)
            theirs = best(baseline, args.repeat)
            written = target.stat().st_size
            within = ours[0] < seconds and (size is None or written < size)
            limit = f"< {seconds:g} s" + (f", < {size / 1e6:g} MB" if size else "")
            print(
                f"| {label} | {ours[0]:.1f} | {ours[1]:.1f} | {ours[2]:,.0f} | "
                f"{written / 1e6:.2f} MB | {theirs[0]:.1f} | {ours[0] / theirs[0]:.2f} | "
                f"{limit} | {'yes' if within else 'NO'} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
