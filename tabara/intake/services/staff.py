"""The staff side of a report: open it (audited), reply, mark it reviewed."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.intake.choices import ReportStatus
from tabara.intake.models import Report, ReportMessage
from tabara.intake.selectors import access_report_by_id
from tabara.intake.services.sms import report_status_notify


@transaction.atomic
def report_view(*, user: User, report_id: int) -> Report:
    """Open a report for reading: access is checked and the read is audited in one step."""
    report = access_report_by_id(user, report_id)
    audit_record(
        actor=user, action=AuditAction.REPORT_VIEWED, target_type="report", target_id=report.pk
    )
    return report


@transaction.atomic
def report_reply(*, user: User, report_id: int, body: str) -> ReportMessage:
    """Send a message to the reporter; it appears on their follow-up page."""
    report = access_report_by_id(user, report_id)
    message = ReportMessage.objects.create(
        report=report, sender=ReportMessage.Sender.STAFF, author=user, body=body
    )
    if report.status == ReportStatus.RECEIVED:
        Report.objects.filter(pk=report.pk).update(status=ReportStatus.IN_REVIEW)
        report.status = ReportStatus.IN_REVIEW
    audit_record(
        actor=user, action=AuditAction.REPORT_REPLIED, target_type="report", target_id=report.pk
    )
    report_status_notify(report=report, event_key=f"report-reply:{message.pk}", kind="reply")
    return message


@transaction.atomic
def report_mark_reviewed(*, user: User, report_id: int) -> Report:
    """Record that a staff member has read and triaged the report."""
    report = access_report_by_id(user, report_id)
    now = timezone.now()
    status = ReportStatus.IN_REVIEW if report.status == ReportStatus.RECEIVED else report.status
    changed = status != report.status
    Report.objects.filter(pk=report.pk).update(reviewed_at=now, reviewed_by=user, status=status)
    audit_record(
        actor=user, action=AuditAction.REPORT_REVIEWED, target_type="report", target_id=report.pk
    )
    report.refresh_from_db()
    if changed:
        report_status_notify(report=report, event_key=f"report-status:{report.pk}:{status}")
    return report
