"""An archive written before the keyed audit chain restores, is migrated and audited.

docs/deploy.md takes a backup before every upgrade; restoring such an archive with the new
code must work. The archive is built here as the old code wrote it: a SQLite database at
audit migration 0002 with events of the unkeyed chain, and its manifest.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench.harness import copy_migrated_sqlite
from tabara.audit.chain import GENESIS, event_digest_unkeyed
from tabara.operations.manifest import AUDIT_TABLE, Manifest, database_state, file_digest
from tabara.operations.sealed import SealingWriter
from tabara.operations.services import backup_keys

ROOT = Path(__file__).resolve().parents[3]
pytestmark = [
    pytest.mark.timeout_sensitive,
    pytest.mark.skipif(
        os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the old archive is built as a SQLite file; PostgreSQL runs the same code",
    ),
]


def manage(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`manage.py` as an operator runs it, less the system checks that every command but
    `shell` runs first: loading the URLs costs each process seconds and proves nothing about
    restores (`scripts/check` runs the checks)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.django.test", "DATABASE_URL": url}
    checks = [] if args[0] == "shell" else ["--skip-checks"]
    return subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args, *checks],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def old_database(path: Path) -> None:
    """Every app migrated, the audit app at 0002, three events of the unkeyed chain."""
    copy_migrated_sqlite(path, "config.django.test")  # the file `migrate` writes, made once
    migrated = manage(f"sqlite:///{path}", "migrate", "audit", "0002", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr
    prev = GENESIS
    with closing(sqlite3.connect(path)) as db, db:
        for n in range(3):
            at = datetime(2026, 11, 1, tzinfo=UTC) + timedelta(minutes=n)
            fields = {"occurred_at": at, "actor_label": "anonymous", "action": "report_submitted",
                      "target_type": "report", "target_id": str(n), "extra": {}}  # fmt: skip
            digest = event_digest_unkeyed(prev_hash=prev, **fields)  # type: ignore[arg-type]
            db.execute(
                f"INSERT INTO {AUDIT_TABLE} (occurred_at, actor_label, action, target_type,"  # noqa: S608 - constant
                " target_id, extra, prev_hash, hash) VALUES (?, ?, ?, ?, ?, '{}', ?, ?)",
                (
                    at.isoformat(" "),
                    "anonymous",
                    "report_submitted",
                    "report",
                    str(n),
                    prev,
                    digest,
                ),
            )
            prev = digest
        db.execute("INSERT INTO audit_auditchainhead (id, last_hash) VALUES (1, ?)", (prev,))


def old_archive(database: Path, archive: Path) -> None:
    """Sealed as `manage.py backup` sealed it before the keyed chain (no audit anchor)."""
    with closing(sqlite3.connect(database)) as db:
        listed = "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        tables = [row[0] for row in db.execute(listed)]
        state = database_state(lambda sql: db.execute(sql).fetchall(), tables, lambda n: f'"{n}"')
    manifest = Manifest(created_at="2026-11-02T00:00:00+00:00", engine="sqlite", **state)
    manifest.files["database.sqlite3"] = file_digest(database)
    with archive.open("wb") as out:
        sealer = SealingWriter(out, backup_keys()[0])
        with tarfile.open(fileobj=sealer, mode="w|", format=tarfile.PAX_FORMAT) as tar:  # type: ignore[call-overload]
            tar.add(database, arcname="database.sqlite3")
            data = json.dumps({k: v for k, v in manifest.__dict__.items() if k != "audit_anchor"})
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data.encode())
            tar.addfile(info, io.BytesIO(data.encode()))
        sealer.close()


def test_an_archive_of_the_unkeyed_chain_restores_migrates_and_verifies(tmp_path) -> None:
    old, restored = tmp_path / "old.sqlite3", tmp_path / "restored.sqlite3"
    old_database(old)
    shutil.copy(old, tmp_path / "snapshot.sqlite3")
    old_archive(tmp_path / "snapshot.sqlite3", tmp_path / "old.tbk")

    result = manage(f"sqlite:///{restored}", "restore", str(tmp_path / "old.tbk"))
    assert result.returncode == 0, result.stderr
    verified = manage(f"sqlite:///{restored}", "audit_verify")
    assert verified.returncode == 0, verified.stderr
    assert "5 events verified" in verified.stdout  # 3 old, the re-chaining, the restore
    with closing(sqlite3.connect(restored)) as db:
        rows = db.execute("SELECT action, extra FROM audit_auditevent ORDER BY seq").fetchall()
    actions, keyed = [row[0] for row in rows], json.loads(rows[3][1])
    assert actions[3:] == ["audit_chain_keyed", "backup_restored"]
    assert keyed["old_chain_intact"] is True and keyed["events"] == 3
