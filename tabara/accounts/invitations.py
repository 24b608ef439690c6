"""Invitations: a single-use, 72-hour link to set a password and enrol a second factor.

The link carries a random token; only its keyed hash is stored. The TOTP secret offered on
the enrolment page is fixed when the link is made, and the account (or, for a reset, the
new device) exists only once the invitee has proved they can produce a code from it. Ten
recovery codes are then shown once and stored as keyed hashes.
"""

from __future__ import annotations

import secrets
from base64 import b32encode
from datetime import timedelta
from urllib.parse import quote

import segno
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from tabara.accounts.models import (
    Invitation,
    Organization,
    RecoveryCode,
    RecoveryCodeDevice,
    User,
    recovery_code_digest,
)
from tabara.accounts.policy import grant_check
from tabara.accounts.roles import Role
from tabara.accounts.services import staff_user_create
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record
from tabara.core.crypto import keyed_hash
from tabara.core.links import absolute_url
from tabara.notifications.models import Channel
from tabara.notifications.services import notification_enqueue

INVITATION_LIFETIME = timedelta(hours=72)
RECOVERY_CODES = 10
ISSUER = "Tabara"


class InvitationError(Exception):
    """An invitation that cannot be made or used; the message is shown to the person."""


def _token_hash(token: str) -> str:
    return keyed_hash(token, purpose="invitation")


def invitation_link(token: str, language: str) -> str:
    """The absolute address of the acceptance page in the given language."""
    with translation.override(language):
        return absolute_url(reverse("accounts:invitation", args=[token]))


def _email_send(invitation: Invitation, token: str, language: str) -> None:
    link = invitation_link(token, language)
    with translation.override(language):
        subject = _("Your Tabara staff account")
        body = _(
            "You have been invited to Tabara as staff of %(organization)s.\n\n"
            "Open this link within 72 hours to set your password and your sign-in codes. "
            "It works only once:\n%(link)s\n\n"
            "If you did not expect this message, ignore it."
        ) % {"organization": invitation.organization.name, "link": link}
    notification_enqueue(
        event_key=f"invitation:{invitation.pk}",
        channel=Channel.EMAIL,
        subject=subject,
        body=body,
        email=invitation.email,
    )


@transaction.atomic
def invitation_create(
    *,
    by: User | None,
    email: str,
    organization: Organization,
    roles: list[Role],
    language: str,
    purpose: Invitation.Purpose = Invitation.Purpose.JOIN,
    user: User | None = None,
) -> tuple[Invitation, str]:
    """Make an invitation, e-mail its link through the outbox, and audit it.

    Returns the invitation and its link. `by` is None only for bootstrap_admin. Earlier
    open invitations for the same address stop working.
    """
    email = email.strip().lower()
    if by is not None:
        grant_check(by, target=user, roles=roles)
    if purpose == Invitation.Purpose.JOIN and User.objects.filter(username__iexact=email).exists():
        raise InvitationError(_("This address already has a staff account."))
    now = timezone.now()
    Invitation.objects.filter(email=email, used_at__isnull=True, expires_at__gt=now).update(
        expires_at=now
    )
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email,
        organization=organization,
        roles=[role.value for role in roles],
        purpose=purpose,
        token_hash=_token_hash(token),
        totp_key=random_hex(20),
        user=user,
        created_by=by,
        created_at=now,
        expires_at=now + INVITATION_LIFETIME,
    )
    audit_record(
        actor=by,
        action=AuditAction.STAFF_INVITED,
        target_type="invitation",
        target_id=invitation.pk,
        extra={
            "email": email,
            "organization": organization.pk,
            "roles": invitation.roles,
            "purpose": purpose,
        },
    )
    _email_send(invitation, token, language)
    return invitation, invitation_link(token, language)


def invitation_open(*, token: str) -> Invitation:
    """The invitation this token opens, if it is unused and unexpired."""
    invitation = (
        Invitation.objects.select_related("organization", "user")
        .filter(token_hash=_token_hash(token))
        .first()
    )
    if invitation is None or not invitation.is_open():
        raise InvitationError(
            _(
                "This link has expired or has already been used. "
                "Ask your administrator for a new one."
            )
        )
    return invitation


def totp_secret_text(invitation: Invitation) -> str:
    """The TOTP secret in base32, in groups of four, for typing into an app by hand."""
    secret = b32encode(bytes.fromhex(invitation.totp_key)).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def totp_qr_svg(invitation: Invitation) -> str:
    """The otpauth:// address of the secret as an inline SVG QR code, drawn server-side."""
    secret = totp_secret_text(invitation).replace(" ", "")
    label = quote(f"{ISSUER}:{invitation.email}")
    address = f"otpauth://totp/{label}?secret={secret}&issuer={ISSUER}&digits=6&period=30"
    return str(segno.make(address, error="m").svg_inline(scale=4, title=_("QR code")))


def _code_step(key_hex: str, code: str) -> int | None:
    """The time step whose code this is (within one step of now), or None."""
    totp = TOTP(bytes.fromhex(key_hex), step=30, t0=0, digits=6, drift=0)
    if not code.strip().isdigit() or not totp.verify(int(code.strip()), tolerance=1):
        return None
    return int(totp.t()) + int(totp.drift)


def recovery_codes_issue(*, user: User) -> list[str]:
    """Replace the user's recovery codes with ten new ones; return them to show once."""
    RecoveryCodeDevice.objects.filter(user=user).delete()
    device = RecoveryCodeDevice.objects.create(user=user, name="recovery", confirmed=True)
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    codes = []
    for _n in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(alphabet) for _i in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    RecoveryCode.objects.bulk_create(
        RecoveryCode(device=device, digest=recovery_code_digest(code)) for code in codes
    )
    return codes


@transaction.atomic
def invitation_accept(*, token: str, password: str, otp_code: str) -> tuple[User, list[str]]:
    """Use the invitation once: set the password, enrol the TOTP device, issue codes.

    Raises InvitationError for a used or expired link or a wrong code, and Django's
    ValidationError for a password the validators refuse. Nothing is saved then.
    """
    invitation = invitation_open(token=token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_open():
        raise InvitationError(_("This link has already been used."))
    step = _code_step(invitation.totp_key, otp_code)
    if step is None:
        raise InvitationError(_("That code does not match. Check the key and try the next code."))
    user = invitation.user
    validate_password(password, user)
    if user is None:
        user, _device = staff_user_create(
            username=invitation.email,
            email=invitation.email,
            password=password,
            organization=invitation.organization,
            roles=[Role(name) for name in invitation.roles],
            totp_key=invitation.totp_key,
        )
    else:
        TOTPDevice.objects.filter(user=user).delete()
        TOTPDevice.objects.create(
            user=user, name="default", confirmed=True, key=invitation.totp_key
        )
        user.set_password(password)
        user.save(update_fields=["password"])
    # The code just typed to enrol cannot be used again to sign in.
    TOTPDevice.objects.filter(user=user).update(last_t=step)
    codes = recovery_codes_issue(user=user)
    invitation.used_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["used_at", "user"])
    audit_record(
        actor=user,
        action=AuditAction.INVITATION_ACCEPTED,
        target_type="user",
        target_id=user.pk,
        extra={"invitation": invitation.pk, "purpose": invitation.purpose},
    )
    return user, codes
