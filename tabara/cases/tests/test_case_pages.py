"""The case list and case page: filters, constant query counts, audited views."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cases.choices import PersonRole
from tabara.cases.services import case_person_add
from tabara.cases.tests.factories import case_create
from tabara.geo.models import AdminUnit
from tabara.referrals.services import referral_send

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_case_list_filters_and_keeps_its_query_count(agencies, staff_client) -> None:
    client, user = staff_client(Role.SUPERVISOR, organization=agencies["RIB"])
    gasabo = AdminUnit.objects.get(code="12")
    wanted = case_create(user, exploitation_type="forced_labour", district=gasabo)
    count_queries(client, "/en/staff/cases/")  # fills the in-memory district choices
    few = count_queries(client, "/en/staff/cases/")
    others = [
        case_create(user, exploitation_type="sexual_exploitation", consent_to_share=True)
        for _ in range(15)
    ]
    assert count_queries(client, "/en/staff/cases/") == few
    page = client.get("/en/staff/cases/?type=forced_labour&district=12&status=active")
    html = page.content.decode()
    assert f"/staff/cases/{wanted.pk}/" in html
    assert not [case for case in others if f"/staff/cases/{case.pk}/" in html]
    overdue = client.get("/en/staff/cases/?overdue=on").content.decode()
    assert "No cases." in overdue


def test_case_page_is_audited_and_its_query_count_does_not_grow(agencies, staff_client) -> None:
    client, user = staff_client(Role.CASE_WORKER, organization=agencies["RIB"])
    case = case_create(user, consent_to_share=True)
    url = f"/en/staff/cases/{case.pk}/"
    few = count_queries(client, url)
    for n in range(5):
        case_person_add(user=user, case_id=case.pk, role=PersonRole.WITNESS, full_name=f"W{n}")
    for short in ("NCDA", "HOPE", "IOM"):
        referral_send(user=user, case_id=case.pk, to_org=agencies[short])
    assert count_queries(client, url) == few
    assert AuditEvent.objects.filter(action=AuditAction.CASE_VIEWED, target_id=case.pk).count() == 2


def test_case_page_actions(agencies, staff_client) -> None:
    client, user = staff_client(Role.CASE_WORKER, organization=agencies["RIB"])
    case = case_create(user)
    url = f"/en/staff/cases/{case.pk}/"
    client.post(
        url,
        {
            "action": "person",
            "role": "presumed_victim",
            "gender": "feminine",
            "full_name": "Synthetic Victim",
            "age": "16",
            "needs": "School",
        },
    )
    client.post(url, {"action": "status", "status": "follow_up"})
    client.post(url, {"action": "consent", "consent": "yes"})
    case.refresh_from_db()
    assert (case.status, case.consent_to_share, case.child_involved) == ("follow_up", True, True)
    assert "Synthetic Victim" in client.get(url).content.decode()


def test_opening_a_case_directly_and_from_a_report(agencies, staff_client) -> None:
    from tabara.intake.tests.factories import submit_report

    client, _user = staff_client(Role.INTAKE_OFFICER, organization=agencies["RIB"])
    form = {
        "screening_outcome": "possible_victim",
        "exploitation_type": "forced_labour",
        "recruitment_channel": "agency",
        "origin_sector": "1101",
        "summary": "Synthetic",
        "consent_to_share": "no",
    }
    report = submit_report().report
    assert (
        report.reference.encode() in client.get(f"/en/staff/cases/new/?report={report.pk}").content
    )
    for url in ("/en/staff/cases/new/", f"/en/staff/cases/new/?report={report.pk}"):
        previewed = client.post(url, {**form, "step": "preview"}).content.decode()
        token = previewed.split('name="previewed" value="')[1].split('"')[0]
        response = client.post(url, {**form, "step": "open", "previewed": token})
        assert response.status_code == 302
    assert client.post("/en/staff/cases/new/", {"screening_outcome": "x"}).status_code == 400
