"""Agencies named in reports, matched against the register, with links only where allowed."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import signed_in
from tabara.audit.models import AuditEvent
from tabara.intake.tests.factories import submit_report
from tabara.networks.services import network_record_sync
from tabara.recruitment.offers import evaluate_offer, load_offer_rules, offer_marker
from tabara.recruitment.tests.factories import make_agency

pytestmark = pytest.mark.django_db
NOW = "2026-05-01 08:00Z"


def report(**fields) -> int:
    submitted = submit_report(**fields)
    network_record_sync(kind="report", pk=submitted.report.pk, alert=False)
    return submitted.report.pk


@pytest.fixture
def reports() -> dict[str, int]:
    make_agency(
        other_names=("Horizon Jobs",), social_accounts=("https://facebook.com/horizonjobs",)
    )
    make_agency(name="Isoko Manpower", licence_number="RW-LMA-2023-0042", status="suspended",
                status_since=date(2026, 4, 1), phones=("+250788100142",))  # fmt: skip
    flags = evaluate_offer({"fees": "job", "passport": "employer", "visa": "tourist"},
                           load_offer_rules())  # fmt: skip
    return {
        # a licensed agency, named by its other name, then by its Facebook page
        "horizon_name": report(agency_name="HORIZON JOBS LTD"),
        "horizon_page": report(suspect_identifiers="facebook.com/horizonjobs"),
        # a suspended agency, by name then by phone: not licensed, named twice
        "isoko_name": report(agency_name="Isoko Manpower"),
        "isoko_phone": report(suspect_identifiers="He called from 0788 100 142"),
        # an agency nowhere in the register, named three times; another once
        "dream_1": report(agency_name="Dream Gulf Jobs"),
        "dream_2": report(agency_name="dream gulf jobs ltd"),
        "dream_3": report(agency_name="Dream Gulf Jobs!"),
        "once": report(agency_name="Kazi Moja Agency Nowhere"),
        # a report made from a checked offer with three serious flags
        "offer": report(what_happened="Passport kept by: The employer\n" + offer_marker(flags)),
    }


def test_an_analyst_who_reads_reports_sees_counts_and_links(make_staff, reports) -> None:
    user = make_staff(roles=[Role.ANALYST, Role.SUPERVISOR])
    user.language = "en"
    user.save(update_fields=["language"])
    client = signed_in(user)
    with time_machine.travel(NOW, tick=False):
        page = client.get("/en/staff/agencies/in-reports/").content.decode()
    unlicensed, licensed, offers = page.split("<h2>")[1:4]
    assert "dream gulf jobs" in unlicensed and "Kazi Moja" not in page.lower()
    assert "RW-LMA-2023-0042 · Suspended" in unlicensed
    for key in ("dream_1", "dream_2", "dream_3", "isoko_name", "isoko_phone"):
        assert f"/en/staff/reports/{reports[key]}/" in unlicensed
    assert (
        "Horizon Kazi Placement Ltd" in licensed
        and "account, agency" in licensed
        and "<td>2: " in licensed
    )
    assert f"/en/staff/reports/{reports['horizon_page']}/" in licensed
    assert f"/en/staff/reports/{reports['offer']}/" in offers
    assert "fee_charged, passport_taken, wrong_visa" in offers
    assert AuditEvent.objects.filter(action="agencies_analysed").count() == 1


def test_an_analyst_sees_counts_but_no_link_to_reports(staff_client, reports) -> None:
    client, _user = staff_client(Role.ANALYST, language="en")
    page = client.get("/en/staff/agencies/in-reports/").content.decode()
    assert "dream gulf jobs" in page and "<td>3</td>" in page
    assert "/staff/reports/" not in page
    # The offer's red flags are in a report's text, which an analyst may not read: not counted.
    offers = page.split("<h2>")[3]
    assert f"#{reports['offer']}" not in offers and "fee_charged" not in offers


def test_a_programme_officer_cannot_open_it(staff_client) -> None:
    client, _user = staff_client(Role.PROGRAMME_OFFICER)
    assert client.get("/en/staff/agencies/in-reports/").status_code == 404
