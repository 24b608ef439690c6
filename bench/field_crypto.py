"""Benchmark: one field value sealed and opened, AES-256-GCM bound to its row vs Fernet.

Times, in one run, sealing and opening the same synthetic values with Tabara's field
encryption (tabara/core/crypto.py: AES-256-GCM with associated data model, field and row
UUID) and with a plain Fernet token (the former format, from `cryptography` directly), and
prints the per-value cost of each and their ratio, with the configuration that ran.

Usage:
  .venv/bin/python bench/field_crypto.py [--values 20000] [--length 300]
  .venv/bin/python bench/field_crypto.py --tiny        # 200 values: CI's smoke run
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import cryptography  # noqa: E402
from cryptography.fernet import Fernet  # noqa: E402

from tabara.core.crypto import Place, keyring_from, open_sealed, seal  # noqa: E402

KEY = "YmVuY2gtb25seS1mZXJuZXQta2V5LTAwMDAwMDAwMDE="


def per_value(work: Callable[[int], object], count: int) -> float:
    start = time.perf_counter()
    for i in range(count):
        work(i)
    return (time.perf_counter() - start) / count


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--values", type=int, default=20000)
    parser.add_argument("--length", type=int, default=300)
    parser.add_argument("--tiny", action="store_true")
    args = parser.parse_args()
    count = 200 if args.tiny else args.values
    ring = keyring_from((KEY,))
    fernet = Fernet(KEY.encode())
    texts = [f"{i:06d} " + "synthetic words " * (args.length // 16) for i in range(count)]
    places = [Place("intake.Report", "what_happened", str(uuid.uuid4())) for _ in range(count)]

    sealed: list[str] = []
    tokens: list[bytes] = []
    aead_seal = per_value(lambda i: sealed.append(seal(texts[i], places[i], ring)), count)
    fernet_seal = per_value(lambda i: tokens.append(fernet.encrypt(texts[i].encode())), count)
    aead_open = per_value(lambda i: open_sealed(sealed[i], places[i], ring), count)
    fernet_open = per_value(lambda i: fernet.decrypt(tokens[i]).decode(), count)
    if any(open_sealed(sealed[i], places[i], ring) != texts[i] for i in range(count)):
        raise SystemExit("a sealed value did not open to its text")

    print(
        f"configuration: {count} values of {len(texts[0])} characters, one process, "
        f"cryptography {cryptography.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs ({platform.machine()})"
    )
    print(f"{'':8} {'AES-256-GCM bound':>18} {'Fernet':>10} {'ratio':>7}")
    for name, aead, plain in (("seal", aead_seal, fernet_seal), ("open", aead_open, fernet_open)):
        print(f"{name:8} {aead * 1e6:15.1f} µs {plain * 1e6:7.1f} µs {aead / plain:7.2f}")
    stored = len(sealed[0]) / len(tokens[0])
    print(f"stored size: {len(sealed[0])} vs {len(tokens[0])} characters (ratio {stored:.2f})")


if __name__ == "__main__":
    main()
