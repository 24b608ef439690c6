"""Factories for organizations and staff (synthetic names only)."""

from __future__ import annotations

import factory
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from factory.declarations import LazyAttribute, Sequence

from tabara.accounts.models import Organization, User
from tabara.accounts.roles import Role
from tabara.accounts.services import staff_user_create

RWANDAN_FIRST = ["Aline", "Eric", "Claudine", "Olivier", "Diane", "Patrick", "Grace", "Emmanuel"]
RWANDAN_LAST = [
    "Uwase",
    "Habimana",
    "Mukamana",
    "Nshimiyimana",
    "Ingabire",
    "Mugisha",
    "Iradukunda",
]
PASSWORD = "correct-horse-battery-staple"


class OrganizationFactory(factory.django.DjangoModelFactory[Organization]):
    class Meta:
        model = Organization
        django_get_or_create = ("short_name",)

    short_name = Sequence(lambda n: f"ORG{n}")
    name = LazyAttribute(lambda o: f"Demo organization {o.short_name}")
    kind = Organization.Kind.INVESTIGATION


_counter = iter(range(10**9))


def staff_factory(
    *, roles: list[Role] | None = None, organization: Organization | None = None, **extra: str
) -> User:
    """A staff user with a confirmed TOTP device and the password PASSWORD."""
    n = next(_counter)
    user, _device = staff_user_create(
        username=extra.get("username", f"staff{n}"),
        password=PASSWORD,
        organization=organization or OrganizationFactory.create(),
        roles=roles or [Role.INTAKE_OFFICER],
        first_name=RWANDAN_FIRST[n % len(RWANDAN_FIRST)],
        last_name=RWANDAN_LAST[n % len(RWANDAN_LAST)],
    )
    return user


def signed_in(user: User) -> Client:
    """A test client signed in as `user` with both factors (password and TOTP device)."""
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = TOTPDevice.objects.get(user=user).persistent_id
    session.save()
    return client


def totp_code(user: User) -> str:
    """The code the user's authenticator app shows now (their confirmed TOTP device)."""
    device = TOTPDevice.objects.get(user=user)
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"
