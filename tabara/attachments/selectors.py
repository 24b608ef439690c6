"""Reads of the attachments app: the list of files on what the user already opened."""

from __future__ import annotations

from tabara.attachments.models import Attachment
from tabara.cases.access import CaseAccess


def attachments_of_case(access: CaseAccess) -> list[Attachment]:
    """Files on a case, for a user who opened it with full scope; none for a limited view."""
    if not access.full:
        return []
    return list(Attachment.objects.filter(case_id=access.case.pk).order_by("uploaded_at", "id"))


def attachments_of_report(report_id: int) -> list[Attachment]:
    """Files on a report the caller has already opened through access_report_by_id."""
    return list(Attachment.objects.filter(report_id=report_id).order_by("uploaded_at", "id"))
