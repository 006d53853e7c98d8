"""``estrategy org`` on one export as CSV, as Parquet with text ids, and with integer ids.

Takes the synthetic HR export :mod:`benchmarks.org_scale` writes (``--data``, people
``p0``, ``p1``…), makes its Parquet copy (text columns, as ``org_scale`` does) and a
copy of that whose person ids, managers, supervisors, members and tie ends are integer
columns (``p123`` becomes ``123``, as pandas writes a numeric id column); then runs
``estrategy org FOLDER --format json`` on the three alternately ``--repeat`` times, each
in a fresh process, and prints the least CPU time (user + system) of each and its
ratio to the CSV time, as a Markdown table::

    python benchmarks/org_scale.py --sizes 1000000 --data /tmp/orgdata   # writes the export
    python benchmarks/parquet_ids.py /tmp/orgdata/org-1000000-10-1
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from org_scale import compile_package, measure, parquet_copy

# the columns that hold person ids, per file
_PERSON_COLUMNS = {
    "people": ("id", "manager", "supervisor"),
    "memberships": ("person",),
    "ties": ("source", "target"),
}


def integer_copy(parquet: Path) -> Path:
    """A copy of a Parquet folder with its person ids as integers (cached)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    target = parquet.with_name(parquet.name + "-int")
    if (target / "ties.parquet").exists():
        return target
    target.mkdir(exist_ok=True)
    for path in parquet.iterdir():
        if path.suffix != ".parquet":
            (target / path.name).write_bytes(path.read_bytes())
            continue
        table = pq.read_table(path)
        for name in _PERSON_COLUMNS.get(path.stem, ()):
            if name not in table.column_names:
                continue
            text = table.column(name)
            # an empty cell (no manager) becomes a null, the empty cell of a number column
            number = pc.if_else(
                pc.equal(text, ""), pa.scalar(None, pa.string()), pc.utf8_slice_codeunits(text, 1)
            )
            position = table.schema.get_field_index(name)
            table = table.set_column(position, name, pc.cast(number, pa.int64()))
        pq.write_table(table, target / path.name)
    return target


def main() -> None:
    """Run the three formats alternately and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a CSV export written by org_scale.py")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    compile_package()
    folders = {"CSV": args.folder, "Parquet, text ids": parquet_copy(args.folder)}
    folders["Parquet, integer ids"] = integer_copy(folders["Parquet, text ids"])
    least: dict[str, float] = {}
    for _ in range(args.repeat):
        for label, folder in folders.items():
            command = [sys.executable, "-m", "estrategy", "org", str(folder), "--format", "json"]
            cpu = measure(command)[0]
            least[label] = min(cpu, least.get(label, cpu))
    print("| export | estrategy CPU s | / CSV |")
    print("|---|---:|---:|")
    for label, cpu in least.items():
        print(f"| {label} | {cpu:.2f} | {cpu / least['CSV']:.2f} |")


if __name__ == "__main__":
    main()
