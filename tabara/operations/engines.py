"""Taking and restoring a consistent snapshot of the database, per engine.

SQLite: the online backup API (sqlite3.Connection.backup) copies the database in one step,
inside one read transaction: in WAL mode writers go on while it copies. PostgreSQL: a
REPEATABLE READ transaction exports its snapshot, `pg_dump --snapshot` dumps exactly that
snapshot and the manifest is counted inside the same transaction, while writers go on.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from django.db import connection, transaction

from tabara.operations.manifest import database_state


class RestoreRefused(Exception):
    """The target database is not empty, or a tool the restore needs is missing."""


def engine_name() -> str:
    return str(connection.vendor)


def _sqlite_quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def snapshot_sqlite(dest: Path) -> dict[str, Any]:
    """Copy the live SQLite database to `dest` and read the manifest from the copy."""
    source_path = str(connection.settings_dict["NAME"])
    with (
        closing(sqlite3.connect(source_path, timeout=30)) as source,
        closing(sqlite3.connect(dest)) as copy,
    ):
        source.backup(copy)  # pages=-1: one step, one read transaction, one consistent state
    with closing(sqlite3.connect(dest)) as copy:
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        tables = [
            row[0]
            for row in copy.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return database_state(lambda sql: copy.execute(sql).fetchall(), tables, _sqlite_quote)


def _pg_env_args() -> tuple[dict[str, str], list[str]]:
    settings = connection.settings_dict
    env = {**os.environ}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            args += [flag, str(settings[key])]
    return env, [*args, "--dbname", str(settings["NAME"])]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise RestoreRefused(f"{name} is not installed (Debian package postgresql-client).")
    return found


def snapshot_postgres(dest: Path) -> dict[str, Any]:
    """pg_dump (custom format) of one exported snapshot, and the manifest of that snapshot."""
    env, args = _pg_env_args()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        subprocess.run(  # noqa: S603 - fixed tool, arguments from settings
            [
                _tool("pg_dump"),
                "--format=custom",
                f"--snapshot={snapshot}",
                "--file",
                str(dest),
                *args,
            ],
            env=env,
            check=True,
            capture_output=True,
        )

        def query(sql: str) -> list[tuple[Any, ...]]:
            cursor.execute(sql)
            return list(cursor.fetchall())

        tables = connection.introspection.table_names(cursor)
        return database_state(query, tables, connection.ops.quote_name)


def database_is_empty() -> bool:
    """True when the configured database has no tables at all (never migrated)."""
    if (
        connection.vendor == "sqlite"
        and not connection.is_in_memory_db()  # type: ignore[attr-defined]
        and not Path(str(connection.settings_dict["NAME"])).exists()
    ):
        return True
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def restore_sqlite(source: Path) -> None:
    """Copy a snapshot into the configured (empty) SQLite database with the backup API."""
    target = str(connection.settings_dict["NAME"])
    connection.close()
    with closing(sqlite3.connect(source)) as snap, closing(sqlite3.connect(target)) as live:
        snap.backup(live)
        live.execute("PRAGMA journal_mode=WAL")


def restore_postgres(source: Path) -> None:
    """pg_restore a dump into the configured (empty) database in one transaction."""
    env, args = _pg_env_args()
    connection.close()
    completed = subprocess.run(  # noqa: S603 - fixed tool, arguments from settings
        [
            _tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            *args,
            str(source),
        ],
        env=env,
        capture_output=True,
        check=False,
    )
    if completed.returncode != 0:
        raise RestoreRefused(
            "pg_restore failed: " + completed.stderr.decode(errors="replace")[-2000:]
        )


def live_state() -> dict[str, Any]:
    """The manifest fields of the configured database as it is now."""
    with connection.cursor() as cursor:

        def query(sql: str) -> list[tuple[Any, ...]]:
            cursor.execute(sql)
            return list(cursor.fetchall())

        tables = connection.introspection.table_names(cursor)
        return database_state(query, tables, connection.ops.quote_name)


@contextmanager
def private_directory(parent: Path | None) -> Iterator[Path]:
    """A scratch directory only this user can read, removed afterwards (it holds plaintext)."""
    with tempfile.TemporaryDirectory(prefix="tabara-backup-", dir=parent) as name:
        os.chmod(name, 0o700)
        yield Path(name)
