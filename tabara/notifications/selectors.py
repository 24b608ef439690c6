"""Reads of the outbox: a user's in-app notifications."""

from __future__ import annotations

from django.db.models import QuerySet

from tabara.accounts.models import User
from tabara.notifications.models import Channel, Notification


def notification_list_for_user(user: User) -> QuerySet[Notification]:
    """The user's own in-app notifications, newest first; nobody sees anyone else's."""
    return Notification.objects.filter(user=user, channel=Channel.IN_APP).order_by(
        "-created_at", "-id"
    )


def notification_unread_count(user: User) -> int:
    """How many of the user's in-app notifications are unread."""
    return notification_list_for_user(user).filter(read_at__isnull=True).count()
