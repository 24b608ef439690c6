"""Keyed hashing of audit events and signed anchors of the chain head: pure functions.

Every event's `hash` is HMAC-SHA256, under a key kept outside the database
(TABARA_AUDIT_KEYS), of a canonical JSON of every field of the event and the previous
event's hash. Without the key nobody can recompute the chain after changing an event.
An anchor is a signed line naming the chain head (sequence number and hash) at a moment;
kept outside the database (log, file), it shows when the newest events were removed.
Each key has a public id (a hash of the key) stored with every event and anchor, so that
the chain verifies across key rotations while the retired keys stay configured.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64
CHAIN_PURPOSE = b"tabara audit chain v2"
ANCHOR_PURPOSE = b"tabara audit anchor v1"
ANCHOR_MARK = "tabara-audit-anchor/1"
_ANCHOR = re.compile(
    re.escape(ANCHOR_MARK) + r" seq=(?P<seq>\d+) hash=(?P<hash>[0-9a-f]{64}) "
    r"at=(?P<at>\S+) key=(?P<key>[0-9a-f]{16}) mac=(?P<mac>[0-9a-f]{64})(?:\s|$)"
)


class AnchorError(ValueError):
    """A line that claims to be an anchor but is malformed or not signed by a known key."""


KEY_MIN_LENGTH = 32


def audit_key_check(key: str) -> str:
    """Refuse (ValueError) a key too short or too repetitive to be a random secret."""
    if len(key) < KEY_MIN_LENGTH or len(set(key)) < 10:
        raise ValueError(
            f"use at least {KEY_MIN_LENGTH} random characters (docs/deploy.md generates one)"
        )
    return key


def key_id(key: str) -> str:
    """The public name of an audit key: 16 hex digits of a hash of it."""
    return hashlib.sha256(b"tabara audit key id\x00" + key.encode("utf-8")).hexdigest()[:16]


def keyring(keys: list[str]) -> dict[str, str]:
    """Key id -> key, for every configured key (current and retired)."""
    return {key_id(key): key for key in keys}


def _subkey(key: str, purpose: bytes) -> bytes:
    return hmac.new(key.encode("utf-8"), purpose, hashlib.sha256).digest()


@dataclass(frozen=True)
class EventFields:
    """Everything an audit event says; all of it is covered by the event's hash."""

    seq: int
    occurred_at: datetime
    actor_id: int | None
    actor_label: str
    organization_id: int | None
    action: str
    target_type: str
    target_id: str
    extra: dict[str, Any]
    key_id: str


def event_fields(event: Any) -> EventFields:
    """The hashed fields of a stored event (the model or a migration's historical model)."""
    return EventFields(
        seq=event.seq,
        occurred_at=event.occurred_at.astimezone(UTC),
        actor_id=event.actor_id,
        actor_label=event.actor_label,
        organization_id=event.organization_id,
        action=event.action,
        target_type=event.target_type,
        target_id=event.target_id,
        extra=event.extra,
        key_id=event.key_id,
    )


def event_canonical(fields: EventFields, prev_hash: str) -> bytes:
    """One byte string per event: sorted-key JSON, ASCII only, times in UTC microseconds."""
    payload = {
        "v": 2,
        "seq": fields.seq,
        "prev": prev_hash,
        "at": fields.occurred_at.isoformat(timespec="microseconds"),
        "actor": [fields.actor_id, fields.actor_label],
        "organization": fields.organization_id,
        "action": fields.action,
        "target": [fields.target_type, fields.target_id],
        "extra": fields.extra,
        "key": fields.key_id,
    }
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode(
        "ascii"
    )


def event_mac(key: str, fields: EventFields, prev_hash: str) -> str:
    """HMAC-SHA256 of the canonical event under the chain subkey of `key`."""
    mac = hmac.new(_subkey(key, CHAIN_PURPOSE), event_canonical(fields, prev_hash), "sha256")
    return mac.hexdigest()


def event_digest_unkeyed(
    *,
    prev_hash: str,
    occurred_at: datetime,
    actor_label: str,
    action: str,
    target_type: str,
    target_id: str,
    extra: dict[str, Any],
) -> str:
    """The first chain's hash (unkeyed SHA-256, no actor id, no organization).

    Kept only so that the migration to the keyed chain can check the old chain before
    re-chaining it, and so that tests can show an attacker's recomputed chain is refused.
    """
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


def event_unkeyed_digest(event: Any, prev_hash: str) -> str:
    """event_digest_unkeyed of a stored event, as the first chain computed it."""
    return event_digest_unkeyed(
        prev_hash=prev_hash,
        occurred_at=event.occurred_at.astimezone(UTC),
        actor_label=event.actor_label,
        action=event.action,
        target_type=event.target_type,
        target_id=event.target_id,
        extra=event.extra,
    )


@dataclass(frozen=True)
class Anchor:
    """The chain head at a moment: event `seq` had hash `hash`; signed with key `key_id`."""

    seq: int
    hash: str
    at: str
    key_id: str


def _anchor_body(anchor: Anchor) -> str:
    return f"{ANCHOR_MARK} seq={anchor.seq} hash={anchor.hash} at={anchor.at} key={anchor.key_id}"


def anchor_line(anchor: Anchor, key: str) -> str:
    """The signed line: `tabara-audit-anchor/1 seq=.. hash=.. at=.. key=.. mac=..`."""
    body = _anchor_body(anchor)
    mac = hmac.new(_subkey(key, ANCHOR_PURPOSE), body.encode("ascii"), "sha256").hexdigest()
    return f"{body} mac={mac}"


def anchors_parse(text: str, keys: dict[str, str]) -> list[Anchor]:
    """Every anchor in `text` (a file of anchors, or a log that carries them among other lines).

    Raises AnchorError for a line that names the anchor mark but is malformed, is signed
    with a key that is not configured, or whose signature does not match.
    """
    anchors = []
    for number, line in enumerate(text.splitlines(), start=1):
        if ANCHOR_MARK not in line:
            continue
        found = _ANCHOR.search(line)
        if found is None:
            raise AnchorError(f"line {number} is not a well-formed anchor")
        anchor = Anchor(int(found["seq"]), found["hash"], found["at"], found["key"])
        key = keys.get(anchor.key_id)
        if key is None:
            raise AnchorError(f"line {number} is signed with an unknown key {anchor.key_id}")
        expected = anchor_line(anchor, key).rsplit(" mac=", 1)[1]
        if not hmac.compare_digest(expected, found["mac"]):
            raise AnchorError(f"line {number} has a signature that does not match")
        anchors.append(anchor)
    return anchors
