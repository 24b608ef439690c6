"""Organizations and the staff who work in them."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device

from tabara.accounts.roles import Perm, Role, permissions_for
from tabara.core.crypto import keyed_hash
from tabara.core.fields import EncryptedTextField
from tabara.core.models import EncryptedRowModel


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
    contact_name = models.CharField(max_length=150, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=30, blank=True)
    # A deactivated organization's staff can no longer sign in or open any staff page.
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["short_name"]

    def __str__(self) -> str:
        return self.short_name


class StaffLanguage(models.TextChoices):
    """The languages a staff member can read Tabara and its alerts in, named in themselves."""

    KINYARWANDA = "rw", "Ikinyarwanda"
    ENGLISH = "en", "English"
    FRENCH = "fr", "Français"


class User(AbstractUser):  # type: ignore[django-manager-missing]  # untyped django-otp Device
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
        if not self.is_active or self.organization is None or not self.organization.is_active:
            return False
        return perm in permissions_for(list(self.roles))


class SignInThrottle(models.Model):
    """The consecutive failed sign-ins of one account name; a successful sign-in deletes it."""

    username = models.CharField(max_length=150, unique=True)
    failures = models.PositiveIntegerField(default=0)
    last_failure_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.username}: {self.failures}"


class Invitation(EncryptedRowModel):
    """A single-use link that lets one person set a password and enrol a second factor.

    Only a keyed hash of the link's token is stored. `user` is set for a second-factor reset
    (an existing account) and on acceptance of a new one.
    """

    class Purpose(models.TextChoices):
        JOIN = "join", _("Join")
        RESET = "reset", _("Second factor reset")

    email = models.EmailField()
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="+")
    roles = models.JSONField(default=list)
    purpose = models.CharField(max_length=10, choices=Purpose.choices, default=Purpose.JOIN)
    token_hash = models.CharField(max_length=64, unique=True)
    # The TOTP secret offered on the enrolment page, fixed when the link is made so that the
    # QR code stays the same when the page is shown again.
    totp_key = EncryptedTextField()
    user = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="invitations"
    )
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.purpose} {self.email}"

    def is_open(self) -> bool:
        return self.used_at is None and timezone.now() < self.expires_at


def recovery_code_digest(code: str) -> str:
    """Keyed hash of a recovery code, ignoring case, spaces and dashes."""
    normalised = "".join(ch for ch in code.lower() if ch.isalnum())
    return keyed_hash(normalised, purpose="recovery-code")


class RecoveryCodeDevice(Device):  # type: ignore[misc]  # django-otp ships no type hints
    """A user's ten single-use recovery codes: a django-otp device usable instead of TOTP.

    Codes are stored only as keyed hashes; a used code is kept, marked used, never deleted.
    """

    def verify_token(self, token: str) -> bool:
        used = RecoveryCode.objects.filter(
            device=self, digest=recovery_code_digest(token), used_at__isnull=True
        ).update(used_at=timezone.now())
        return used == 1


class RecoveryCode(models.Model):
    """One recovery code of a RecoveryCodeDevice, as a keyed hash."""

    device = models.ForeignKey(RecoveryCodeDevice, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.digest[:8]
