"""The outbox survives a worker killed mid-delivery: every (event, recipient) once.

The real django-tasks database worker runs as a subprocess against a file SQLite
database. The fake gateway holds each answer back for a moment, so the SIGKILL lands
after the gateway accepted a message and before the worker recorded it as sent: the
most dangerous moment. A restarted worker and the sweep finish the job; the resend of the
interrupted message carries the same Idempotency-Key, so the gateway drops it.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.harness import copy_migrated_sqlite
from tabara.notifications.tests.fake_africastalking import FakeAfricasTalking

ROOT = Path(__file__).resolve().parents[3]
EVENTS, PHONES = 4, 6
ENQUEUE = f"""
from django.db import transaction
from tabara.notifications.models import Channel
from tabara.notifications.services import notification_enqueue
for event in range({EVENTS}):
    with transaction.atomic():
        for n in range({PHONES}):
            for _twice in range(2):
                notification_enqueue(event_key=f"crash:{{event}}", channel=Channel.SMS,
                    subject="", body=f"event {{event}}", phone=f"+25078800{{n:04d}}")
"""

pytestmark = pytest.mark.timeout_sensitive


def manage(env: dict[str, str], *args: str, quiet: bool = True) -> subprocess.Popen[bytes]:
    """`manage.py` less the system checks every command but `shell` runs first: loading the
    URLs costs each process seconds and proves nothing here (`scripts/check` runs them)."""
    checks = [] if args[0] == "shell" else ["--skip-checks"]
    return subprocess.Popen(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args, *checks],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL if quiet else subprocess.PIPE,
    )


def run(env: dict[str, str], *args: str) -> None:
    process = manage(env, *args, quiet=False)
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode()


def wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_sigkill_mid_delivery_then_restart_delivers_each_exactly_once(tmp_path) -> None:
    database = tmp_path / "outbox.sqlite3"
    with FakeAfricasTalking(api_key="k", delay=0.4) as fake:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.django.test",
            "DATABASE_URL": f"sqlite:///{database}",
            "TABARA_USE_AFRICASTALKING": "1",
            "TABARA_AFRICASTALKING_BASE_URL": fake.base_url,
            "TABARA_AFRICASTALKING_API_KEY": "k",
        }
        copy_migrated_sqlite(database, "config.django.test")  # what `migrate` writes, made once
        run(env, "shell", "-c", ENQUEUE)
        total = EVENTS * PHONES

        worker = manage(env, "db_worker", "--no-startup-delay", "--interval", "0.05")
        wait_for(lambda: len(fake.messages) >= 5)
        worker.send_signal(signal.SIGKILL)  # the 5th answer is still held back by the fake
        worker.wait(timeout=10)
        accepted_before_restart = len(fake.messages)
        assert 0 < accepted_before_restart < total

        # Time passes: the dead worker's lease expires (two minutes in production).
        with sqlite3.connect(database) as db:
            db.execute(
                "UPDATE notifications_notification SET lease_until = '2000-01-01 00:00:00'"
                " WHERE status = 'sending'"
            )
        fake.delay = 0.0
        restarted = manage(env, "db_worker", "--no-startup-delay", "--interval", "0.05")
        try:
            run(env, "notifications_deliver")  # the sweep recovers the interrupted one
            wait_for(lambda: len(fake.messages) >= total)
            with sqlite3.connect(database) as db:
                wait_for(
                    lambda: (
                        db.execute(
                            "SELECT COUNT(*) FROM notifications_notification WHERE status='sent'"
                        ).fetchone()[0]
                        == total
                    )
                )
        finally:
            restarted.send_signal(signal.SIGTERM)
            restarted.wait(timeout=20)

    delivered = [(sms.message, tuple(sms.to)) for sms in fake.messages]
    assert len(delivered) == total == len(set(delivered))
    assert fake.requests > total  # the interrupted message really was sent twice on the wire
