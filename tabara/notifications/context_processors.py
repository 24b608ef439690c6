"""The unread count in the staff header."""

from __future__ import annotations

from django.http import HttpRequest

from tabara.accounts.access import verified_staff
from tabara.notifications.selectors import notification_unread_count


def unread_notifications(request: HttpRequest) -> dict[str, int]:
    """How many in-app notifications the signed-in staff member has not read (one query)."""
    user = verified_staff(request)
    if user is None:
        return {}
    return {"unread_notifications": notification_unread_count(user)}
