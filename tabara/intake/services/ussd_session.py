"""USSD session state kept in the database, so a worker restart mid-session loses nothing.

A row goes live -> ended (its report sent or the menu closed: only the last reply is
kept, for gateway retries) or live -> dropped (the gateway's end-of-session notice said
Incomplete or Failed: the state is kept so the phone can resume) -> taken (a later session
of the same phone took the report over). Rows are found by a keyed hash of the sessionId.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from tabara.core.crypto import keyed_hash
from tabara.core.phones import phone_hash
from tabara.intake.models import UssdLanguage, UssdSession
from tabara.intake.ussd.menu import resumable

Phase = UssdSession.Phase


@dataclass(frozen=True)
class UssdProgress:
    """How far a session has got: phase, menu state, inputs consumed, and the last exchange."""

    phase: str
    state: dict[str, Any]
    hops: int
    last_text_hash: str
    last_reply: str


def ussd_text_hash(text: str) -> str:
    """Keyed, because `text` can hold a receipt typed on the follow-up screen."""
    return keyed_hash(text, purpose="ussd-text")


def ussd_session_key(session_id: str) -> str:
    """The keyed hash a session is stored under; also the source key of its report."""
    return keyed_hash(session_id, purpose="ussd-session")


def ussd_session_find(*, session_id: str) -> UssdProgress | None:
    """A session still remembered: live or dropped and not idle too long, or recently ended."""
    now = timezone.now()
    row = (
        UssdSession.objects.filter(_remembered(now), key=ussd_session_key(session_id))
        .only("row_uuid", "phase", "state", "hops", "last_text_hash", "last_reply")
        .first()
    )
    if row is None:
        return None
    return UssdProgress(
        row.phase, json.loads(row.state or "{}"), row.hops, row.last_text_hash, row.last_reply
    )


@transaction.atomic
def ussd_session_save(
    *,
    session_id: str,
    state: dict[str, Any],
    hops: int,
    text: str,
    reply: str,
    phone: str = "",
    ended: bool = False,
) -> None:
    """Store the state after a screen (an ended session keeps only its reply)."""
    now = timezone.now()
    fields = {
        "phone_hash": phone_hash(phone),
        "phase": Phase.ENDED if ended else Phase.LIVE,
        "state": "{}" if ended else json.dumps(state, separators=(",", ":")),
        "hops": hops,
        "last_text_hash": ussd_text_hash(text),
        "last_reply": reply,
        "updated_at": now,
    }
    key = ussd_session_key(session_id)
    row = UssdSession.objects.filter(key=key).only("pk", "row_uuid").first()
    if row is not None:  # saved, not update()d: the state is encrypted for this row
        for name, value in fields.items():
            setattr(row, name, value)
        row.save(update_fields=list(fields))
        return
    UssdSession.objects.exclude(_remembered(now)).delete()  # a new session clears out old ones
    UssdSession.objects.create(key=key, **fields)


@transaction.atomic
def ussd_session_end(*, session_id: str, status: str) -> None:
    """The gateway's end-of-session notice: keep a dropped report, forget a finished one.

    A session whose last screen ended it is already closed, and one taken over is left as
    it is, whatever the order in which notices and requests arrive. A session still live
    (its last screen asked for more) is closed on Success unless it holds an unfinished
    report; Incomplete, Failed, any undocumented status, and Success on a half-written
    report keep the state so that the phone can resume.
    """
    row = (
        UssdSession.objects.select_for_update()
        .filter(key=ussd_session_key(session_id), phase=Phase.LIVE)
        .only("row_uuid", "state")
        .first()
    )
    if row is None:
        return
    keep = status != "Success" or resumable(json.loads(row.state))
    if keep:
        UssdSession.objects.filter(pk=row.pk).update(phase=Phase.DROPPED)
    else:
        row.phase, row.state = Phase.ENDED, "{}"
        row.save(update_fields=["phase", "state"])  # encrypted for this row: saved


@transaction.atomic
def ussd_session_take_unfinished(*, phone: str, session_id: str) -> dict[str, Any] | None:
    """The latest report left half-way by this phone in another session, taken over once.

    Offered only when no other session of the phone is live: two live sessions carrying one
    report could both send it. A session counts as live until the gateway says it ended,
    or USSD_LIVE_SECONDS after its last screen. The row is marked taken in the same UPDATE
    that checks it is still free, so two new sessions cannot both take it.
    """
    hashed = phone_hash(phone)
    if not hashed:
        return None
    now = timezone.now()
    others = UssdSession.objects.filter(phone_hash=hashed).exclude(key=ussd_session_key(session_id))
    live_since = now - timedelta(seconds=settings.USSD_LIVE_SECONDS)
    if others.filter(phase=Phase.LIVE, updated_at__gte=live_since).exists():
        return None
    free = Q(phase=Phase.DROPPED) | Q(phase=Phase.LIVE, updated_at__lt=live_since)
    candidates = others.filter(free, updated_at__gte=now - _idle())
    for row in candidates.order_by("-updated_at", "-id").only("row_uuid", "state")[:3]:
        state: dict[str, Any] = json.loads(row.state or "{}")
        if resumable(state) and UssdSession.objects.filter(free, pk=row.pk).update(
            phase=Phase.TAKEN, state="", updated_at=now
        ):
            # Claimed by that UPDATE; the encrypted state is written with its row, in the
            # same transaction, to say in it where the report went.
            row.state = json.dumps({"lang": state.get("lang", "")})
            row.save(update_fields=["state"])
            return state
    return None


def ussd_language_of(*, phone: str) -> str:
    """The language this phone last chose ("" when it never chose)."""
    hashed = phone_hash(phone)
    if not hashed:
        return ""
    found = UssdLanguage.objects.filter(phone_hash=hashed).values_list("language", flat=True)
    return next(iter(found), "")


@transaction.atomic
def ussd_language_remember(*, phone: str, language: str) -> None:
    """Store the language this phone chose, under the phone's keyed hash only."""
    hashed = phone_hash(phone)
    if not hashed:
        return
    try:
        with transaction.atomic():
            UssdLanguage.objects.update_or_create(
                phone_hash=hashed, defaults={"language": language}
            )
    except IntegrityError:  # two sessions of one phone chose at once; either choice will do
        return


def _remembered(now: datetime) -> Q:
    keep = timedelta(seconds=settings.USSD_REPLY_KEEP_SECONDS)
    return Q(phase=Phase.ENDED, updated_at__gte=now - keep) | Q(
        ~Q(phase=Phase.ENDED), updated_at__gte=now - _idle()
    )


def _idle() -> timedelta:
    return timedelta(seconds=settings.USSD_SESSION_IDLE_SECONDS)
