"""Invitations: bootstrap_admin, the e-mailed single-use 72-hour link, TOTP enrolment."""

from __future__ import annotations

import re
from base64 import b32decode
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.oath import TOTP

from tabara.accounts.invitations import invitation_create
from tabara.accounts.models import Organization, RecoveryCode, User
from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import OrganizationFactory
from tabara.audit.models import AuditAction, AuditEvent
from tabara.notifications.services import notifications_sweep

START = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
NEW_PASSWORD = "a-long-new-passphrase-42"


def code_from_key_text(page: str, at: datetime) -> str:
    """What an authenticator app shows for the key printed on the page."""
    key = re.search(r'<code id="totp-key" class="key">([A-Z2-7 ]+)</code>', page)
    assert key is not None
    secret = b32decode(key.group(1).replace(" ", ""))
    totp = TOTP(secret, step=30, t0=0, digits=6)
    totp.time = at.timestamp()
    return f"{totp.token():06d}"


def path_of(link: str) -> str:
    return link.removeprefix("https://tabara.test")


@pytest.mark.django_db
def test_bootstrap_admin_invites_the_first_national_administrator(fake_smtp) -> None:
    out = StringIO()
    call_command(
        "bootstrap_admin",
        "--org-name=Rwanda Investigation Bureau",
        "--org-short-name=RIB",
        "--org-type=investigation",
        "--email=Admin@Example.org",
        "--language=en",
        stdout=out,
    )
    link = out.getvalue().strip().splitlines()[-1]
    assert link.startswith("https://tabara.test/en/staff/invitation/")
    organization = Organization.objects.get(short_name="RIB")
    assert organization.kind == "investigation"
    assert notifications_sweep() == 1
    [message] = fake_smtp.received
    assert fake_smtp.envelopes[0][1] == ["admin@example.org"]
    assert link in message.get_content()
    assert AuditEvent.objects.filter(action=AuditAction.STAFF_INVITED).count() == 1
    with time_machine.travel(START, tick=False):
        page = Client().get(path_of(link)).content.decode()
        response = Client().post(
            path_of(link),
            {
                "password": NEW_PASSWORD,
                "password_again": NEW_PASSWORD,
                "otp_code": code_from_key_text(page, START),
            },
        )
    assert response.status_code == 200
    admin = User.objects.get(username="admin@example.org")
    assert admin.roles == [Role.NATIONAL_ADMINISTRATOR.value]
    with pytest.raises(CommandError, match="already exists"):
        call_command(
            "bootstrap_admin", "--org-name=Other", "--org-type=police", "--email=x@example.org"
        )
    assert Organization.objects.count() == 1


def invite(email: str = "new.staff@example.org") -> str:
    organization = OrganizationFactory.create()
    _invitation, link = invitation_create(
        by=None,
        email=email,
        organization=organization,
        roles=[Role.CASE_WORKER],
        language="en",
    )
    return path_of(link)


@pytest.mark.django_db
def test_accepting_enrols_totp_shows_ten_codes_once_and_signs_in() -> None:
    with time_machine.travel(START, tick=False) as traveller:
        url = invite()
        page = Client().get(url).content.decode()
        assert "<svg" in page and 'class="segno"' in page  # the QR code, drawn server-side
        code = code_from_key_text(page, START)
        done = Client().post(
            url, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD, "otp_code": code}
        )
        codes = re.findall(r"<li><code>([a-z0-9-]+)</code></li>", done.content.decode())
        assert len(codes) == 10 and len(set(codes)) == 10
        again = Client().get(url)
        assert again.status_code == 404
        assert "already been used" in again.content.decode()
        replay = Client().post(
            "/en/staff/sign-in/",
            {"username": "new.staff@example.org", "password": NEW_PASSWORD, "otp_token": code},
        )
        assert "already been used" in replay.content.decode()
        traveller.shift(31)
        client = Client()
        signed_in = client.post(
            "/en/staff/sign-in/",
            {
                "username": "new.staff@example.org",
                "password": NEW_PASSWORD,
                "otp_token": code_from_key_text(page, START + timedelta(seconds=31)),
            },
        )
        assert signed_in.status_code == 302
    user = User.objects.get(username="new.staff@example.org")
    assert user.roles == [Role.CASE_WORKER.value]
    # Enrolled on the English page: English is their language, and sign-in goes on in it.
    assert user.language == "en" and signed_in["Location"].startswith("/en/")
    stored = list(RecoveryCode.objects.values_list("digest", flat=True))
    assert len(stored) == 10 and not set(codes) & set(stored)
    assert AuditEvent.objects.filter(
        action=AuditAction.INVITATION_ACCEPTED, actor=user, target_id=str(user.pk)
    ).exists()


@pytest.mark.django_db
def test_the_link_expires_after_72_hours() -> None:
    with time_machine.travel(START, tick=False) as traveller:
        url = invite()
        traveller.shift(timedelta(hours=72) - timedelta(seconds=1))
        assert Client().get(url).status_code == 200
        traveller.shift(timedelta(seconds=1))
        closed = Client().get(url)
    assert closed.status_code == 404
    assert "expired" in closed.content.decode()


@pytest.mark.django_db
def test_a_wrong_code_or_differing_passwords_keep_the_key_and_create_nothing() -> None:
    with time_machine.travel(START, tick=False):
        url = invite()
        page = Client().get(url).content.decode()
        code = code_from_key_text(page, START)
        wrong = f"{(int(code) + 1) % 1_000_000:06d}"
        refused = (
            Client()
            .post(
                url, {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD, "otp_code": wrong}
            )
            .content.decode()
        )
        differ = (
            Client()
            .post(
                url,
                {"password": NEW_PASSWORD, "password_again": "something-else-1", "otp_code": code},
            )
            .content.decode()
        )
        short = (
            Client()
            .post(url, {"password": "short", "password_again": "short", "otp_code": code})
            .content.decode()
        )
    assert "does not match" in refused
    assert "The two passwords differ." in differ
    assert "too short" in short
    assert code_from_key_text(refused, START) == code  # the same key is offered again
    assert f'value="{code}"' in differ
    assert not User.objects.filter(username="new.staff@example.org").exists()


@pytest.mark.django_db
def test_a_recovery_code_signs_in_once() -> None:
    with time_machine.travel(START, tick=False):
        url = invite()
        page = Client().get(url).content.decode()
        done = Client().post(
            url,
            {
                "password": NEW_PASSWORD,
                "password_again": NEW_PASSWORD,
                "otp_code": code_from_key_text(page, START),
            },
        )
        first = re.findall(r"<li><code>([a-z0-9-]+)</code></li>", done.content.decode())[0]
        form = {"username": "new.staff@example.org", "password": NEW_PASSWORD}
        assert Client().post("/en/staff/sign-in/", {**form, "otp_token": first}).status_code == 302
        reused = Client().post("/en/staff/sign-in/", {**form, "otp_token": first})
    assert "not correct" in reused.content.decode()
    login = AuditEvent.objects.get(action=AuditAction.LOGIN)
    assert login.extra == {"method": "recovery_code"}
