"""How an identifier is shown on the analysts' page: enough to talk about it, not to use it.

Analysts read no case (ARCHITECTURE.md): they see which records share an identifier and
who holds them, so that the holders can be put in touch; each holder reads the identifier
in full in its own record. The page therefore shows a phone number, an account, a plate or
a recruiter's name masked (its kind and a few characters to tell two apart on a call), and
an agency's name in full: a business's name identifies no person.
"""

from __future__ import annotations

from tabara.networks.choices import IdentifierKind

DOT = "•"


def _middle(text: str, keep_start: int, keep_end: int) -> str:
    hidden = max(len(text) - keep_start - keep_end, 1)
    return text[:keep_start] + DOT * hidden + (text[-keep_end:] if keep_end else "")


def identifier_masked(kind: str, value: str) -> str:
    """`value` (normal form) as the analysts' page shows it.

    +250788100200 → +25078••••200; tiktok:jobs_gulf → tiktok:jo••••••f;
    RW:RAB123A → RAB•••A; "jean nsengimana paur" → "j… n… p…"; agencies in full.
    """
    if kind == IdentifierKind.PHONE:
        return _middle(value, 6, 3)
    if kind == IdentifierKind.ACCOUNT:
        platform, _sep, handle = value.partition(":")
        return f"{platform}:{_middle(handle, 2, 1)}" if len(handle) > 3 else f"{platform}:{DOT * 3}"
    if kind == IdentifierKind.PLATE:
        plate = value.partition(":")[2] or value
        return _middle(plate, 3, 1)
    if kind == IdentifierKind.NAME:
        return " ".join(f"{token[0]}…" for token in value.split())
    return value
