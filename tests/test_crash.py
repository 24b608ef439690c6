"""While clients submit reports, the server's workers are SIGKILLed 20+ times; none is lost.

This starts the production stack (gunicorn, 2 workers, SQLite in WAL mode) from
bench/harness.py, so it runs the same code the benchmark measures.
"""

from __future__ import annotations

import pytest

from bench.crash import run


@pytest.mark.timeout_sensitive
def test_every_receipt_given_to_a_client_opens_its_report_after_20_kills() -> None:
    verdict = run(kills=20, clients=6, min_receipts=20)
    assert isinstance(verdict["kills"], int) and verdict["kills"] >= 20
    assert isinstance(verdict["checked"], int) and verdict["checked"] >= 20
    assert verdict["missing"] == []
    assert isinstance(verdict["stored"], int) and verdict["stored"] >= verdict["checked"]
