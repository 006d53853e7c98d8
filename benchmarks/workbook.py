"""How long Excel workbooks and data frames take, against JSON for the same model.

Builds a model with an organisation of N people (and proportionate tactics, actions and
ties), then times, best of a few runs, ``io.save`` and ``io.load`` of the model as JSON
(the baseline) and as an ``.xlsx`` workbook, and ``to_frames`` / ``from_frames``. It also
times how fast a workbook with a hostile ``<dimension>`` and far-right cells is read,
which must not depend on the 16,384 columns it claims.

Run: ``python benchmarks/workbook.py [--people 1000 10000] [--runs N]`` (needs the
``[excel]`` and ``[pandas]`` extras).
"""

from __future__ import annotations

import argparse
import tempfile
import timeit
import zipfile
from collections.abc import Callable
from pathlib import Path

from estrategy import io
from estrategy.model import Action, Organization, Person, StrategyModel, Tactic, Tie, Unit


def _best(runs: int, work: Callable[[], object]) -> float:
    return min(timeit.repeat(work, number=1, repeat=runs))


def _model(people: int) -> StrategyModel:
    units = [Unit(id="hq")] + [Unit(id=f"u{i}", parent="hq") for i in range(people // 50)]
    persons = [
        Person(
            id=f"p{i}",
            name=f"Person {i}",
            unit=f"u{i % max(1, people // 50)}" if people >= 50 else "hq",
            manager=f"p{i // 10}" if i else None,
            skills=["seo", "negotiation"],
            attributes={"site": "Brest"},
        )
        for i in range(people)
    ]
    ties = [Tie(source=f"p{i}", target=f"p{(i * 7 + 1) % people}") for i in range(people)]
    tactics = [Tactic(id=f"t{i}", kind="events") for i in range(max(1, people // 20))]
    actions = [
        Action(id=f"a{i}", tactic=f"t{i % len(tactics)}", budget=1500.5, responsible=f"p{i}")
        for i in range(max(1, people // 10))
    ]
    return StrategyModel(
        name="benchmark",
        organization=Organization(units=units, people=persons, ties=ties),
        tactics=tactics,
        actions=actions,
    )


def _hostile(folder: Path, rows: int) -> Path:
    """A workbook whose Stakes sheet claims A1:XFD1048576 and has cells at column XFD."""
    path = folder / "hostile.xlsx"
    io.save(StrategyModel(), path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet2.xml"]
    far = b"".join(
        b'<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r)
        for r in range(2, rows + 2)
    )
    sheet = sheet.replace(b"</sheetData>", far + b"</sheetData>")
    sheet = sheet.replace(b'<dimension ref="A1:B1"', b'<dimension ref="A1:XFD1048576"')
    parts["xl/worksheets/sheet2.xml"] = sheet
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        print(f"{'people':>8} {'format':>7} {'size':>10} {'save':>8} {'load':>8} {'load/json':>10}")
        for people in args.people:
            model = _model(people)
            timings: dict[str, float] = {}
            for fmt in ("json", "xlsx"):
                path = folder / f"plan.{fmt}"
                save = _best(args.runs, lambda path=path, model=model: io.save(model, path))
                load = _best(args.runs, lambda path=path: io.load(path))
                assert io.load(path) == model
                timings[fmt] = load
                ratio = load / timings["json"]
                size = path.stat().st_size
                print(
                    f"{people:>8} {fmt:>7} {size:>10,} {save:>7.2f}s {load:>7.2f}s {ratio:>9.1f}x"
                )
            to = _best(args.runs, lambda model=model: io.to_frames(model))
            frames = io.to_frames(model)
            back = _best(args.runs, lambda frames=frames: io.from_frames(frames))
            print(f"{people:>8} {'frames':>7} {'':>10} {to:>7.2f}s {back:>7.2f}s "
                  f"{back / timings['json']:>9.1f}x")  # fmt: skip
        for rows in (1_000, 10_000):
            hostile = _hostile(folder, rows)

            def refused(hostile: Path = hostile) -> None:
                try:
                    io.load(hostile)
                except io.LoadError:
                    return
                raise SystemExit("the far-right cells were not reported")

            took = _best(args.runs, refused)
            print(f"hostile dimension, {rows:,} rows with a cell at XFD: refused in {took:.2f}s")


if __name__ == "__main__":
    main()
