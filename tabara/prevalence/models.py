"""Estimations of the hidden number of victims, run by analysts on list-overlap tables."""

from __future__ import annotations

from django.db import models


class Estimation(models.Model):
    """One multiple-systems estimation: its input, settings, progress and report.

    The input rows are kept as uploaded, with their SHA-256, the method, seed and library
    version, so that the same report can be produced again.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    file_name = models.CharField(max_length=200)
    rows = models.JSONField()
    data_sha256 = models.CharField(max_length=64)
    lists = models.JSONField(default=list)
    method = models.CharField(max_length=20)
    threshold = models.FloatField(default=0.02)
    bootstrap = models.PositiveIntegerField(default=0)
    seed = models.PositiveIntegerField(default=1234)
    library_version = models.CharField(max_length=40)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    result = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return int(100 * self.progress_done / self.progress_total) if self.progress_total else 0
