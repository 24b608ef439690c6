"""The outbox: enqueue a notification with its cause, deliver it after commit, at most once.

`notification_enqueue` is called inside the caller's transaction. Delivery runs in the
task worker: it claims a row (pending → sending, with a lease and an attempt counter) in
one UPDATE, so two workers never send the same notification, then sends and marks it
sent. A worker that dies mid-delivery leaves a lease that expires; the periodic sweep
(`manage.py notifications_deliver`) picks the row up again.
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from tabara.accounts.models import User
from tabara.core.crypto import keyed_hash
from tabara.core.phones import phone_normalise
from tabara.notifications.africastalking import SmsGatewayError, send_sms
from tabara.notifications.backoff import LEASE, MAX_ATTEMPTS, retry_delay
from tabara.notifications.models import Channel, Notification, NotificationStatus
from tabara.notifications.texts import Text

logger = logging.getLogger(__name__)


def _recipient_key(*, user: User | None, channel: Channel, email: str, phone: str) -> str:
    if user is not None:
        return f"user:{user.pk}"
    if channel == Channel.SMS:
        return phone_recipient_key(phone)
    return "email:" + keyed_hash(email.strip().lower(), purpose="notification-email")


def phone_recipient_key(phone: str) -> str:
    """The recipient key of SMS to one phone, whatever way the number was written."""
    number = phone_normalise(phone) or phone.strip()
    return "phone:" + keyed_hash(number, purpose="notification-phone")


class SmsRefused(SmsGatewayError):
    """The gateway refused a message for good (e.g. InvalidPhoneNumber): never retried."""


def _schedule(notification_id: int) -> None:
    from tabara.notifications.tasks import notification_deliver_task

    notification_deliver_task.enqueue(notification_id)


@transaction.atomic
def notification_enqueue(
    *,
    event_key: str,
    channel: Channel,
    subject: str,
    body: str,
    user: User | None = None,
    email: str = "",
    phone: str = "",
    headers: dict[str, str] | None = None,
) -> Notification | None:
    """Write one message to the outbox in the caller's transaction; deliver it after commit.

    Returns None (and writes nothing) when the same event already notified the same
    recipient on this channel, or when there is no address to send to. In-app
    notifications need a user and are visible at once.
    """
    if user is not None and channel == Channel.EMAIL and not email:
        email = user.email
    if (
        (channel == Channel.EMAIL and not email)
        or (channel == Channel.SMS and not phone)
        or (channel == Channel.IN_APP and user is None)
    ):
        return None
    recipient_key = _recipient_key(user=user, channel=channel, email=email, phone=phone)
    now = timezone.now()
    in_app = channel == Channel.IN_APP
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                event_key=event_key,
                channel=channel,
                recipient_key=recipient_key,
                user=user,
                email=email,
                phone=phone,
                subject=subject,
                body=body,
                headers=headers or {},
                next_attempt_at=now,
                status=NotificationStatus.SENT if in_app else NotificationStatus.PENDING,
                sent_at=now if in_app else None,
            )
    except IntegrityError:
        return None
    if not in_app:
        pk = notification.pk
        transaction.on_commit(lambda: _schedule(pk), robust=True)
    return notification


def staff_notify(
    *,
    user: User,
    event_key: str,
    subject: Text,
    body: Text,
    channels: tuple[Channel, ...] = (Channel.IN_APP, Channel.EMAIL),
) -> int:
    """Alert one staff member in the language they chose; return how many messages were queued.

    Runs in the caller's transaction like notification_enqueue (same once-per-event rule).
    """
    language = user.language
    queued = 0
    for channel in channels:
        notification = notification_enqueue(
            event_key=event_key,
            channel=channel,
            subject=subject.render(language),
            body=body.render(language),
            user=user,
        )
        queued += notification is not None
    return queued


def _claim(notification_id: int, now: datetime) -> Notification | None:
    claimable = Q(status=NotificationStatus.PENDING, next_attempt_at__lte=now) | Q(
        status=NotificationStatus.SENDING, lease_until__lt=now
    )
    claimed = Notification.objects.filter(claimable, pk=notification_id).update(
        status=NotificationStatus.SENDING, lease_until=now + LEASE, attempts=F("attempts") + 1
    )
    if not claimed:
        return None
    return Notification.objects.get(pk=notification_id)


def _send(notification: Notification) -> str:
    """Hand the message to its channel; return the provider's id. Raises on failure."""
    if notification.channel == Channel.SMS:
        results = send_sms(
            to=[notification.phone],
            message=notification.body,
            idempotency_key=notification.idempotency_key,
        )
        if any(result.permanent for result in results):
            raise SmsRefused(f"gateway refused for good: {[r.status for r in results]}")
        if not results or not all(result.ok for result in results):
            raise SmsGatewayError(f"gateway refused: {[r.status for r in results]}")
        return results[0].message_id
    message_id = f"<{notification.idempotency_key}@tabara.invalid>"
    EmailMessage(
        subject=notification.subject,
        body=notification.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.email],
        headers={**notification.headers, "Message-ID": message_id},
    ).send(fail_silently=False)
    return message_id


def notification_deliver(*, notification_id: int) -> bool:
    """Claim, send and mark one notification; True when this call delivered it.

    Runs outside any transaction: the claim and the final mark are single UPDATEs, and the
    send happens between them without holding a lock. A failure schedules a retry with
    exponential backoff; after MAX_ATTEMPTS the notification is marked failed.
    """
    now = timezone.now()
    notification = _claim(notification_id, now)
    if notification is None:
        return False
    if notification.channel == Channel.SMS and not notification.phone:  # number erased (STOP)
        Notification.objects.filter(pk=notification_id).update(
            status=NotificationStatus.CANCELLED, lease_until=None
        )
        return False
    mine = Notification.objects.filter(
        pk=notification_id,
        status=NotificationStatus.SENDING,
        attempts=notification.attempts,
    )
    try:
        provider_id = _send(notification)
    except Exception as exc:  # any failure of the outside world is retried
        logger.warning("notification %s attempt %s failed", notification_id, notification.attempts)
        give_up = notification.attempts >= MAX_ATTEMPTS or isinstance(exc, SmsRefused)
        mine.update(
            status=NotificationStatus.FAILED if give_up else NotificationStatus.PENDING,
            lease_until=None,
            next_attempt_at=timezone.now() + retry_delay(notification.attempts),
            last_error=str(exc)[:500],
        )
        return False
    mine.update(
        status=NotificationStatus.SENT,
        sent_at=timezone.now(),
        lease_until=None,
        provider_id=provider_id[:100],
        last_error="",
    )
    return True


def notifications_due(*, limit: int = 500) -> list[int]:
    """Ids of notifications that should be tried now: pending and due, or with a lost lease."""
    now = timezone.now()
    due = Q(status=NotificationStatus.PENDING, next_attempt_at__lte=now) | Q(
        status=NotificationStatus.SENDING, lease_until__lt=now
    )
    return list(
        Notification.objects.filter(due)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )


def notifications_sweep(*, limit: int = 500) -> int:
    """Deliver everything due, whatever happened to its on-commit task; return how many sent."""
    return sum(notification_deliver(notification_id=pk) for pk in notifications_due(limit=limit))


@transaction.atomic
def notification_mark_read(*, user: User, notification_id: int) -> None:
    """Mark one of the user's in-app notifications as read; others' are silently ignored."""
    Notification.objects.filter(
        pk=notification_id, user=user, channel=Channel.IN_APP, read_at__isnull=True
    ).update(read_at=timezone.now())


@transaction.atomic
def sms_recipient_forget(*, phone: str) -> int:
    """STOP: cancel what is still queued for this phone and erase its number from every row.

    Returns how many outbox rows held the number. The rows stay (the audit of what was
    sent), keyed only by the recipient's keyed hash.
    """
    rows = Notification.objects.filter(
        channel=Channel.SMS, recipient_key=phone_recipient_key(phone)
    )
    rows.filter(status__in=[NotificationStatus.PENDING, NotificationStatus.SENDING]).update(
        status=NotificationStatus.CANCELLED, lease_until=None
    )
    return rows.exclude(phone="").update(phone="")


# Africa's Talking delivery statuses that end a message's life without delivery.
FINAL_FAILURES = frozenset({"Rejected", "Failed"})


@transaction.atomic
def notification_delivery_report(*, provider_id: str, status: str, reason: str = "") -> bool:
    """Record a gateway delivery report on the outbox row it belongs to (False: no such row).

    Rejected and Failed are final statuses in Africa's Talking's documentation: the row is
    marked failed with the reason and never sent again (the outbox retries only what the
    gateway did not accept). Sent, Submitted, Buffered and Success are recorded as they come.
    """
    rows = Notification.objects.filter(channel=Channel.SMS, provider_id=provider_id).exclude(
        provider_id=""
    )
    fields: dict[str, object] = {"delivery_status": status[:12], "delivery_reason": reason[:40]}
    updated = rows.update(**fields)
    if updated and status in FINAL_FAILURES:
        rows.filter(status=NotificationStatus.SENT).update(
            status=NotificationStatus.FAILED, last_error=f"{status}: {reason}"[:500]
        )
    return bool(updated)
