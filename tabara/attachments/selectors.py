"""Reads of the attachments app: the list of files on what the user already opened."""

from __future__ import annotations

import base64

from tabara.attachments.models import Attachment, chunk_row_uuid
from tabara.cases.access import CaseAccess
from tabara.core.crypto import DecryptionError


def attachments_of_case(access: CaseAccess) -> list[Attachment]:
    """Files on a case, for a user who opened it with full scope; none for a limited view."""
    if not access.full:
        return []
    return list(Attachment.objects.filter(case_id=access.case.pk).order_by("uploaded_at", "id"))


def attachments_of_report(report_id: int) -> list[Attachment]:
    """Files on a report the caller has already opened through access_report_by_id."""
    return list(Attachment.objects.filter(report_id=report_id).order_by("uploaded_at", "id"))


def attachment_bytes(attachment: Attachment) -> bytes:
    """The file's bytes, refused unless every chunk is the one sealed for its place.

    Each chunk opens only for its own row_uuid; here that row_uuid must also be the one
    derived from this file and this position, the positions must run 0, 1, 2... and the
    total must be the recorded size: a swapped, moved, dropped or added chunk is refused.
    """
    chunks = list(attachment.chunks.order_by("index").only("index", "row_uuid", "data"))
    for position, chunk in enumerate(chunks):
        if chunk.index != position or chunk.row_uuid != chunk_row_uuid(
            attachment.row_uuid, position
        ):
            raise DecryptionError(f"Chunk {position} of file {attachment.pk} is out of place.")
    data = b"".join(base64.b64decode(chunk.data) for chunk in chunks)
    if len(data) != attachment.size:
        raise DecryptionError(f"File {attachment.pk} does not have its recorded size.")
    return data
