"""bench/field_crypto.py runs at a tiny size and says what it ran (no timing asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_field_crypto_bench_runs_at_a_tiny_size() -> None:
    result = subprocess.run(  # noqa: S603 - this repository's own script
        [sys.executable, str(ROOT / "bench" / "field_crypto.py"), "--tiny"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "configuration: 200 values of" in result.stdout
    assert "seal" in result.stdout and "open" in result.stdout and "ratio" in result.stdout
