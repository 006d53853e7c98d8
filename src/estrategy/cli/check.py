"""``estrategy check``: lint a model file (until the rules land: summarise it)."""

from __future__ import annotations

from pathlib import Path

import click

from estrategy.cli._common import clean_errors

__all__ = ["check"]


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False))
def check(file: Path | None) -> None:
    """Lint FILE (YAML, JSON or TOML); with no FILE, the embedded demo model."""
    from estrategy import io

    with clean_errors():
        if file is None:
            click.echo("No file given: checking the embedded demo model.", err=True)
            model = io.load_demo()
        else:
            model = io.load(file)
    counts = {
        "units": len(model.organization.units),
        "people": len(model.organization.people),
        "groups": len(model.organization.groups),
        "ties": len(model.organization.ties),
        "objectives": len(model.objectives),
        "strategies": len(model.strategies),
        "tactics": len(model.tactics),
        "actions": len(model.actions),
        "kpis": len(model.kpis),
        "reviews": len(model.reviews),
        "tools": len(model.tools),
    }
    click.echo(f"{model.name}: " + ", ".join(f"{n} {what}" for what, n in counts.items()))
