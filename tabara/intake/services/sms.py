"""The SMS channel's writes: inbound messages, reporters' contact choices, status updates.

An anonymous SMS reporter's number is used for the reply and then forgotten: only its
keyed hash is stored. Status updates go out by SMS only to reporters who chose to be
contacted (YES by SMS, or "call me back" on USSD), through the notifications outbox.
STOP (or the gateway's bulk opt-out notice) erases the number everywhere it is in clear.
A burst from one phone (the same text again, or more than SENDER_MAX messages in
SENDER_WINDOW) is stored and answered once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.core.crypto import keyed_hash
from tabara.core.phones import phone_hash, phone_normalise
from tabara.intake.choices import Channel
from tabara.intake.models import Report, SmsDeliveryReport, SmsInbound, SmsSender
from tabara.intake.receipts import receipt_display
from tabara.intake.selectors import report_status_by_receipt
from tabara.intake.services.report_submit import ReportInput, report_submit
from tabara.intake.sms.keywords import sms_parse
from tabara.intake.sms.texts import SMS
from tabara.intake.ussd.agency import agency_answer_text
from tabara.intake.ussd.screen import plain
from tabara.intake.ussd.texts import STATUS
from tabara.notifications.models import Channel as NotificationChannel
from tabara.notifications.services import (
    notification_delivery_report,
    notification_enqueue,
    sms_recipient_forget,
)

PHONE_CHANNELS = (Channel.USSD, Channel.SMS)
OPT_IN_WINDOW = timedelta(days=7)
SMS_LIMIT = 160
MAX_REPORT_TEXT = 5000
SAME_TEXT_WINDOW = timedelta(minutes=10)  # the same words again within this: a repeat
SENDER_WINDOW = timedelta(minutes=10)
SENDER_MAX = 20  # messages handled per phone per window; beyond, an auto-responder loop


@dataclass(frozen=True)
class SmsAnswer:
    """The reply to send to the sender after commit ("" when there is nothing to say)."""

    text: str
    report: Report | None = None


@transaction.atomic
def sms_receive(*, gateway_id: str, sender: str, text: str) -> SmsAnswer:
    """Handle one inbound SMS exactly once (by gateway id) and say what to reply.

    A keyword (help, status with a receipt, stop, yes) is answered; an empty message gets
    the help text; any other message becomes a report through report_submit, answered
    with its receipt. A repeat from the same phone is neither stored nor answered.
    """
    key = keyed_hash(gateway_id, purpose="sms-id")
    try:
        with transaction.atomic():
            inbound = SmsInbound.objects.create(gateway_id_hash=key)
    except IntegrityError:
        return SmsAnswer("")  # the gateway retried a message already handled
    command = sms_parse(text)
    if command.kind != "stop" and not _sender_allows(sender, text):
        return SmsAnswer("")  # a repeat or a flood: handled once already
    texts = SMS[command.lang]
    if command.kind in {"help", "empty"}:
        return SmsAnswer(texts["help"])
    if command.kind == "stop":
        reporter_contact_withdraw(phone=sender)
        return SmsAnswer(texts["stopped"])
    if command.kind == "yes":
        allowed = reporter_contact_allow(phone=sender)
        return SmsAnswer(texts["allowed"] if allowed else texts["nothing_recent"])
    if command.kind == "agency":
        if not command.query.strip():
            return SmsAnswer(texts["agency_help"])
        return SmsAnswer("Tabara: " + agency_answer_text(command.query, command.lang))
    if command.kind == "status":
        found = report_status_by_receipt(command.receipt) if command.receipt else None
        if found is None:
            return SmsAnswer(texts["not_found"])
        # Never staff's words: a phone can be read by someone else (ARCHITECTURE.md).
        return SmsAnswer(plain(texts["status"].format(status=STATUS[found[0]][command.lang])))
    submitted = report_submit(
        channel=Channel.SMS,
        data=ReportInput(
            what_happened=text.strip()[:MAX_REPORT_TEXT],
            sender_phone=sender,
            language=command.lang,
        ),
    )
    SmsInbound.objects.filter(pk=inbound.pk).update(report=submitted.report)
    receipt = receipt_display(submitted.receipt)
    return SmsAnswer(texts["received"].format(receipt=receipt), submitted.report)


def _sender_allows(sender: str, text: str) -> bool:
    """Whether this message is new from this phone: not a repeat, not beyond the flood limit.

    One row per phone, locked while it is read and written, so 15 copies arriving at once
    are decided one after another: the first is handled, the others are repeats.
    """
    hashed = phone_hash(sender) or keyed_hash(sender.strip(), purpose="sms-sender")
    said = keyed_hash(" ".join(text.split()).casefold(), purpose="sms-text")
    now = timezone.now()
    with transaction.atomic():
        row, created = SmsSender.objects.select_for_update().get_or_create(
            phone_hash=hashed,
            defaults={
                "last_text_hash": said,
                "last_at": now,
                "window_start": now,
                "window_count": 1,
            },
        )
    if created:
        return True
    if row.last_text_hash == said and row.last_at >= now - SAME_TEXT_WINDOW:
        return False
    fresh_window = row.window_start < now - SENDER_WINDOW
    count = 1 if fresh_window else row.window_count + 1
    SmsSender.objects.filter(pk=row.pk).update(
        last_text_hash=said,
        last_at=now,
        window_start=now if fresh_window else row.window_start,
        window_count=count,
    )
    return count <= SENDER_MAX


@transaction.atomic
def reporter_contact_allow(*, phone: str) -> bool:
    """Let staff call back, and send updates to, the sender of this phone's latest report.

    Only a report sent by USSD or SMS from the same phone in the last 7 days qualifies.
    """
    report = (
        Report.objects.filter(
            contact_hash=phone_hash(phone),
            channel__in=PHONE_CHANNELS,
            created_at__gte=timezone.now() - OPT_IN_WINDOW,
        )
        .order_by("-created_at", "-id")
        .only("id", "row_uuid")
        .first()
    )
    if report is None:
        return False
    report.wants_contact, report.contact_phone = True, phone_normalise(phone)
    report.save(update_fields=["wants_contact", "contact_phone"])  # encrypted for its row
    audit_record(
        actor=None,
        action=AuditAction.REPORTER_CONTACT_CHANGED,
        target_type="report",
        target_id=report.pk,
        extra={"contact": "allowed"},
    )
    return True


@transaction.atomic
def reporter_contact_withdraw(*, phone: str) -> int:
    """STOP: erase the number from every report and outbox row, cancel what is queued.

    Returns how many reports held the number in clear. Later status changes find no
    number to text, so they go nowhere.
    """
    hashed = phone_hash(phone)
    reports = Report.objects.filter(contact_hash=hashed) if hashed else Report.objects.none()
    ids = list(
        reports.filter(Q(wants_contact=True) | ~Q(contact_phone="")).values_list("id", flat=True)
    )
    Report.objects.filter(pk__in=ids).update(wants_contact=False, contact_phone="", contact_name="")
    for report_id in ids:
        audit_record(
            actor=None,
            action=AuditAction.REPORTER_CONTACT_CHANGED,
            target_type="report",
            target_id=report_id,
            extra={"contact": "withdrawn"},
        )
    sms_recipient_forget(phone=phone)
    return len(ids)


@transaction.atomic
def sms_delivery_record(
    *, message_id: str, status: str, failure_reason: str = "", phone: str = ""
) -> bool:
    """Record a gateway delivery report and pass it to the outbox row it belongs to.

    Unknown statuses are ignored (False). A message refused because the person blocked
    the sender (UserInBlackList) counts as STOP from that phone.
    """
    if status not in SmsDeliveryReport.Status.values or not message_id:
        return False
    reason = plain(failure_reason)[:60]
    SmsDeliveryReport.objects.create(
        message_id=message_id[:100], status=status, failure_reason=reason
    )
    notification_delivery_report(provider_id=message_id[:100], status=status, reason=reason)
    if reason == "UserInBlackList" and phone:
        reporter_contact_withdraw(phone=phone)
    return True


def report_status_notify(*, report: Report, event_key: str, kind: str = "update") -> bool:
    """Queue an SMS telling an opted-in phone reporter that their report moved on.

    Runs in the caller's transaction; the outbox sends after commit. Reporters who did not
    choose to be contacted, and web reporters, get nothing. The SMS names only the status,
    never staff's words: a phone can be read by someone else.
    """
    if report.channel not in PHONE_CHANNELS or not (report.wants_contact and report.contact_phone):
        return False
    lang = report.language if report.language in SMS else "rw"
    status = STATUS.get(report.status, {}).get(lang, str(report.status))
    body = SMS[lang][kind].format(status=status)
    sent = notification_enqueue(
        event_key=event_key,
        channel=NotificationChannel.SMS,
        subject="",
        body=body,
        phone=report.contact_phone,
    )
    return sent is not None
