"""Awareness activities and who attended them (a register or aggregate counts)."""

from __future__ import annotations

from django.db import models

from tabara.awareness.choices import ActivityKind, AgeBand, Audience, Sex
from tabara.core.fields import EncryptedTextField
from tabara.core.models import EncryptedRowModel, TimeStampedModel


class Activity(TimeStampedModel):
    """One awareness event held on a day in a place: a training, a dialogue, a campaign..."""

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=25, choices=ActivityKind.choices)
    held_on = models.DateField(db_index=True)
    district = models.ForeignKey(
        "geo.AdminUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sector = models.ForeignKey(
        "geo.AdminUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    border_post = models.ForeignKey(
        "geo.BorderPost", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    venue = models.CharField(max_length=200, blank=True)
    partners = models.CharField(max_length=500, blank=True)
    facilitators = models.CharField(max_length=500, blank=True)
    audiences = models.JSONField(default=list, blank=True)
    materials = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    is_public = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        "accounts.User", null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"


class Participant(EncryptedRowModel):
    """One line of an activity's register; the name is optional and encrypted."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="participants")
    number = models.PositiveIntegerField()
    name = EncryptedTextField(blank=True)
    sex = models.CharField(max_length=8, choices=Sex.choices, default=Sex.UNKNOWN)
    age_band = models.CharField(max_length=8, choices=AgeBand.choices, default=AgeBand.UNKNOWN)
    role = models.CharField(max_length=20, choices=Audience.choices, blank=True)
    district = models.ForeignKey(
        "geo.AdminUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["activity_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "number"], name="participant_number_once")
        ]

    def __str__(self) -> str:
        return f"#{self.number}"


class AttendanceCount(models.Model):
    """How many people of one sex and age band attended a large activity (no register)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="counts")
    sex = models.CharField(max_length=8, choices=Sex.choices)
    age_band = models.CharField(max_length=8, choices=AgeBand.choices)
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["activity_id", "sex", "age_band"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "sex", "age_band"], name="attendance_count_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sex} {self.age_band}: {self.count}"
