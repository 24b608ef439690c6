"""The staff header counts one's own unread in-app notifications, and only those."""

from __future__ import annotations

import re

import pytest

from tabara.accounts.roles import Role
from tabara.notifications.models import Channel
from tabara.notifications.services import notification_enqueue

pytestmark = pytest.mark.django_db
COUNT = re.compile(r'id="unread">[^<]*<span class="count"[^>]*>(\d+)</span>')


def unread_in_header(client) -> str | None:
    match = COUNT.search(client.get("/en/staff/notifications/").content.decode())
    return match.group(1) if match else None


def test_the_header_counts_unread_notifications_until_they_are_read(staff_client) -> None:
    client, user = staff_client(Role.CASE_WORKER)
    _other_client, other = staff_client(Role.CASE_WORKER)
    assert unread_in_header(client) is None
    ids = []
    for n in range(3):
        mine = notification_enqueue(
            event_key=f"e{n}", channel=Channel.IN_APP, subject="S", body="B", user=user
        )
        assert mine is not None
        ids.append(mine.pk)
    notification_enqueue(event_key="x", channel=Channel.IN_APP, subject="S", body="B", user=other)
    notification_enqueue(event_key="e9", channel=Channel.EMAIL, subject="S", body="B", user=user)
    assert unread_in_header(client) == "3"
    client.post("/en/staff/notifications/", {"id": str(ids[0])})
    assert unread_in_header(client) == "2"
