"""The one place where the awareness programme hands an email to the notifications outbox."""

from __future__ import annotations

from tabara.notifications.models import Channel
from tabara.notifications.services import notification_enqueue


def email_enqueue(
    *, event_key: str, to: str, subject: str, body: str, headers: dict[str, str] | None = None
) -> bool:
    """Queue one email in the caller's transaction; False if this event already mailed `to`."""
    queued = notification_enqueue(
        event_key=event_key,
        channel=Channel.EMAIL,
        subject=subject,
        body=body,
        email=to,
        headers=headers,
    )
    return queued is not None
