"""Findings of the security review on public routes (issue #12), each with its test."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/rw/report/", "/en/follow-up/", "/rw/", "/rw/no-such-page/"])
def test_a_malformed_csrf_cookie_gets_no_new_cookie_on_public_pages(path) -> None:
    client = Client()
    client.cookies["csrftoken"] = "malformed!"
    response = client.get(path)
    assert "Set-Cookie" not in str(response.serialize_headers())
    assert not response.cookies


@pytest.mark.django_db
def test_the_staff_sign_in_still_sets_its_csrf_cookie() -> None:
    client = Client()
    client.cookies["csrftoken"] = "malformed!"
    response = client.get("/en/staff/sign-in/")
    assert "csrftoken" in response.cookies  # the staff side is unchanged


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["é", "ñandú-token", "\u202e", "x" * 99 + "é"])
def test_a_non_ascii_follow_up_token_is_an_expired_session_not_a_crash(token) -> None:
    response = Client().post("/en/follow-up/thread/", {"token": token, "body": "Hello"})
    assert response.status_code == 401
    assert "Hello" in response.content.decode()  # the message typed comes back


@pytest.mark.django_db
def test_a_plain_visit_to_the_thread_address_goes_back_to_the_follow_up_page() -> None:
    response = Client().get("/fr/follow-up/thread/")
    assert response.status_code == 302 and response["Location"] == "/fr/follow-up/"
