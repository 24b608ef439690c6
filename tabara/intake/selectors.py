"""Reads of reports. Staff reach a report only through access_report_by_id."""

from __future__ import annotations

from django.db.models import QuerySet

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.core.errors import NotFound
from tabara.intake.models import Report, ReportMessage
from tabara.intake.receipts import receipt_hash, receipt_normalise


class ReportNotFound(NotFound):
    """The report does not exist or the user may not see it: the same answer for both."""


def report_list_accessible(user: User) -> QuerySet[Report]:
    """Reports the user may see: all of them with report.view, none otherwise (fail closed)."""
    if not user.can(Perm.REPORT_VIEW):
        return Report.objects.none()
    return Report.objects.select_related("district", "sector", "border_post", "reviewed_by")


def access_report_by_id(user: User, report_id: int) -> Report:
    """One report if the user may see it; otherwise ReportNotFound."""
    report = report_list_accessible(user).filter(pk=report_id).first()
    if report is None:
        raise ReportNotFound
    return report


def report_inbox(user: User, *, status: str | None = None) -> QuerySet[Report]:
    """The inbox: newest first, optionally one status."""
    reports = report_list_accessible(user).defer(
        "what_happened",
        "agency_name",
        "destination",
        "suspect_identifiers",
        "contact_name",
        "contact_phone",
        "when_text",
    )
    if status:
        reports = reports.filter(status=status)
    return reports.order_by("-created_at", "-id")


def report_thread(report: Report) -> QuerySet[ReportMessage]:
    """The messages of a report in the order they were written."""
    return report.messages.select_related("author").order_by("created_at", "id")


def report_status_by_receipt(typed_receipt: str) -> tuple[str, str] | None:
    """(status, latest staff message or "") of the report with this receipt, for phones.

    What was typed must be a whole receipt; anything else finds nothing, as a wrong one does.
    """
    receipt = receipt_normalise(typed_receipt)
    if receipt is None:
        return None
    report = Report.objects.filter(receipt_hash=receipt_hash(receipt)).only("status").first()
    if report is None:
        return None
    latest = (
        ReportMessage.objects.filter(report=report, sender=ReportMessage.Sender.STAFF)
        .order_by("-created_at", "-id")
        .only("body")
        .first()
    )
    return report.status, latest.body if latest else ""
