"""Reports from the public, the thread with their reporter, and follow-up sessions."""

from __future__ import annotations

from django.db import models

from tabara.core.fields import EncryptedTextField
from tabara.core.models import EncryptedRowModel
from tabara.intake.choices import (
    AgeGroup,
    Channel,
    LocationKind,
    Platform,
    RecruitmentChannel,
    ReportStatus,
    Sex,
)


class Report(EncryptedRowModel):
    """A suspicion of trafficking sent by a member of the public through any channel.

    Free text, identifiers and contact details are encrypted at rest; the reporter's
    address, device and browser are never stored. Only a slow hash of the receipt is kept.
    """

    channel = models.CharField(max_length=10, choices=Channel.choices)
    status = models.CharField(
        max_length=12, choices=ReportStatus.choices, default=ReportStatus.RECEIVED, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    receipt_hash = models.CharField(max_length=64, unique=True)

    what_happened = EncryptedTextField()
    location_kind = models.CharField(
        max_length=10, choices=LocationKind.choices, default=LocationKind.UNKNOWN
    )
    district = models.ForeignKey(
        "geo.AdminUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sector = models.ForeignKey(
        "geo.AdminUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    border_post = models.ForeignKey(
        "geo.BorderPost", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    country = models.CharField(max_length=2, blank=True)
    occurred_on = models.DateField(null=True, blank=True)
    when_text = EncryptedTextField(blank=True)

    people_count = models.PositiveSmallIntegerField(null=True, blank=True)
    age_group = models.CharField(max_length=10, choices=AgeGroup.choices, default=AgeGroup.UNKNOWN)
    sex = models.CharField(max_length=10, choices=Sex.choices, default=Sex.UNKNOWN)

    recruitment_channel = models.CharField(
        max_length=15, choices=RecruitmentChannel.choices, default=RecruitmentChannel.UNKNOWN
    )
    platform = models.CharField(max_length=10, choices=Platform.choices, blank=True)
    agency_name = EncryptedTextField(blank=True)
    destination = EncryptedTextField(blank=True)
    destination_country = models.CharField(max_length=2, blank=True)
    suspect_identifiers = EncryptedTextField(blank=True)

    wants_contact = models.BooleanField(default=False)
    contact_name = EncryptedTextField(blank=True)
    contact_phone = EncryptedTextField(blank=True)
    contact_hash = models.CharField(max_length=64, blank=True, db_index=True)
    language = models.CharField(max_length=5, blank=True)

    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # A keyed hash naming where the report was composed (a USSD report's first session), so
    # a gateway retry or a second session carrying the same answers cannot store it twice.
    source_key = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_key"],
                condition=~models.Q(source_key=""),
                name="report_once_per_source",
            )
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"R-{self.pk:06d}" if self.pk else "R-new"


class ReportMessage(EncryptedRowModel):
    """One message in the thread between a reporter and the staff handling the report."""

    class Sender(models.TextChoices):
        REPORTER = "reporter", "reporter"
        STAFF = "staff", "staff"

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    sender = models.CharField(max_length=10, choices=Sender.choices)
    author = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    body = EncryptedTextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.sender} message on {self.report_id}"


class FollowupSession(models.Model):
    """A reporter's short-lived follow-up session, carried in a hidden form field, not a cookie."""

    token_hash = models.CharField(max_length=64, unique=True)
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="+")
    last_seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"follow-up of {self.report_id}"


class UssdSession(EncryptedRowModel):
    """Where one USSD session has got to, kept in the database so a restart loses nothing.

    Keyed by a keyed hash of the gateway's sessionId; the menu state (which may hold the
    reporter's words) and the last reply (which may show a receipt) are encrypted; the phone
    appears only as its keyed hash, so a dropped session can be offered again when the same
    phone dials back. A live or dropped row idle for longer than USSD_SESSION_IDLE_SECONDS
    is ignored and deleted; an ended row keeps only its last reply, for gateway retries,
    for USSD_REPLY_KEEP_SECONDS.
    """

    class Phase(models.TextChoices):
        LIVE = "live", "live"  # answering screens
        DROPPED = "dropped", "dropped"  # the gateway said Incomplete or Failed: resumable
        TAKEN = "taken", "taken"  # its report was taken over by a later session of the phone
        ENDED = "ended", "ended"  # finished; only the last reply is kept

    key = models.CharField(max_length=64, unique=True)
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True)
    phase = models.CharField(max_length=8, choices=Phase.choices, default=Phase.LIVE)
    state = EncryptedTextField()
    hops = models.PositiveIntegerField(default=0)
    last_text_hash = models.CharField(max_length=64, blank=True)
    last_reply = EncryptedTextField(blank=True)
    updated_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"USSD session at hop {self.hops}"


class UssdLanguage(models.Model):
    """The language a phone last chose on the USSD menu, by the phone's keyed hash only."""

    phone_hash = models.CharField(max_length=64, unique=True)
    language = models.CharField(max_length=5)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"USSD language {self.language}"


class SmsInbound(models.Model):
    """An inbound SMS already handled, by a hash of its gateway id: gateway retries are no-ops."""

    gateway_id_hash = models.CharField(max_length=64, unique=True)
    received_at = models.DateTimeField(auto_now_add=True)
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"inbound SMS {self.gateway_id_hash[:8]}"


class SmsSender(models.Model):
    """What one phone (by keyed hash) last sent, to answer a burst of SMS only once."""

    phone_hash = models.CharField(max_length=64, unique=True)
    last_text_hash = models.CharField(max_length=64)
    last_at = models.DateTimeField()
    window_start = models.DateTimeField()
    window_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"SMS sender {self.phone_hash[:8]}"


class SmsDeliveryReport(models.Model):
    """What the gateway said about the delivery of one SMS that Tabara sent."""

    class Status(models.TextChoices):
        """Every status Africa's Talking documents for a delivery report."""

        SENT = "Sent", "Sent"
        SUBMITTED = "Submitted", "Submitted"
        BUFFERED = "Buffered", "Buffered"
        REJECTED = "Rejected", "Rejected"
        SUCCESS = "Success", "Success"
        FAILED = "Failed", "Failed"

    message_id = models.CharField(max_length=100, db_index=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    failure_reason = models.CharField(max_length=60, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at", "-id"]

    def __str__(self) -> str:
        return f"{self.message_id}: {self.status}"
