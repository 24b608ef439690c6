"""Gateway callbacks need the URL secret (and a listed address when configured)."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from tabara.intake.models import SmsDeliveryReport, UssdSession
from tabara.intake.tests.phone.gateway import DELIVERY_URL, SECRET, SMS_URL, USSD_URL

pytestmark = pytest.mark.django_db
FORM = {"sessionId": "ATUid_1", "phoneNumber": "+250788000000", "text": ""}


@pytest.mark.parametrize("path", ["ussd", "ussd/end", "sms/inbound", "sms/delivery"])
def test_a_wrong_secret_is_a_plain_404_and_nothing_happens(path) -> None:
    response = Client().post(f"/gateway/not-the-secret/{path}", FORM)
    assert response.status_code == 404
    assert not UssdSession.objects.exists()


def test_get_is_refused_and_the_secret_is_not_logged(caplog) -> None:
    caplog.set_level(logging.DEBUG)
    response = Client().get(USSD_URL)
    assert response.status_code == 405
    assert SECRET not in caplog.text


def test_allow_list_refuses_other_addresses(settings) -> None:
    settings.TABARA_GATEWAY_ALLOWED_IPS = ["196.201.214.200"]
    assert Client(REMOTE_ADDR="203.0.113.9").post(USSD_URL, FORM).status_code == 404
    allowed = Client(REMOTE_ADDR="196.201.214.200").post(USSD_URL, FORM)
    assert allowed.status_code == 200 and allowed.content.startswith(b"CON ")


def test_callbacks_set_no_cookie_and_are_not_cached() -> None:
    response = Client().post(USSD_URL, FORM)
    assert not response.cookies and response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("wrong", [SECRET[:-1], SECRET + "x", SECRET.upper(), "x"])
def test_a_near_miss_secret_is_refused(wrong: str) -> None:
    """Non-empty wrong secrets reach the comparison (an empty segment would not route)."""
    assert Client().post(f"/gateway/{wrong}/ussd", FORM).status_code == 404
    assert Client().post(USSD_URL, FORM).status_code == 200  # the same request, right secret
    assert UssdSession.objects.count() == 1


@pytest.mark.parametrize("sent", [SECRET, "x"])
def test_empty_configured_secret_refuses_everything(settings, sent: str) -> None:
    settings.TABARA_GATEWAY_SECRET = ""
    assert Client().post(f"/gateway/{sent}/ussd", FORM).status_code == 404
    assert not UssdSession.objects.exists()


def test_delivery_reports_are_recorded_and_odd_ones_ignored() -> None:
    client = Client()
    ok = {"id": "ATXid_1", "status": "Failed", "failureReason": "UserInBlacklist"}
    assert client.post(DELIVERY_URL, ok).status_code == 200
    assert client.post(DELIVERY_URL, {"id": "ATXid_2", "status": "Weird"}).status_code == 200
    (row,) = SmsDeliveryReport.objects.all()
    assert (row.message_id, row.status, row.failure_reason) == (
        "ATXid_1",
        "Failed",
        ok["failureReason"],
    )
    assert client.post(SMS_URL, {"text": "no sender"}).status_code == 400
