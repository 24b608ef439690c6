"""notification_deliver and the sweep: claim, send, retry with backoff, recover lost leases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from tabara.notifications.backoff import LEASE, MAX_ATTEMPTS, retry_delay
from tabara.notifications.models import Channel, Notification, NotificationStatus
from tabara.notifications.services import (
    notification_deliver,
    notification_enqueue,
    notifications_due,
    notifications_sweep,
)
from tabara.notifications.tasks import notification_deliver_task, notifications_sweep_task

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def sms(event_key: str = "e1", phone: str = "+250788000111") -> Notification:
    notification = notification_enqueue(
        event_key=event_key, channel=Channel.SMS, subject="", body="Referral overdue", phone=phone
    )
    assert notification is not None
    return notification


def refreshed(notification: Notification) -> Notification:
    notification.refresh_from_db()
    return notification


def test_email_is_sent_once_with_its_headers() -> None:
    notification = notification_enqueue(
        event_key="newsletter:7",
        channel=Channel.EMAIL,
        subject="Amakuru",
        body="Hello",
        email="reader@example.org",
        headers={"List-Unsubscribe": "<https://tabara.invalid/u/abc>"},
    )
    assert notification is not None
    assert notification_deliver(notification_id=notification.pk) is True
    assert notification_deliver(notification_id=notification.pk) is False
    [message] = mail.outbox
    assert message.to == ["reader@example.org"] and message.subject == "Amakuru"
    assert message.extra_headers["List-Unsubscribe"] == "<https://tabara.invalid/u/abc>"
    assert refreshed(notification).status == NotificationStatus.SENT


def test_sms_failure_is_retried_with_exponential_backoff(fake_sms) -> None:
    fake_sms.fail_first = 2
    with time_machine.travel(T0, tick=False) as clock:
        notification = sms()
        assert notification_deliver(notification_id=notification.pk) is False
        assert refreshed(notification).next_attempt_at == T0 + retry_delay(1)
        assert notifications_due() == []
        clock.shift(retry_delay(1))
        assert notifications_sweep() == 0
        assert refreshed(notification).next_attempt_at == T0 + retry_delay(1) + retry_delay(2)
        assert retry_delay(2) == 2 * retry_delay(1)
        clock.shift(retry_delay(2))
        assert notifications_sweep() == 1
    notification = refreshed(notification)
    assert (notification.status, notification.attempts) == (NotificationStatus.SENT, 3)
    assert notification.provider_id.startswith("ATXid_")
    assert [m.to for m in fake_sms.messages] == [["+250788000111"]]


def test_after_the_last_attempt_it_is_marked_failed(settings) -> None:
    settings.USE_AFRICASTALKING = False
    with time_machine.travel(T0, tick=False) as clock:
        notification = sms()
        for _ in range(MAX_ATTEMPTS):
            notification_deliver(notification_id=notification.pk)
            clock.shift(timedelta(hours=2))
    notification = refreshed(notification)
    assert notification.status == NotificationStatus.FAILED
    assert notification.attempts == MAX_ATTEMPTS and "USE_AFRICASTALKING" in notification.last_error
    assert retry_delay(30) == timedelta(hours=1)


def test_a_lost_lease_is_picked_up_by_the_sweep(fake_sms) -> None:
    with time_machine.travel(T0, tick=False) as clock:
        notification = sms()
        # A worker claimed it and died before sending.
        Notification.objects.filter(pk=notification.pk).update(
            status=NotificationStatus.SENDING, lease_until=T0 + LEASE, attempts=1
        )
        assert notifications_sweep() == 0  # the lease still holds: nobody else sends
        clock.shift(LEASE + timedelta(seconds=1))
        assert notifications_sweep() == 1
    assert len(fake_sms.messages) == 1 and refreshed(notification).attempts == 2


def test_tasks_and_command_deliver(fake_sms, settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    first, second = sms("a"), sms("b")
    assert notification_deliver_task.call(first.pk) is True
    assert notifications_sweep_task.call() == 1
    third = sms("c")
    call_command("notifications_deliver", verbosity=0)
    assert {refreshed(n).status for n in (first, second, third)} == {NotificationStatus.SENT}
