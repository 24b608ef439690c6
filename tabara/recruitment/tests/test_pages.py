"""The register's pages: staff editing with its history, the import, the public lookup."""

from __future__ import annotations

import gzip
import io

import pytest
import time_machine
from django.conf import settings
from django.test import Client

from tabara.accounts.roles import Role
from tabara.recruitment.models import Agency
from tabara.recruitment.tests.factories import make_agency
from tabara.recruitment.tests.test_import import HEADER, MAPPING, ROWS, csv_file

pytestmark = pytest.mark.django_db
NOW = "2026-05-01 08:00Z"


def test_staff_add_then_edit_an_agency_and_see_the_dated_change(staff_client) -> None:
    client, _officer = staff_client(Role.PROGRAMME_OFFICER, language="en")
    form = {
        "name": "Akazi Keza International",
        "licence_number": "rw-lma-2025-0150",
        "status": "licensed",
        "licence_expires": "2027-12-31",
        "destinations": ["CA", "DE"],
        "phone_1": "0788 100 150",
        "other_names": "AKI Recruitment\n",
    }
    response = client.post("/en/staff/agencies/new/", form)
    agency = Agency.objects.get()
    assert response.status_code == 302 and agency.licence_number == "RW-LMA-2025-0150"
    assert [p.number for p in agency.phones.all()] == ["+250788100150"]
    with time_machine.travel("2026-06-02 08:00Z", tick=False):
        client.post(f"/en/staff/agencies/{agency.pk}/", {**form, "status": "suspended"})
    page = client.get(f"/en/staff/agencies/{agency.pk}/").content.decode()
    assert "2026-06-02" in page and "licensed → suspended" in page


def test_staff_form_refuses_a_taken_licence_and_a_bad_phone_keeping_what_was_typed(
    staff_client,
) -> None:
    make_agency()
    client, _officer = staff_client(Role.PROGRAMME_OFFICER, language="en")
    response = client.post(
        "/en/staff/agencies/new/",
        {"name": "Copy Ltd", "licence_number": "RW-LMA-2025-0101", "status": "licensed",
         "phone_1": "12ab"},
    )  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 400 and "Another agency has this licence number" in page
    assert 'value="Copy Ltd"' in page and 'value="12ab"' in page
    assert Agency.objects.count() == 1


def test_staff_import_shows_counts_and_rejected_lines(staff_client) -> None:
    client, _officer = staff_client(Role.PROGRAMME_OFFICER, language="en")
    upload = io.BytesIO(csv_file(ROWS))
    upload.name = "list.csv"
    fields = {f"col_{k}": v for k, v in MAPPING.items()}
    response = client.post("/en/staff/agencies/import/", {"file": upload, **fields})
    page = response.content.decode()
    assert response.status_code == 200 and "Added: 2." in page
    assert "<td>5</td>" in page and "appears twice" in page
    upload = io.BytesIO(csv_file(ROWS))
    upload.name = "list.csv"
    refused = client.post("/en/staff/agencies/import/", {"file": upload})
    assert refused.status_code == 400 and "No column found" in refused.content.decode()
    assert HEADER[0] not in Agency.objects.values_list("name", flat=True)


def test_a_case_worker_cannot_open_the_register(staff_client) -> None:
    client, _worker = staff_client(Role.CASE_WORKER)
    assert client.get("/en/staff/agencies/").status_code == 404


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            "horizon jobs",
            "Licensed to recruit for United Arab Emirates, Qatar until 9 January 2027.",
        ),
        ("0788 100 142", "Licence suspended (since 1 April 2026): it may not recruit now."),
        ("RW-LMA-2022-0013", "Licence revoked (on 1 March 2026): it may not recruit."),
        ("Gakondo", "Licence expired (on 30 April 2026): it may not recruit now."),
    ],
)
def test_public_lookup_says_plainly_what_the_agency_may_do(typed, said) -> None:
    from datetime import date

    make_agency(other_names=("Horizon Jobs",))
    make_agency(name="Isoko Manpower", licence_number="RW-LMA-2023-0042", status="suspended",
                status_since=date(2026, 4, 1), phones=("+250788100142",))  # fmt: skip
    make_agency(name="Nyenyeri Travel", licence_number="RW-LMA-2022-0013", status="revoked",
                status_since=date(2026, 3, 1), phones=())  # fmt: skip
    make_agency(name="Gakondo Careers", licence_number="RW-LMA-2022-0031",
                licence_expires=date(2026, 4, 30), phones=())  # fmt: skip
    with time_machine.travel(NOW, tick=False):
        response = Client().get("/en/agencies/", {"q": typed})
    assert response.status_code == 200 and said in response.content.decode()


def test_the_kinyarwanda_lookup_dates_the_licence_in_kinyarwanda() -> None:
    """CLDR rw (common/main/rw.xml) names January "Mutarama"; nothing English is left."""
    make_agency()
    with time_machine.travel(NOW, tick=False):
        page = Client().get("/rw/agencies/", {"q": "Horizon Kazi"}).content.decode()
    assert "kugeza 9 Mutarama 2027." in page and "January" not in page


@pytest.mark.parametrize("language", ["rw", "en", "fr"])
def test_not_found_is_not_safe_and_the_page_fits_14_kb(language) -> None:
    make_agency()
    client = Client()
    response = client.get(f"/{language}/agencies/", {"q": "Unknown Dream Jobs"})
    html = response.content
    assert response.status_code == 200 and b"166" in html and b"<script" not in html
    assert len(gzip.compress(html, compresslevel=6)) <= settings.REPORT_PAGE_BUDGET_BYTES
    if language == "en":
        assert b"Not found does not mean safe" in html
    empty = client.get(f"/{language}/agencies/", {"q": ""})
    assert empty.status_code == 400 and b"<form" in empty.content
