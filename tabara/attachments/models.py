"""Files attached to cases and reports, kept encrypted in the database in small chunks."""

from __future__ import annotations

import uuid

from django.db import models

from tabara.core.fields import EncryptedTextField
from tabara.core.models import EncryptedRowModel

CHUNK_BYTES = 64 * 1024


def chunk_row_uuid(attachment_row: uuid.UUID, index: int) -> uuid.UUID:
    """A chunk's row identity, derived from its file's and its position (RFC 4122 UUIDv5).

    The chunk's bytes are sealed for this identity, so a chunk moved to another file or
    position at SQL level no longer matches what `attachment_bytes` expects and is refused.
    """
    return uuid.uuid5(attachment_row, f"chunk:{index}")


class Attachment(EncryptedRowModel):
    """A photo, PDF or voice note on a case or a report; its bytes are in AttachmentChunk.

    The type was decided from the content (tabara/attachments/files.py); the name the
    sender's device gave it may identify someone, so it is encrypted like the bytes.
    """

    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    report = models.ForeignKey(
        "intake.Report", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=8)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    name = EncryptedTextField(blank=True)
    uploaded_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(case__isnull=False) | models.Q(report__isnull=False),
                name="attachment_has_an_owner",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} file {self.pk}"


class AttachmentChunk(EncryptedRowModel):
    """Up to 64 KiB of a file, base64 then sealed for (chunk model, data, chunk_row_uuid()).

    Small chunks keep key rotation's batches (500 rows) to tens of megabytes.
    """

    attachment = models.ForeignKey(Attachment, on_delete=models.CASCADE, related_name="chunks")
    index = models.PositiveIntegerField()
    data = EncryptedTextField()

    class Meta:
        ordering = ["attachment", "index"]
        constraints = [
            models.UniqueConstraint(fields=["attachment", "index"], name="attachment_chunk_index")
        ]

    def __str__(self) -> str:
        return f"chunk {self.index} of file {self.attachment_id}"
