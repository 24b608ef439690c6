"""Hashing of audit events: pure functions shared by recording and verification."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


def event_digest(
    *,
    prev_hash: str,
    occurred_at: datetime,
    actor_label: str,
    action: str,
    target_type: str,
    target_id: str,
    extra: dict[str, Any],
) -> str:
    """SHA-256 over a canonical JSON of the event and the previous hash."""
    payload = json.dumps(
        {
            "prev": prev_hash,
            "at": occurred_at.isoformat(timespec="microseconds"),
            "actor": actor_label,
            "action": action,
            "target": [target_type, target_id],
            "extra": extra,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    )
    return hashlib.sha256(payload.encode("ascii")).hexdigest()
