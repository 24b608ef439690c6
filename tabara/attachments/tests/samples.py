"""Synthetic files for tests, built in memory: a geotagged photo, a PDF, an MP3, a bomb."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import NameObject, StreamObject

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


def _ogg_crc(data: bytes) -> int:
    """CRC-32 of an Ogg page (RFC 3533: polynomial 0x04C11DB7, initial 0, not reflected)."""
    crc = 0
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else crc << 1
            crc &= 0xFFFFFFFF
    return crc


def _ogg_page(packets: list[bytes], *, flags: int, granule: int, sequence: int) -> bytes:
    """One Ogg page (RFC 3533 section 6) holding whole packets (each under 255 bytes)."""
    lacing = bytes(len(packet) for packet in packets)
    header = struct.pack("<4sBBqIIIB", b"OggS", 0, flags, granule, 0x7AB, sequence, 0, len(lacing))
    page = header + lacing + b"".join(packets)
    return page[:22] + struct.pack("<I", _ogg_crc(page)) + page[26:]


def ogg(*, artist: str = "Reporter Name") -> bytes:
    """Ogg Vorbis, one second at 8 kHz mono, with an ARTIST comment (Vorbis I spec, 4.2).

    Headers only and a token audio packet: enough for a parser to read the stream's kind,
    rate, length (the last page's granule position) and comments.
    """
    identification = (
        b"\x01vorbis" + struct.pack("<IBIiii", 0, 1, 8000, 0, 0, 0) + bytes([0xB8, 0x01])
    )
    comment_text = f"ARTIST={artist}".encode()
    vendor = b"Tabara tests"
    comment = (
        b"\x03vorbis"
        + struct.pack("<I", len(vendor))
        + vendor
        + struct.pack("<I", 1)
        + struct.pack("<I", len(comment_text))
        + comment_text
        + b"\x01"
    )
    setup = b"\x05vorbis" + bytes(20)
    return (
        _ogg_page([identification], flags=0x02, granule=0, sequence=0)
        + _ogg_page([comment, setup], flags=0, granule=0, sequence=1)
        + _ogg_page([bytes(40)], flags=0x04, granule=8000, sequence=2)
    )


def _atom(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def m4a(seconds: int = 2) -> bytes:
    """An MPEG-4 audio file (ISO/IEC 14496-12 boxes): ftyp "M4A ", then moov with one sound
    track whose media header gives a length of `seconds` at a 1000 Hz timescale."""
    ftyp = _atom(b"ftyp", b"M4A " + struct.pack(">I", 0) + b"M4A mp42isom")
    mvhd = _atom(b"mvhd", bytes(4) + struct.pack(">IIII", 0, 0, 1000, seconds * 1000) + bytes(80))
    mdhd = _atom(b"mdhd", bytes(4) + struct.pack(">IIIIHH", 0, 0, 1000, seconds * 1000, 0, 0))
    hdlr = _atom(b"hdlr", bytes(4) + bytes(4) + b"soun" + bytes(12) + b"\x00")
    stbl = _atom(b"stbl", _atom(b"stsd", bytes(4) + struct.pack(">I", 0)))
    minf = _atom(b"minf", stbl)
    trak = _atom(b"trak", _atom(b"mdia", mdhd + hdlr + minf))
    moov = _atom(b"moov", mvhd + trak)
    return ftyp + moov + _atom(b"mdat", bytes(64))


def pdf_with_metadata() -> bytes:
    """A one-page PDF naming its author and software in the document information and XMP."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata(
        {"/Author": "Jeanne Reporter", "/Creator": "SecretWriter 9", "/Producer": "SecretPDF"}
    )
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Jeanne Reporter XMP'
        b"</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
    )
    stream = StreamObject()
    stream.set_data(xmp)
    stream.update({NameObject("/Type"): NameObject("/Metadata")})
    writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
