"""Referrals between organizations and the versioned routing rules that propose them."""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

# The scope a referral grants is the cases app's vocabulary; re-exported for referrals' users.
from tabara.cases.choices import ViewScope as ViewScope


class Urgency(models.TextChoices):
    """How soon the receiving organization must acknowledge a referral."""

    CRITICAL = "critical", _("Within 4 hours")
    HIGH = "high", _("Within 24 hours")
    NORMAL = "normal", _("Within 3 days")


ACKNOWLEDGE_WITHIN: dict[str, timedelta] = {
    Urgency.CRITICAL: timedelta(hours=4),
    Urgency.HIGH: timedelta(hours=24),
    Urgency.NORMAL: timedelta(days=3),
}
URGENCY_RANK: dict[str, int] = {Urgency.CRITICAL: 0, Urgency.HIGH: 1, Urgency.NORMAL: 2}


class ReferralKind(models.TextChoices):
    """A referral shares a case; a transfer hands its ownership over on acceptance."""

    REFERRAL = "referral", _("Referral")
    TRANSFER = "transfer", _("Transfer of ownership")


class ReferralStatus(models.TextChoices):
    """sent → acknowledged → accepted or declined → closed (with an outcome)."""

    SENT = "sent", _("Sent: waiting for acknowledgement")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = (ReferralStatus.SENT, ReferralStatus.ACKNOWLEDGED)


class RoutingRuleSet(models.Model):
    """One published, immutable version of the routing rules; the newest one is in force."""

    version = models.PositiveIntegerField(unique=True)
    rules = models.JSONField()
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"routing v{self.version}"


class Referral(models.Model):
    """A request from one organization to another to act on a case, with a deadline."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="referrals")
    kind = models.CharField(
        max_length=10, choices=ReferralKind.choices, default=ReferralKind.REFERRAL
    )
    from_org = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="referrals_sent"
    )
    to_org = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="referrals_received"
    )
    status = models.CharField(
        max_length=12, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    urgency = models.CharField(max_length=10, choices=Urgency.choices, default=Urgency.NORMAL)
    scope = models.CharField(max_length=12, choices=ViewScope.choices, default=ViewScope.FULL)
    reason = models.CharField(max_length=300, blank=True)
    rule_id = models.CharField(max_length=60, blank=True)
    ruleset_version = models.PositiveIntegerField(null=True, blank=True)
    consent_overridden = models.BooleanField(default=False)

    sent_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField()
    deadline_at = models.DateTimeField()
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    responded_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decline_reason = models.CharField(max_length=300, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=300, blank=True)
    # A copy of the case's opening time, so "cases shared with us, newest first" walks
    # one index instead of sorting every shared case (see tabara/cases/access.py). Required:
    # a referral without it would break that sort (bench/cases.py once wrote such rows).
    case_opened_at = models.DateTimeField()
    # The service of the victim's plan this referral asks the receiver to provide, if any.
    service = models.ForeignKey(
        "cases.CaseService", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    escalation_level = models.PositiveSmallIntegerField(default=0)
    next_escalation_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["deadline_at", "id"]
        indexes = [
            models.Index(fields=["to_org", "status", "deadline_at"]),
            models.Index(fields=["from_org", "status", "deadline_at"]),
            models.Index(fields=["case", "to_org", "status"]),
            models.Index(fields=["status", "next_escalation_at"]),
            models.Index(fields=["to_org", "status", "-case_opened_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_org=models.F("to_org")), name="referral_to_another_org"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.case_id} → {self.to_org_id} ({self.status})"
