"""The audit viewer: who sees which events, filters, pages of 100, CSV export, the chain."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
import time_machine

from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import OrganizationFactory, signed_in
from tabara.audit.models import AuditAction, AuditEvent
from tabara.audit.services import audit_record
from tabara.audit.tests.tamper import as_schema_owner


@pytest.fixture
def offices(make_staff):
    ours, theirs = OrganizationFactory.create(), OrganizationFactory.create()
    admin = make_staff(roles=[Role.ADMINISTRATOR], organization=ours)
    colleague = make_staff(roles=[Role.INTAKE_OFFICER], organization=ours)
    stranger = make_staff(roles=[Role.INTAKE_OFFICER], organization=theirs)
    national = make_staff(roles=[Role.NATIONAL_ADMINISTRATOR])
    audit_record(
        actor=colleague, action=AuditAction.REPORT_VIEWED, target_type="report", target_id=7
    )
    audit_record(actor=stranger, action=AuditAction.CASE_VIEWED, target_type="case", target_id=9)
    audit_record(actor=None, action=AuditAction.REPORT_SUBMITTED, target_type="report", target_id=8)
    return admin, colleague, stranger, national


@pytest.mark.django_db
def test_an_org_admin_sees_their_organizations_events_only(offices) -> None:
    admin, colleague, stranger, national = offices
    page = signed_in(admin).get("/en/staff/audit/").content.decode()
    assert colleague.username in page and stranger.username not in page
    assert "anonymous" not in page
    everything = signed_in(national).get("/en/staff/audit/").content.decode()
    assert stranger.username in everything and "anonymous" in everything


@pytest.mark.django_db
def test_filters_by_actor_action_target_organization_and_day(offices) -> None:
    _admin, colleague, stranger, national = offices
    client = signed_in(national)
    with time_machine.travel(datetime(2026, 1, 10, 12, 0, tzinfo=UTC), tick=False):
        audit_record(
            actor=colleague, action=AuditAction.CASE_OPENED, target_type="case", target_id=3
        )

    def ids(query: str) -> set[int]:
        response = client.get("/en/staff/audit/export.csv?" + query)
        body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
        rows = list(csv.DictReader(io.StringIO(body)))
        return {int(row["id"]) for row in rows}

    def pk(**kw: object) -> int:
        return AuditEvent.objects.get(**kw).pk

    assert ids(f"actor={stranger.username.upper()}") == {pk(actor=stranger)}
    assert ids("action=report_submitted") == {pk(action="report_submitted")}
    assert ids("target_type=case&target_id=9") == {pk(action="case_viewed")}
    assert ids(f"organization={stranger.organization_id}") == {pk(actor=stranger)}
    assert ids("date_from=2026-01-10&date_to=2026-01-10") == {pk(action="case_opened")}
    assert ids("date_to=2026-01-09") == set()
    bad = client.get("/fr/staff/audit/?date_from=2026-02-01&date_to=2026-01-01&actor=kim")
    body = bad.content.decode()
    assert 'value="kim"' in body and "Le dernier jour" in body


@pytest.mark.django_db
def test_pages_of_one_hundred(offices) -> None:
    _admin, colleague, _stranger, national = offices
    for n in range(150):
        audit_record(actor=colleague, action=AuditAction.REPORT_VIEWED, target_id=n)
    client = signed_in(national)
    first = client.get("/en/staff/audit/?action=report_viewed").content.decode()
    second = client.get("/en/staff/audit/?action=report_viewed&page=2").content.decode()
    assert first.count("<tr><td>") == 100 and second.count("<tr><td>") == 51
    assert "Page 1 of 2" in first and "action=report_viewed&amp;page=2" in first


@pytest.mark.django_db
def test_csv_export_escapes_formulas_and_is_audited(offices) -> None:
    admin, colleague, _stranger, _national = offices
    audit_record(actor=colleague, action=AuditAction.REPORT_VIEWED, target_type="=HYPERLINK(1)")
    response = signed_in(admin).get("/en/staff/audit/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert "'=HYPERLINK(1)" in text and ",=HYPERLINK" not in text
    exported = AuditEvent.objects.get(action=AuditAction.AUDIT_EXPORTED)
    assert exported.actor == admin


@pytest.mark.django_db
def test_verification_says_intact_then_names_the_first_tampered_event(offices) -> None:
    _admin, _colleague, _stranger, national = offices
    client = signed_in(national)
    assert "Intact." in client.get("/en/staff/audit/verify/").content.decode()
    victim = AuditEvent.objects.filter(action="case_viewed").get()
    with as_schema_owner():  # the triggers refuse it to anyone else
        AuditEvent.objects.filter(pk=victim.pk).update(target_id="10")
    page = client.get("/en/staff/audit/verify/").content.decode()
    assert "Broken." in page and f"number {victim.pk}" in page
    assert "its content does not match its keyed hash" in page
    page = client.get("/fr/staff/audit/verify/").content.decode()
    assert "son contenu ne correspond pas à son empreinte à clé" in page
