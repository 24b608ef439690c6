"""Files are judged by their bytes, opened for real, and images lose their EXIF and GPS."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from tabara.attachments.files import FileKind, FileRefused, Refusal, file_inspect
from tabara.attachments.tests import samples


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (samples.photo("JPEG"), FileKind.JPEG),
        (samples.photo("PNG"), FileKind.PNG),
        (samples.photo("WEBP"), FileKind.WEBP),
        (samples.pdf(), FileKind.PDF),
        (samples.mp3(), FileKind.MP3),
        (samples.ogg(), FileKind.OGG),
        (samples.m4a(), FileKind.M4A),
    ],
)
def test_each_accepted_kind_is_recognised_from_its_content(data: bytes, kind: FileKind) -> None:
    assert file_inspect(data).kind == kind


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_images_are_reencoded_without_exif_or_gps(fmt: str) -> None:
    original = samples.photo(fmt)
    with Image.open(io.BytesIO(original)) as before:
        assert before.getexif().get_ifd(0x8825)  # the sample really carries a position
    clean = file_inspect(original).data
    with Image.open(io.BytesIO(clean)) as after:
        assert after.format == fmt and after.size == (64, 48)
        assert len(after.getexif()) == 0 and "exif" not in after.info
    assert b"SyntheticPhone" not in clean


def test_audio_tags_are_dropped() -> None:
    clean = file_inspect(samples.mp3()).data
    assert not clean.startswith(b"ID3") and clean.startswith(b"\xff\xfb")
    voice_note = samples.ogg(artist="Reporter Name")
    assert b"Reporter Name" in voice_note
    clean = file_inspect(voice_note).data
    assert clean.startswith(b"OggS") and b"Reporter Name" not in clean


@pytest.mark.parametrize(
    ("name", "data"),
    [("renamed.mp3", samples.ogg()), ("renamed.jpg", samples.m4a()), ("x.pdf", samples.ogg())],
)
def test_a_voice_note_is_known_by_its_content_whatever_its_name(name: str, data: bytes) -> None:
    # file_inspect never sees the name: an Ogg called .mp3 is still Ogg.
    assert file_inspect(data).kind in {FileKind.OGG, FileKind.M4A}
    assert name  # the name plays no part


def test_pdf_metadata_and_xmp_are_removed_and_the_pages_kept() -> None:
    original = samples.pdf_with_metadata()
    for secret in (b"Jeanne Reporter", b"SecretWriter", b"SecretPDF", b"xmpmeta"):
        assert secret in original  # the sample really carries them
    clean = file_inspect(original).data
    for secret in (b"Jeanne Reporter", b"SecretWriter", b"SecretPDF", b"xmpmeta", b"/Author"):
        assert secret not in clean
    reader = PdfReader(io.BytesIO(clean))
    assert len(reader.pages) == 1 and not reader.metadata


def test_an_encrypted_pdf_is_refused_as_unreadable() -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=100, height=100)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(FileRefused) as refused:
        file_inspect(out.getvalue())
    assert refused.value.reason == Refusal.CORRUPT


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", Refusal.EMPTY),
        (b"MZ\x90\x00 a Windows program", Refusal.WRONG_TYPE),
        (b"<html><script>alert(1)</script>", Refusal.WRONG_TYPE),
        (b"PK\x03\x04 a zip", Refusal.WRONG_TYPE),
        (samples.photo("JPEG")[:200], Refusal.CORRUPT),  # cut short
        (b"%PDF-1.7\nnot really a pdf", Refusal.CORRUPT),
        (b"OggS" + bytes(60), Refusal.CORRUPT),
        (samples.png_bomb(), Refusal.TOO_MANY_PIXELS),
        (samples.png_bomb(side=7_000), Refusal.TOO_MANY_PIXELS),  # 49 Mpx, under Pillow's 2x
        (b"\xff\xd8\xff" + bytes(5 * 1024 * 1024), Refusal.TOO_LARGE),
    ],
)
def test_bad_files_are_refused_with_a_reason(data: bytes, reason: Refusal) -> None:
    with pytest.raises(FileRefused) as refused:
        file_inspect(data)
    assert refused.value.reason == reason
