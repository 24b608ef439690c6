"""Print the current TOTP code for a base32 secret (a demo and test convenience)."""

from __future__ import annotations

import base64
import sys
import time

from django_otp.oath import TOTP


def code_for(secret_b32: str, at: float | None = None) -> str:
    generator = TOTP(base64.b32decode(secret_b32.strip().upper()), step=30, t0=0, digits=6)
    generator.time = time.time() if at is None else at
    return f"{generator.token():06d}"


if __name__ == "__main__":
    print(code_for(sys.argv[1]))  # noqa: T201
