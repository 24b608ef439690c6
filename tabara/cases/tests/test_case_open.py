"""case_open and case_open_from_report: audited, routed with consent, report marked referred."""

from __future__ import annotations

import pytest

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cases.access import CaseNotFound
from tabara.cases.choices import CaseSource, EventKind, ScreeningOutcome
from tabara.cases.services import CaseInput, case_open, case_open_from_report
from tabara.cases.tests.factories import case_create
from tabara.geo.models import BorderPost
from tabara.intake.choices import AgeGroup, LocationKind, ReportStatus
from tabara.intake.tests.factories import submit_report
from tabara.notifications.models import Notification
from tabara.referrals.models import Referral

pytestmark = pytest.mark.django_db


def test_opening_a_case_writes_timeline_and_audit(agencies, make_staff) -> None:
    user = make_staff(roles=[Role.CASE_WORKER], organization=agencies["NAR"])
    case = case_create(user)
    assert case.owner_org == agencies["NAR"] and case.source == CaseSource.DIRECT
    assert [e.kind for e in case.events.all()] == [EventKind.OPENED]
    assert AuditEvent.objects.filter(action=AuditAction.CASE_OPENED, target_id=case.pk).exists()
    assert not Referral.objects.exists()


def test_a_child_victim_is_routed_when_consent_is_given(agencies, make_staff) -> None:
    user = make_staff(roles=[Role.CASE_WORKER], organization=agencies["NAR"])
    for org in ("RIB", "NCDA", "ISANGE-KCY"):
        make_staff(roles=[Role.CASE_WORKER], organization=agencies[org])
    case = case_create(
        user,
        route=True,
        consent_to_share=True,
        child_involved=True,
        screening_outcome=ScreeningOutcome.PRESUMED_VICTIM,
    )
    routed = {r.to_org.short_name: r for r in Referral.objects.filter(case=case)}
    assert set(routed) == {"RIB", "NCDA", "ISANGE-KCY"}
    assert {r.urgency for r in routed.values()} == {"critical"}
    assert routed["RIB"].ruleset_version == 1 and routed["RIB"].rule_id == "child-victim"
    # Factory staff have no email address: each receiving case worker gets an in-app alert.
    assert Notification.objects.filter(event_key__endswith=":sent").count() == 3


def test_without_consent_nothing_is_shared(agencies, make_staff) -> None:
    user = make_staff(roles=[Role.CASE_WORKER], organization=agencies["NAR"])
    case_create(user, route=True, consent_to_share=False, child_involved=True)
    assert not Referral.objects.exists()


def test_opening_needs_the_permission(agencies, make_staff) -> None:
    analyst = make_staff(roles=[Role.ANALYST], organization=agencies["NAR"])
    with pytest.raises(CaseNotFound):
        case_open(user=analyst, data=CaseInput())


def test_from_a_report_facts_carry_over_and_the_report_is_referred(agencies, make_staff) -> None:
    post = BorderPost.objects.first()
    assert post is not None
    report = submit_report(
        location_kind=LocationKind.BORDER,
        border_post_code=post.code,
        age_group=AgeGroup.CHILD,
        destination_country="UG",
    ).report
    user = make_staff(roles=[Role.INTAKE_OFFICER], organization=agencies["RIB"])
    case = case_open_from_report(
        user=user,
        report_id=report.pk,
        data=CaseInput(consent_to_share=True, screening_outcome="possible_victim"),
    )
    assert (case.source, case.report_id, case.child_involved) == ("report", report.pk, True)
    assert case.border_crossed and case.border_post == post and case.district == post.district
    assert case.destination_country == "UG"
    report.refresh_from_db()
    assert report.status == ReportStatus.REFERRED
    targets = set(Referral.objects.values_list("to_org__short_name", flat=True))
    assert {"DGIE", "NCDA", "IOM"} <= targets and "RIB" not in targets
