"""The reporter's side of follow-up: open a session with a receipt, read, and write."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.intake.models import FollowupSession, Report, ReportMessage
from tabara.intake.receipts import receipt_hash, receipt_normalise, token_hash


class ReceiptNotFound(Exception):
    """No report has this receipt (or what was typed is not a receipt)."""


class FollowupExpired(Exception):
    """The follow-up session does not exist or has been idle for too long."""


@transaction.atomic
def followup_start(*, typed_receipt: str) -> tuple[str, Report]:
    """Open a follow-up session for the report with this receipt; return its token."""
    receipt = receipt_normalise(typed_receipt)
    if receipt is None:
        raise ReceiptNotFound
    report = Report.objects.filter(receipt_hash=receipt_hash(receipt)).first()
    if report is None:
        raise ReceiptNotFound
    now = timezone.now()
    FollowupSession.objects.filter(last_seen_at__lt=now - _idle()).delete()
    token = secrets.token_urlsafe(32)
    FollowupSession.objects.create(token_hash=token_hash(token), report=report, last_seen_at=now)
    return token, report


@transaction.atomic
def followup_resume(*, token: str) -> Report:
    """The report behind a live session; each use restarts the 30-minute idle clock."""
    now = timezone.now()
    session = (
        FollowupSession.objects.select_related("report")
        .filter(token_hash=token_hash(token), last_seen_at__gte=now - _idle())
        .first()
    )
    if session is None:
        raise FollowupExpired
    FollowupSession.objects.filter(pk=session.pk).update(last_seen_at=now)
    return session.report


@transaction.atomic
def followup_end(*, token: str) -> None:
    """End a follow-up session at the reporter's request."""
    FollowupSession.objects.filter(token_hash=token_hash(token)).delete()


@transaction.atomic
def reporter_message_post(*, report: Report, body: str) -> ReportMessage:
    """Add the reporter's message to the thread and audit it."""
    message = ReportMessage.objects.create(
        report=report, sender=ReportMessage.Sender.REPORTER, body=body
    )
    audit_record(
        actor=None, action=AuditAction.REPORTER_MESSAGE, target_type="report", target_id=report.pk
    )
    return message


def _idle() -> timedelta:
    return timedelta(seconds=settings.FOLLOWUP_IDLE_SECONDS)
