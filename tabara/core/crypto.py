"""Encryption at rest for identifying fields, with keys kept outside the database.

Every value is sealed with AES-256-GCM (the `cryptography` library) and associated data
naming where it belongs: the model (`app_label.Model`), the field and the row's own
`row_uuid`. A value copied into another row or another field, or changed by one byte, fails
authentication and raises `DecryptionError` instead of showing wrong data.

Stored form: ``aesgcm1:<key id>:<urlsafe base64 of nonce (12 bytes), ciphertext, tag>``.
The key id (8 hex digits derived from the key) says which configured key sealed the value,
so several keys coexist while `rotate_keys` moves values to the first one. Each configured
key (urlsafe base64 of 32 random bytes, the same format as before) is never used directly:
HKDF-SHA256 derives the AES key and the key id from it. Nonces are random; NIST SP 800-38D
allows 2^32 random-nonce messages per key, far above what one key seals between rotations.

Values written before this format were Fernet tokens bound to nothing; only the data
migrations read them (`fernet_open`), never the running application.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from dataclasses import dataclass
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

PREFIX = "aesgcm1"
NONCE_BYTES = 12


class DecryptionError(RuntimeError):
    """A stored value could not be authenticated for the place it was read from."""


@dataclass(frozen=True)
class FieldKey:
    """One configured key: its id, its AES-256-GCM cipher and (for migrations) its Fernet."""

    kid: str
    aead: AESGCM
    fernet: Fernet


@dataclass(frozen=True)
class Place:
    """Where a value lives: bound into its associated data."""

    model: str  # app_label.Model
    field: str
    row: str  # the row's row_uuid, canonical form

    def associated_data(self, kid: str) -> bytes:
        parts = [PREFIX, kid, self.model, self.field, self.row]
        if any("\x00" in part for part in parts):
            raise ValueError("a place name contains NUL")
        return "\x00".join(parts).encode("utf-8")


def _derive(raw: bytes, info: bytes, length: int) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(raw)


def encryption_key_parse(text: str) -> FieldKey:
    """One configured key, parsed; ValueError if it is not a key of the current format.

    Production settings validate TABARA_ENCRYPTION_KEYS through this function at start-up,
    so a change of key format changes the start-up check with it.
    """
    try:
        raw = base64.urlsafe_b64decode(text.strip().encode("ascii"))
    except (ValueError, UnicodeError, binascii.Error) as exc:
        raise ValueError("not a urlsafe base64 encoding of 32 bytes") from exc
    if len(raw) != 32:
        raise ValueError("not a urlsafe base64 encoding of 32 bytes")
    return FieldKey(
        kid=_derive(raw, b"tabara field key id v1", 4).hex(),
        aead=AESGCM(_derive(raw, b"tabara field encryption AES-256-GCM v1", 32)),
        fernet=Fernet(base64.urlsafe_b64encode(raw)),
    )


@dataclass(frozen=True)
class Keyring:
    """The configured keys, first one current."""

    keys: tuple[FieldKey, ...]

    @property
    def current(self) -> FieldKey:
        return self.keys[0]

    def by_id(self, kid: str) -> FieldKey:
        for key in self.keys:
            if key.kid == kid:
                return key
        raise DecryptionError(f"Encrypted value is under key {kid}, which is not configured.")


@lru_cache(maxsize=4)
def keyring_from(keys: tuple[str, ...]) -> Keyring:
    if not keys:
        raise DecryptionError("TABARA_ENCRYPTION_KEYS is empty: refusing to store data in clear.")
    parsed = tuple(encryption_key_parse(key) for key in keys)
    if len({key.kid for key in parsed}) != len(parsed):
        raise ValueError("TABARA_ENCRYPTION_KEYS lists the same key twice.")
    return Keyring(parsed)


def keyring() -> Keyring:
    return keyring_from(tuple(settings.TABARA_ENCRYPTION_KEYS))


def is_sealed(token: str) -> bool:
    return token.startswith(PREFIX + ":")


def key_id_of(token: str) -> str:
    parts = token.split(":")
    if len(parts) != 3 or parts[0] != PREFIX:
        raise DecryptionError("Stored value is not in the current encrypted format.")
    return parts[1]


def seal(value: str, place: Place, ring: Keyring | None = None) -> str:
    key = (ring or keyring()).current
    nonce = os.urandom(NONCE_BYTES)
    sealed = key.aead.encrypt(nonce, value.encode("utf-8"), place.associated_data(key.kid))
    body = base64.urlsafe_b64encode(nonce + sealed).decode("ascii").rstrip("=")
    return f"{PREFIX}:{key.kid}:{body}"


def open_sealed(token: str, place: Place, ring: Keyring | None = None) -> str:
    """The clear text, or DecryptionError if the value was not sealed for this place."""
    try:
        kid = key_id_of(token)
    except DecryptionError:
        raise DecryptionError(
            f"Value of {place.model}.{place.field} is not in the current encrypted format "
            "(a Fernet token means the encrypted_rows migrations have not run)."
        ) from None
    key = (ring or keyring()).by_id(kid)
    body = token.split(":")[2]
    try:
        blob = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        plain = key.aead.decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], place.associated_data(kid))
        return plain.decode("utf-8")
    except (InvalidTag, ValueError, binascii.Error) as exc:
        raise DecryptionError(
            f"Encrypted value of {place.model}.{place.field} failed authentication "
            "(changed, copied from another row or field, or wrong key)."
        ) from exc


def reseal(token: str, place: Place, ring: Keyring | None = None) -> str:
    """The same value under the current key (unchanged if it is already under it)."""
    ring = ring or keyring()
    clear = open_sealed(token, place, ring)
    if key_id_of(token) == ring.current.kid:
        return token
    return seal(clear, place, ring)


def fernet_open(token: str, ring: Keyring) -> str:
    """A value of the former format (a Fernet token), for the data migrations only."""
    try:
        plain = MultiFernet([k.fernet for k in ring.keys]).decrypt(token.encode("ascii"))
        return plain.decode("utf-8")
    except (InvalidToken, UnicodeError, ValueError) as exc:
        raise DecryptionError("A Fernet value failed authentication with every key.") from exc


def fernet_seal(value: str, ring: Keyring) -> str:
    """The former format, for reversing the data migrations only."""
    return ring.current.fernet.encrypt(value.encode("utf-8")).decode("ascii")


def keyed_hash(value: str, *, purpose: str) -> str:
    """HMAC-SHA256 of a value under the phone-hash key: groups repeats without revealing them."""
    key = f"{purpose}:{settings.TABARA_PHONE_HASH_KEY}".encode()
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()
