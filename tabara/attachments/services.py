"""Writes of the attachments app: keep a clean file on a case or report; open one, audited.

Files are checked and cleaned by files.file_inspect() before they get here. Opening a file
is a service because every opening is audited in the same transaction as the read.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.attachments.files import CleanFile
from tabara.attachments.models import (
    CHUNK_BYTES,
    Attachment,
    AttachmentChunk,
    chunk_row_uuid,
)
from tabara.attachments.selectors import attachment_bytes
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.cases.access import Purpose, access_case_by_id
from tabara.core.domain_errors import NotFound
from tabara.intake.models import Report
from tabara.intake.selectors import access_report_by_id


class AttachmentNotFound(NotFound):
    """The file does not exist or the user may not open it: the same answer."""


@dataclass(frozen=True)
class OpenedFile:
    attachment: Attachment
    data: bytes


def _store(
    *, file: CleanFile, name: str, user: User | None, case_id: int | None, report: Report | None
) -> Attachment:
    attachment = Attachment.objects.create(
        case_id=case_id,
        report=report,
        kind=str(file.kind),
        content_type=file.content_type,
        size=len(file.data),
        name=name[:200],
        uploaded_at=timezone.now(),
        uploaded_by=user,
    )
    AttachmentChunk.objects.bulk_create(
        AttachmentChunk(
            attachment=attachment,
            index=index,
            row_uuid=chunk_row_uuid(attachment.row_uuid, index),
            data=base64.b64encode(file.data[start : start + CHUNK_BYTES]).decode("ascii"),
        )
        for index, start in enumerate(range(0, len(file.data), CHUNK_BYTES))
    )
    return attachment


@transaction.atomic
def attachment_add_to_case(*, user: User, case_id: int, file: CleanFile, name: str) -> Attachment:
    """Attach a clean file to a case the user's organization owns and may update."""
    case = access_case_by_id(user, case_id, purpose=Purpose.UPDATE).case
    attachment = _store(file=file, name=name, user=user, case_id=case.pk, report=None)
    audit_record(
        actor=user,
        action=AuditAction.ATTACHMENT_ADDED,
        target_type="case",
        target_id=case.pk,
        extra={"attachment": attachment.pk, "kind": attachment.kind},
    )
    return attachment


@transaction.atomic
def attachments_add_to_report(*, report: Report, files: list[tuple[CleanFile, str]]) -> int:
    """Attach the reporter's clean files to their new report (called in its transaction)."""
    for file, name in files:
        attachment = _store(file=file, name=name, user=None, case_id=None, report=report)
        audit_record(
            actor=None,
            action=AuditAction.ATTACHMENT_ADDED,
            target_type="report",
            target_id=report.pk,
            extra={"attachment": attachment.pk, "kind": attachment.kind},
        )
    return len(files)


def attachment_accessible(user: User, attachment_id: int) -> Attachment:
    """The attachment if the user may open what it is attached to; else AttachmentNotFound.

    A case's files need the full view of the case (a partner limited to the victims' needs
    does not see them); a report's files need report.view.
    """
    attachment = Attachment.objects.filter(pk=attachment_id).first()
    if attachment is None:
        raise AttachmentNotFound
    try:
        if attachment.case_id is not None:
            access = access_case_by_id(user, attachment.case_id, purpose=Purpose.VIEW)
            if not access.full:
                raise AttachmentNotFound
        elif not user.can(Perm.REPORT_VIEW):
            raise AttachmentNotFound
        else:
            access_report_by_id(user, attachment.report_id or 0)
    except NotFound as exc:
        raise AttachmentNotFound from exc
    return attachment


@transaction.atomic
def attachment_open(*, user: User, attachment_id: int) -> OpenedFile:
    """Read a file's bytes for a user allowed to see it; the opening is audited."""
    attachment = attachment_accessible(user, attachment_id)
    data = attachment_bytes(attachment)
    audit_record(
        actor=user,
        action=AuditAction.ATTACHMENT_OPENED,
        target_type="case" if attachment.case_id else "report",
        target_id=attachment.case_id or attachment.report_id or "",
        extra={"attachment": attachment.pk},
    )
    return OpenedFile(attachment=attachment, data=data)
