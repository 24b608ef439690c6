"""Recording and verifying the audit log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.db import transaction
from django.utils import timezone

from tabara.accounts.models import User
from tabara.audit.chain import GENESIS, event_digest
from tabara.audit.models import AuditAction, AuditChainHead, AuditEvent


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
    head, _created = AuditChainHead.objects.select_for_update().get_or_create(
        pk=1, defaults={"last_hash": GENESIS}
    )
    occurred_at = timezone.now().astimezone(UTC)
    label = actor.username if actor is not None else "anonymous"
    fields = {
        "occurred_at": occurred_at,
        "actor_label": label,
        "action": str(action),
        "target_type": target_type,
        "target_id": str(target_id),
        "extra": extra or {},
    }
    digest = event_digest(prev_hash=head.last_hash, **fields)  # type: ignore[arg-type]
    event = AuditEvent.objects.create(actor=actor, prev_hash=head.last_hash, hash=digest, **fields)
    AuditChainHead.objects.filter(pk=head.pk).update(last_hash=digest)
    return event


@dataclass(frozen=True)
class ChainVerdict:
    """The result of verifying the chain: intact, or where it first breaks."""

    ok: bool
    checked: int
    first_broken_id: int | None = None
    reason: str = ""


def audit_chain_verify() -> ChainVerdict:
    """Recompute every hash in order; name the first event whose content or link is wrong."""
    prev = GENESIS
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        expected = event_digest(
            prev_hash=prev,
            occurred_at=event.occurred_at.astimezone(UTC),
            actor_label=event.actor_label,
            action=event.action,
            target_type=event.target_type,
            target_id=event.target_id,
            extra=event.extra,
        )
        if event.prev_hash != prev:
            return ChainVerdict(False, checked, event.pk, "link to the previous event is broken")
        if event.hash != expected:
            return ChainVerdict(False, checked, event.pk, "content does not match its hash")
        prev = event.hash
        checked += 1
    head = AuditChainHead.objects.filter(pk=1).first()
    if head is not None and head.last_hash != prev:
        return ChainVerdict(False, checked, None, "the newest events were removed")
    return ChainVerdict(True, checked)
