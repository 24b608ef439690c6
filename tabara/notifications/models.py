"""The outbox: one row per message to one recipient on one channel, written with its cause."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from tabara.core.fields import EncryptedTextField
from tabara.core.models import EncryptedRowModel


class Channel(models.TextChoices):
    """How a notification reaches its recipient."""

    EMAIL = "email", _("Email")
    SMS = "sms", _("SMS")
    IN_APP = "in_app", _("In the application")


class NotificationStatus(models.TextChoices):
    """Where a notification is in its delivery."""

    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


class Notification(EncryptedRowModel):
    """One message for one recipient on one channel, caused by one event.

    The row is written in the same transaction as the change that causes it, so a message
    exists if and only if its cause was committed. (event_key, channel, recipient_key) is
    unique: the same event never notifies the same person twice on the same channel.
    """

    event_key = models.CharField(max_length=200)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    recipient_key = models.CharField(max_length=80)
    user = models.ForeignKey(
        "accounts.User",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    email = EncryptedTextField(blank=True)
    phone = EncryptedTextField(blank=True)
    subject = EncryptedTextField(blank=True)
    body = EncryptedTextField()
    headers = models.JSONField(default=dict, blank=True)

    status = models.CharField(
        max_length=10, choices=NotificationStatus.choices, default=NotificationStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    lease_until = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    provider_id = models.CharField(max_length=100, blank=True)
    # The gateway's latest delivery report for an SMS (Africa's Talking `status`,
    # `failureReason`), e.g. Success, or Failed with UserInBlackList.
    delivery_status = models.CharField(max_length=12, blank=True)
    delivery_reason = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["event_key", "channel", "recipient_key"],
                name="notification_once_per_event_recipient",
            )
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["provider_id"]),
            models.Index(fields=["recipient_key"]),
            models.Index(fields=["user", "channel", "-created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.event_key} → {self.recipient_key}"

    @property
    def idempotency_key(self) -> str:
        """Stable across retries, so a provider can drop a resend after a worker crash."""
        return f"tabara-notification-{self.pk}"
