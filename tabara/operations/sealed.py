"""Streaming authenticated encryption of backup archives (Django-free).

An archive of several gigabytes cannot be sealed in memory, so the plaintext is cut into
chunks of 64 KiB, each sealed with AES-256-GCM from the `cryptography` library. The
nonce of chunk *i* is a random 7-byte prefix, *i* as 4 bytes and a final-chunk flag: this
is the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015, also used by age and
Tink), which refuses a chunk that was changed, dropped, reordered or cut off at the end.
Every archive has its own key, derived with HKDF-SHA256 from the configured backup key
and a random salt; the header is authenticated with every chunk.

Layout: header (magic, version, key id, salt, nonce prefix), then for each chunk its
sealed length (4 bytes, big-endian) and the sealed bytes.

Every refusal carries a `reason` code (and its numbers in `details`) so that the caller can
say it in the operator's language (tabara/operations/refusals.py); the exception's own text
is English, for logs and tests of this module.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import struct
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MAGIC = b"TABARA-BACKUP\n"
VERSION = 1
CHUNK = 64 * 1024
TAG = 16
_HEADER = struct.Struct(f">{len(MAGIC)}sB8s16s7s")
_LENGTH = struct.Struct(">I")


NOT_ARCHIVE = "not_archive"
UNKNOWN_VERSION = "unknown_version"
UNKNOWN_KEY = "unknown_key"
TOO_LARGE = "too_large"
ENDS_EARLY = "ends_early"
BAD_LENGTH = "bad_length"
ENDS_IN_CHUNK = "ends_in_chunk"
BYTES_AFTER_END = "bytes_after_end"
CHUNK_CHANGED = "chunk_changed"
REASONS = (
    NOT_ARCHIVE, UNKNOWN_VERSION, UNKNOWN_KEY, TOO_LARGE, ENDS_EARLY, BAD_LENGTH,
    ENDS_IN_CHUNK, BYTES_AFTER_END, CHUNK_CHANGED,
)  # fmt: skip


class ArchiveError(Exception):
    """The archive cannot be opened: wrong key, not an archive, or changed after sealing."""

    def __init__(self, reason: str, text: str, **details: int) -> None:
        super().__init__(text)
        self.reason = reason
        self.details = details


class WrongKey(ArchiveError):
    """The archive was sealed with a backup key that is not configured here."""


class Tampered(ArchiveError):
    """Some bytes of the archive were changed, removed or added after it was sealed."""


def key_decode(text: str) -> bytes:
    """A backup key as configured: urlsafe base64 of 32 random bytes."""
    try:
        raw = base64.urlsafe_b64decode(text.strip().encode("ascii"))
    except (ValueError, UnicodeError) as exc:
        raise ValueError("A backup key must be urlsafe base64 of 32 bytes.") from exc
    if len(raw) != 32:
        raise ValueError("A backup key must be urlsafe base64 of 32 bytes.")
    return raw


def key_generate() -> str:
    return base64.urlsafe_b64encode(os.urandom(32)).decode("ascii")


def key_id(key: bytes) -> bytes:
    """Eight bytes naming a key without revealing it, so a restore can say which is missing."""
    return hmac.new(key, b"tabara backup key id", hashlib.sha256).digest()[:8]


def _archive_key(key: bytes, salt: bytes) -> AESGCM:
    derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"tabara backup v1")
    return AESGCM(derived.derive(key))


def _nonce(prefix: bytes, counter: int, *, last: bool) -> bytes:
    if counter >= 2**32:
        raise ArchiveError(TOO_LARGE, "Archive too large for one key (2^32 chunks).")
    return prefix + counter.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


class SealingWriter:
    """A write-only file object that seals what it is given into `out`; close() ends it."""

    def __init__(self, out: BinaryIO, key: bytes) -> None:
        salt, self._prefix = os.urandom(16), os.urandom(7)
        self._header = _HEADER.pack(MAGIC, VERSION, key_id(key), salt, self._prefix)
        self._aead = _archive_key(key, salt)
        self._out = out
        self._buffer = bytearray()
        self._counter = 0
        self._closed = False
        out.write(self._header)

    def write(self, data: bytes) -> int:
        if self._closed:
            raise ValueError("write to a closed archive")
        self._buffer += data
        while len(self._buffer) > CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def close(self) -> None:
        """Seal what is left as the final chunk (possibly empty), marking the end."""
        if not self._closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            self._closed = True

    def _seal(self, chunk: bytes, *, last: bool) -> None:
        sealed = self._aead.encrypt(
            _nonce(self._prefix, self._counter, last=last), chunk, self._header
        )
        self._out.write(_LENGTH.pack(len(sealed)) + sealed)
        self._counter += 1


class OpeningReader:
    """A read-only file object giving back the plaintext of a sealed archive.

    A chunk is returned only after it has been authenticated; reading past the end of an
    archive that lacks its final chunk, or that has bytes after it, raises `Tampered`.
    """

    def __init__(self, source: BinaryIO, keys: list[bytes]) -> None:
        header = source.read(_HEADER.size)
        if len(header) != _HEADER.size or not header.startswith(MAGIC):
            raise ArchiveError(NOT_ARCHIVE, "Not a Tabara backup archive.")
        _magic, version, kid, salt, self._prefix = _HEADER.unpack(header)
        if version != VERSION:
            raise ArchiveError(
                UNKNOWN_VERSION, f"Unknown archive version {version}.", version=version
            )
        key = next((k for k in keys if hmac.compare_digest(key_id(k), kid)), None)
        if key is None:
            raise WrongKey(
                UNKNOWN_KEY, "The archive was sealed with a backup key that is not configured."
            )
        self._header = header
        self._aead = _archive_key(key, salt)
        self._source = source
        self._buffer = bytearray()
        self._counter = 0
        self._ended = False

    def read(self, size: int = -1) -> bytes:
        while not self._ended and (size < 0 or len(self._buffer) < size):
            self._open_next()
        if size < 0:
            size = len(self._buffer)
        data = bytes(self._buffer[:size])
        del self._buffer[:size]
        return data

    def _open_next(self) -> None:
        length_bytes = self._source.read(_LENGTH.size)
        if len(length_bytes) != _LENGTH.size:
            raise Tampered(ENDS_EARLY, "The archive ends before its final chunk (truncated).")
        (length,) = _LENGTH.unpack(length_bytes)
        if not TAG <= length <= CHUNK + TAG:
            raise Tampered(BAD_LENGTH, "A chunk of the archive has an impossible length.")
        sealed = self._source.read(length)
        if len(sealed) != length:
            raise Tampered(ENDS_IN_CHUNK, "The archive ends in the middle of a chunk (truncated).")
        for last in (False, True):
            try:
                plain = self._aead.decrypt(
                    _nonce(self._prefix, self._counter, last=last), sealed, self._header
                )
            except InvalidTag:
                continue
            self._buffer += plain
            self._counter += 1
            if last:
                self._ended = True
                if self._source.read(1):
                    raise Tampered(BYTES_AFTER_END, "The archive has bytes after its final chunk.")
            return
        raise Tampered(
            CHUNK_CHANGED,
            f"Chunk {self._counter} of the archive failed authentication.",
            chunk=self._counter,
        )
