"""bench/search.py runs end to end at a tiny size and says what it ran (no timing asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_search_bench_runs_at_a_tiny_size(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # its own SQLite file
    env["TABARA_VAR_DIR"] = str(tmp_path)
    result = subprocess.run(  # noqa: S603 - this repository's own script
        [sys.executable, str(ROOT / "bench" / "search.py"), "--tiny"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    assert "sqlite: 300 cases, 600 people" in out
    for kind in ("name reordered, r->l", "phone 0788 123 456", "national ID", "case reference"):
        assert kind in out
