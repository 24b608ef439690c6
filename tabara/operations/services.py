"""Writing and restoring encrypted backup archives.

An archive is a tar stream sealed by `sealed.py`: the database snapshot
(`database.sqlite3` or `database.pgdump`), every stored file under `media/`, and last
`manifest.json` with the schema version (applied migrations), the row count of every
table, the SHA-256 of every other member and the head of the audit chain. The manifest
comes last so that each member's checksum is taken from the very bytes that were sealed.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import IO, Any, BinaryIO

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from tabara.audit.chain import GENESIS, AnchorError
from tabara.audit.models import AuditAction
from tabara.audit.services import (
    audit_anchor_sign,
    audit_anchors_read,
    audit_chain_verify,
    audit_record,
)
from tabara.operations import engines
from tabara.operations.manifest import Manifest
from tabara.operations.refusals import archive_refusal, backup_key_refusal
from tabara.operations.sealed import ArchiveError, OpeningReader, SealingWriter, key_decode

MANIFEST = "manifest.json"
DATABASE_MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MEDIA_PREFIX = "media/"


_UNEXPECTED = _lazy("The archive holds an unexpected member %(name)s.")


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why, in plain words."""


def backup_keys() -> list[bytes]:
    """The configured backup keys, current first; none configured stops the command."""
    configured = [k for k in getattr(settings, "TABARA_BACKUP_KEYS", []) if k.strip()]
    if not configured:
        raise BackupError(
            _(
                "No backup key is configured: set TABARA_BACKUP_KEYS "
                "(generate one with `manage.py backup_key_new`)."
            )
        )
    try:
        return [key_decode(k) for k in configured]
    except ValueError as exc:
        raise BackupError(backup_key_refusal()) from exc


def media_root() -> Path | None:
    root = str(getattr(settings, "MEDIA_ROOT", "") or "")
    return Path(root) if root else None


class _HashingReader:
    """Reads a file for tarfile while hashing exactly the bytes handed over."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data


def _add_file(tar: tarfile.TarFile, path: Path, name: str) -> dict[str, Any]:
    info = tarfile.TarInfo(name)
    info.size = path.stat().st_size
    info.mode = 0o600
    info.mtime = int(path.stat().st_mtime)
    with path.open("rb") as handle:
        reader = _HashingReader(handle)
        tar.addfile(info, reader)
    return {"sha256": reader.digest.hexdigest(), "size": reader.size}


def _media_files(root: Path | None) -> Iterator[tuple[Path, str]]:
    if root is None or not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path, MEDIA_PREFIX + path.relative_to(root).as_posix()


def backup_write(*, output: Path, scratch: Path | None = None) -> Manifest:
    """Seal a consistent snapshot of the running database and the stored files into `output`.

    The archive is written beside `output` under a temporary name, readable only by its
    owner, and renamed into place once complete: `output` is never a half-written archive.
    """
    key = backup_keys()[0]
    engine = engines.engine_name()
    if engine not in DATABASE_MEMBERS:
        raise BackupError(
            _("Backups support SQLite and PostgreSQL, not %(engine)s.") % {"engine": engine}
        )
    partial = output.with_name(output.name + ".partial")
    with engines.private_directory(scratch) as work:
        snapshot = work / DATABASE_MEMBERS[engine]
        take = engines.snapshot_sqlite if engine == "sqlite" else engines.snapshot_postgres
        state = take(snapshot)
        manifest = Manifest(
            created_at=datetime.now(UTC).isoformat(timespec="seconds"), engine=engine, **state
        )
        # In an intact chain the newest event's sequence number is the number of events.
        manifest.audit_anchor = audit_anchor_sign(
            manifest.audit_events, manifest.audit_head or GENESIS
        )
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as out:
            sealer = SealingWriter(out, key)
            with tarfile.open(fileobj=sealer, mode="w|", format=tarfile.PAX_FORMAT) as tar:  # type: ignore[call-overload]
                manifest.files[snapshot.name] = _add_file(tar, snapshot, snapshot.name)
                for path, name in _media_files(media_root()):
                    manifest.files[name] = _add_file(tar, path, name)
                _add_bytes(tar, MANIFEST, manifest.to_json())
            sealer.close()
            out.flush()
            os.fsync(out.fileno())
    partial.replace(output)
    audit_record(
        actor=None,
        action=AuditAction.BACKUP_WRITTEN,
        extra={
            "tables": len(manifest.tables),
            "rows": sum(manifest.tables.values()),
            "files": len(manifest.files),
            "audit_head": manifest.audit_head,
        },
    )
    return manifest


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


@dataclass
class Opened:
    """An archive read to its end and authenticated, its members staged in a private folder."""

    manifest: Manifest
    staged: Path


def _member_path(name: str, staged: Path) -> Path:
    """Where a member is staged; anything but a plain relative name is refused."""
    pure = PurePosixPath(name)
    allowed = name in (MANIFEST, *DATABASE_MEMBERS.values()) or name.startswith(MEDIA_PREFIX)
    if not allowed or pure.is_absolute() or ".." in pure.parts:
        raise BackupError(_UNEXPECTED % {"name": repr(name)})
    return staged.joinpath(*pure.parts)


def archive_open(*, archive: Path, staged: Path) -> Opened:
    """Decrypt and authenticate the whole archive into `staged`, then check every checksum."""
    digests: dict[str, dict[str, Any]] = {}
    manifest_bytes = b""
    try:
        with archive.open("rb") as source:
            reader = OpeningReader(source, backup_keys())
            with tarfile.open(fileobj=reader, mode="r|") as tar:  # type: ignore[call-overload]
                for member in tar:
                    if not member.isfile():
                        raise BackupError(_UNEXPECTED % {"name": repr(member.name)})
                    extracted = tar.extractfile(member)
                    assert extracted is not None  # noqa: S101 - isfile() above
                    if member.name == MANIFEST:
                        manifest_bytes = extracted.read()
                        continue
                    digests[member.name] = _stage(extracted, _member_path(member.name, staged))
            reader.read()  # to the end: the final chunk and nothing after it
    except ArchiveError as exc:
        raise BackupError(archive_refusal(exc)) from exc
    except tarfile.TarError as exc:
        raise BackupError(
            _("Refused: the archive's content is not readable (%(error)s).") % {"error": exc}
        ) from exc
    if not manifest_bytes:
        raise BackupError(_("Refused: the archive has no manifest."))
    try:
        manifest = Manifest.from_json(manifest_bytes)
    except (ValueError, TypeError) as exc:
        raise BackupError(
            _("Refused: the archive's manifest is not readable (%(error)s).") % {"error": exc}
        ) from exc
    if digests != manifest.files:
        raise BackupError(
            _("Refused: the archive's files do not match the checksums of its manifest.")
        )
    return Opened(manifest=manifest, staged=staged)


def _stage(source: IO[bytes], path: Path) -> dict[str, Any]:
    path.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with path.open("wb") as out:
        while block := source.read(1024 * 1024):
            digest.update(block)
            size += len(block)
            out.write(block)
    return {"sha256": digest.hexdigest(), "size": size}


def _unknown_migrations(manifest: Manifest) -> list[str]:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [f"{app}.{name}" for app, name in manifest.migrations if (app, name) not in known]


def backup_restore(*, archive: Path, scratch: Path | None = None) -> Manifest:
    """Restore an archive into an empty database (and an empty media folder), then verify.

    Refuses before writing anything when the database has tables, the media folder has
    files, the archive fails authentication or its checksums, comes from the other engine,
    or needs migrations this version of Tabara does not have.
    """
    engine = engines.engine_name()
    if not engines.database_is_empty():
        raise BackupError(
            _(
                "Refused: the database is not empty. Restore only into a new, empty database "
                "(create one, point DATABASE_URL at it, and do not run migrate first)."
            )
        )
    media = media_root()
    if media is not None and media.is_dir() and any(media.iterdir()):
        raise BackupError(
            _("Refused: the media folder %(folder)s is not empty.") % {"folder": media}
        )
    with engines.private_directory(scratch) as work:
        opened = archive_open(archive=archive, staged=work)
        manifest = opened.manifest
        if manifest.engine != engine:
            raise BackupError(
                _(
                    "Refused: this archive holds a %(archived)s database; "
                    "the configured database is %(engine)s."
                )
                % {"archived": manifest.engine, "engine": engine}
            )
        unknown = _unknown_migrations(manifest)
        if unknown:
            raise BackupError(
                _(
                    "Refused: the archive comes from a newer version of Tabara (unknown "
                    "migrations: %(migrations)s). Upgrade Tabara first."
                )
                % {"migrations": ", ".join(unknown[:5])}
            )
        snapshot = work / DATABASE_MEMBERS[engine]
        (engines.restore_sqlite if engine == "sqlite" else engines.restore_postgres)(snapshot)
        if media is not None and (work / "media").is_dir():
            shutil.copytree(work / "media", media, dirs_exist_ok=True)
    mismatches = restore_differences(manifest)
    if mismatches:
        raise BackupError(
            _("The restored database differs from the manifest: %(differences)s")
            % {"differences": "; ".join(mismatches)}
        )
    _restored_audit_check(manifest)
    _migrate_if_behind()
    audit_record(
        actor=None,
        action=AuditAction.BACKUP_RESTORED,
        extra={"created_at": manifest.created_at, "audit_head": manifest.audit_head},
    )
    return manifest


def _migrate_if_behind() -> None:
    """Bring an archive older than the code up to date, so that its restore can be audited.

    An archive from before the keyed audit chain has no column for the event that records
    the restore; `migrate` (the next step of docs/backup.md anyway) re-chains it under the
    audit key, on the record (audit migration 0004), and the restore is recorded after it.
    """
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)


def _restored_audit_check(manifest: Manifest) -> None:
    """The restored audit chain verifies and reaches the head the backup anchored."""
    if not manifest.audit_anchor:
        return  # an archive from before the keyed chain: `manage.py audit_verify` after migrate
    try:
        anchors = audit_anchors_read(manifest.audit_anchor)
    except AnchorError as exc:
        raise BackupError(
            _("The archive's audit anchor is refused: %(reason)s.") % {"reason": exc}
        ) from exc
    verdict = audit_chain_verify(anchors)
    if not verdict.ok:
        raise BackupError(
            _("The restored audit chain does not verify: %(reason)s.") % {"reason": verdict.reason}
        )


def restore_differences(manifest: Manifest) -> list[str]:
    """What differs between the configured database and the manifest (empty: identical)."""
    connection.close()
    live = engines.live_state()
    found = []
    if live["migrations"] != manifest.migrations:
        found.append("applied migrations")
    for table in sorted(set(live["tables"]) | set(manifest.tables)):
        expected, actual = manifest.tables.get(table), live["tables"].get(table)
        if expected != actual:
            found.append(f"{table}: {actual} rows, manifest {expected}")
    if live["audit_head"] != manifest.audit_head:
        found.append("audit chain head")
    return found
