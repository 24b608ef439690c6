"""Re-chain the existing audit events under the audit key (before the triggers exist).

The first chain was unkeyed SHA-256 and did not cover the actor's id or organization.
This migration checks that old chain, then rewrites every event's sequence number,
organization, key id and keyed hash in order, and moves the head. It must run before
0005 installs the append-only triggers: afterwards no row can be rewritten. If there were
events, it appends one more (`audit_chain_keyed`) saying how many were re-chained and
whether the old chain was intact, so that the re-chaining itself is on the record.
"""

from datetime import UTC

from django.conf import settings
from django.db import migrations
from django.utils import timezone

from tabara.audit.chain import GENESIS, event_fields, event_mac, event_unkeyed_digest, key_id


def _old_chain_break(events):
    prev = GENESIS
    for event in events:
        if event.prev_hash != prev or event.hash != event_unkeyed_digest(event, prev):
            return event.pk
        prev = event.hash
    return None


def rechain(apps, schema_editor):
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChainHead = apps.get_model("audit", "AuditChainHead")
    User = apps.get_model("accounts", "User")
    events = list(AuditEvent.objects.order_by("id"))
    if not events:
        return
    keys = [k for k in getattr(settings, "TABARA_AUDIT_KEYS", []) if str(k).strip()]
    if not keys:
        raise RuntimeError("TABARA_AUDIT_KEYS is empty: set it before migrating (docs/deploy.md).")
    key = keys[0]
    broken = _old_chain_break(events)
    organizations = dict(User.objects.values_list("pk", "organization_id"))
    prev = GENESIS
    for seq, event in enumerate(events, start=1):
        event.seq = seq
        event.organization_id = organizations.get(event.actor_id)
        event.key_id = key_id(key)
        event.prev_hash = prev
        event.hash = event_mac(key, event_fields(event), prev)
        AuditEvent.objects.filter(pk=event.pk).update(
            seq=seq,
            organization_id=event.organization_id,
            key_id=event.key_id,
            prev_hash=prev,
            hash=event.hash,
        )
        prev = event.hash
    last = AuditEvent(
        seq=len(events) + 1,
        occurred_at=timezone.now().astimezone(UTC),
        actor_label="migration",
        action="audit_chain_keyed",  # AuditAction.AUDIT_CHAIN_KEYED
        extra={"events": len(events), "old_chain_intact": broken is None, "old_first_broken_id": broken},
        key_id=key_id(key),
        prev_hash=prev,
    )
    last.hash = event_mac(key, event_fields(last), prev)
    last.save()
    AuditChainHead.objects.update_or_create(pk=1, defaults={"seq": last.seq, "last_hash": last.hash})


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_keyed_chain_fields"),
    ]

    operations = [
        migrations.RunPython(rechain, migrations.RunPython.noop),
    ]
