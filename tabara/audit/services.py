"""Recording and verifying the audit log, and anchoring its head outside the database."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tabara.accounts.models import User
from tabara.audit.chain import (
    GENESIS,
    Anchor,
    anchor_line,
    anchors_parse,
    event_fields,
    event_mac,
    key_id,
    keyring,
)
from tabara.audit.models import AuditAction, AuditChainHead, AuditEvent

anchor_log = logging.getLogger("tabara.audit.anchor")


def audit_keys() -> list[str]:
    """TABARA_AUDIT_KEYS: the first makes new hashes and anchors, all verify."""
    keys = [str(k) for k in getattr(settings, "TABARA_AUDIT_KEYS", []) if str(k).strip()]
    if not keys:
        raise ImproperlyConfigured("TABARA_AUDIT_KEYS is empty: the audit chain cannot be keyed.")
    return keys


@transaction.atomic
def audit_record(
    *,
    actor: User | None,
    action: AuditAction,
    target_type: str = "",
    target_id: str | int = "",
    extra: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction, chained to the previous one.

    The chain head row is locked (SELECT ... FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE
    transactions serialise writers anyway), so concurrent appends form a single chain.
    """
    key = audit_keys()[0]
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(
        pk=1, defaults={"last_hash": GENESIS, "seq": 0}
    )
    event = AuditEvent(
        seq=head.seq + 1,
        occurred_at=timezone.now().astimezone(UTC),
        actor=actor,
        actor_label=actor.username if actor is not None else "anonymous",
        organization_id=actor.organization_id if actor is not None else None,
        action=str(action),
        target_type=target_type,
        target_id=str(target_id),
        extra=extra or {},
        key_id=key_id(key),
        prev_hash=head.last_hash,
    )
    event.hash = event_mac(key, event_fields(event), head.last_hash)
    event.save(force_insert=True)
    AuditChainHead.objects.filter(pk=head.pk).update(last_hash=event.hash, seq=event.seq)
    return event


@dataclass(frozen=True)
class ChainVerdict:
    """The result of verifying the chain: intact, or where it first breaks."""

    ok: bool
    checked: int
    first_broken_id: int | None = None
    reason: str = ""
    anchors: int = 0


def _anchor_check(by_seq: dict[int, list[Anchor]], event: AuditEvent) -> str:
    for anchor in by_seq.get(event.seq, []):
        if anchor.hash != event.hash:
            return _("it differs from the event anchored at sequence number %(seq)s") % {
                "seq": anchor.seq
            }
    return ""


def _event_problem(event: AuditEvent, seq: int, prev: str, keys: dict[str, str]) -> str:
    if event.seq != seq:
        return _("an event is missing before it (sequence number %(seq)s expected)") % {"seq": seq}
    if event.prev_hash != prev:
        return _("its link to the previous event is broken")
    key = keys.get(event.key_id)
    if key is None:
        return _("it is signed with an audit key that is not configured (%(key)s)") % {
            "key": event.key_id
        }
    if event.hash != event_mac(key, event_fields(event), prev):
        return _("its content does not match its keyed hash")
    return ""


def audit_chain_verify(anchors: Sequence[Anchor] = ()) -> ChainVerdict:
    """Recompute every keyed hash in order; name the first event that is wrong.

    With anchors (heads published outside the database), also fail when an anchored
    event is no longer in the chain (the newest events were removed) or differs.
    """
    keys = keyring(audit_keys())
    by_seq: dict[int, list[Anchor]] = {}
    for anchor in anchors:
        by_seq.setdefault(anchor.seq, []).append(anchor)
    prev, seq = GENESIS, 0
    for event in AuditEvent.objects.order_by("seq").iterator(chunk_size=2000):
        problem = _event_problem(event, seq + 1, prev, keys) or _anchor_check(by_seq, event)
        if problem:
            return ChainVerdict(False, seq, event.pk, problem, len(anchors))
        prev, seq = event.hash, event.seq
    reached = max(by_seq, default=0)
    if reached > seq:
        reason = _(
            "the chain ends at sequence number %(end)s but an anchor saw %(seq)s: "
            "the newest events were removed"
        ) % {"end": seq, "seq": reached}
        return ChainVerdict(False, seq, None, reason, len(anchors))
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != prev:
        reason = _("the chain head names an event that is gone: the newest events were removed")
        return ChainVerdict(False, seq, None, reason, len(anchors))
    return ChainVerdict(True, seq, anchors=len(anchors))


def audit_anchor_sign(seq: int, last_hash: str) -> str:
    """A signed anchor line saying that event `seq` had hash `last_hash`, now."""
    key = audit_keys()[0]
    at = timezone.now().astimezone(UTC).isoformat(timespec="seconds")
    return anchor_line(Anchor(seq=seq, hash=last_hash, at=at, key_id=key_id(key)), key)


def audit_anchor_current() -> str:
    """A signed line naming the current chain head, to keep outside the database."""
    head = AuditChainHead.objects.filter(pk=1).first()
    return audit_anchor_sign(head.seq, head.last_hash) if head else audit_anchor_sign(0, GENESIS)


def audit_anchors_read(text: str) -> list[Anchor]:
    """The anchors in `text`, checked against the configured keys (AnchorError if forged)."""
    return anchors_parse(text, keyring(audit_keys()))


def audit_anchor_publish() -> str:
    """Write the signed head line to the log (`tabara.audit.anchor`); return it."""
    line = audit_anchor_current()
    anchor_log.info("%s", line)
    return line
