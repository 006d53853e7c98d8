"""How long ``import estrategy`` takes, measured in fresh interpreters.

Run: ``python benchmarks/import_time.py [--runs N]``. Prints the best and median wall time
of ``python -c "import estrategy"`` minus that of a bare ``python -c pass``, and the
modules ``import estrategy`` pulls in that it must not (heavy libraries are lazy).
Exits 1 if a heavy library is imported eagerly.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

HEAVY = ("numpy", "scipy", "networkx", "rich", "ruamel", "cattrs", "click", "hypothesis")


def _wall(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    bare = [_wall("pass") for _ in range(args.runs)]
    full = [_wall("import estrategy") for _ in range(args.runs)]
    extra = [f - b for f, b in zip(sorted(full), sorted(bare), strict=True)]
    print(
        f"import estrategy: best {min(extra) * 1000:.1f} ms, "
        f"median {statistics.median(extra) * 1000:.1f} ms over an empty interpreter"
    )
    probe = "import estrategy, sys; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout.split()
    eager = sorted({m.split(".")[0] for m in loaded} & set(HEAVY))
    if eager:
        print(f"heavy modules imported eagerly: {', '.join(eager)}")
        return 1
    print("no heavy module imported at import time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
