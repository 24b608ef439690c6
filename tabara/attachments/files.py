"""What an uploaded file really is, decided from its bytes, and a copy safe to keep.

Django-free. The type comes from the content (magic bytes), never from the name or the
browser's claim, and is confirmed by opening the file with a real parser: Pillow for
images, pypdf for PDFs, mutagen for audio. PDFs are copied page by page without their
document information or XMP metadata. Images are decoded and re-encoded from their
pixels only, so EXIF (camera, time, GPS position) and every other metadata block is left
behind; a photo's location could identify the person who took it. Audio loses its tags.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from enum import StrEnum

import mutagen
from PIL import Image, ImageOps
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

MAX_BYTES = 5 * 1024 * 1024
# A 40-megapixel photo is larger than any phone takes; a bigger canvas is a decompression
# bomb (a tiny file that expands to gigabytes of pixels).
MAX_PIXELS = 40_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS


class FileKind(StrEnum):
    JPEG = "jpeg"
    PNG = "png"
    WEBP = "webp"
    PDF = "pdf"
    MP3 = "mp3"
    OGG = "ogg"
    M4A = "m4a"


CONTENT_TYPES = {
    FileKind.JPEG: "image/jpeg",
    FileKind.PNG: "image/png",
    FileKind.WEBP: "image/webp",
    FileKind.PDF: "application/pdf",
    FileKind.MP3: "audio/mpeg",
    FileKind.OGG: "audio/ogg",
    FileKind.M4A: "audio/mp4",
}
IMAGES = {FileKind.JPEG: "JPEG", FileKind.PNG: "PNG", FileKind.WEBP: "WEBP"}
AUDIO = {FileKind.MP3, FileKind.OGG, FileKind.M4A}


class Refusal(StrEnum):
    TOO_LARGE = "too_large"
    WRONG_TYPE = "wrong_type"
    CORRUPT = "corrupt"
    TOO_MANY_PIXELS = "too_many_pixels"
    EMPTY = "empty"


class FileRefused(ValueError):
    """The file cannot be kept; `reason` says why in terms a message can explain."""

    def __init__(self, reason: Refusal) -> None:
        super().__init__(str(reason))
        self.reason = reason


@dataclass(frozen=True)
class CleanFile:
    """A file that passed inspection: its kind and the bytes to keep."""

    kind: FileKind
    data: bytes

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.kind]

    @property
    def is_image(self) -> bool:
        return self.kind in IMAGES


def sniff(head: bytes) -> FileKind | None:
    """The kind named by the file's first bytes, or None for anything else."""
    if head.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return FileKind.WEBP
    if head.startswith(b"%PDF-"):
        return FileKind.PDF
    if head.startswith(b"OggS"):
        return FileKind.OGG
    if head[4:8] == b"ftyp" and head[8:12] in {b"M4A ", b"M4B ", b"mp42", b"mp41", b"isom"}:
        return FileKind.M4A
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return FileKind.MP3
    return None


def _image_clean(kind: FileKind, data: bytes) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as image:
                if image.format != IMAGES[kind]:
                    raise FileRefused(Refusal.WRONG_TYPE)
                if image.width * image.height > MAX_PIXELS:
                    raise FileRefused(Refusal.TOO_MANY_PIXELS)
                image.load()
                upright = ImageOps.exif_transpose(image)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise FileRefused(Refusal.TOO_MANY_PIXELS) from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise FileRefused(Refusal.CORRUPT) from exc
    # A new image from the pixels alone: no EXIF, XMP, ICC or text chunk comes along.
    mode = upright.mode if upright.mode in {"RGB", "RGBA", "L", "LA"} else "RGBA"
    if kind == FileKind.JPEG and mode not in {"RGB", "L"}:
        mode = "RGB"
    pixels = upright.convert(mode)
    clean = Image.new(mode, pixels.size)
    clean.paste(pixels)
    out = io.BytesIO()
    options: dict[str, object] = {"quality": 88} if kind != FileKind.PNG else {}
    clean.save(out, format=IMAGES[kind], **options)
    return out.getvalue()


def _pdf_clean(data: bytes) -> bytes:
    """The PDF's pages copied into a new file without its metadata.

    The document information (author, creator, producer, dates) and XMP metadata, in the
    catalogue or on a page, can name the person or the computer that wrote the file; they
    are left behind. An encrypted PDF cannot be copied and is refused as unreadable.
    """
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted or len(reader.pages) < 1:
            raise FileRefused(Refusal.CORRUPT)
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page).pop(NameObject("/Metadata"), None)
        writer.metadata = None
        writer._root_object.pop(NameObject("/Metadata"), None)
        out = io.BytesIO()
        writer.write(out)
    except FileRefused:
        raise
    except Exception as exc:  # pypdf raises many kinds on a broken file
        raise FileRefused(Refusal.CORRUPT) from exc
    return out.getvalue()


def _audio_clean(kind: FileKind, data: bytes) -> bytes:
    buffer = io.BytesIO(data)
    try:
        audio = mutagen.File(buffer)
    except Exception as exc:  # mutagen raises many kinds
        raise FileRefused(Refusal.CORRUPT) from exc
    if audio is None or audio.info is None or not getattr(audio.info, "length", 0):
        raise FileRefused(Refusal.CORRUPT)
    if audio.tags is not None:
        try:
            buffer.seek(0)
            audio.delete(buffer)
        except Exception:  # noqa: S110 - tags stay if this format cannot drop them
            pass
    return buffer.getvalue()


def file_inspect(data: bytes) -> CleanFile:
    """The clean copy of an uploaded file, or FileRefused saying why it cannot be kept."""
    if not data:
        raise FileRefused(Refusal.EMPTY)
    if len(data) > MAX_BYTES:
        raise FileRefused(Refusal.TOO_LARGE)
    kind = sniff(data[:16])
    if kind is None:
        raise FileRefused(Refusal.WRONG_TYPE)
    if kind in IMAGES:
        return CleanFile(kind=kind, data=_image_clean(kind, data))
    if kind == FileKind.PDF:
        return CleanFile(kind=kind, data=_pdf_clean(data))
    return CleanFile(kind=kind, data=_audio_clean(kind, data))
