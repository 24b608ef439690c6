"""Synthetic demo data for `make run`, loaded by the apps that own it.

Core knows no domain app: each app registers a step in its AppConfig.ready() with
`demo_step_register(order, "dotted.path.to.step")`, and `demo_load` runs the steps in order
in one transaction. A step receives the `DemoRun` and adds what it made: staff accounts
(printed with their passwords and TOTP secrets), report receipts and lines to print.
Every name and number is invented. Loading is idempotent: existing rows are kept and the
accounts' sign-in details are printed again.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.module_loading import import_string
from django_otp.plugins.otp_totp.models import TOTPDevice

DEMO_PASSWORD_SUFFIX = "-demo-2026"  # noqa: S105 - synthetic demo accounts, printed on purpose
_STEPS: dict[str, int] = {}


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    organization: str
    totp_secret: str


@dataclass
class DemoRun:
    """What the steps of one `demo_load` made and share with the steps after them."""

    with_villages: bool = True
    accounts: list[DemoAccount] = field(default_factory=list)
    receipts: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    made: dict[str, Any] = field(default_factory=dict)

    def account_add(self, user: Any, password: str) -> None:
        """Record a staff account to print: its role, organization and TOTP secret."""
        device = TOTPDevice.objects.get(user=user, name="default")
        secret = base64.b32encode(bytes.fromhex(device.key)).decode("ascii")
        org = user.organization.short_name if user.organization else ""
        self.accounts.append(DemoAccount(user.username, password, user.roles[0], org, secret))


def demo_step_register(order: int, path: str) -> None:
    """Run the function at `path` (taking a DemoRun) at position `order` of every load."""
    _STEPS[path] = order


def demo_steps() -> list[Callable[[DemoRun], None]]:
    return [import_string(path) for path in sorted(_STEPS, key=lambda p: (_STEPS[p], p))]


@transaction.atomic
def demo_load(*, with_villages: bool = True) -> DemoRun:
    """Load everything `make run` needs; return the accounts, receipts and lines to print."""
    run = DemoRun(with_villages=with_villages)
    for step in demo_steps():
        step(run)
    return run
