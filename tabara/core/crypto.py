"""Encryption at rest for identifying fields, with keys kept outside the database.

Fernet (AES-128-CBC + HMAC-SHA256, from the `cryptography` library) authenticates every
value, so a tampered ciphertext raises instead of decrypting to garbage. MultiFernet holds
the current key first and older keys after it, which is what key rotation needs.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class DecryptionError(RuntimeError):
    """A stored value could not be authenticated with any configured key."""


def encryption_key_parse(text: str) -> Fernet:
    """One configured key, parsed; ValueError if it is not a key of the current format.

    Production settings validate TABARA_ENCRYPTION_KEYS through this function at start-up,
    so a change of key format changes the start-up check with it.
    """
    try:
        return Fernet(text.strip().encode("ascii"))
    except (ValueError, UnicodeError) as exc:
        raise ValueError("not a urlsafe base64 encoding of 32 bytes") from exc


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise DecryptionError("TABARA_ENCRYPTION_KEYS is empty: refusing to store data in clear.")
    return MultiFernet([encryption_key_parse(key) for key in keys])


def cipher() -> MultiFernet:
    return _fernet(tuple(settings.TABARA_ENCRYPTION_KEYS))


def encrypt_text(value: str) -> str:
    return cipher().encrypt(value.encode("utf-8")).decode("ascii")


def decrypt_text(token: str) -> str:
    try:
        return cipher().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError, ValueError) as exc:
        raise DecryptionError(
            "Encrypted value failed authentication (tampered or wrong key)."
        ) from exc


def rotate_token(token: str) -> str:
    """Re-encrypt a token under the current (first) key."""
    try:
        return cipher().rotate(token.encode("ascii")).decode("ascii")
    except (InvalidToken, ValueError) as exc:
        raise DecryptionError("Cannot rotate a value that fails authentication.") from exc


def keyed_hash(value: str, *, purpose: str) -> str:
    """HMAC-SHA256 of a value under the phone-hash key: groups repeats without revealing them."""
    key = f"{purpose}:{settings.TABARA_PHONE_HASH_KEY}".encode()
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()
