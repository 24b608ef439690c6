"""Alerts to staff about their cases, written to the outbox in the caller's transaction.

An alert names the case's reference and what to do, never its content: the case itself is
read in the application, where access is checked and audited. Each reader gets it in the
language they chose, with an absolute link (tabara/notifications/texts.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from tabara.accounts.models import User
from tabara.cases.models import Case
from tabara.notifications.services import staff_notify
from tabara.notifications.texts import Link, Text

BODY = _("%(subject)s\nOpen: %(url)s")


def alert_staff(*, users: Iterable[User | None], case: Case, event: str, subject: Text) -> int:
    """Notify each distinct active user in-app and by email, once per event; return how many."""
    body = Text(BODY, {"subject": subject, "url": Link("cases:detail", (case.pk,))})
    sent = 0
    seen: set[int] = set()
    for user in users:
        if user is None or not user.is_active or user.pk in seen:
            continue
        seen.add(user.pk)
        sent += staff_notify(user=user, event_key=event, subject=subject, body=body)
    return sent
