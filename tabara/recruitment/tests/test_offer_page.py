"""The public job-offer checker: the questions in three languages, the result, the carry-over."""

from __future__ import annotations

import gzip
import re
from datetime import date

import pytest
import time_machine
from django.conf import settings
from django.test import Client

from tabara.recruitment.tests.factories import make_agency

pytestmark = pytest.mark.django_db
NOW = "2026-05-01 08:00Z"


@pytest.mark.parametrize(
    ("language", "asked"),
    [
        ("rw", "Ni nde uzabika pasiporo yawe?"),
        ("en", "Who will keep your passport?"),
        ("fr", "Qui gardera votre passeport ?"),
    ],
)
def test_the_questions_in_every_language_within_14_kb(language, asked) -> None:
    html = Client().get(f"/{language}/job-offer/").content
    assert asked in html.decode() and b"<script" not in html
    assert len(gzip.compress(html, compresslevel=6)) <= settings.REPORT_PAGE_BUDGET_BYTES


def test_a_risky_offer_lists_its_flags_the_agency_and_carries_answers_to_a_report() -> None:
    make_agency(name="Isoko Manpower", licence_number="RW-LMA-2023-0042", status="suspended",
                status_since=date(2026, 4, 1), phones=("+250788100142",))  # fmt: skip
    with time_machine.travel(NOW, tick=False):
        response = Client().post(
            "/en/job-offer/",
            {"q_destination": "SA", "q_offered_by": "online", "q_passport": "employer",
             "q_fees": "none", "agency": "ISOKO manpower company"},
        )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200 and "<h1>Report it</h1>" in page
    assert "Someone else will keep your passport" in page
    assert "A job from a stranger online" in page
    assert "Licence suspended (since 1 April 2026)" in page
    assert "You are asked to pay" not in page
    carried = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
    assert carried["recruitment_channel"] == "social_media"
    assert (
        carried["destination_country"] == "SA"
        and carried["agency_name"] == "ISOKO manpower company"
    )
    assert "Passport kept by: The employer" in carried["what_happened"]
    # The one tap: the report form comes back filled in, and nothing is stored.
    form = Client().post("/en/report/", {**carried, "language_switch": "en"})
    html = form.content.decode()
    assert form.status_code == 200 and "Passport kept by: The employer" in html
    assert 'value="ISOKO manpower company"' in html
    from tabara.intake.models import Report

    assert not Report.objects.exists()


def test_no_flag_and_an_unknown_agency_is_not_called_safe() -> None:
    response = Client().post(
        "/fr/job-offer/",
        {"q_destination": "AE", "q_passport": "me", "q_contract": "understood",
         "agency": "Dream Jobs Ltd"},
    )  # fmt: skip
    page = response.content.decode()
    assert "Introuvable ne veut pas dire sûr" in page
    assert "Ne partez pas avant de vérifier" in page  # not in the register: check first


def test_a_bad_phone_comes_back_with_everything_typed() -> None:
    response = Client().post(
        "/en/job-offer/", {"q_fees": "job", "agency": "Horizon", "agency_phone": "call me"}
    )
    page = response.content.decode()
    assert response.status_code == 400 and 'value="call me"' in page
    assert 'value="Horizon"' in page and re.search(r'value="job"[^>]*checked', page)
