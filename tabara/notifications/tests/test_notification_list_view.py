"""The in-app notification list: one's own notifications, marked read one by one."""

from __future__ import annotations

import pytest

from tabara.accounts.roles import Role
from tabara.notifications.models import Channel
from tabara.notifications.selectors import notification_unread_count
from tabara.notifications.services import notification_enqueue

pytestmark = pytest.mark.django_db


def test_list_and_mark_read(staff_client) -> None:
    client, user = staff_client(Role.ANALYST)
    notification = notification_enqueue(
        event_key="e", channel=Channel.IN_APP, subject="Overdue referral", body="B", user=user
    )
    assert notification is not None
    assert "Overdue referral" in client.get("/en/staff/notifications/").content.decode()
    response = client.post("/en/staff/notifications/", {"id": str(notification.pk)})
    assert response.status_code == 302
    assert notification_unread_count(user) == 0
