"""notification_enqueue: written with its cause, once per event and recipient."""

from __future__ import annotations

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from tabara.notifications.models import Channel, Notification, NotificationStatus
from tabara.notifications.selectors import notification_list_for_user, notification_unread_count
from tabara.notifications.services import notification_enqueue, notification_mark_read

pytestmark = pytest.mark.django_db


def enqueue(**overrides):
    fields = {
        "event_key": "referral:1:sent",
        "channel": Channel.EMAIL,
        "subject": "New referral",
        "body": "A case was referred to you.",
        "email": "case.worker@example.org",
    }
    return notification_enqueue(**{**fields, **overrides})


def test_twice_for_the_same_event_and_recipient_writes_one_row() -> None:
    assert enqueue() is not None
    assert enqueue() is None
    assert enqueue(email="CASE.worker@example.org ") is None  # same address, other spelling
    assert enqueue(event_key="referral:1:overdue") is not None
    assert enqueue(channel=Channel.SMS, phone="+250788000111") is not None
    assert Notification.objects.count() == 3


def test_delivery_is_scheduled_only_after_commit(django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notification = enqueue()
        assert DBTaskResult.objects.count() == 0
    assert len(callbacks) == 1
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["args"] == [notification.pk]


def test_a_rolled_back_cause_leaves_no_notification() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue()
        raise RuntimeError("the change that caused it failed")
    assert Notification.objects.count() == 0


def test_identifying_fields_are_encrypted_at_rest() -> None:
    enqueue(channel=Channel.SMS, phone="+250788000111")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT phone, body FROM notifications_notification")
        phone, body = cursor.fetchone()
    assert "250788" not in phone and "referred" not in body


def test_without_an_address_nothing_is_written(make_staff) -> None:
    user = make_staff()
    user.email = ""
    assert enqueue(email="") is None
    assert enqueue(channel=Channel.SMS) is None
    assert enqueue(channel=Channel.IN_APP) is None
    assert enqueue(email="", user=user) is None


def test_in_app_is_visible_at_once_and_only_to_its_user(make_staff) -> None:
    user, other = make_staff(), make_staff()
    notification = enqueue(channel=Channel.IN_APP, user=user)
    assert notification.status == NotificationStatus.SENT
    assert list(notification_list_for_user(user)) == [notification]
    assert not notification_list_for_user(other).exists()
    assert notification_unread_count(user) == 1
    notification_mark_read(user=other, notification_id=notification.pk)
    assert notification_unread_count(user) == 1
    notification_mark_read(user=user, notification_id=notification.pk)
    assert notification_unread_count(user) == 0


def test_a_user_recipient_gets_their_own_email(make_staff) -> None:
    user = make_staff()
    user.email = "aline@example.org"
    notification = enqueue(email="", user=user)
    assert notification.email == "aline@example.org"
    assert notification.recipient_key == f"user:{user.pk}"
