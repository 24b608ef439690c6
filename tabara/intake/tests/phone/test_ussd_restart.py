"""A USSD session half-way through survives a server restart and completes.

Runs the production stack from bench/harness.py (gunicorn on SQLite), kills the whole
server with SIGKILL in the middle of a report, starts a new one on the same database,
and finishes the session: the person on a 2G phone never sees the restart.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import urllib.parse

import pytest

from bench.harness import GATEWAY_SECRET, Server, request, start_server

SECRET = GATEWAY_SECRET
SESSION = "ATUid_restart_test"
# The harness always runs SQLite (its own database file): the PostgreSQL pass would repeat it.
pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="runs once, in the SQLite pass"
)


def screen(server: Server, text: str) -> str:
    body = urllib.parse.urlencode(
        {"sessionId": SESSION, "serviceCode": "*384*123#", "phoneNumber": "+250788000321",
         "networkCode": "63510", "text": text}
    ).encode()  # fmt: skip
    status, raw = asyncio.run(request(server.port, "POST", f"/gateway/{SECRET}/ussd", body))
    assert status == 200
    reply = raw.split(b"\r\n\r\n", 1)[1].decode()
    assert reply.startswith(("CON ", "END ")) and len(reply) - 4 <= 160
    return reply


def hard_kill(server: Server) -> None:
    for pid in [*server.worker_pids(), server.process.pid]:
        os.kill(pid, signal.SIGKILL)
    server.process.wait()


@pytest.mark.timeout_sensitive
def test_half_finished_report_completes_after_a_restart() -> None:
    first = start_server(workers=1)
    try:
        assert screen(first, "").startswith("CON Tabara")
        keys = ["4", "2", "1", "2", "5"]  # English, report, forced work, South, Huye...
        for n in range(1, len(keys) + 1):
            last = screen(first, "*".join(keys[:n]))
        assert last.startswith("CON District:")
    finally:
        hard_kill(first)
    second = start_server(workers=1, var_dir=first.var_dir, prepare=False)
    try:
        assert second.process.pid != first.process.pid
        keys += ["2", "3", "1", "2", "1", "2"]  # Huye, a sector, children, 2, social, no call
        for n in range(6, len(keys) + 1):
            last = screen(second, "*".join(keys[:n]))
        assert last.startswith("CON Send your report?")
        done = screen(second, "*".join([*keys, "1"]))
        assert done.startswith("END Thank you! Your receipt:")
    finally:
        second.stop()
    with sqlite3.connect(first.var_dir / "bench.sqlite3") as db:
        rows = db.execute("SELECT channel, age_group, people_count FROM intake_report").fetchall()
        sessions = db.execute("SELECT phase, state FROM intake_ussdsession").fetchall()
    assert rows == [("ussd", "child", 2)]
    assert [phase for phase, _state in sessions] == ["ended"]  # only the last screen is kept
