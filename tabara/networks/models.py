"""The network index: identifiers found in reports and cases, and where each occurs.

An identifier is stored once, by its keyed hash (`key`, HMAC under a key outside the
database) with its normal form encrypted at rest; each report or case that mentions it
has one occurrence row, with copies of what the alerts and the analysts' page filter on
(the situation, the holding organization, the district, the record's date), so that
neither has to open a report or a case to connect them.
"""

from __future__ import annotations

from django.db import models

from tabara.core.fields import EncryptedTextField
from tabara.core.models import EncryptedRowModel
from tabara.networks.choices import IdentifierKind


class NetworkIdentifier(EncryptedRowModel):
    """One phone number, account, plate, agency or recruiter's name, in normal form.

    Deleted with its last occurrence, so an identifier no record mentions any more (an
    erased person, an anonymised case) leaves nothing behind.
    """

    key = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=10, choices=IdentifierKind.choices)
    value = EncryptedTextField()
    first_seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.kind} {self.key[:8]}"


class IdentifierOccurrence(models.Model):
    """An identifier mentioned by one report or one case.

    `situation` names what the record is about: a report's own ("r12"), or for a case the
    report it was opened from ("r12") if any, else its own ("c7"); a case and its report
    share an identifier without it being news. `holder_org` is a case's owner (None for a
    report: the intake desk holds it).
    """

    identifier = models.ForeignKey(
        NetworkIdentifier, on_delete=models.CASCADE, related_name="occurrences"
    )
    report = models.ForeignKey(
        "intake.Report", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    situation = models.CharField(max_length=16)
    holder_org = models.ForeignKey(
        "accounts.Organization",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    district = models.ForeignKey(
        "geo.AdminUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    record_at = models.DateTimeField()
    # Where in the record it was found ("summary", "suspect:phone"…): names of fields only.
    fields = models.CharField(max_length=200)
    found_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(report__isnull=True) ^ models.Q(case__isnull=True),
                name="occurrence_of_one_record",
            ),
            models.UniqueConstraint(
                fields=["identifier", "report"],
                condition=models.Q(report__isnull=False),
                name="occurrence_once_per_report",
            ),
            models.UniqueConstraint(
                fields=["identifier", "case"],
                condition=models.Q(case__isnull=False),
                name="occurrence_once_per_case",
            ),
        ]
        indexes = [
            models.Index(fields=["identifier", "situation"], name="occurrence_identifier"),
            models.Index(fields=["record_at"], name="occurrence_record_at"),
            models.Index(fields=["case"], name="occurrence_case"),
        ]

    def __str__(self) -> str:
        return f"occurrence of {self.identifier_id} in {self.situation}"

    @property
    def reference(self) -> str:
        """The record's reference as staff know it (C-000007, R-000012)."""
        if self.case_id is not None:
            return f"C-{self.case_id:06d}"
        return f"R-{self.report_id:06d}"
