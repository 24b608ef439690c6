"""Administration of organizations and staff: every change checked by the policy, audited.

The access functions in policy.py decide reach; these services add the rules of each change
and write the audit event in the same transaction.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from tabara.accounts.invitations import invitation_create
from tabara.accounts.models import Invitation, Organization, RecoveryCodeDevice, User
from tabara.accounts.policy import (
    AccountNotFound,
    access_organization_by_id,
    access_staff_by_id,
    grant_check,
)
from tabara.accounts.roles import Perm, Role
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record

ORGANIZATION_FIELDS = (
    "name",
    "short_name",
    "kind",
    "district",
    "contact_name",
    "contact_email",
    "contact_phone",
)


def _value(organization: Organization, field: str) -> Any:
    return organization.district_id if field == "district" else getattr(organization, field)


@transaction.atomic
def organization_create(*, admin: User, **fields: Any) -> Organization:
    """Create an organization; only a national administrator may."""
    if not admin.can(Perm.ACCOUNTS_MANAGE_ALL):
        raise AccountNotFound
    organization = Organization(
        **{key: fields[key] for key in ORGANIZATION_FIELDS if key in fields}
    )
    organization.full_clean()
    organization.save()
    audit_record(
        actor=admin,
        action=AuditAction.ORGANIZATION_CREATED,
        target_type="organization",
        target_id=organization.pk,
        extra={"short_name": organization.short_name, "kind": organization.kind},
    )
    return organization


@transaction.atomic
def organization_update(*, admin: User, organization_id: int, **fields: Any) -> Organization:
    """Change an organization's details; the audit event lists each change."""
    organization = access_organization_by_id(admin, organization_id)
    before = {field: _value(organization, field) for field in ORGANIZATION_FIELDS}
    for key in ORGANIZATION_FIELDS:
        if key in fields:
            setattr(organization, key, fields[key])
    organization.full_clean()
    organization.save()
    changes = {
        field: [before[field], _value(organization, field)]
        for field in ORGANIZATION_FIELDS
        if before[field] != _value(organization, field)
    }
    audit_record(
        actor=admin,
        action=AuditAction.ORGANIZATION_UPDATED,
        target_type="organization",
        target_id=organization.pk,
        extra={"changes": changes},
    )
    return organization


def _sessions_end(user: User) -> None:
    """End every session of the user at once: the session hash derives from the password."""
    user.set_unusable_password()
    user.save(update_fields=["password"])
    now = timezone.now()
    Invitation.objects.filter(email=user.email, used_at__isnull=True, expires_at__gt=now).update(
        expires_at=now
    )


@transaction.atomic
def organization_deactivate(*, admin: User, organization_id: int) -> Organization:
    """Deactivate another organization (national administrators only); its staff are out."""
    if not admin.can(Perm.ACCOUNTS_MANAGE_ALL):
        raise AccountNotFound
    organization = access_organization_by_id(admin, organization_id)
    if organization.pk == admin.organization_id:
        raise AccountNotFound
    organization.is_active = False
    organization.save(update_fields=["is_active"])
    members = list(User.objects.filter(organization=organization, is_active=True))
    for member in members:
        _sessions_end(member)
    audit_record(
        actor=admin,
        action=AuditAction.ORGANIZATION_DEACTIVATED,
        target_type="organization",
        target_id=organization.pk,
        extra={"staff_signed_out": len(members)},
    )
    return organization


@transaction.atomic
def staff_roles_change(*, admin: User, user_id: int, roles: list[Role]) -> User:
    """Replace a staff member's roles with ones the administrator may grant."""
    user = access_staff_by_id(admin, user_id)
    grant_check(admin, target=user, roles=roles)
    before = list(user.roles)
    user.roles = sorted(role.value for role in roles)
    user.save(update_fields=["roles"])
    audit_record(
        actor=admin,
        action=AuditAction.STAFF_ROLES_CHANGED,
        target_type="user",
        target_id=user.pk,
        extra={"before": before, "after": user.roles},
    )
    return user


@transaction.atomic
def staff_deactivate(*, admin: User, user_id: int) -> User:
    """Deactivate a staff member: every one of their sessions ends at once."""
    user = access_staff_by_id(admin, user_id)
    grant_check(admin, target=user, roles=[])
    user.is_active = False
    user.save(update_fields=["is_active"])
    _sessions_end(user)
    audit_record(
        actor=admin, action=AuditAction.STAFF_DEACTIVATED, target_type="user", target_id=user.pk
    )
    return user


class AccountStateRefused(Exception):
    """The account is not in a state where this change applies; `reason` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _enrol_again(*, admin: User, user: User, language: str) -> tuple[Invitation, str]:
    """Remove every second factor, end the sessions, and invite the person to enrol again."""
    assert user.organization is not None  # noqa: S101 - checked by the callers
    TOTPDevice.objects.filter(user=user).delete()
    RecoveryCodeDevice.objects.filter(user=user).delete()
    _sessions_end(user)
    return invitation_create(
        by=admin,
        email=user.email or user.username,
        organization=user.organization,
        roles=[],
        language=language,
        purpose=Invitation.Purpose.RESET,
        user=user,
    )


@transaction.atomic
def staff_second_factor_reset(*, admin: User, user_id: int, language: str) -> str:
    """Remove a staff member's second factors and send a link to enrol a new one.

    Their sessions end and their password stops working: whoever holds the lost phone
    cannot use it, and the person sets both again through the new link.
    """
    user = access_staff_by_id(admin, user_id)
    grant_check(admin, target=user, roles=[])
    if not user.is_active or user.organization is None:
        raise AccountNotFound
    invitation, link = _enrol_again(admin=admin, user=user, language=language)
    audit_record(
        actor=admin,
        action=AuditAction.SECOND_FACTOR_RESET,
        target_type="user",
        target_id=user.pk,
        extra={"invitation": invitation.pk},
    )
    return link


@transaction.atomic
def staff_reactivate(*, admin: User, user_id: int, language: str) -> str:
    """Let a deactivated staff member back in, under the same rules as deactivating them.

    The account does not come back as it was: deactivation ended its password, and its
    authenticator and recovery codes may have left with the person's old phone or desk, so
    they are removed and the person gets a single-use link (72 hours) to set a new password
    and enrol a new second factor. Roles stay as they were; the audit event names them.
    """
    user = access_staff_by_id(admin, user_id)
    grant_check(admin, target=user, roles=[])
    if user.is_active:
        raise AccountStateRefused("active")
    if user.organization is None or not user.organization.is_active:
        raise AccountStateRefused("organization")
    user.is_active = True
    user.save(update_fields=["is_active"])
    invitation, link = _enrol_again(admin=admin, user=user, language=language)
    audit_record(
        actor=admin,
        action=AuditAction.STAFF_REACTIVATED,
        target_type="user",
        target_id=user.pk,
        extra={"invitation": invitation.pk, "roles": list(user.roles)},
    )
    return link
