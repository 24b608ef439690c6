"""The staff inbox: need-to-know, audited reads, replies and review."""

from __future__ import annotations

import pytest
from django.test import Client

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.intake.models import ReportMessage
from tabara.intake.tests.factories import submit_report


@pytest.mark.django_db
def test_inbox_lists_new_reports_for_intake_officers(staff_client) -> None:
    first, second = submit_report(), submit_report()
    client, _user = staff_client(Role.INTAKE_OFFICER)
    html = client.get("/en/staff/reports/").content.decode()
    assert first.report.reference in html and second.report.reference in html
    # Equally urgent and both waiting: the one that has waited longest comes first.
    assert html.index(first.report.reference) < html.index(second.report.reference)
    assert "offered a job abroad" not in html  # content appears only on the audited page


@pytest.mark.django_db
def test_opening_a_report_decrypts_it_and_writes_an_audit_event(staff_client) -> None:
    submitted = submit_report(suspect_identifiers="@synthetic_handle")
    client, user = staff_client()
    html = client.get(f"/en/staff/reports/{submitted.report.pk}/").content.decode()
    assert "@synthetic_handle" in html
    client.get(f"/en/staff/reports/{submitted.report.pk}/")
    views = AuditEvent.objects.filter(action=AuditAction.REPORT_VIEWED, actor=user)
    assert views.count() == 2
    assert set(views.values_list("target_id", flat=True)) == {str(submitted.report.pk)}


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.ANALYST, Role.PROGRAMME_OFFICER, Role.ADMINISTRATOR])
def test_without_permission_a_report_looks_exactly_like_a_missing_one(staff_client, role) -> None:
    submitted = submit_report()
    client, _user = staff_client(role)
    existing = client.get(f"/en/staff/reports/{submitted.report.pk}/")
    missing = client.get("/en/staff/reports/999999/")
    assert existing.status_code == missing.status_code == 404
    assert existing.content == missing.content
    assert client.get("/en/staff/reports/").status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.REPORT_VIEWED).exists()


@pytest.mark.django_db
def test_missing_report_for_a_permitted_user_is_404(staff_client) -> None:
    client, _user = staff_client()
    assert client.get("/en/staff/reports/424242/").status_code == 404


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in() -> None:
    submitted = submit_report()
    response = Client().get(f"/en/staff/reports/{submitted.report.pk}/")
    assert response.status_code == 302 and "/staff/sign-in/" in response["Location"]


@pytest.mark.django_db
def test_reply_and_review(staff_client) -> None:
    submitted = submit_report()
    client, user = staff_client(Role.SUPERVISOR)
    url = f"/en/staff/reports/{submitted.report.pk}/"
    assert (
        client.post(url, {"action": "reply", "body": "Thank you, we are on it."}).status_code == 302
    )
    message = ReportMessage.objects.get()
    assert message.sender == "staff" and message.author == user
    assert client.post(url, {"action": "review"}).status_code == 302
    submitted.report.refresh_from_db()
    assert submitted.report.reviewed_by == user and submitted.report.status == "in_review"
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {AuditAction.REPORT_REPLIED, AuditAction.REPORT_REVIEWED} <= actions


@pytest.mark.django_db
def test_empty_reply_is_explained_not_sent(staff_client) -> None:
    submitted = submit_report()
    client, _user = staff_client()
    response = client.post(
        f"/en/staff/reports/{submitted.report.pk}/", {"action": "reply", "body": ""}
    )
    assert response.status_code == 400
    assert "Write a message first." in response.content.decode()
    assert not ReportMessage.objects.exists()


@pytest.mark.django_db
def test_case_worker_may_reply_but_not_open_the_inbox(staff_client) -> None:
    submitted = submit_report()
    client, _user = staff_client(Role.CASE_WORKER)
    assert client.get(f"/en/staff/reports/{submitted.report.pk}/").status_code == 404


@pytest.mark.django_db
def test_a_reporter_s_words_carry_their_language_on_an_english_page(staff_client) -> None:
    """WCAG 3.1.2: a screen reader reads the reporter's Kinyarwanda with a Kinyarwanda voice."""
    rw = submit_report(what_happened="Yampamagaye kuri WhatsApp.", language="rw").report
    unknown = submit_report(what_happened="Someone called.").report
    client, _user = staff_client()
    page = client.get(f"/en/staff/reports/{rw.pk}/").content.decode()
    assert '<html lang="en">' in page
    assert '<dd id="what" lang="rw">Yampamagaye kuri WhatsApp.</dd>' in page
    page = client.get(f"/en/staff/reports/{unknown.pk}/").content.decode()
    assert '<dd id="what">Someone called.</dd>' in page  # not known: the page's own
