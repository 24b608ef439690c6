"""Files attached to cases and reports, kept encrypted in the database in small chunks."""

from __future__ import annotations

from django.db import models

from tabara.core.fields import EncryptedTextField

CHUNK_BYTES = 64 * 1024


class Attachment(models.Model):
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


class AttachmentChunk(models.Model):
    """Up to 64 KiB of a file, base64 then encrypted with the keys of every other field.

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
