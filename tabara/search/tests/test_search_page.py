"""The search page: signed-in staff with case.view; results link to the case."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from tabara.accounts.models import User
from tabara.accounts.roles import Role
from tabara.cases.choices import PersonRole
from tabara.cases.services import case_person_add
from tabara.cases.tests.factories import agencies_create, case_create
from tabara.intake.tests.factories import submit_report


def test_the_page_finds_a_person_and_links_the_case(
    geography: None, staff_client: Callable[..., tuple[Client, User]]
) -> None:
    agencies = agencies_create()
    client, user = staff_client(Role.CASE_WORKER, organization=agencies["RIB"])
    case = case_create(user)
    client.post(
        f"/en/staff/cases/{case.pk}/",
        {
            "action": "person",
            "role": PersonRole.PRESUMED_VICTIM,
            "full_name": "Uwase Marie-Claire",
            "phone": "0788 765 432",
            "identity_number": "1 2001 7 0034567 0 89",
            "gender": "feminine",
        },
    )
    case_person_add(user=user, case_id=case.pk, role=PersonRole.WITNESS, full_name="Kalisa Eric")
    for typed in ("marie claire uwaase", "+250788765432", "1200170034567089"):
        page = client.get("/en/staff/search/", {"q": typed}).content.decode()
        assert "Uwase Marie-Claire" in page and f"/en/staff/cases/{case.pk}/" in page
        assert "Kalisa" not in page
    empty = client.get("/en/staff/search/", {"q": "Nsengimana"}).content.decode()
    assert "Nobody found" in empty and "Uwase" not in empty
    assert Client().get("/en/staff/search/?q=Uwase").status_code == 302


def test_the_page_finds_a_report_by_reference_and_links_it(
    geography: None, staff_client: Callable[..., tuple[Client, User]]
) -> None:
    agencies = agencies_create()
    client, _ = staff_client(Role.INTAKE_OFFICER, organization=agencies["RIB"])
    report = submit_report().report
    response = client.get("/en/staff/search/", {"q": f"R-{report.pk:06d}"})
    assert response.status_code == 200
    assert f"/en/staff/reports/{report.pk}/" in response.content.decode()
