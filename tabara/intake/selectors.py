"""Reads of reports. Staff reach a report only through access_report_by_id."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.core.domain_errors import NotFound
from tabara.intake import triage
from tabara.intake.models import Report, ReportMessage
from tabara.intake.receipts import receipt_hash, receipt_normalise
from tabara.screening.selectors import interviews_completed_accessible


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


@dataclass(frozen=True)
class InboxFilters:
    """What the inbox is narrowed to; empty means any."""

    status: str = ""
    channel: str = ""
    district_code: str = ""


def _urgency() -> Case:
    """triage.urgency_tier as SQL over the annotations `child` and `screening_outcome`."""
    child = Q(child=True)
    found = Q(screening_outcome=triage.TRAFFICKING)
    undecided = Q(screening_outcome__isnull=True) | Q(
        screening_outcome__in=triage.UNDECIDED_OUTCOMES
    )
    return Case(
        When(child & found, then=Value(triage.CHILD_TRAFFICKING)),
        When(child, then=Value(triage.CHILD)),
        When(found, then=Value(triage.TRAFFICKING_FOUND)),
        When(undecided, then=Value(triage.UNDECIDED)),
        default=Value(triage.OTHER_FOUND),
        output_field=IntegerField(),
    )


def report_inbox(user: User, filters: InboxFilters | None = None) -> QuerySet[Report]:
    """The inbox in triage order (tabara/intake/triage.py), in one query, optionally filtered.

    Each report carries `screening_outcome` (the latest completed screening the user's
    organization made of it, or None), `child` and `urgency`. Free text stays encrypted
    and unread: its content appears only on the audited report page.
    """
    filters = filters or InboxFilters()
    screenings = interviews_completed_accessible(user).filter(report=OuterRef("pk"))
    latest = screenings.order_by("-completed_at", "-id").values("outcome")[:1]
    reports = (
        report_list_accessible(user)
        .defer(
            "what_happened",
            "agency_name",
            "destination",
            "suspect_identifiers",
            "contact_name",
            "contact_phone",
            "when_text",
        )
        .annotate(
            screening_outcome=Subquery(latest),
            screened_child=Exists(screenings.filter(result__elements__child="yes")),
        )
        .annotate(
            child=Case(
                When(
                    Q(age_group__in=triage.CHILD_AGE_GROUPS) | Q(screened_child=True),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            ),
            handled=Case(
                When(status__in=triage.OPEN_STATUSES, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        .annotate(urgency=_urgency())
    )
    if filters.status:
        reports = reports.filter(status=filters.status)
    if filters.channel:
        reports = reports.filter(channel=filters.channel)
    if filters.district_code:
        reports = reports.filter(district__code=filters.district_code)
    waiting_since = Case(When(handled=0, then=F("created_at")))  # NULL once handled
    return reports.order_by(
        "handled", "urgency", waiting_since.asc(nulls_last=True), F("created_at").desc(), "-id"
    )


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
        .only("row_uuid", "body")
        .first()
    )
    return report.status, latest.body if latest else ""


def report_times() -> Iterator[datetime]:
    """When each report was received, for the statistics snapshot (tabara/dashboards)."""
    yield from Report.objects.order_by().values_list("created_at", flat=True).iterator(20_000)
