"""Signed links for people without an account: confirm, unsubscribe, manage comments.

The links carry a signed payload (django.core.signing with a purpose-specific salt), so
nothing needs storing and a forged or altered link is refused.
"""

from __future__ import annotations

from django.core import signing

CONFIRM_MAX_AGE = 7 * 24 * 3600


class BadLink(ValueError):
    """The link is forged, altered or expired."""


def make_token(purpose: str, value: str | int) -> str:
    return signing.dumps(value, salt=f"tabara.awareness.{purpose}", compress=True)


def read_token(purpose: str, token: str, *, max_age: int | None = None) -> str | int:
    try:
        value = signing.loads(token, salt=f"tabara.awareness.{purpose}", max_age=max_age)
    except signing.BadSignature as exc:
        raise BadLink(purpose) from exc
    if not isinstance(value, str | int):
        raise BadLink(purpose)
    return value
