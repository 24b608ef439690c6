"""The manifest of a backup: what a restore must find again, read from the snapshot itself."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 1
# Rows that a restore may add to what the archive held: the restore's own audit event.
AUDIT_TABLE = "audit_auditevent"
HEAD_TABLE = "audit_auditchainhead"

Query = Callable[[str], list[tuple[Any, ...]]]


@dataclass
class Manifest:
    """Schema version, row counts, checksums and the audit chain head of one snapshot."""

    created_at: str
    engine: str
    migrations: list[list[str]]
    tables: dict[str, int]
    audit_head: str
    audit_events: int
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    format: int = FORMAT
    # A signed anchor of the snapshot's audit head (tabara/audit/chain.py); a restore must
    # reach it. Empty in archives written before the audit chain was keyed.
    audit_anchor: str = ""

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), indent=1, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        raw = json.loads(data.decode("utf-8"))
        if raw.get("format") != FORMAT:
            raise ValueError(f"Unknown manifest format {raw.get('format')!r}.")
        return cls(**raw)


def database_state(
    query: Query, tables: Iterable[str], quote: Callable[[str], str]
) -> dict[str, Any]:
    """Migrations, row counts and audit head, read through one consistent view of a database."""
    names = sorted(tables)
    counts = {
        name: int(query(f"SELECT COUNT(*) FROM {quote(name)}")[0][0])  # noqa: S608 - names come from the catalogue
        for name in names
    }
    migrations = [
        [str(app), str(name)]
        for app, name in query("SELECT app, name FROM django_migrations ORDER BY app, name")
    ]
    head = ""
    if AUDIT_TABLE in counts:
        rows = query(f"SELECT hash FROM {quote(AUDIT_TABLE)} ORDER BY id DESC LIMIT 1")  # noqa: S608 - constant name
        head = str(rows[0][0]) if rows else ""
    return {
        "migrations": migrations,
        "tables": counts,
        "audit_head": head,
        "audit_events": counts.get(AUDIT_TABLE, 0),
    }


def file_digest(path: Path) -> dict[str, Any]:
    """SHA-256 and size of a file, read in blocks."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while block := handle.read(1024 * 1024):
            digest.update(block)
            size += len(block)
    return {"sha256": digest.hexdigest(), "size": size}
