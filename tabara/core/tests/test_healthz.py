"""/healthz: the database answers, the task queue's lag, 503 when the database is gone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from tabara.core.tests.test_settings import BASE_ENV
from tabara.notifications.tasks import notification_deliver_task


@pytest.mark.django_db
def test_healthz_reports_the_database_and_the_oldest_waiting_task(
    django_capture_on_commit_callbacks,
) -> None:
    assert Client().get("/healthz").json() == {
        "ok": True,
        "database": "ok",
        "task_queue": {"ready": 0, "lag_seconds": 0.0},
    }
    with (
        time_machine.travel(timezone.now() - timedelta(minutes=2), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        notification_deliver_task.enqueue(1)
    body = Client().get("/healthz").json()
    assert body["task_queue"]["ready"] == 1
    assert 119 <= body["task_queue"]["lag_seconds"] <= 180


def test_healthz_answers_503_when_the_database_is_unreachable(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TABARA_", "DATABASE_URL"))}
    env.update(BASE_ENV, DATABASE_URL=f"sqlite:///{tmp_path}/no/such/dir/db.sqlite3")
    env.update(TABARA_ALLOWED_HOSTS="testserver")
    script = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/healthz', secure=True); print(r.status_code, r.content.decode())"
    )
    result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    status, body = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "503"
    assert json.loads(body) == {"ok": False, "database": "unreachable"}
