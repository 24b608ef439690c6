"""Staff sign-in with a second factor, and the accounts that demo data and admins create."""

from __future__ import annotations

import time
from datetime import timedelta

import django_ratelimit as ratelimit
from django.contrib.auth import authenticate
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_ratelimit.core import is_ratelimited

from tabara.accounts.models import (
    Organization,
    RecoveryCodeDevice,
    SignInThrottle,
    StaffLanguage,
    User,
)
from tabara.accounts.roles import Role
from tabara.accounts.throttle import delay_after
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record

# Failures from one address before it must wait: generous, since an office shares one.
ADDRESS_FAILURES = "30/15m"
ADDRESS_WAIT = timedelta(minutes=15)


class SignInError(Exception):
    """The password or the one-time code was wrong (deliberately not saying which)."""


class CodeReusedError(SignInError):
    """The password was right, but the one-time code had already been used to sign in."""


class SignInThrottled(Exception):
    """Too many recent failures for this account (or this address): wait before trying."""

    def __init__(self, wait: timedelta) -> None:
        super().__init__(wait)
        self.wait = wait


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
    totp_key: str | None = None,
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
    device = TOTPDevice(user=user, name="default", confirmed=True)
    if totp_key is not None:
        device.key = totp_key
    device.save()
    return user, device


def _address_throttled(request: HttpRequest, *, count: bool) -> bool:
    """A cap on failures from one address, so one client cannot try every account.

    Only failures are counted (`count=True` is called after a failure), never successes.
    """
    return bool(
        is_ratelimited(
            request,
            group="login-ip-failures",
            key="ip",
            rate=ADDRESS_FAILURES,
            method=ratelimit.ALL,
            increment=count,
        )
    )


def sign_in_wait(*, username: str) -> timedelta:
    """How long this account must still wait before its next sign-in attempt is checked."""
    row = SignInThrottle.objects.filter(username=username.strip().lower()).first()
    if row is None:
        return timedelta(0)
    remaining = row.last_failure_at + delay_after(row.failures) - timezone.now()
    return max(remaining, timedelta(0))


def sign_in_failure_record(username: str) -> None:
    """Count one failed attempt against the account (sign-in, or a command's second factor)."""
    key = username.strip().lower()[:150]
    now = timezone.now()
    row, created = SignInThrottle.objects.get_or_create(
        username=key, defaults={"failures": 1, "last_failure_at": now}
    )
    if not created:
        SignInThrottle.objects.filter(pk=row.pk).update(
            failures=F("failures") + 1, last_failure_at=now
        )


def _code_was_used(device: TOTPDevice, token: str) -> bool:
    """True when the code is genuine but belongs to a time step already used to sign in."""
    if not token.isdigit() or device.last_t < 0:
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return bool(totp.verify(int(token), device.tolerance, 0))


def staff_sign_in(*, request: HttpRequest, username: str, password: str, otp_token: str) -> User:
    """Check the password and the TOTP code; on success start an OTP-verified session.

    Refused without checking anything while the account (or the address) is throttled.
    Every outcome is audited: signed in, failed (with the reason) and throttled.
    """
    wait = sign_in_wait(username=username)
    if wait or _address_throttled(request, count=False):
        audit_record(
            actor=None, action=AuditAction.LOGIN_THROTTLED, extra={"username": username[:150]}
        )
        raise SignInThrottled(wait or ADDRESS_WAIT)
    user = authenticate(request, username=username, password=password)
    token = otp_token.strip()
    reused = False
    device: TOTPDevice | RecoveryCodeDevice | None = None
    if isinstance(user, User) and user.organization is not None and user.organization.is_active:
        if token.isdigit():
            devices = list(TOTPDevice.objects.devices_for_user(user, confirmed=True))
            device = next((d for d in devices if d.verify_token(token)), None)
            reused = device is None and any(_code_was_used(d, token) for d in devices)
        else:
            recovery = RecoveryCodeDevice.objects.filter(user=user, confirmed=True)
            device = next((d for d in recovery if d.verify_token(token)), None)
    if not isinstance(user, User) or device is None:
        sign_in_failure_record(username)
        _address_throttled(request, count=True)
        reason = "code_reused" if reused else "password_or_code"
        audit_record(
            actor=None,
            action=AuditAction.LOGIN_FAILED,
            extra={"username": username[:150], "reason": reason},
        )
        raise CodeReusedError if reused else SignInError
    SignInThrottle.objects.filter(username=username.strip().lower()).delete()
    from django.contrib.auth import login

    login(request, user)
    otp_login(request, device)
    method = "recovery_code" if isinstance(device, RecoveryCodeDevice) else "totp"
    audit_record(
        actor=user,
        action=AuditAction.LOGIN,
        target_type="user",
        target_id=user.pk,
        extra={"method": method},
    )
    return user


@transaction.atomic
def user_language_set(*, user: User, language: StaffLanguage) -> User:
    """Record the language a staff member reads Tabara in; their alerts are written in it."""
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language
    return user
