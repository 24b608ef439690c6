"""Organizations and the staff who work in them."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from tabara.accounts.roles import Perm, Role, permissions_for


class Organization(models.Model):
    """An agency or organization taking part in the response (RIB, DGIE, an NGO...)."""

    class Kind(models.TextChoices):
        INVESTIGATION = "investigation", _("Investigation bureau")
        POLICE = "police", _("Police")
        IMMIGRATION = "immigration", _("Immigration")
        PROSECUTION = "prosecution", _("Prosecution")
        CHILD_PROTECTION = "child_protection", _("Child protection")
        ONE_STOP_CENTRE = "one_stop_centre", _("One-stop centre")
        SHELTER = "shelter", _("Shelter or NGO")
        INTERNATIONAL = "international", _("International organization")
        MINISTRY = "ministry", _("Ministry")
        CIVIL_SOCIETY = "civil_society", _("Civil society")

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=30, unique=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    district = models.ForeignKey(
        "geo.AdminUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["short_name"]

    def __str__(self) -> str:
        return self.short_name


class StaffLanguage(models.TextChoices):
    """The languages a staff member can read Tabara and its alerts in, named in themselves."""

    KINYARWANDA = "rw", "Ikinyarwanda"
    ENGLISH = "en", "English"
    FRENCH = "fr", "Français"


class User(AbstractUser):
    """A staff member: belongs to exactly one organization and holds one or more roles.

    `language` is the one they chose: alerts sent to them are written in it.
    """

    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="members"
    )
    roles = models.JSONField(default=list, blank=True)
    language = models.CharField(
        max_length=5, choices=StaffLanguage.choices, default=StaffLanguage.KINYARWANDA
    )

    class Meta:
        ordering = ["username"]

    def __str__(self) -> str:
        return self.username

    def has_role(self, role: Role) -> bool:
        return role.value in self.roles

    def can(self, perm: Perm) -> bool:
        """True when an active, organization-bound user's roles grant the permission."""
        if not self.is_active or self.organization_id is None:
            return False
        return perm in permissions_for(list(self.roles))


class SignInThrottle(models.Model):
    """The consecutive failed sign-ins of one account name; a successful sign-in deletes it."""

    username = models.CharField(max_length=150, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.username}: {self.failures}"
