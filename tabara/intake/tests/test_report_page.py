"""The public web report: submit, receipt, bad input, honeypot and cross-site refusal."""

from __future__ import annotations

import re

import pytest
from django.test import Client, override_settings

from tabara.audit.models import AuditAction, AuditEvent
from tabara.intake.models import Report
from tabara.intake.tests.factories import complete_form

# Rate limits and sign-in throttles live in the cache: each test starts clean.
pytestmark = pytest.mark.usefixtures("fresh_limits")

URL = "/rw/report/"


def receipt_in(html: str) -> str:
    match = re.search(r'id="receipt">([\d ]+)<', html)
    assert match, "no receipt shown"
    return match.group(1).replace(" ", "")


@pytest.mark.django_db
def test_complete_report_is_stored_and_its_receipt_shown_once(geography) -> None:
    response = Client().post(URL, complete_form())
    assert response.status_code == 200
    receipt = receipt_in(response.content.decode())
    assert len(receipt) == 16
    report = Report.objects.get()
    assert report.what_happened.startswith("Umugabo")
    assert report.sector is not None and report.sector.code == "3301"
    assert report.district is not None and report.district.code == "33"  # derived from the sector
    assert report.platform == "whatsapp" and report.destination_country == "AE"
    assert report.contact_phone == "+250722000999" and report.contact_hash  # stored in E.164
    assert receipt not in report.receipt_hash  # only a hash is kept
    assert AuditEvent.objects.filter(action=AuditAction.REPORT_SUBMITTED).count() == 1


@pytest.mark.django_db
def test_only_what_happened_is_required(geography) -> None:
    response = Client().post(URL, {"what_happened": "Something worrying at the bus park."})
    assert response.status_code == 200
    report = Report.objects.get()
    assert report.location_kind == "unknown" and report.age_group == "unknown"


@pytest.mark.django_db
def test_anonymous_by_default_drops_contact_details(geography) -> None:
    data = complete_form(wants_contact="")
    Client().post(URL, data)
    report = Report.objects.get()
    assert not report.wants_contact
    assert report.contact_phone == "" and report.contact_name == "" and report.contact_hash == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"what_happened": ""}, "Please tell us what happened"),
        ({"people_count": "many"}, "Write a number"),
        ({"people_count": "0"}, "at least 1"),
        ({"occurred_on": "2099-01-01"}, "in the future"),
        ({"occurred_on": "31/31/2026"}, "year-month-day"),
        ({"district": "11"}, "not in the district"),
        ({"sector": "9999"}, "choose a sector"),
        ({"age_group": "robot"}, "choose one of the options"),
        ({"contact_phone": ""}, "Give a phone number"),
        ({"what_happened": "x" * 5001}, "too long"),
        ({"website": "http://spam.example"}, "Leave this field empty"),
    ],
)
def test_bad_input_is_explained_and_everything_typed_is_kept(geography, overrides, message) -> None:
    data = complete_form(**overrides)
    response = Client().post("/en/report/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert Report.objects.count() == 0
    assert "Synthetic Travel Ltd" in html and "@synthetic_recruiter" in html
    assert 'value="+250 722 000 999"' in html or overrides.get("contact_phone") == ""


@pytest.mark.django_db
def test_cross_site_post_is_refused_without_saving(geography) -> None:
    response = Client().post(URL, complete_form(), HTTP_SEC_FETCH_SITE="cross-site")
    assert response.status_code == 403
    response = Client().post(URL, complete_form(), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert Report.objects.count() == 0
    same = Client().post(
        URL, complete_form(), HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin"
    )
    assert same.status_code == 200


@pytest.mark.django_db
@override_settings(PUBLIC_RATE_LIMITS={"default": "60/m", "report-submit": "10/m"})
def test_submissions_are_rate_limited_per_address(geography) -> None:
    client = Client()
    statuses = [client.post(URL, {"what_happened": f"report {i}"}).status_code for i in range(11)]
    assert statuses[:10] == [200] * 10
    assert statuses[10] == 429
    assert Report.objects.count() == 10


@pytest.mark.django_db
def test_the_page_sets_no_cookie_and_is_not_cached(geography) -> None:
    client = Client()
    for response in (client.get(URL), client.post(URL, complete_form())):
        assert response.cookies == {} or all(not m.value for m in response.cookies.values())
        assert "Set-Cookie" not in str(response.serialize_headers())
        assert response["Cache-Control"] == "no-store"
        assert response["Referrer-Policy"] == "no-referrer"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("rw", "icuruzwa ry'abantu"),
        ("en", "human trafficking"),
        ("fr", "traite des êtres humains"),
    ],
)
def test_the_form_speaks_each_language(geography, language, heading) -> None:
    html = Client().get(f"/{language}/report/").content.decode()
    assert f'<html lang="{language}">' in html
    assert heading in html.split("<h1>")[1].split("</h1>")[0]
    assert "<script" not in html


@pytest.mark.django_db
def test_django_own_messages_are_in_kinyarwanda_on_the_rw_form(geography) -> None:
    """A message Django writes itself (the honeypot's length limit) comes out in rw too."""
    response = Client().post(URL, complete_form(website="x" * 201))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Aka gaciro ntikagomba kurenza inyuguti 200 (ubu gafite 201)." in html
    assert "Ensure this value" not in html
    assert "Synthetic Travel Ltd" in html  # what was typed is kept
