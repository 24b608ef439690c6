"""Sealed archives: what goes in comes out, and any change to the bytes is refused."""

from __future__ import annotations

import io
import os
import struct

import pytest

from tabara.operations.sealed import (
    CHUNK,
    ArchiveError,
    OpeningReader,
    SealingWriter,
    Tampered,
    WrongKey,
    key_decode,
    key_generate,
)

KEY = os.urandom(32)
HEADER = 14 + 1 + 8 + 16 + 7


def seal(plain: bytes, key: bytes = KEY, pieces: int = 7) -> bytes:
    out = io.BytesIO()
    writer = SealingWriter(out, key)
    step = max(1, len(plain) // pieces)
    for start in range(0, len(plain), step):
        writer.write(plain[start : start + step])
    writer.close()
    return out.getvalue()


def open_all(sealed: bytes, keys: list[bytes] | None = None) -> bytes:
    reader = OpeningReader(io.BytesIO(sealed), keys or [KEY])
    parts = []
    while block := reader.read(10_000):
        parts.append(block)
    return b"".join(parts)


def frames(sealed: bytes) -> list[bytes]:
    """The sealed chunks with their length prefixes, in order."""
    found, at = [], HEADER
    while at < len(sealed):
        (length,) = struct.unpack(">I", sealed[at : at + 4])
        found.append(sealed[at : at + 4 + length])
        at += 4 + length
    return found


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17])
def test_round_trip_at_chunk_boundaries(size: int) -> None:
    plain = os.urandom(size)
    sealed = seal(plain)
    assert open_all(sealed) == plain
    assert size < 16 or plain[:64] not in sealed  # nothing travels in clear


def test_each_archive_gets_its_own_salt_and_nonces() -> None:
    plain = b"same content" * 1000
    assert seal(plain) != seal(plain)


def test_a_flipped_bit_anywhere_is_refused() -> None:
    sealed = bytearray(seal(os.urandom(2 * CHUNK + 5)))
    for position in (HEADER + 10, CHUNK, len(sealed) - 3):
        changed = bytearray(sealed)
        changed[position] ^= 0x01
        with pytest.raises(Tampered):
            open_all(bytes(changed))


def test_a_changed_header_is_refused() -> None:
    sealed = bytearray(seal(b"x" * 100))
    sealed[HEADER - 1] ^= 0x01  # the nonce prefix, authenticated as associated data
    with pytest.raises(Tampered):
        open_all(bytes(sealed))


def test_dropping_the_final_chunk_is_refused() -> None:
    sealed = seal(os.urandom(2 * CHUNK + 5))
    chunks = frames(sealed)
    assert len(chunks) == 3
    with pytest.raises(Tampered, match="truncated"):
        open_all(sealed[:HEADER] + b"".join(chunks[:2]))


def test_cutting_a_chunk_short_is_refused() -> None:
    sealed = seal(os.urandom(CHUNK + 5))
    with pytest.raises(Tampered):
        open_all(sealed[:-1])


def test_reordered_or_repeated_chunks_are_refused() -> None:
    sealed = seal(os.urandom(3 * CHUNK))
    first, second, *rest = frames(sealed)
    with pytest.raises(Tampered):
        open_all(sealed[:HEADER] + second + first + b"".join(rest))
    with pytest.raises(Tampered):
        open_all(sealed[:HEADER] + first + first + second + b"".join(rest))


def test_bytes_after_the_final_chunk_are_refused() -> None:
    with pytest.raises(Tampered, match="after its final chunk"):
        open_all(seal(b"payload") + b"\x00")


def test_another_key_is_named_as_such_and_older_keys_still_open() -> None:
    other = os.urandom(32)
    sealed = seal(b"payload", key=other)
    with pytest.raises(WrongKey):
        open_all(sealed)
    assert open_all(sealed, keys=[KEY, other]) == b"payload"


def test_something_else_is_not_an_archive() -> None:
    with pytest.raises(ArchiveError, match="Not a Tabara backup"):
        open_all(b"SQLite format 3\x00" + bytes(100))


def test_keys_are_32_bytes_of_urlsafe_base64() -> None:
    assert len(key_decode(key_generate())) == 32
    for bad in ("", "not base64!", "c2hvcnQ="):
        with pytest.raises(ValueError, match="32 bytes"):
            key_decode(bad)
