"""Cases, the people in them and their timeline."""

from __future__ import annotations

from django.db import models

from tabara.cases.choices import (
    AssessmentKind,
    CaseSource,
    CaseStatus,
    ClosureReason,
    EventKind,
    ExploitationType,
    FollowUpOutcome,
    Gender,
    PersonRole,
    RecruitmentChannel,
    ScreeningOutcome,
    ServiceStatus,
    ServiceType,
)
from tabara.core.fields import EncryptedTextField
from tabara.core.models import EncryptedRowModel


class Case(EncryptedRowModel):
    """A situation of suspected trafficking that an organization is working on.

    The owning organization is the one assigned to it; others see it only through an
    accepted referral (tabara/cases/access.py). Free text is encrypted at rest.
    """

    status = models.CharField(max_length=16, choices=CaseStatus.choices, default=CaseStatus.ACTIVE)
    source = models.CharField(max_length=10, choices=CaseSource.choices)
    report = models.ForeignKey(
        "intake.Report", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    owner_org = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="owned_cases"
    )
    opened_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    screening_outcome = models.CharField(
        max_length=16, choices=ScreeningOutcome.choices, default=ScreeningOutcome.NOT_SCREENED
    )
    child_involved = models.BooleanField(default=False)
    exploitation_type = models.CharField(
        max_length=20, choices=ExploitationType.choices, default=ExploitationType.UNKNOWN
    )
    other_exploitation_types = models.JSONField(default=list, blank=True)
    recruitment_channel = models.CharField(
        max_length=15, choices=RecruitmentChannel.choices, default=RecruitmentChannel.UNKNOWN
    )
    origin_sector = models.ForeignKey(
        "geo.AdminUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    district = models.ForeignKey(
        "geo.AdminUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    border_post = models.ForeignKey(
        "geo.BorderPost", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    border_crossed = models.BooleanField(default=False)
    destination_district = models.ForeignKey(
        "geo.AdminUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    destination_country = models.CharField(max_length=2, blank=True)
    summary = EncryptedTextField(blank=True)

    consent_to_share = models.BooleanField(default=False)
    consent_recorded_at = models.DateTimeField(null=True, blank=True)

    # The worker who leads the case and their supervisor, both of the owning organization.
    assigned_to = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    supervisor = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closure_reason = models.CharField(max_length=20, choices=ClosureReason.choices, blank=True)
    closure_details = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["-opened_at", "-id"]
        indexes = [
            models.Index(fields=["assigned_to", "status"]),
            models.Index(fields=["supervisor", "status"]),
            models.Index(fields=["owner_org", "-opened_at"]),
            models.Index(fields=["owner_org", "status", "-opened_at"]),
            models.Index(fields=["owner_org", "status", "updated_at"]),
            models.Index(fields=["owner_org", "exploitation_type", "-opened_at"]),
            models.Index(fields=["owner_org", "district", "-opened_at"]),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"C-{self.pk:06d}" if self.pk else "C-new"

    @property
    def all_exploitation_types(self) -> list[str]:
        return [self.exploitation_type, *self.other_exploitation_types]


class CasePerson(EncryptedRowModel):
    """A person with a role in a case; every identifying field is encrypted at rest."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(max_length=22, choices=PersonRole.choices)
    full_name = EncryptedTextField(blank=True)
    phone = EncryptedTextField(blank=True)
    identity_number = EncryptedTextField(blank=True)
    description = EncryptedTextField(blank=True)
    needs = EncryptedTextField(blank=True)
    gender = models.CharField(max_length=10, choices=Gender.choices, default=Gender.UNKNOWN)
    age = models.PositiveSmallIntegerField(null=True, blank=True)
    is_child = models.BooleanField(default=False)
    citizenship = models.CharField(max_length=2, blank=True)
    added_at = models.DateTimeField()

    class Meta:
        ordering = ["case", "role", "id"]

    def __str__(self) -> str:
        return f"{self.role} in {self.case_id}"


class CaseEvent(EncryptedRowModel):
    """One entry of a case's timeline, in the words staff read; never identifying."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    at = models.DateTimeField()
    actor = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    organization = models.ForeignKey(
        "accounts.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The organization the entry is about (a referral's receiver), when not the actor's own:
    # a partner with a limited view sees only entries about itself (tabara/cases/access.py).
    subject_org = models.ForeignKey(
        "accounts.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # What the entry says, as codes named in the reader's language (tabara/cases/event_labels.py):
    # [["service", "shelter"], ["service_status", "in_progress"]]. `note` keeps only words
    # without a translation (an organization's name, a free reason).
    codes = models.JSONField(default=list, blank=True)
    note = EncryptedTextField(blank=True)
    needs_full_scope = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["case", "at"])]

    def __str__(self) -> str:
        return f"{self.kind} on {self.case_id}"

    @property
    def detail(self) -> str:
        """The entry's codes named in the active language, then its note."""
        from tabara.cases.event_labels import event_detail

        return event_detail(self.codes, self.note)


class CaseNote(EncryptedRowModel):
    """A case worker's note, encrypted; never edited: a correction is a new note pointing back.

    Seen by the owning organization and partners with a full view, never by a partner
    limited to the victims' needs (tabara/cases/casework.py).
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    author_org = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField()
    text = EncryptedTextField()
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections"
    )

    class Meta:
        ordering = ["written_at", "id"]
        indexes = [models.Index(fields=["case", "written_at"])]

    def __str__(self) -> str:
        return f"note {self.pk} on {self.case_id}"


class CaseService(EncryptedRowModel):
    """One service of a victim's plan, provided by an organization (possibly the owner)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="services")
    service_type = models.CharField(max_length=20, choices=ServiceType.choices)
    provider_org = models.ForeignKey(
        "accounts.Organization", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=12, choices=ServiceStatus.choices, default=ServiceStatus.PLANNED
    )
    planned_on = models.DateField(null=True, blank=True)
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    outcome = EncryptedTextField(blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["case", "provider_org"]),
            models.Index(fields=["status", "planned_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.service_type} on {self.case_id}"


class CaseServiceUpdate(EncryptedRowModel):
    """One step of a service's progress, by whoever recorded it (the history of the service)."""

    service = models.ForeignKey(CaseService, on_delete=models.CASCADE, related_name="updates")
    at = models.DateTimeField()
    by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    by_org = models.ForeignKey("accounts.Organization", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=12, choices=ServiceStatus.choices)
    note = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.status} of service {self.service_id}"


class CaseAssessment(EncryptedRowModel):
    """One structured assessment; a new one never replaces the last, so history stays."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assessments")
    kind = models.CharField(max_length=10, choices=AssessmentKind.choices)
    answers = EncryptedTextField()  # JSON of question → answer (tabara/cases/assessment.py)
    level = models.CharField(max_length=10)
    notes = EncryptedTextField(blank=True)
    assessed_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    assessed_at = models.DateTimeField()

    class Meta:
        ordering = ["-assessed_at", "-id"]
        indexes = [models.Index(fields=["case", "kind", "-assessed_at"])]

    def __str__(self) -> str:
        return f"{self.kind} assessment of {self.case_id}"


class CaseFollowUp(EncryptedRowModel):
    """A reintegration follow-up due some months after closure; the assigned worker is reminded."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="follow_ups")
    months = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    reminded_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(max_length=16, choices=FollowUpOutcome.choices, blank=True)
    note = EncryptedTextField(blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["done_at", "reminded_at", "due_on"])]
        constraints = [
            models.UniqueConstraint(fields=["case", "months"], name="one_follow_up_per_interval")
        ]

    def __str__(self) -> str:
        return f"{self.months}-month follow-up of {self.case_id}"
