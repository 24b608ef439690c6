"""The audit log is a hash chain; verification names the first broken event."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tabara.audit.models import AuditAction, AuditChainHead, AuditEvent
from tabara.audit.services import audit_chain_verify, audit_record


def _five_events() -> list[AuditEvent]:
    return [
        audit_record(
            actor=None,
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
    verdict = audit_chain_verify()
    assert verdict.ok and verdict.checked == 5


@pytest.mark.django_db
def test_edited_event_is_named_by_the_command() -> None:
    events = _five_events()
    AuditEvent.objects.filter(pk=events[2].pk).update(extra={"n": 99})
    verdict = audit_chain_verify()
    assert not verdict.ok
    assert verdict.first_broken_id == events[2].pk
    with pytest.raises(CommandError, match=f"event {events[2].pk}"):
        call_command("audit_verify")


@pytest.mark.django_db
def test_deleted_event_breaks_the_link_of_the_next_one() -> None:
    events = _five_events()
    AuditEvent.objects.filter(pk=events[1].pk)._raw_delete(AuditEvent.objects.db)
    verdict = audit_chain_verify()
    assert verdict.first_broken_id == events[2].pk
    assert "link" in verdict.reason


@pytest.mark.django_db
def test_truncating_the_newest_events_is_detected() -> None:
    events = _five_events()
    AuditEvent.objects.filter(pk=events[-1].pk)._raw_delete(AuditEvent.objects.db)
    verdict = audit_chain_verify()
    assert not verdict.ok and "removed" in verdict.reason
    assert AuditChainHead.objects.get().last_hash == events[-1].hash


@pytest.mark.django_db
def test_events_refuse_update_and_delete() -> None:
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
