"""``estrategy rules`` and ``estrategy rule CODE``: the rule catalogue, as ``ruff rule`` does."""

from __future__ import annotations

import json

import click

from estrategy.cli._common import clean_errors, fail

__all__ = ["rule", "rules"]


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
def rules(output_format: str) -> None:
    """List every rule: code, name, default severity and what it flags."""
    from estrategy.rules import registry

    with clean_errors():
        catalogue = registry()
    if output_format == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "code": r.code,
                        "name": r.name,
                        "severity": str(r.severity),
                        "summary": r.summary,
                        "settings": dict(r.settings),
                        "origin": r.origin,
                    }
                    for r in catalogue.values()
                ],
                indent=2,
                ensure_ascii=False,
                default=list,
            )
        )
        return
    if output_format == "markdown":
        click.echo("| code | name | severity | summary |\n|---|---|---|---|")
        for r in catalogue.values():
            click.echo(f"| {r.code} | {r.name} | {r.severity} | {r.summary} |")
        return
    width = max((len(r.name) for r in catalogue.values()), default=0)
    for r in catalogue.values():
        click.echo(f"{r.code}  {r.name:<{width}}  {r.severity:<7}  {r.summary}")


@click.command()
@click.argument("code")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
def rule(code: str, output_format: str) -> None:
    """Show the documentation of rule CODE (e.g. STR001)."""
    from estrategy.rules import get_rule

    with clean_errors():
        try:
            found = get_rule(code)
        except KeyError as exc:
            fail(str(exc.args[0]))
    if output_format == "json":
        click.echo(
            json.dumps(
                {
                    "code": found.code,
                    "name": found.name,
                    "severity": str(found.severity),
                    "summary": found.summary,
                    "what": found.what,
                    "why": found.why,
                    "fix": found.fix,
                    "settings": dict(found.settings),
                    "origin": found.origin,
                },
                indent=2,
                ensure_ascii=False,
                default=list,
            )
        )
        return
    click.echo(found.documentation().rstrip("\n"))
