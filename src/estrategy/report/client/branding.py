"""The consultancy's branding of a report: a title, an author and a logo.

A logo is read once, checked and embedded in the page as a data URI, so the report stays
one self-contained file. Only PNG, JPEG and SVG are accepted, recognised by their content
rather than their name, at most :data:`MAX_LOGO_BYTES` and :data:`MAX_LOGO_PIXELS` on a
side; an SVG may hold neither a script, nor an event handler, nor a reference to anything
outside itself, nor a document type (entity expansion). Anything else is a
:class:`LogoError`, a clean error for the command line.

Example:
    >>> logo = Logo("image/svg+xml", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    >>> logo.data_uri()[:40]
    'data:image/svg+xml;base64,PHN2ZyB4bWxucz'
"""

from __future__ import annotations

import base64
import os
import stat
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs

from estrategy.base.errors import EstrategyError

__all__ = ["MAX_LOGO_BYTES", "MAX_LOGO_PIXELS", "Branding", "Logo", "LogoError", "read_logo"]

MAX_LOGO_BYTES = 1_048_576
"""The largest logo file accepted (1 MiB): a logo is small, and the report carries it."""

MAX_LOGO_PIXELS = 4096
"""The largest width or height of a PNG or JPEG logo."""

_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
# JPEG start-of-frame markers carry the image size; C4, C8 and CC are other segments.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_FORBIDDEN_SVG = {"script", "foreignObject", "iframe", "object", "embed"}


class LogoError(EstrategyError, ValueError):
    """A logo file that cannot be embedded: missing, too large, of another kind, unsafe."""


@attrs.frozen
class Logo:
    """An image checked for embedding.

    Attributes:
        media_type: ``image/png``, ``image/jpeg`` or ``image/svg+xml``.
        data: the file's bytes.
    """

    media_type: str
    data: bytes = attrs.field(repr=False)

    def data_uri(self) -> str:
        """The image as a ``data:`` URI."""
        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"


@attrs.frozen
class Branding:
    """What the consultancy puts on the report.

    Attributes:
        title: the report's title (default: the report's own).
        author: who prepared it (a consultant, a consultancy).
        logo: the logo shown on the cover.
    """

    title: str | None = None
    author: str | None = None
    logo: Logo | None = None


def _png_size(data: bytes) -> tuple[int, int]:
    if len(data) < 24 or data[12:16] != b"IHDR":
        raise ValueError("its PNG header is incomplete")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def _jpeg_size(data: bytes) -> tuple[int, int]:
    at = 2
    while at + 9 < len(data):
        if data[at] != 0xFF:
            raise ValueError("its JPEG segments are malformed")
        marker = data[at + 1]
        length = int.from_bytes(data[at + 2 : at + 4], "big")
        if marker in _SOF:
            height, width = struct.unpack(">HH", data[at + 5 : at + 9])
            return int(width), int(height)
        at += 2 + length
    raise ValueError("it has no JPEG image frame")


def _check_svg(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("an SVG logo must be UTF-8 text") from None
    if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
        raise ValueError("an SVG logo may not declare a document type or entities")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        raise ValueError(f"it is not well-formed SVG ({exc})") from None
    if root.tag.rpartition("}")[2] != "svg":
        raise ValueError("its root element is not <svg>")
    for node in root.iter():
        tag = node.tag.rpartition("}")[2] if isinstance(node.tag, str) else ""
        if tag in _FORBIDDEN_SVG:
            raise ValueError(f"an SVG logo may not contain <{tag}>")
        for name, value in node.attrib.items():
            local = name.rpartition("}")[2]
            if local.lower().startswith("on"):
                raise ValueError(f"an SVG logo may not carry the event handler {local!r}")
            if local == "href" and not value.startswith(("#", "data:image/")):
                raise ValueError("an SVG logo may not refer to anything outside itself")
            if "url(" in value and "url(#" not in value.replace(" ", ""):
                raise ValueError("an SVG logo may not refer to anything outside itself")


def _media_type(data: bytes) -> str:
    if data.startswith(_PNG):
        width, height = _png_size(data)
    elif data.startswith(_JPEG):
        width, height = _jpeg_size(data)
    elif data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        _check_svg(data)
        return "image/svg+xml"
    else:
        raise ValueError("it is not a PNG, JPEG or SVG image")
    if not (0 < width <= MAX_LOGO_PIXELS and 0 < height <= MAX_LOGO_PIXELS):
        raise ValueError(
            f"it is {width}×{height} pixels; a logo may be at most "
            f"{MAX_LOGO_PIXELS}×{MAX_LOGO_PIXELS}"
        )
    return "image/png" if data.startswith(_PNG) else "image/jpeg"


def read_logo(path: str | os.PathLike[str]) -> Logo:
    """Read and check a logo file.

    Raises:
        LogoError: the file is missing, not a regular file, larger than
            :data:`MAX_LOGO_BYTES`, not a PNG, JPEG or SVG image, too many pixels wide,
            or an SVG that is unsafe to embed; the message names the file and the reason.
    """
    where = os.fspath(path)
    try:
        info = os.stat(where)
        if not stat.S_ISREG(info.st_mode):
            raise LogoError(f"{where}: the logo is not a regular file")
        if info.st_size > MAX_LOGO_BYTES:
            raise LogoError(
                f"{where}: the logo is {info.st_size:,} bytes; at most {MAX_LOGO_BYTES:,} "
                "are accepted"
            )
        with Path(where).open("rb") as file:
            data = file.read(MAX_LOGO_BYTES + 1)
    except OSError as exc:
        raise LogoError(f"{where}: cannot read the logo ({exc.strerror or exc})") from None
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError(f"{where}: the logo grew past {MAX_LOGO_BYTES:,} bytes while read")
    try:
        return Logo(_media_type(data), data)
    except ValueError as exc:
        raise LogoError(f"{where}: cannot use this logo: {exc}") from None
