"""Staff sign-in with a second factor, and the accounts that demo data and admins create."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.db import transaction
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from tabara.accounts.models import Organization, StaffLanguage, User
from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record


class SignInError(Exception):
    """The password or the one-time code was wrong (deliberately not saying which)."""


@transaction.atomic
def staff_user_create(
    *,
    username: str,
    password: str,
    organization: Organization,
    roles: list[Role],
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> tuple[User, TOTPDevice]:
    """Create a staff user with a confirmed TOTP device; every staff login needs it."""
    user = User(
        username=username,
        organization=organization,
        roles=[role.value for role in roles],
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    device = TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    return user, device


def staff_sign_in(*, request: HttpRequest, username: str, password: str, otp_token: str) -> User:
    """Check the password and the TOTP code; on success start an OTP-verified session."""
    user = authenticate(request, username=username, password=password)
    device = None
    if isinstance(user, User):
        device = next(
            (
                candidate
                for candidate in TOTPDevice.objects.devices_for_user(user, confirmed=True)
                if candidate.verify_token(otp_token.strip())
            ),
            None,
        )
    if not isinstance(user, User) or device is None:
        audit_record(
            actor=None, action=AuditAction.LOGIN_FAILED, extra={"username": username[:150]}
        )
        raise SignInError
    from django.contrib.auth import login

    login(request, user)
    otp_login(request, device)
    audit_record(actor=user, action=AuditAction.LOGIN, target_type="user", target_id=user.pk)
    return user


@transaction.atomic
def user_language_set(*, user: User, language: StaffLanguage) -> User:
    """Record the language a staff member reads Tabara in; their alerts are written in it."""
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language
    return user
