"""Newsletter subscribers (double opt-in), issues, and the ledger of who got which issue."""

from __future__ import annotations

from django.db import models

from tabara.awareness.choices import IssueStatus, SubscriberStatus
from tabara.core.fields import EncryptedTextField
from tabara.core.models import EncryptedRowModel, TimeStampedModel


class Subscriber(EncryptedRowModel, TimeStampedModel):
    """An email address that asked for the newsletter; it receives issues once confirmed."""

    email = EncryptedTextField()
    email_hash = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=2, default="rw")
    status = models.CharField(
        max_length=12,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
        db_index=True,
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"subscriber {self.pk}"


class NewsletterIssue(TimeStampedModel):
    """One issue of the newsletter, in up to three languages (Markdown)."""

    subject_rw = models.CharField(max_length=200, blank=True)
    subject_en = models.CharField(max_length=200, blank=True)
    subject_fr = models.CharField(max_length=200, blank=True)
    body_rw = models.TextField(blank=True)
    body_en = models.TextField(blank=True)
    body_fr = models.TextField(blank=True)
    status = models.CharField(
        max_length=8, choices=IssueStatus.choices, default=IssueStatus.DRAFT, db_index=True
    )
    site_url = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.subject_en or self.subject_rw or self.subject_fr

    def language_for(self, lang: str) -> str:
        for code in (lang, "rw", "en", "fr"):
            if getattr(self, f"subject_{code}", "") and getattr(self, f"body_{code}", ""):
                return code
        return "rw"


class IssueDelivery(models.Model):
    """Proof that an issue was queued for a subscriber: at most one row per pair, ever."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    queued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="issue_delivered_once")
        ]

    def __str__(self) -> str:
        return f"issue {self.issue_id} → subscriber {self.subscriber_id}"
