"""Ctrl-C ends any command with one line and exit status 130, never a traceback."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from estrategy.cli import EXIT_INTERRUPTED, main

# where each command loads its model (check runs over many files, through _batch)
LOADERS = {"check": "_batch", "maturity": "load_model_or_demo", "report": "load_model_or_demo"}


@pytest.mark.parametrize("command", ["check", "maturity", "report"])
def test_ctrl_c_in_a_command_is_one_line_and_130(
    command: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(f"estrategy.cli.{command}.{LOADERS[command]}", interrupted)
    result = CliRunner().invoke(main, [command])
    assert result.exit_code == EXIT_INTERRUPTED == 130
    assert result.output == "estrategy: interrupted\n"


def test_a_real_sigint_gives_130_and_one_line() -> None:
    # the signal itself, delivered while the command runs, in a process of its own
    script = textwrap.dedent(
        """
        import os, signal
        import estrategy.cli.check as check
        def load(*args, **kwargs):
            os.kill(os.getpid(), signal.SIGINT)
        check._batch = load
        from estrategy.cli import main
        main(["check"])
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 130
    assert done.stderr == "estrategy: interrupted\n"
