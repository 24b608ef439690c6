"""Imported agency lists, link runs, their scored pairs and clusters, clerical decisions.

An organization's analysts import lists and run links; everything here belongs to that
organization (selectors.py). Identifying fields of imported rows are encrypted at rest. A
run's records point at the case person or imported row they were read from, so what an
analyst sees of a case person is decided when the page is read (selectors.py), never
stored with the run.
"""

from __future__ import annotations

from django.db import models

from tabara.core.fields import EncryptedTextField
from tabara.core.models import EncryptedRowModel


class ImportedList(EncryptedRowModel):
    """One agency's list, uploaded as CSV or XLSX; rows are kept once its columns are mapped."""

    class Status(models.TextChoices):
        MAPPING = "mapping", "mapping"  # uploaded, waiting for the column mapping
        IMPORTED = "imported", "imported"

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    agency = models.CharField(max_length=120)  # the source agency, as the analyst names it
    file_name = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MAPPING)
    # The uploaded rows as JSON, until mapped (then emptied): they hold names and numbers.
    pending = EncryptedTextField(blank=True)
    columns = models.JSONField(default=list)  # the file's header
    mapping = models.JSONField(default=dict)  # field → column index
    row_count = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list)  # [{"line", "code", "params"}]
    created_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.agency} ({self.file_name})"


class ImportedRecord(EncryptedRowModel):
    """One row of an imported list, as mapped; identifying fields encrypted."""

    imported_list = models.ForeignKey(
        ImportedList, on_delete=models.CASCADE, related_name="records"
    )
    line = models.PositiveIntegerField()
    record_id = EncryptedTextField(blank=True)
    full_name = EncryptedTextField(blank=True)
    birth_date = EncryptedTextField(blank=True)
    nin = EncryptedTextField(blank=True)
    phone = EncryptedTextField(blank=True)
    sex = models.CharField(max_length=10, blank=True)
    age = models.CharField(max_length=10, blank=True)
    district = models.CharField(max_length=10, blank=True)

    class Meta:
        ordering = ["imported_list", "line"]

    def __str__(self) -> str:
        return f"line {self.line} of list {self.imported_list_id}"


class LinkRun(models.Model):
    """One linkage of case persons and/or imported lists: inputs, settings, model, status."""

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
    include_cases = models.BooleanField(default=False)  # presumed victims of Tabara's cases
    lists = models.ManyToManyField(ImportedList, related_name="runs", blank=True)
    threshold = models.FloatField(default=0.5)
    floor = models.FloatField(default=0.01)  # pairs below this probability are not kept
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    model = models.JSONField(default=dict, blank=True)  # the trained Splink model (m, u)
    training_notes = models.JSONField(default=list, blank=True)
    record_count = models.PositiveIntegerField(default=0)
    pair_count = models.PositiveIntegerField(default=0)
    cluster_count = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class LinkRecord(models.Model):
    """One record as a run read it: its source and where it came from; its cluster."""

    run = models.ForeignKey(LinkRun, on_delete=models.CASCADE, related_name="records")
    position = models.PositiveIntegerField()  # the record's index in the run (Splink's id)
    source = models.CharField(max_length=120)  # the list's agency, or "tabara" for cases
    case_person = models.ForeignKey(
        "cases.CasePerson", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported = models.ForeignKey(
        ImportedRecord, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    key = models.CharField(max_length=40)  # "case:<id>" or "list:<id>": decisions use it
    cluster = models.PositiveIntegerField()  # position of the cluster's first record

    class Meta:
        ordering = ["run", "position"]
        constraints = [
            models.UniqueConstraint(fields=["run", "position"], name="linkrecord_position")
        ]
        indexes = [models.Index(fields=["run", "cluster"])]

    def __str__(self) -> str:
        return f"{self.key} in run {self.run_id}"


class LinkPair(models.Model):
    """A candidate pair the model scored, with the evidence of each comparison."""

    run = models.ForeignKey(LinkRun, on_delete=models.CASCADE, related_name="pairs")
    left = models.ForeignKey(LinkRecord, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(LinkRecord, on_delete=models.CASCADE, related_name="+")
    match_probability = models.FloatField()
    match_weight = models.FloatField()
    # [{"comparison", "level", "label", "weight"}]: the level hit (-1: a side missing) and
    # its partial match weight (log2 of its Bayes factor, term frequency included).
    evidence = models.JSONField(default=list)

    class Meta:
        ordering = ["run", "-match_probability", "id"]
        indexes = [models.Index(fields=["run", "match_probability"])]

    def __str__(self) -> str:
        return f"pair {self.pk} of run {self.run_id}"


class PairDecision(models.Model):
    """A person's verdict on two records, kept across runs (keyed by the records' keys)."""

    class Verdict(models.TextChoices):
        MATCH = "match", "match"
        NON_MATCH = "non_match", "non_match"
        UNSURE = "unsure", "unsure"

    organization = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+"
    )
    key_a = models.CharField(max_length=40)  # key_a < key_b
    key_b = models.CharField(max_length=40)

    class Mode(models.TextChoices):
        UNCERTAIN = "uncertain", "uncertain"  # from the queue nearest the threshold
        RANDOM = "random", "random"  # from the run's random sample (sampling.py)

    verdict = models.CharField(max_length=10, choices=Verdict.choices)
    mode = models.CharField(max_length=10, choices=Mode.choices, default=Mode.UNCERTAIN)
    decided_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "key_a", "key_b"], name="pairdecision_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key_a} / {self.key_b}: {self.verdict}"
