"""The restore drill: back up a database that is taking reports, restore it, check it all.

Runs on the engine the suite runs on (SQLite by default, PostgreSQL when DATABASE_URL
points at one), against databases of its own, through `manage.py` in subprocesses as an
operator would. While `manage.py backup` runs, another process keeps submitting reports.
The restored database must match the manifest table by table, every encrypted value must
open for its own row and field, the audit chain must verify, and every receipt handed out
before the backup began must open its report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from bench.harness import copy_migrated_sqlite
from tabara.operations.manifest import AUDIT_TABLE
from tabara.operations.services import archive_open

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.timeout_sensitive

SETUP = """
import json
from django.core.management import call_command
from tabara.core.demo import demo_load
from tabara.intake.choices import Channel
from tabara.intake.services import ReportInput, report_submit
call_command("migrate", verbosity=0)
receipts = demo_load(with_villages=False).receipts
for n in range(3):
    data = ReportInput(what_happened=f"Before the backup {n}", wants_contact=True,
                       contact_name=f"Synthetic Person {n}", contact_phone="+250788000111")
    receipts.append(report_submit(channel=Channel.WEB, data=data).receipt)
print(json.dumps(receipts))
"""

SUBMIT_UNTIL_STOPPED = """
import json, os, sys, time
from tabara.intake.choices import Channel
from tabara.intake.services import ReportInput, report_submit
log, stop = os.environ["DRILL_LOG"], os.environ["DRILL_STOP"]
with open(log, "a") as out:
    n = 0
    while not os.path.exists(stop):
        data = ReportInput(what_happened=f"During the backup {n}",
                           suspect_identifiers="+250788999000")
        receipt = report_submit(channel=Channel.SMS, data=data).receipt
        out.write(json.dumps([time.time(), receipt]) + "\\n")
        out.flush()
        n += 1
"""

INSPECT = """
import json, os
from tabara.audit.models import AuditEvent
from tabara.audit.services import audit_chain_verify
from tabara.core.rotation import encrypted_values_verify
from tabara.intake.selectors import report_status_by_receipt
from tabara.intake.models import Report
from tabara.operations.engines import live_state
receipts = json.load(open(os.environ["DRILL_RECEIPTS"]))
sealed = encrypted_values_verify()  # each value opened for its own model, field and row
verdict = audit_chain_verify()
print(json.dumps({
    "decrypted": sealed.opened,
    "failed": sealed.failed,
    "audit_ok": verdict.ok,
    "audit_checked": verdict.checked,
    "last_action": AuditEvent.objects.order_by("-id").first().action,
    "opened": sum(report_status_by_receipt(r) is not None for r in receipts),
    "report_ids": sorted(Report.objects.values_list("id", flat=True)),
    "tables": live_state()["tables"],
}))
"""


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`manage.py` as an operator runs it, less the system checks that every command but
    `shell` runs first: loading the URLs costs each process seconds and proves nothing about
    backups (`scripts/check` runs the checks)."""
    checks = [] if args[0] == "shell" else ["--skip-checks"]
    return subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args, *checks],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def shell(env: dict[str, str], script: str) -> str:
    result = manage(env, "shell", "-c", script)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]  # the script's own line, after the shell's


@pytest.fixture
def databases(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two database URLs of the suite's engine: the live one and the restore target."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        # The live database starts as the file `migrate` writes (made once, copied); SETUP's
        # migrate then finds nothing to do. The restore target stays empty, as it must.
        copy_migrated_sqlite(tmp_path / "live.sqlite3", "config.django.test")
        yield f"sqlite:///{tmp_path / 'live.sqlite3'}", f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    names = [f"tabara_backup_{uuid.uuid4().hex[:8]}_{role}" for role in ("live", "restored")]
    with psycopg.connect(admin, autocommit=True) as conn:
        for name in names:
            conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield tuple(urlunsplit(parts._replace(path=f"/{name}")) for name in names)  # type: ignore[misc]
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            for name in names:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_for_lines(
    path: Path, count: int, process: subprocess.Popen[bytes], timeout: float = 60.0
) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists() or len(path.read_text().splitlines()) < count:
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "the submitter did not start"
        time.sleep(0.05)


def test_restore_drill(tmp_path: Path, databases: tuple[str, str]) -> None:
    live_url, restored_url = databases
    base = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.django.test"}
    live = {**base, "DATABASE_URL": live_url}
    restored = {**base, "DATABASE_URL": restored_url}
    receipts = json.loads(shell(live, SETUP))
    assert len(receipts) >= 3

    log, stop, archive = tmp_path / "submitted.jsonl", tmp_path / "stop", tmp_path / "x.tbk"
    submitter = subprocess.Popen(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "shell", "-c", SUBMIT_UNTIL_STOPPED],
        cwd=ROOT,
        env={**live, "DRILL_LOG": str(log), "DRILL_STOP": str(stop)},
        stderr=subprocess.PIPE,
    )
    try:
        wait_for_lines(log, 2, submitter)
        started = time.time()
        backup = manage(live, "backup", str(archive))
        finished = time.time()
        wait_for_lines(
            log, len(log.read_text().splitlines()) + 2, submitter
        )  # still writing afterwards
    finally:
        stop.touch()
        _out, err = submitter.communicate(timeout=60)
    assert submitter.returncode == 0, err
    assert backup.returncode == 0, backup.stderr
    during = [json.loads(line) for line in log.read_text().splitlines()]
    assert any(started < at < finished for at, _r in during), "no report arrived during the backup"
    receipts += [receipt for at, receipt in during if at < started]

    result = manage(restored, "restore", str(archive))
    assert result.returncode == 0, result.stderr
    (tmp_path / "receipts.json").write_text(json.dumps(receipts))
    given = {"DRILL_RECEIPTS": str(tmp_path / "receipts.json")}
    seen = json.loads(shell({**restored, **given}, INSPECT))
    live_ids = json.loads(shell({**live, **given}, INSPECT))["report_ids"]

    manifest = archive_open(archive=archive, staged=tmp_path / "staged").manifest
    # The archive's signed anchor names its audit head; the restored chain reaches it.
    assert f" seq={manifest.audit_events} hash={manifest.audit_head} " in manifest.audit_anchor
    (tmp_path / "anchor.txt").write_text(manifest.audit_anchor + "\n")
    verified = manage(restored, "audit_verify", "--anchor", str(tmp_path / "anchor.txt"))
    assert verified.returncode == 0, verified.stderr
    counts = seen["tables"]
    assert set(counts) == set(manifest.tables)
    assert {t: n for t, n in counts.items() if t != AUDIT_TABLE} == {
        t: n for t, n in manifest.tables.items() if t != AUDIT_TABLE
    }
    # The only row the restore adds is its own audit event, chained after the archived head.
    assert counts[AUDIT_TABLE] == manifest.tables[AUDIT_TABLE] + 1
    assert seen["last_action"] == "backup_restored"
    assert seen["audit_ok"] and seen["audit_checked"] == counts[AUDIT_TABLE]
    assert seen["failed"] == 0 and seen["decrypted"] > 0
    assert seen["opened"] == len(receipts)
    # One consistent instant: the restored reports are exactly the live ones up to the newest
    # restored, and reports kept arriving after it.
    restored_ids = seen["report_ids"]
    assert restored_ids == [i for i in live_ids if i <= restored_ids[-1]]
    assert len(live_ids) > len(restored_ids)
