"""The audit log is a keyed hash chain; verification names the first broken event.

Tampering is done as the schema's owner would (tamper.as_schema_owner drops the
append-only triggers first): nobody else can change or remove a row at all.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from tabara.accounts.tests.factories import OrganizationFactory
from tabara.audit.chain import GENESIS, event_unkeyed_digest
from tabara.audit.models import AuditAction, AuditChainHead, AuditEvent
from tabara.audit.services import audit_chain_verify, audit_record
from tabara.audit.tests.tamper import as_schema_owner

TEST_KEY = "test-only-audit-key-0123456789abcdef"  # config/django/test.py


def _five_events(actor=None) -> list[AuditEvent]:
    return [
        audit_record(
            actor=actor,
            action=AuditAction.REPORT_SUBMITTED,
            target_type="report",
            target_id=i,
            extra={"n": i},
        )
        for i in range(5)
    ]


@pytest.mark.django_db
def test_intact_chain_verifies_and_links_each_event_to_the_previous() -> None:
    events = _five_events()
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    verdict = audit_chain_verify()
    assert verdict.ok and verdict.checked == 5


@pytest.mark.django_db
def test_the_hash_is_the_documented_hmac_of_the_documented_encoding(make_staff) -> None:
    """docs/security.md, "Audit chain": a third party can recompute a hash from it alone."""
    user = make_staff()
    with time_machine.travel(datetime(2026, 1, 10, 12, 0, tzinfo=UTC), tick=False):
        event = audit_record(
            actor=user, action=AuditAction.CASE_VIEWED, target_type="case", target_id=7,
            extra={"b": "\u00e9", "a": 1},
        )  # fmt: skip
    kid = hashlib.sha256(b"tabara audit key id\x00" + TEST_KEY.encode()).hexdigest()[:16]
    message = (
        f'{{"action":"case_viewed","actor":[{user.pk},"{user.username}"],'
        '"at":"2026-01-10T12:00:00.000000+00:00","extra":{"a":1,"b":"\\u00e9"},'
        f'"key":"{kid}","organization":{user.organization_id},"prev":"{"0" * 64}","seq":1,'
        '"target":["case","7"],"v":2}'
    )
    subkey = hmac.new(TEST_KEY.encode(), b"tabara audit chain v2", "sha256").digest()
    assert event.key_id == kid
    assert event.hash == hmac.new(subkey, message.encode(), "sha256").hexdigest()


@pytest.mark.django_db
def test_edited_event_is_named_by_the_command() -> None:
    events = _five_events()
    with as_schema_owner():
        AuditEvent.objects.filter(pk=events[2].pk).update(extra={"n": 99})
    verdict = audit_chain_verify()
    assert not verdict.ok
    assert verdict.first_broken_id == events[2].pk
    with pytest.raises(CommandError, match=f"event {events[2].pk}"):
        call_command("audit_verify")


@pytest.mark.django_db
def test_changing_the_actor_or_the_organization_is_detected(make_staff) -> None:
    alice, bob = make_staff(), make_staff()
    events = _five_events(actor=alice)
    with as_schema_owner():  # the label still says alice: only the actor's id changes
        AuditEvent.objects.filter(pk=events[1].pk).update(actor=bob)
    assert audit_chain_verify().first_broken_id == events[1].pk
    with as_schema_owner():
        AuditEvent.objects.filter(pk=events[1].pk).update(actor=alice)
    assert audit_chain_verify().ok
    with as_schema_owner():
        AuditEvent.objects.filter(pk=events[3].pk).update(organization=OrganizationFactory())
    assert audit_chain_verify().first_broken_id == events[3].pk


@pytest.mark.django_db
def test_recomputing_every_hash_without_the_key_is_detected(make_staff) -> None:
    """The attack the unkeyed chain could not see: change an event, then re-hash them all."""
    alice, bob = make_staff(), make_staff()
    _five_events(actor=alice)
    with as_schema_owner():
        AuditEvent.objects.filter(seq=3).update(actor=bob, actor_label=bob.username)
        prev = GENESIS
        for event in AuditEvent.objects.order_by("seq"):
            digest = event_unkeyed_digest(event, prev)
            AuditEvent.objects.filter(pk=event.pk).update(prev_hash=prev, hash=digest)
            prev = digest
        AuditChainHead.objects.update(last_hash=prev)
    verdict = audit_chain_verify()
    assert not verdict.ok and verdict.checked == 0
    assert verdict.first_broken_id == AuditEvent.objects.get(seq=1).pk


@pytest.mark.django_db
def test_recomputing_with_a_guessed_key_is_detected() -> None:
    _five_events()
    guessed = "attacker-guess-0123456789abcdefghijk"
    with override_settings(TABARA_AUDIT_KEYS=[guessed]):
        forged = audit_record(actor=None, action=AuditAction.LOGIN)
    verdict = audit_chain_verify()
    assert not verdict.ok and verdict.first_broken_id == forged.pk
    assert "not configured" in verdict.reason


@pytest.mark.django_db
def test_deleted_event_is_named_as_missing() -> None:
    events = _five_events()
    with as_schema_owner():
        AuditEvent.objects.filter(pk=events[1].pk)._raw_delete(AuditEvent.objects.db)
    verdict = audit_chain_verify()
    assert verdict.first_broken_id == events[2].pk
    assert "missing" in verdict.reason


@pytest.mark.django_db
def test_truncating_the_newest_events_is_detected_by_the_head() -> None:
    events = _five_events()
    with as_schema_owner():
        AuditEvent.objects.filter(pk=events[-1].pk)._raw_delete(AuditEvent.objects.db)
    verdict = audit_chain_verify()
    assert not verdict.ok and "removed" in verdict.reason
    assert AuditChainHead.objects.get().last_hash == events[-1].hash


@pytest.mark.django_db
def test_rotated_key_verifies_while_the_retired_key_stays_configured() -> None:
    old, new = TEST_KEY, "rotated-audit-key-abcdefghijklmnopqrstuvwxyz"
    _five_events()
    with override_settings(TABARA_AUDIT_KEYS=[new, old]):
        audit_record(actor=None, action=AuditAction.LOGIN)
        assert audit_chain_verify().ok
        assert AuditEvent.objects.values("key_id").distinct().count() == 2
    with override_settings(TABARA_AUDIT_KEYS=[new]):
        verdict = audit_chain_verify()
    assert not verdict.ok and verdict.first_broken_id == AuditEvent.objects.get(seq=1).pk


@pytest.mark.django_db
def test_events_refuse_save_and_delete_in_the_model() -> None:
    event = _five_events()[0]
    event.action = AuditAction.LOGIN
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        event.delete()


@pytest.mark.django_db
def test_command_reports_an_intact_chain(capsys) -> None:
    _five_events()
    call_command("audit_verify")
    assert "5 events verified" in capsys.readouterr().out
