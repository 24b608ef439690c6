"""Synthetic files for tests, built in memory: a geotagged photo, a PDF, an MP3, a bomb."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image
from pypdf import PdfWriter

GPS_IFD = 0x8825
# Latitude 1°56'30" S, longitude 30°3'40" E: central Kigali, as EXIF GPS tags 1-4.
KIGALI_GPS = {1: "S", 2: (1.0, 56.0, 30.0), 3: "E", 4: (30.0, 3.0, 40.0)}


def photo(fmt: str = "JPEG", *, size: tuple[int, int] = (64, 48)) -> bytes:
    """A small picture carrying EXIF with a camera model and a GPS position."""
    image = Image.new("RGB", size, (200, 30, 30))
    exif = Image.Exif()
    exif[0x0110] = "SyntheticPhone 1"  # camera model
    exif.get_ifd(GPS_IFD).update(KIGALI_GPS)
    out = io.BytesIO()
    image.save(out, format=fmt, exif=exif)
    return out.getvalue()


def pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def mp3(frames: int = 40) -> bytes:
    """MPEG-1 Layer III frames at 128 kbit/s, 44.1 kHz (417 bytes each), after an ID3 tag."""
    frame = b"\xff\xfb\x90\x64" + bytes(413)
    return b"ID3\x03\x00\x00\x00\x00\x00\x00" + frame * frames


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb(side: int = 100_000) -> bytes:
    """A PNG of a few hundred bytes whose header claims side x side pixels."""
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (side + 1) * 4)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", rows)
        + _png_chunk(b"IEND", b"")
    )
