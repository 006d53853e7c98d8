"""What the one atomic writer refuses, and what it leaves behind when it is stopped.

A destination that is a device, a FIFO, a folder or (unless asked) a symbolic link is
refused and left as it is; an error, Ctrl-C or SIGTERM removes the temporary file, whose
name says it is estrategy's; a full disk names the file being written.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from estrategy import io
from estrategy.cli import main
from estrategy.io.atomic import TEMPORARY_MARK, WriteError, atomic_path, write_text_atomic
from estrategy.model import StrategyModel


def _linked(folder: Path, suffix: str) -> tuple[Path, Path]:
    """A file holding "old", and a symbolic link to it."""
    real = folder / f"real{suffix}"
    real.write_text("old", encoding="utf-8")
    link = folder / f"link{suffix}"
    link.symlink_to(real)
    return real, link


needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")


@needs_fifo
def test_a_fifo_destination_is_refused_and_kept(tmp_path: Path) -> None:
    fifo = tmp_path / "out.html"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match=r"out\.html: is not a regular file"):
        write_text_atomic(fifo, "x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert os.listdir(tmp_path) == ["out.html"]


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_a_device_destination_is_refused() -> None:
    # refused before anything is created or written
    with pytest.raises(WriteError, match=r"/dev/null: is not a regular file \(a device"):
        write_text_atomic("/dev/null", "x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_folder_destination_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="is a folder"):
        write_text_atomic(tmp_path, "x")


def test_a_symlink_is_refused_unless_written_through(tmp_path: Path) -> None:
    real, link = _linked(tmp_path, ".html")
    with pytest.raises(WriteError, match="is a symbolic link"):
        write_text_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "old"
    write_text_atomic(link, "new", through_symlink=True)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"
    assert sorted(os.listdir(tmp_path)) == ["link.html", "real.html"]


def test_the_temporary_file_is_named_so_that_it_is_recognisable(tmp_path: Path) -> None:
    with atomic_path(tmp_path / "plan.yaml") as temporary:
        assert temporary.parent == tmp_path
        assert temporary.name.startswith(f".plan.yaml{TEMPORARY_MARK}")
        assert temporary.name.endswith(".tmp")


@pytest.mark.parametrize("stop", [KeyboardInterrupt, RuntimeError])
def test_an_interrupted_write_leaves_no_temporary(
    tmp_path: Path, stop: type[BaseException]
) -> None:
    target = tmp_path / "out.svg"
    target.write_text("old", encoding="utf-8")

    def write_half(temporary: Path) -> None:
        temporary.write_text("half", encoding="utf-8")
        raise stop

    with pytest.raises(stop), atomic_path(target) as temporary:
        write_half(temporary)
    assert os.listdir(tmp_path) == ["out.svg"]
    assert target.read_text(encoding="utf-8") == "old"


def test_a_full_disk_names_the_file_being_written(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    with pytest.raises(WriteError) as caught, atomic_path(target):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert str(caught.value) == f"{target}: cannot write: No space left on device"
    assert isinstance(caught.value, OSError)  # callers catching OSError still catch it
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_removes_the_temporary_and_exits_143(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os, signal, time
        from estrategy.io.atomic import atomic_path
        with atomic_path({str(tmp_path / "out.graphml")!r}) as temporary:
            temporary.write_text("half", encoding="utf-8")
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(30)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert os.listdir(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # ours was only in the child


def test_the_handler_is_only_there_while_writing(tmp_path: Path) -> None:
    before = signal.getsignal(signal.SIGTERM)
    with atomic_path(tmp_path / "x.txt") as temporary:
        temporary.write_text("x", encoding="utf-8")
    assert signal.getsignal(signal.SIGTERM) is before


def test_io_save_refuses_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    link = tmp_path / "plan.yaml"
    link.symlink_to(real)
    with pytest.raises(WriteError):
        io.save(StrategyModel(name="x"), link)
    assert not real.exists()
    io.save(StrategyModel(name="x"), link, through_symlink=True)
    assert io.load(real).name == "x"


@needs_fifo
@pytest.mark.parametrize(
    "command",
    [["report", "-o", "{dest}"], ["init", "--force", "{dest}"]],
    ids=["report", "init"],
)
def test_commands_refuse_a_fifo_with_exit_2(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    result = CliRunner().invoke(main, [a.format(dest=fifo) for a in command])
    assert result.exit_code == 2, result.output
    assert f"{fifo}: is not a regular file" in result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_report_writes_through_a_symlink_only_when_asked(tmp_path: Path) -> None:
    real, link = _linked(tmp_path, ".html")
    refused = CliRunner().invoke(main, ["report", "-o", str(link)])
    assert refused.exit_code == 2
    assert "--through-symlink" in refused.output
    assert real.read_text(encoding="utf-8") == "old"
    written = CliRunner().invoke(main, ["report", "-o", str(link), "--through-symlink"])
    assert written.exit_code == 0, written.output
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_full_disk_during_report_names_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("estrategy.io.atomic.os.fsync", full)
    target = tmp_path / "out.html"
    result = CliRunner().invoke(main, ["report", "-o", str(target)])
    assert result.exit_code == 2
    assert f"error: {target}: cannot write: No space left on device" in result.output
    assert "Traceback" not in result.output
    assert os.listdir(tmp_path) == []


def test_a_plot_onto_a_symlink_is_refused(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    real, link = _linked(tmp_path, ".svg")
    result = CliRunner().invoke(main, ["maturity", "--plot", str(link)])
    assert result.exit_code == 2
    assert "is a symbolic link" in result.output
    assert real.read_text(encoding="utf-8") == "old"
