"""Receipt codes: 16 random digits shown once; only a slow salted hash is stored.

The hash is Argon2id (as GlobaLeaks does) with one site-wide salt kept outside the database,
so a receipt can be found by its hash. 10^16 codes at milliseconds each make an offline search
of a stolen database cost centuries of CPU; online guessing is throttled by the views.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from argon2.low_level import Type, hash_secret_raw
from django.conf import settings

RECEIPT_DIGITS = 16
_NON_DIGITS = re.compile(r"[^0-9]")


def receipt_new() -> str:
    return f"{secrets.randbelow(10**RECEIPT_DIGITS):0{RECEIPT_DIGITS}d}"


def receipt_normalise(typed: str) -> str | None:
    """Digits only, or None when what was typed cannot be a receipt."""
    digits = _NON_DIGITS.sub("", typed)
    return digits if len(digits) == RECEIPT_DIGITS else None


def receipt_display(receipt: str) -> str:
    return " ".join(receipt[i : i + 4] for i in range(0, RECEIPT_DIGITS, 4))


def receipt_hash(receipt: str) -> str:
    salt = hashlib.sha256(settings.TABARA_RECEIPT_SALT.encode()).digest()[:16]
    raw = hash_secret_raw(
        secret=receipt.encode("ascii"),
        salt=salt,
        time_cost=settings.RECEIPT_HASH_TIME_COST,
        memory_cost=settings.RECEIPT_HASH_MEMORY_KIB,
        parallelism=1,
        hash_len=32,
        type=Type.ID,
    )
    return raw.hex()


def token_hash(token: str) -> str:
    """Follow-up session tokens are long random strings: a plain SHA-256 suffices.

    Whatever was posted is hashed as UTF-8, so a non-ASCII token simply matches no session.
    """
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
