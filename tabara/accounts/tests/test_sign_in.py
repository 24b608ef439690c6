"""Staff sign-in: password and TOTP both required, failures audited, attempts throttled."""

from __future__ import annotations

import pytest
from django.test import Client

from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import PASSWORD, totp_code
from tabara.audit.models import AuditAction, AuditEvent

# Rate limits and sign-in throttles live in the cache: each test starts clean.
pytestmark = pytest.mark.usefixtures("fresh_limits")

URL = "/en/staff/sign-in/"


@pytest.mark.django_db
def test_password_and_code_sign_in_and_open_the_inbox(make_staff) -> None:
    user = make_staff(roles=[Role.INTAKE_OFFICER])
    client = Client()
    response = client.post(
        URL, {"username": user.username, "password": PASSWORD, "otp_token": totp_code(user)}
    )
    assert response.status_code == 302
    assert client.get("/en/staff/reports/").status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=user).count() == 1


@pytest.mark.django_db
def test_correct_password_with_wrong_code_is_refused_and_audited(make_staff) -> None:
    user = make_staff()
    wrong = f"{(int(totp_code(user)) + 1) % 1_000_000:06d}"
    client = Client()
    response = client.post(
        URL, {"username": user.username, "password": PASSWORD, "otp_token": wrong}
    )
    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert client.get("/en/staff/reports/").status_code == 302  # still signed out
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN_FAILED).count() == 1


@pytest.mark.django_db
def test_password_alone_without_second_factor_does_not_open_staff_pages(make_staff) -> None:
    user = make_staff()
    client = Client()
    client.force_login(user)  # a password session without OTP verification
    response = client.get("/en/staff/reports/")
    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]


@pytest.mark.django_db
def test_sixth_attempt_within_five_minutes_is_throttled_even_with_the_right_code(
    make_staff,
) -> None:
    user = make_staff()
    client = Client()
    for _ in range(5):
        client.post(
            URL, {"username": user.username, "password": "wrong-password!", "otp_token": "000000"}
        )
    response = client.post(
        URL, {"username": user.username, "password": PASSWORD, "otp_token": totp_code(user)}
    )
    assert "Too many failed sign-ins" in response.content.decode()
    assert client.get("/en/staff/reports/").status_code == 302


@pytest.mark.django_db
def test_malformed_code_keeps_the_username_and_explains(make_staff) -> None:
    user = make_staff()
    response = Client().post(
        URL, {"username": user.username, "password": PASSWORD, "otp_token": "12ab"}
    )
    body = response.content.decode()
    assert "Enter the six digits" in body
    assert f'value="{user.username}"' in body


@pytest.mark.django_db
def test_open_redirects_are_refused(make_staff) -> None:
    user = make_staff()
    response = Client().post(
        URL + "?next=https://evil.example/",
        {"username": user.username, "password": PASSWORD, "otp_token": totp_code(user)},
    )
    # Refused, and sent home instead, in the user's own language (Kinyarwanda by default).
    assert response["Location"] == "/rw/staff/"


@pytest.mark.django_db
def test_sign_in_switches_to_the_language_the_user_chose(make_staff) -> None:
    user = make_staff(roles=[Role.INTAKE_OFFICER])
    user.language = "fr"
    user.save(update_fields=["language"])
    client = Client()
    response = client.post(
        URL + "?next=/en/staff/reports/",
        {"username": user.username, "password": PASSWORD, "otp_token": totp_code(user)},
    )
    # Signed in on the English page, the inbox opens in French.
    assert response["Location"] == "/fr/staff/reports/"
    assert "Signalements" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_sign_out_is_audited(staff_client) -> None:
    client, user = staff_client()
    client.post("/en/staff/sign-out/")
    assert AuditEvent.objects.filter(action=AuditAction.LOGOUT, actor=user).exists()
    assert client.get("/en/staff/reports/").status_code == 302


@pytest.mark.django_db
def test_staff_home_opens_the_intake_officers_inbox(staff_client) -> None:
    client, _user = staff_client(Role.INTAKE_OFFICER)
    response = client.get("/en/staff/")
    assert response.status_code == 302 and response["Location"] == "/en/staff/reports/"


@pytest.mark.django_db
def test_staff_home_sends_analysts_to_a_page_they_may_open(staff_client) -> None:
    client, _user = staff_client(Role.ANALYST)
    landing = client.get("/en/staff/")["Location"]
    assert landing != "/en/staff/reports/"
    assert client.get(landing).status_code == 200
