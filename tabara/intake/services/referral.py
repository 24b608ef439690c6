"""A report becomes a case: the reporter's follow-up page then says it was passed on."""

from __future__ import annotations

from django.db import transaction

from tabara.accounts.models import User
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.intake.choices import ReportStatus
from tabara.intake.models import Report
from tabara.intake.selectors import access_report_by_id


@transaction.atomic
def report_mark_referred(*, user: User, report_id: int) -> Report:
    """Mark a report as passed to the agency that can act (a case was opened from it)."""
    report = access_report_by_id(user, report_id)
    Report.objects.filter(pk=report.pk).update(status=ReportStatus.REFERRED)
    audit_record(
        actor=user, action=AuditAction.REPORT_REFERRED, target_type="report", target_id=report.pk
    )
    report.status = ReportStatus.REFERRED
    return report
