"""Migration 0004 re-chains the events of the unkeyed chain under the key, on the record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tabara.audit.chain import GENESIS, event_digest_unkeyed
from tabara.audit.models import AuditEvent
from tabara.audit.services import audit_chain_verify

BEFORE = [("audit", "0002_awareness_actions")]


def _migrate(targets: list[tuple[str, str]]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor


def _old_chain(apps, actor_id: int) -> list[int]:
    """Three events as the first (unkeyed) chain wrote them."""
    event_model = apps.get_model("audit", "AuditEvent")
    prev, ids = GENESIS, []
    for n in range(3):
        fields: dict[str, Any] = {
            "occurred_at": datetime(2026, 11, 1, tzinfo=UTC) + timedelta(minutes=n),
            "actor_label": "officer",
            "action": "case_viewed",
            "target_type": "case",
            "target_id": str(n),
            "extra": {"n": n},
        }
        digest = event_digest_unkeyed(prev_hash=prev, **fields)
        ids.append(
            event_model.objects.create(actor_id=actor_id, prev_hash=prev, hash=digest, **fields).pk
        )
        prev = digest
    apps.get_model("audit", "AuditChainHead").objects.create(pk=1, last_hash=prev)
    return ids


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("tampered", [False, True])
def test_old_events_are_rechained_and_the_rechaining_is_recorded(make_staff, tampered) -> None:
    actor = make_staff()
    executor = _migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    ids = _old_chain(apps, actor.pk)
    if tampered:  # no triggers before 0005: an old edit is still possible here
        apps.get_model("audit", "AuditEvent").objects.filter(pk=ids[1]).update(target_id="9")
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    events = list(AuditEvent.objects.order_by("seq"))
    assert [e.seq for e in events] == [1, 2, 3, 4]
    assert [e.organization_id for e in events[:3]] == [actor.organization_id] * 3
    assert events[3].action == "audit_chain_keyed"
    assert events[3].extra == {
        "events": 3,
        "old_chain_intact": not tampered,
        "old_first_broken_id": ids[1] if tampered else None,
    }
    assert audit_chain_verify().ok
