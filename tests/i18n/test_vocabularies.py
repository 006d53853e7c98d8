"""Fixed vocabularies and the words each member is shown with: no member without words."""

from __future__ import annotations

import click

from estrategy.cli import main


def test_every_missing_action_field_has_words() -> None:
    from estrategy.model import ACTION_FIELDS
    from estrategy.rules.actions import _MISSING

    assert set(_MISSING) == set(ACTION_FIELDS)


def test_every_brokerage_role_and_withheld_analysis_has_words() -> None:
    from estrategy.org.brokerage import ROLES
    from estrategy.org.summary import _NOT_COMPUTED
    from estrategy.report.org_text import _ANALYSIS_NAMES, _ROLE_NAMES

    assert set(_ROLE_NAMES) == set(ROLES)
    assert set(_ANALYSIS_NAMES) == {analysis for analysis, _ in _NOT_COMPUTED.values()}


def test_help_texts_name_the_constants_they_repeat() -> None:
    # A help text must be a literal to be translated: it repeats the constant by hand.
    from estrategy.cli.check import WATCH_EXTRA
    from estrategy.cli.files import SCHEMA_FILE

    with click.Context(main) as ctx:
        helps = {
            name: {p.name: getattr(p, "help", "") or "" for p in command.params}
            for name in ("check", "schema")
            if (command := main.get_command(ctx, name)) is not None
        }
    assert f"'{WATCH_EXTRA}' extra" in helps["check"]["watch"]
    assert SCHEMA_FILE in helps["schema"]["output_file"]
