"""The repository's gunicorn configuration: what runs is what it says, and its logs name no one.

The server is started exactly as the benchmarks start it (bench/harness.py), from
config/gunicorn_conf.py; the worker class and threads are read back from the workers.
"""

from __future__ import annotations

import asyncio
import os
import re
import urllib.parse

import pytest

from bench.harness import GATEWAY_SECRET, request, start_server

# gunicorn's own name for the "gthread" worker class, and the pool the config file sets.
EXPECTED = ("ThreadWorker", 4)
USSD = urllib.parse.urlencode(
    {"sessionId": "log-test-1", "serviceCode": "*384*123#", "phoneNumber": "+250780000001"}
).encode()

# The harness always runs SQLite (its own database file): the PostgreSQL pass would repeat it,
# and there tests/test_deploy_smoke.py runs this configuration on PostgreSQL.
pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="runs once, in the SQLite pass"
)


@pytest.mark.timeout_sensitive
def test_the_config_runs_as_declared_and_logs_no_secret_and_no_client() -> None:
    server = start_server(workers=1)
    try:
        status, reply = asyncio.run(
            request(server.port, "POST", f"/gateway/{GATEWAY_SECRET}/ussd", USSD)
        )
        asyncio.run(request(server.port, "GET", "/rw/report/?from=search"))
    finally:
        server.stop()
    assert status == 200 and b"CON " in reply  # a successful callback
    assert (server.worker_class, server.threads) == EXPECTED
    log = server.log()
    assert GATEWAY_SECRET not in log
    access = [line for line in log.splitlines() if re.search(r'"(GET|POST) /', line)]
    assert any('"POST /gateway/[secret]/ussd" 200' in line for line in access)
    assert any('"GET /rw/report/" 200' in line for line in access)  # no query string
    for line in access:
        assert "127.0.0.1" not in line  # no client address
        assert "from=search" not in line
