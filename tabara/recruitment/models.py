"""The register of recruitment agencies licensed to place workers abroad.

Everything here is public business information published by the licensing authority, so
nothing is encrypted; lookups run on folded name keys, E.164 phone numbers and licence
numbers kept beside each agency.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from tabara.core.models import TimeStampedModel
from tabara.recruitment.choices import AgencyStatus, ChangeSource


class Agency(TimeStampedModel):
    """One recruitment agency as the licensing authority lists it, with its licence status."""

    name = models.CharField(max_length=200)
    other_names = models.JSONField(default=list, blank=True)  # trading names, old names
    licence_number = models.CharField(max_length=60, unique=True)
    status = models.CharField(max_length=12, choices=AgencyStatus.choices)
    status_since = models.DateField(null=True, blank=True)
    licence_expires = models.DateField(null=True, blank=True)
    destinations = models.JSONField(default=list, blank=True)  # ISO 3166-1 alpha-2 codes
    address = models.CharField(max_length=300, blank=True)
    website = models.CharField(max_length=200, blank=True)
    social_accounts = models.JSONField(default=list, blank=True)  # handles or links

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.licence_number})"


class AgencyKey(models.Model):
    """The folded key of one of an agency's names (tabara/recruitment/names.py)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="keys")
    key = models.CharField(max_length=300, db_index=True)

    def __str__(self) -> str:
        return self.key


class AgencyPhone(models.Model):
    """One of an agency's phone numbers, in E.164."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(max_length=20, db_index=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="agency_phone_once")
        ]

    def __str__(self) -> str:
        return self.number


class AgencyChange(models.Model):
    """One dated change of an agency: who made it, how, and each field's old and new value."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="changes")
    changed_at = models.DateTimeField(db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(max_length=8, choices=ChangeSource.choices)
    fields = models.JSONField(default=dict)  # field -> [old, new]

    class Meta:
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.changed_at:%Y-%m-%d} {self.source}"
