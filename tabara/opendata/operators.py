"""Who runs an open-data command: a staff member named on the command line, proven by TOTP.

The command runs on the server, where the keys are; the staff account it names must hold
the permission and type the current code of its authenticator. Failures count against the
account's sign-in throttle and are audited like every refusal.
"""

from __future__ import annotations

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from tabara.accounts.models import User
from tabara.accounts.roles import Perm
from tabara.accounts.services import sign_in_failure_record, sign_in_wait
from tabara.audit.models import AuditAction
from tabara.audit.services import audit_record


class OperatorRefused(Exception):
    """The named staff member may not run this command, or did not prove who they are."""


def refusal_record(*, actor: User | None, command: str, reason: str, **extra: object) -> None:
    """Audit a refused export or release in its own transaction (nothing else was written)."""
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=AuditAction.OPEN_DATA_REFUSED,
            extra={"command": command, "reason": reason, **extra},
        )


def operator_identify(*, username: str, code: str, perm: Perm, command: str) -> User:
    """The active staff member `username` holding `perm`, if `code` is their TOTP code now."""
    name = username.strip()
    if sign_in_wait(username=name):
        refusal_record(actor=None, command=command, reason="throttled", username=name[:150])
        raise OperatorRefused("too many failed attempts; wait, then try again")
    user = User.objects.select_related("organization").filter(username=name).first()
    token = code.strip()
    device = None
    if user is not None and token.isdigit():
        devices = TOTPDevice.objects.devices_for_user(user, confirmed=True)
        device = next((d for d in devices if d.verify_token(token)), None)
    if user is None or device is None:
        with transaction.atomic():
            sign_in_failure_record(name)
        refusal_record(actor=None, command=command, reason="code", username=name[:150])
        raise OperatorRefused("unknown staff member or wrong code")
    if not user.can(perm):
        refusal_record(actor=user, command=command, reason="permission")
        raise OperatorRefused(f"{user.username} does not hold the permission {perm}")
    return user
