"""The register of personal data breaches an organization has discovered."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import models

from tabara.core.fields import EncryptedTextField
from tabara.core.models import EncryptedRowModel

# Law N° 058/2021: the supervisory authority (NCSA) is told within 48 hours of becoming
# aware (Article 43, as summarised by the authority's guidance and DLA Piper), and the
# written report with all facts follows within 72 hours (Article 44, text at dpo.gov.rw).
AUTHORITY_NOTICE_HOURS = 48
AUTHORITY_REPORT_HOURS = 72


class Breach(EncryptedRowModel):
    """One personal data breach as recorded by the organization that discovered it.

    Free text may describe people, so it is encrypted at rest. The deadlines are counted
    from the moment the organization became aware of the breach.
    """

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+"
    )
    discovered_at = models.DateTimeField()
    occurred_at = models.DateTimeField(null=True, blank=True)
    nature = EncryptedTextField()
    data_categories = EncryptedTextField()
    people_affected = models.PositiveIntegerField(null=True, blank=True)
    records_affected = models.PositiveIntegerField(null=True, blank=True)
    consequences = EncryptedTextField(blank=True)
    measures = EncryptedTextField(blank=True)
    high_risk = models.BooleanField(default=False)
    authority_notified_at = models.DateTimeField(null=True, blank=True)
    authority_reference = models.CharField(max_length=100, blank=True)
    authority_report_at = models.DateTimeField(null=True, blank=True)
    people_notified_at = models.DateTimeField(null=True, blank=True)
    people_not_notified_reason = EncryptedTextField(blank=True)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-discovered_at", "-id"]
        indexes = [models.Index(fields=["organization", "-discovered_at"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"B-{self.pk:04d}" if self.pk else "B-new"

    @property
    def authority_notice_due(self) -> datetime:
        return self.discovered_at + timedelta(hours=AUTHORITY_NOTICE_HOURS)

    @property
    def authority_report_due(self) -> datetime:
        return self.discovered_at + timedelta(hours=AUTHORITY_REPORT_HOURS)
