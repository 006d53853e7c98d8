"""``estrategy report``: files, branding, the logo's checks, PDF and progress reports."""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from estrategy.cli import main
from estrategy.report.client import LogoError, read_logo
from estrategy.report.client.branding import MAX_LOGO_BYTES, MAX_LOGO_PIXELS


def _png(width: int = 2, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _jpeg(width: int, height: int) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


SVG = (
    b"<svg xmlns='http://www.w3.org/2000/svg' width='40' height='20'>"
    b"<rect width='40' height='20'/></svg>"
)


@pytest.fixture(autouse=True)
def _no_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands here are about files and options; charts are tested on one page."""
    monkeypatch.setattr("estrategy.report.client.page.charts_available", lambda: False)


@pytest.mark.parametrize(
    ("data", "media_type"),
    [(_png(), "image/png"), (_jpeg(64, 32), "image/jpeg"), (SVG, "image/svg+xml")],
)
def test_good_logos_are_read(tmp_path: Path, data: bytes, media_type: str) -> None:
    path = tmp_path / "logo.bin"
    path.write_bytes(data)
    logo = read_logo(path)
    assert logo.media_type == media_type
    assert logo.data_uri().startswith(f"data:{media_type};base64,")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"GIF89a....", "not a PNG, JPEG or SVG"),
        (_png(MAX_LOGO_PIXELS + 1, 1), "pixels"),
        (_jpeg(1, MAX_LOGO_PIXELS + 1), "pixels"),
        (b"\x89PNG\r\n\x1a\n", "incomplete"),
        (b"\xff\xd8\xff\xd9", "no JPEG image frame"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>", "<script>"),
        (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "event handler"),
        (
            b"<svg xmlns='http://www.w3.org/2000/svg' xmlns:x='http://www.w3.org/1999/xlink'>"
            b"<image x:href='https://evil.example/a.png'/></svg>",
            "outside itself",
        ),
        (b"<svg xmlns='http://www.w3.org/2000/svg' style='fill:url(http://x/y)'/>", "outside"),
        (b"<!DOCTYPE svg [<!ENTITY a 'aaaa'>]><svg>&a;</svg>", "document type"),
        (b"<html><body/></html>", "not <svg>"),
        (b"<svg", "not well-formed"),
        (b"<svg>\xff</svg>", "UTF-8"),
    ],
)
def test_bad_logos_are_refused_with_a_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "logo.svg"
    path.write_bytes(data)
    with pytest.raises(LogoError, match=reason) as caught:
        read_logo(path)
    assert str(path) in str(caught.value)


def test_a_logo_too_large_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.png"
    path.write_bytes(_png() + b"\x00" * MAX_LOGO_BYTES)
    with pytest.raises(LogoError, match="at most 1,048,576"):
        read_logo(path)


def test_a_folder_or_a_missing_file_is_no_logo(tmp_path: Path) -> None:
    with pytest.raises(LogoError, match="not a regular file"):
        read_logo(tmp_path)
    with pytest.raises(LogoError, match="cannot read"):
        read_logo(tmp_path / "missing.png")


def test_the_report_carries_title_author_and_logo(tmp_path: Path, lefevre_path: Path) -> None:
    logo = tmp_path / "logo.svg"
    logo.write_bytes(SVG)
    out = tmp_path / "r.html"
    args = ["report", str(lefevre_path), "-o", str(out), "--title", "Revue <2027>"]
    args += ["--author", "Cabinet Martin & Associés", "--logo", str(logo)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<h1>Revue &lt;2027&gt;</h1>" in page
    assert "Prepared by Cabinet Martin &amp; Associés" in page
    assert 'src="data:image/svg+xml;base64,' in page


def test_a_bad_logo_is_a_clean_exit_2_and_writes_nothing(
    tmp_path: Path, lefevre_path: Path
) -> None:
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"not an image")
    out = tmp_path / "r.html"
    result = CliRunner().invoke(
        main, ["report", str(lefevre_path), "-o", str(out), "--logo", str(logo)]
    )
    assert result.exit_code == 2
    assert "logo.png: cannot use this logo: it is not a PNG, JPEG or SVG image" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_report_command_writes_one_file(tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    result = CliRunner().invoke(main, ["report", "-o", str(target)])
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Brasserie Kerlann" in page
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_report_command_on_a_file_gives_positions(tmp_path: Path, lefevre_path: Path) -> None:
    target = tmp_path / "lefevre.html"
    result = CliRunner().invoke(main, ["report", str(lefevre_path), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert f"{lefevre_path}:122:5" in target.read_text(encoding="utf-8")


def test_report_command_bad_input_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nname: x\ntactics: 3\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(bad), "-o", str(tmp_path / "o.html")])
    assert result.exit_code == 2
    assert "bad.yaml:3" in result.output
    assert not (tmp_path / "o.html").exists()


def test_report_refuses_other_suffixes_and_three_files(tmp_path: Path, lefevre_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["report", str(lefevre_path), "-o", str(tmp_path / "r.docx")])
    assert result.exit_code == 2
    assert "must end in .html or .pdf" in result.output
    result = runner.invoke(main, ["report", *[str(lefevre_path)] * 3])
    assert result.exit_code == 2
    assert "two (before and after)" in result.output


def test_report_reads_the_configuration_of_the_model_folder(
    tmp_path: Path, lefevre_path: Path
) -> None:
    model = tmp_path / "plan.yaml"
    model.write_text(lefevre_path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "estrategy.toml").write_text('ignore = ["STR"]\n', encoding="utf-8")
    out = tmp_path / "r.html"
    runner = CliRunner()
    assert runner.invoke(main, ["report", str(model), "-o", str(out)]).exit_code == 0
    assert "STR001" not in out.read_text(encoding="utf-8")
    assert runner.invoke(main, ["report", str(model), "-o", str(out), "--no-config"]).exit_code == 0
    assert "STR001" in out.read_text(encoding="utf-8")


def test_report_refuses_a_broken_catalogue_like_check(tmp_path: Path, lefevre_path: Path) -> None:
    model = tmp_path / "plan.yaml"
    model.write_text(lefevre_path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "estrategy.toml").write_text('catalogue = "missing.toml"\n', encoding="utf-8")
    runner = CliRunner()
    for args in (["check", str(model)], ["report", str(model), "-o", str(tmp_path / "r.html")]):
        result = runner.invoke(main, args)
        assert result.exit_code == 2, (args, result.output)
        assert "missing.toml" in result.output
    assert not (tmp_path / "r.html").exists()


def test_pdf_without_weasyprint_names_the_extra(
    tmp_path: Path, lefevre_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)
    out = tmp_path / "r.pdf"
    result = CliRunner().invoke(main, ["report", str(lefevre_path), "-o", str(out)])
    assert result.exit_code == 2
    assert "pip install 'estrategy[pdf]'" in result.output
    assert not out.exists()


def test_without_matplotlib_the_command_says_charts_are_left_out(
    tmp_path: Path, lefevre_path: Path
) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(lefevre_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "estrategy[plot]" in result.output
    assert "<svg" not in out.read_text(encoding="utf-8")


def test_the_report_speaks_the_language_asked(tmp_path: Path, lefevre_path: Path) -> None:
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(lefevre_path), "-o", str(out), "--lang", "fr"])
    assert result.exit_code == 0, result.output
    assert "Fichier écrit" in result.output
    page = out.read_text(encoding="utf-8")
    assert "<html lang='fr'>" in page
    assert "Recommandations par ordre de priorité" in page
