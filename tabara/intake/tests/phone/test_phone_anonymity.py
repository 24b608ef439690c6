"""An anonymous phone reporter's number appears nowhere in the database or the logs."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from tabara.intake.models import Report
from tabara.intake.tests.phone.gateway import UssdPhone, sms
from tabara.intake.tests.test_anonymity import whole_database_text

pytestmark = pytest.mark.django_db
NUMBER = "+250788998877"
TRACES = ("788998877", "0788 998 877", "250788998877")


def test_anonymous_ussd_and_sms_reporter_leaves_no_number(geography, fake_sms, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    phone = UssdPhone(phone=NUMBER)
    phone.dial()
    done = phone.press("1", "2", "1", "2", "1", "3", "5", "3", "2", "1")
    assert done.startswith("END ")
    halfway = UssdPhone(phone=NUMBER)
    halfway.dial()
    halfway.press("1", "1", "2")  # a session left half-way is stored too
    client = Client()
    sms(client, text="Abakobwa babiri bajyanywe gukora mu kabari i Kigali", sender=NUMBER)
    sms(client, text="HELP", sender=NUMBER)
    sms(client, text="STATUS 1234123412341234", sender=NUMBER)
    client.post(
        "/gateway/test-gateway-secret/sms/delivery",
        {"id": "x", "status": "Success", "phoneNumber": NUMBER},
    )

    assert Report.objects.count() == 2
    assert len({r.contact_hash for r in Report.objects.all()}) == 1  # grouped by keyed hash
    stored, logged = whole_database_text(), caplog.text
    for trace in TRACES:
        assert trace not in stored
        assert trace not in logged
    assert len(fake_sms.messages) == 3  # replies went to the phone, and nowhere else


def test_a_reporter_who_asks_to_be_called_keeps_the_number_encrypted(geography) -> None:
    phone = UssdPhone(phone=NUMBER)
    phone.dial()
    phone.press("1", "2", "8", "2", "0", "6", "1", "1")
    report = Report.objects.get()
    assert report.wants_contact and report.contact_phone == NUMBER
    assert NUMBER not in whole_database_text() and "788998877" not in whole_database_text()
