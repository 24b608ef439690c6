"""The hotline desk: staff only, a report with channel "hotline", the receipt to read out."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.core.phones import phone_hash
from tabara.intake.choices import Channel
from tabara.intake.models import Report
from tabara.intake.receipts import receipt_hash
from tabara.intake.tests.factories import complete_form

pytestmark = pytest.mark.django_db
URL = "/en/staff/hotline/"
CALLER = "0788 444 555"


def call(**overrides: str) -> dict[str, str]:
    data = complete_form(
        **{"contact_phone": CALLER, "contact_name": "", "caller_language": "fr", **overrides}
    )
    data.pop("website")
    return data


def test_operator_saves_an_anonymous_call_and_reads_the_receipt(geography, staff_client) -> None:
    client, operator = staff_client(Role.INTAKE_OFFICER)
    page = client.get(URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "autofocus" in html and 'accesskey="s"' in html
    assert 'href="/en/staff/hotline/"' in html  # in the staff navigation
    assert "Is the person under 18 years old?" in html  # screening questions at hand
    response = client.post(URL, call(wants_contact=""))
    assert response.status_code == 200
    receipt = re.search(r'id="receipt">([\d ]+)<', response.content.decode())
    assert receipt
    report = Report.objects.get()
    assert report.channel == Channel.HOTLINE
    assert report.language == "fr"  # the caller's language, not the operator's English
    assert report.receipt_hash == receipt_hash(receipt.group(1).replace(" ", ""))
    assert report.contact_phone == "" and report.contact_hash == phone_hash("+250788444555")
    event = AuditEvent.objects.get(action=AuditAction.REPORT_SUBMITTED)
    assert event.actor_id == operator.pk  # who typed it in


def test_a_caller_who_agrees_is_kept_for_call_back(geography, staff_client) -> None:
    client, _ = staff_client(Role.SUPERVISOR)
    client.post("/rw/staff/hotline/", call(contact_name="Mama Synthetic", caller_language="en"))
    report = Report.objects.get()
    assert report.wants_contact and report.contact_phone == "+250788444555"
    assert report.language == "en"


def test_the_callers_language_must_be_chosen(geography, staff_client) -> None:
    client, _ = staff_client(Role.INTAKE_OFFICER)
    response = client.post(URL, call(caller_language="", what_happened="Kept at a bar"))
    html = response.content.decode()
    assert response.status_code == 400 and "Choose the language the caller speaks." in html
    assert "Kept at a bar" in html and not Report.objects.exists()


@pytest.mark.parametrize("number", ["hello", "+254 711 000 000", "0752 123 456", "12345"])
def test_a_call_back_number_must_be_a_rwandan_mobile(geography, staff_client, number) -> None:
    client, _ = staff_client(Role.INTAKE_OFFICER)
    response = client.post(URL, call(contact_phone=number, contact_name="Mama Synthetic"))
    html = response.content.decode()
    assert response.status_code == 400 and "Enter a Rwandan mobile number" in html
    assert number in html and not Report.objects.exists()


def test_errors_keep_what_was_typed(geography, staff_client) -> None:
    client, _ = staff_client(Role.INTAKE_OFFICER)
    response = client.post(URL, call(people_count="many", what_happened="Kept at a bar"))
    assert response.status_code == 400 and "Kept at a bar" in response.content.decode()
    assert not Report.objects.exists()


def test_only_staff_with_report_view_reach_the_desk(staff_client) -> None:
    assert Client().get(URL).status_code == 302  # to sign-in
    client, _ = staff_client(Role.ANALYST)
    assert client.get(URL).status_code == 404
    assert client.post(URL, call()).status_code == 404
    assert not Report.objects.exists()
