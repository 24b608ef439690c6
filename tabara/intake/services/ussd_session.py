"""USSD session state kept in the database, so a worker restart mid-session loses nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tabara.core.crypto import keyed_hash
from tabara.core.phones import phone_hash
from tabara.intake.models import UssdSession
from tabara.intake.ussd.menu import resumable


@dataclass(frozen=True)
class UssdProgress:
    """How far a session has got: menu state, inputs consumed, and the last exchange."""

    state: dict[str, Any]
    hops: int
    last_text_hash: str
    last_reply: str


def ussd_text_hash(text: str) -> str:
    """Keyed, because `text` can hold a receipt typed on the follow-up screen."""
    return keyed_hash(text, purpose="ussd-text")


def ussd_session_find(*, session_id: str) -> UssdProgress | None:
    """The progress of a live session; None if unknown or idle for too long."""
    row = (
        UssdSession.objects.filter(key=_key(session_id), updated_at__gte=timezone.now() - _idle())
        .only("row_uuid", "state", "hops", "last_text_hash", "last_reply")
        .first()
    )
    if row is None:
        return None
    return UssdProgress(json.loads(row.state), row.hops, row.last_text_hash, row.last_reply)


@transaction.atomic
def ussd_session_save(
    *, session_id: str, state: dict[str, Any], hops: int, text: str, reply: str, phone: str = ""
) -> None:
    """Store the state after a screen; a new session also clears out expired ones."""
    now = timezone.now()
    fields = {
        "phone_hash": phone_hash(phone),
        "state": json.dumps(state, separators=(",", ":")),
        "hops": hops,
        "last_text_hash": ussd_text_hash(text),
        "last_reply": reply,
        "updated_at": now,
    }
    row = UssdSession.objects.filter(key=_key(session_id)).only("pk", "row_uuid").first()
    if row is not None:  # saved, not update()d: the state is encrypted for this row
        for name, value in fields.items():
            setattr(row, name, value)
        row.save(update_fields=list(fields))
        return
    UssdSession.objects.filter(updated_at__lt=now - _idle()).delete()
    UssdSession.objects.create(key=_key(session_id), **fields)


@transaction.atomic
def ussd_session_take_unfinished(*, phone: str, session_id: str) -> dict[str, Any] | None:
    """The latest live report left half-way by this phone in another session, taken once.

    A 2G connection drops; the person dials again and should not have to start over. The
    row is deleted as it is offered, so a report can be resumed (and sent) only once.
    """
    hashed = phone_hash(phone)
    if not hashed:
        return None
    rows = UssdSession.objects.filter(
        phone_hash=hashed, updated_at__gte=timezone.now() - _idle()
    ).exclude(key=_key(session_id))
    for row in rows.order_by("-updated_at", "-id").only("row_uuid", "state")[:3]:
        state: dict[str, Any] = json.loads(row.state)
        if resumable(state):
            UssdSession.objects.filter(pk=row.pk).delete()
            return state
    return None


@transaction.atomic
def ussd_session_end(*, session_id: str) -> None:
    """Forget a finished session (its last screen may have shown a receipt)."""
    UssdSession.objects.filter(key=_key(session_id)).delete()


def _key(session_id: str) -> str:
    return keyed_hash(session_id, purpose="ussd-session")


def _idle() -> timedelta:
    return timedelta(seconds=settings.USSD_SESSION_IDLE_SECONDS)
