"""Screening interviews run by staff; the public self-check stores nothing."""

from __future__ import annotations

from django.db import models

from tabara.core.fields import EncryptedTextField
from tabara.core.models import EncryptedRowModel


class ScreeningInterview(EncryptedRowModel):
    """One officer's screening of a person or situation, resumable until completed.

    `answers` maps indicator ids to yes/no/unknown. A completed interview keeps the
    engine's result as it was, with the rule-set version and hash that produced it.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "draft"
        COMPLETED = "completed", "completed"

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    report = models.ForeignKey(
        "intake.Report", null=True, blank=True, on_delete=models.PROTECT, related_name="screenings"
    )
    subject = EncryptedTextField(blank=True)
    notes = EncryptedTextField(blank=True)
    answers = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    ruleset_version = models.CharField(max_length=40)
    ruleset_sha256 = models.CharField(max_length=64, blank=True)
    outcome = models.CharField(max_length=40, blank=True, db_index=True)
    result = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [models.Index(fields=["organization", "status"])]

    def __str__(self) -> str:
        return f"S-{self.pk:06d}" if self.pk else "S-new"

    @property
    def reference(self) -> str:
        return str(self)
