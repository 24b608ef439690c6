"""case_person_add, case_status_change, case_consent_record and case_view."""

from __future__ import annotations

import pytest
from django.db import connection

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cases.choices import CaseStatus, PersonRole
from tabara.cases.services import (
    case_consent_record,
    case_person_add,
    case_status_change,
    case_view,
)
from tabara.cases.tests.factories import case_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner_case(agencies, make_staff):
    user = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    return user, case_create(user)


def test_identifying_fields_are_encrypted_and_a_child_marks_the_case(owner_case) -> None:
    user, case = owner_case
    case_person_add(
        user=user,
        case_id=case.pk,
        role=PersonRole.PRESUMED_VICTIM,
        full_name="Uwase Synthetic",
        phone="+250788123456",
        age=15,
        needs="Shelter and school",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT full_name, phone, needs FROM cases_caseperson")
        row = cursor.fetchone()
    assert not any("Uwase" in v or "250788" in v or "school" in v for v in row)
    case.refresh_from_db()
    assert case.child_involved and case.people.get().is_child


def test_status_and_consent_changes_are_on_the_timeline(owner_case) -> None:
    user, case = owner_case
    assert case_status_change(user=user, case_id=case.pk, status=CaseStatus.CLOSED).closed_at
    assert case_consent_record(user=user, case_id=case.pk, consent=True).consent_to_share
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds == ["opened", "status_changed", "consent"]


def test_every_view_is_audited(owner_case) -> None:
    user, case = owner_case
    case_view(user=user, case_id=case.pk)
    case_view(user=user, case_id=case.pk)
    assert AuditEvent.objects.filter(action=AuditAction.CASE_VIEWED).count() == 2
