"""Alerts to staff about their cases, written to the outbox in the caller's transaction.

An alert names the case's reference and what to do, never its content: the case itself is
read in the application, where access is checked and audited.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.urls import reverse
from django.utils.translation import gettext as _

from tabara.accounts.models import User
from tabara.cases.models import Case
from tabara.notifications.models import Channel
from tabara.notifications.services import notification_enqueue


def alert_staff(*, users: Iterable[User | None], case: Case, event: str, subject: str) -> int:
    """Notify each distinct active user in-app and by email, once per event; return how many."""
    body = _("%(subject)s\nOpen: %(url)s") % {
        "subject": subject,
        "url": reverse("cases:detail", args=[case.pk]),
    }
    sent = 0
    seen: set[int] = set()
    for user in users:
        if user is None or not user.is_active or user.pk in seen:
            continue
        seen.add(user.pk)
        for channel in (Channel.IN_APP, Channel.EMAIL):
            made = notification_enqueue(
                event_key=event, channel=channel, subject=subject, body=body, user=user
            )
            sent += made is not None
    return sent
