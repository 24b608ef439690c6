"""Inbound SMS: free text becomes a report answered with a receipt; keywords in 3 languages."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

from tabara.core.phones import phone_hash
from tabara.intake.choices import Channel
from tabara.intake.models import Report
from tabara.intake.receipts import receipt_hash
from tabara.intake.services import report_reply
from tabara.intake.sms.texts import SMS
from tabara.intake.tests.factories import submit_report
from tabara.intake.tests.phone.gateway import PHONE, sms

pytestmark = pytest.mark.django_db


def receipt_in(message: str) -> str:
    digits = "".join(c for c in message.split(":", 2)[2] if c.isdigit())[:16]
    assert len(digits) == 16
    return digits


def test_free_text_becomes_an_anonymous_report_answered_with_its_receipt(fake_sms) -> None:
    text = "Umukobwa w'imyaka 15 yajyanywe i Kampala n'umugabo wamwizeje akazi."
    assert sms(Client(), text=text) == 200
    report = Report.objects.get()
    assert report.channel == Channel.SMS and report.what_happened == text
    assert report.contact_hash == phone_hash(PHONE) and report.contact_phone == ""
    assert report.language == "rw"
    (reply,) = fake_sms.messages
    assert reply.to == [PHONE] and reply.message.startswith("Tabara: twakiriye")
    assert report.receipt_hash == receipt_hash(receipt_in(reply.message))


def test_a_gateway_retry_of_the_same_message_is_handled_once(fake_sms) -> None:
    client = Client()
    for _ in range(3):
        assert (
            sms(client, text="The agency took my passport and my work papers", gateway_id="ATXid_9")
            == 200
        )
    assert Report.objects.count() == 1 and len(fake_sms.messages) == 1
    assert fake_sms.messages[0].message.startswith("Tabara: report received")


@pytest.mark.parametrize(
    ("text", "lang"), [("UBUFASHA", "rw"), ("help", "en"), (" Aide ", "fr"), ("HELP!", "en")]
)
def test_help_in_three_languages(fake_sms, text, lang) -> None:
    sms(Client(), text=text)
    assert fake_sms.messages[0].message == SMS[lang]["help"]
    assert not Report.objects.exists()


def test_status_with_a_receipt_and_a_wrong_one(fake_sms, make_staff) -> None:
    from tabara.accounts.roles import Role

    submitted = submit_report(channel=Channel.SMS)
    staff = make_staff(roles=[Role.INTAKE_OFFICER])
    report_reply(user=staff, report_id=submitted.report.pk, body="Please call 166 today.")
    client = Client()
    sms(client, text=f"STATUS {submitted.receipt[:8]} {submitted.receipt[8:]}")
    sms(client, text=f"etat {submitted.receipt}")
    sms(client, text="AMAKURU 0000000000000000")
    en, fr, rw = (m.message for m in fake_sms.messages)
    assert en == SMS["en"]["status"].format(status="being looked into")
    assert fr == SMS["fr"]["status"].format(status="en cours d'examen")
    assert "166" not in en + fr  # staff's words never go out by SMS
    assert rw == SMS["rw"]["not_found"]


def test_yes_lets_staff_call_back_and_stop_erases_the_number(fake_sms) -> None:
    client = Client()
    sms(client, text="YES")  # nothing sent from this phone yet
    sms(client, text="My sister is kept in a house in Kicukiro and is not paid")
    sms(client, text="yes")
    report = Report.objects.get()
    assert report.wants_contact and report.contact_phone == PHONE and report.language == "en"
    sms(client, text="STOP")
    erased = Report.objects.get()
    assert not erased.wants_contact and erased.contact_phone == ""
    replies = [m.message for m in fake_sms.messages]
    assert replies[0] == SMS["en"]["nothing_recent"]
    assert replies[2] == SMS["en"]["allowed"] and replies[3] == SMS["en"]["stopped"]


def test_a_report_that_starts_with_a_keyword_is_still_a_report(fake_sms) -> None:
    sms(Client(), text="Stop them: la fille est retenue et son patron a pris ses papiers")
    report = Report.objects.get()
    assert report.language == "fr" and fake_sms.messages[0].message.startswith("Tabara: sign")


def test_gateway_down_still_stores_the_report_and_logs_no_number(settings, caplog) -> None:
    settings.USE_AFRICASTALKING = True
    settings.AFRICASTALKING = {"base_url": "http://127.0.0.1:9", "username": "x", "api_key": "k"}
    caplog.set_level(logging.DEBUG)
    assert sms(Client(), text="A child is working at night at the quarry") == 200
    assert Report.objects.count() == 1
    assert "SMS reply not sent" in caplog.text and PHONE not in caplog.text
    assert "788123456" not in caplog.text
