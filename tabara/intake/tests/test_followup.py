"""Following up with a receipt: status, two-way messages, throttling and idle expiry."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client, override_settings
from django.utils import timezone

from tabara.intake.services import report_reply
from tabara.intake.tests.factories import submit_report

# Rate limits and sign-in throttles live in the cache: each test starts clean.
pytestmark = pytest.mark.usefixtures("fresh_limits")

URL = "/en/follow-up/"
THREAD = "/en/follow-up/thread/"


def token_in(html: str) -> str:
    match = re.search(r'name="token" value="([^"]+)"', html)
    assert match
    return match.group(1)


@pytest.mark.django_db
def test_receipt_opens_status_and_staff_replies(staff_client) -> None:
    submitted = submit_report()
    _client, staff = staff_client()
    report_reply(
        user=staff, report_id=submitted.report.pk, body="Murakoze. We are looking into it."
    )
    spaced = " ".join(submitted.receipt[i : i + 4] for i in range(0, 16, 4))
    html = Client().post(URL, {"receipt": spaced}).content.decode()
    assert "Read by staff" in html
    assert "We are looking into it." in html


@pytest.mark.django_db
def test_reporter_writes_back_and_staff_sees_it(staff_client) -> None:
    submitted = submit_report()
    client = Client()
    token = token_in(client.post(URL, {"receipt": submitted.receipt}).content.decode())
    html = client.post(THREAD, {"token": token, "body": "He called again today."}).content.decode()
    assert "Your message was sent." in html and "He called again today." in html
    staff, _user = staff_client()
    detail = staff.get(f"/en/staff/reports/{submitted.report.pk}/").content.decode()
    assert "He called again today." in detail


@pytest.mark.django_db
def test_wrong_receipt_is_explained_and_kept() -> None:
    submit_report()
    response = Client().post(URL, {"receipt": "1234 5678 1234 5678"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "No report has this receipt" in html
    assert 'value="1234 5678 1234 5678"' in html


@pytest.mark.django_db
@override_settings(PUBLIC_RATE_LIMITS={"default": "60/m", "receipt-guess": "5/m"})
def test_guessing_receipts_is_throttled_even_for_a_correct_one() -> None:
    submitted = submit_report()
    client = Client()
    for i in range(5):
        client.post(URL, {"receipt": f"{i:016d}"})
    response = client.post(URL, {"receipt": submitted.receipt})
    assert response.status_code == 429
    page = response.content.decode()
    assert f'value="{submitted.receipt}"' in page  # what was typed is still in the form
    assert "Too many messages were sent from here" in page


@pytest.mark.django_db
def test_session_expires_after_thirty_idle_minutes_and_not_before() -> None:
    submitted = submit_report()
    client = Client()
    start = timezone.now()
    with time_machine.travel(start, tick=False) as traveller:
        token = token_in(client.post(URL, {"receipt": submitted.receipt}).content.decode())
        traveller.shift(timedelta(minutes=29))
        assert client.post(THREAD, {"token": token}).status_code == 200  # activity renews
        traveller.shift(timedelta(minutes=29))
        assert client.post(THREAD, {"token": token}).status_code == 200
        traveller.shift(timedelta(minutes=31))
        expired = client.post(THREAD, {"token": token})
        assert expired.status_code == 401
        assert "30 minutes" in expired.content.decode()


@pytest.mark.django_db
def test_leaving_ends_the_session() -> None:
    submitted = submit_report()
    client = Client()
    token = token_in(client.post(URL, {"receipt": submitted.receipt}).content.decode())
    client.post(THREAD, {"token": token, "end": "1"})
    assert client.post(THREAD, {"token": token}).status_code == 401


@pytest.mark.django_db
def test_follow_up_pages_have_one_address_and_set_no_cookie() -> None:
    submitted = submit_report()
    client = Client()
    response = client.post(URL, {"receipt": submitted.receipt})
    assert "Set-Cookie" not in str(response.serialize_headers())
    html = response.content.decode()
    assert response.status_code == 200  # shown in place: no redirect to a report address
    addresses = re.findall(r'(?:href|action)="([^"]*)"', html)
    assert 'action="/en/follow-up/thread/"' in html
    assert not [a for a in addresses if submitted.receipt in a or f"/{submitted.report.pk}/" in a]
