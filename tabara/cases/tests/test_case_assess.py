"""case_assess: structured, encrypted, with history; a limited partner sees needs only."""

from __future__ import annotations

import re

import pytest
from django.db import connection

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cases.access import CaseNotFound, Purpose, access_case_by_id
from tabara.cases.assessing import case_assess
from tabara.cases.assessment_rules import NEED_AREAS, AnswersInvalid
from tabara.cases.choices import AssessmentKind
from tabara.cases.tests.test_assessment_rules import CALM

pytestmark = pytest.mark.django_db


def test_each_assessment_is_kept_and_encrypted(team) -> None:
    first = case_assess(
        user=team.worker,
        case_id=team.case.pk,
        kind=AssessmentKind.SAFETY,
        answers={**CALM, "threatened": "yes"},
    )
    second = case_assess(
        user=team.worker, case_id=team.case.pk, kind=AssessmentKind.SAFETY, answers=CALM
    )
    assert (first.level, second.level) == ("high", "low")
    history = access_case_by_id(team.worker, team.case.pk, purpose=Purpose.VIEW).assessments()
    assert list(history) == [second, first]
    with connection.cursor() as cursor:
        cursor.execute("SELECT answers FROM cases_caseassessment WHERE id = %s", [first.pk])
        assert "threatened" not in cursor.fetchone()[0]
    assert AuditEvent.objects.filter(action=AuditAction.CASE_ASSESSED).count() == 2
    with pytest.raises(AnswersInvalid):
        case_assess(user=team.worker, case_id=team.case.pk, kind=AssessmentKind.SAFETY, answers={})
    with pytest.raises(CaseNotFound):
        case_assess(user=team.ncda, case_id=team.case.pk, kind=AssessmentKind.SAFETY, answers=CALM)


def test_a_limited_partner_sees_the_needs_assessment_not_the_safety_one(team) -> None:
    case_assess(user=team.worker, case_id=team.case.pk, kind=AssessmentKind.SAFETY, answers=CALM)
    needs = {**dict.fromkeys(NEED_AREAS, "none"), "shelter": "urgent"}
    case_assess(user=team.worker, case_id=team.case.pk, kind=AssessmentKind.NEEDS, answers=needs)
    limited = access_case_by_id(team.shelter, team.case.pk, purpose=Purpose.VIEW)
    assert [a.kind for a in limited.assessments()] == ["needs"]
    full = access_case_by_id(team.ncda, team.case.pk, purpose=Purpose.VIEW)
    assert sorted(a.kind for a in full.assessments()) == ["needs", "safety"]


def test_the_assessment_page_keeps_answers_and_shows_the_result(team, staff_client) -> None:
    client, _user = staff_client(Role.CASE_WORKER, organization=team.agencies["RIB"])
    url = f"/en/staff/cases/{team.case.pk}/assessments/safety/"
    partial = {"threatened": "yes", "stigma": "no"}
    bad = client.post(url, partial)
    html = bad.content.decode()
    assert bad.status_code == 400
    assert re.search(r'<input[^>]*name="threatened" value="yes"[^>]*checked', html), html
    assert client.post(url, {**CALM, "threatened": "yes"}).status_code == 302
    page = client.get(f"/en/staff/cases/{team.case.pk}/").content.decode()
    assert 'id="assessment-safety"' in page and "High" in page
    shelter, _s = staff_client(Role.CASE_WORKER, organization=team.agencies["HOPE"])
    assert (
        'id="assessment-safety"'
        not in shelter.get(f"/en/staff/cases/{team.case.pk}/").content.decode()
    )
    assert shelter.get(url).status_code == 404
