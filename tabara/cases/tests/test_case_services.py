"""The plan: case_service_plan, a referral carrying a service, progress by its provider."""

from __future__ import annotations

import pytest
from django.utils import translation

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cases.access import CaseNotFound, Purpose, access_case_by_id
from tabara.cases.choices import ServiceStatus, ServiceType, ViewScope
from tabara.cases.plan import ServiceInvalid, case_service_plan, case_service_update
from tabara.notifications.models import Notification
from tabara.referrals.services import referral_accept, referral_decline, referral_send

pytestmark = pytest.mark.django_db


def test_the_issue_names_nine_service_types() -> None:
    expected = {  # issue #11, "Services and the plan"
        "shelter",
        "medical",
        "psychosocial",
        "legal aid",
        "family tracing",
        "repatriation",
        "reintegration",
        "education or vocational training",
        "livelihood",
    }
    with translation.override("en"):  # the issue names them in English
        labels = {
            str(label).lower().replace(" care", "").replace(" support", "")
            for label in ServiceType.labels
        }
    assert labels == expected


def test_a_referral_carries_a_service_its_limited_receiver_records(team, make_staff) -> None:
    isange = make_staff(roles=[Role.CASE_WORKER], organization=team.agencies["ISANGE-KCY"])
    sent = referral_send(
        user=team.worker,
        case_id=team.case.pk,
        to_org=isange.organization,
        scope=ViewScope.VICTIM_NEEDS,
        service_type=ServiceType.MEDICAL,
    )
    service = sent.service
    assert service is not None
    assert (service.provider_org, service.status) == (isange.organization, ServiceStatus.PLANNED)
    with pytest.raises(CaseNotFound):  # not accepted yet
        case_service_update(user=isange, service_id=service.pk, status=ServiceStatus.IN_PROGRESS)
    referral_accept(user=isange, referral_id=sent.pk)
    case_service_update(user=isange, service_id=service.pk, status=ServiceStatus.IN_PROGRESS)
    with pytest.raises(ServiceInvalid):  # finishing needs an outcome
        case_service_update(user=isange, service_id=service.pk, status=ServiceStatus.COMPLETED)
    done = case_service_update(
        user=isange, service_id=service.pk, status=ServiceStatus.COMPLETED, note="Treated"
    )
    assert (done.status, done.outcome) == (ServiceStatus.COMPLETED, "Treated")
    assert done.started_on is not None and done.ended_on is not None
    assert [u.status for u in done.updates.order_by("at", "id")] == [
        "planned",
        "in_progress",
        "completed",
    ]
    assert Notification.objects.filter(user=team.worker, event_key__contains=":service:").count()
    actions = AuditEvent.objects.filter(action=AuditAction.CASE_SERVICE_UPDATED, actor=isange)
    assert actions.count() == 2


def test_a_limited_partner_sees_and_touches_only_the_services_it_provides(team) -> None:
    shelter_stay = case_service_plan(
        user=team.worker,
        case_id=team.case.pk,
        service_type=ServiceType.SHELTER,
        provider_org=team.shelter.organization,
    )
    legal = case_service_plan(
        user=team.worker,
        case_id=team.case.pk,
        service_type=ServiceType.LEGAL_AID,
        provider_org=team.agencies["RIB"],
    )
    view = access_case_by_id(team.shelter, team.case.pk, purpose=Purpose.VIEW)
    assert list(view.services()) == [shelter_stay]
    full = access_case_by_id(team.ncda, team.case.pk, purpose=Purpose.VIEW)
    assert list(full.services()) == [shelter_stay, legal]
    case_service_update(
        user=team.shelter, service_id=shelter_stay.pk, status=ServiceStatus.IN_PROGRESS
    )
    for user, service in ((team.shelter, legal), (team.ncda, legal), (team.outsider, shelter_stay)):
        with pytest.raises(CaseNotFound):
            case_service_update(user=user, service_id=service.pk, status=ServiceStatus.IN_PROGRESS)
    with pytest.raises(CaseNotFound):  # planning is the owner's
        case_service_plan(
            user=team.shelter,
            case_id=team.case.pk,
            service_type=ServiceType.SHELTER,
            provider_org=team.shelter.organization,
        )
    timeline = [e.note for e in view.timeline()]
    assert not any("Legal" in note for note in timeline)


def test_declining_a_referral_marks_its_service_not_provided(team, make_staff) -> None:
    iom = make_staff(roles=[Role.CASE_WORKER], organization=team.agencies["IOM"])
    sent = referral_send(
        user=team.worker,
        case_id=team.case.pk,
        to_org=iom.organization,
        service_type=ServiceType.REPATRIATION,
    )
    referral_decline(user=iom, referral_id=sent.pk, reason="No flights this month")
    service = sent.service
    assert service is not None
    service.refresh_from_db()
    assert (service.status, service.outcome) == ("not_provided", "No flights this month")


def test_the_service_page_for_the_shelter_keeps_typed_input_and_records(team, staff_client):
    service = case_service_plan(
        user=team.worker,
        case_id=team.case.pk,
        service_type=ServiceType.SHELTER,
        provider_org=team.shelter.organization,
    )
    client, user = staff_client(Role.CASE_WORKER, organization=team.agencies["HOPE"])
    url = f"/en/staff/services/{service.pk}/"
    assert client.get(url).status_code == 200
    bad = client.post(url, {"status": "completed", "note": "", "started_on": "2026-01-10"})
    assert bad.status_code == 400 and 'value="2026-01-10"' in bad.content.decode()
    good = client.post(url, {"status": "in_progress", "note": "Arrived at the shelter"})
    assert good.status_code == 302
    page = client.get(url).content.decode()
    assert "Arrived at the shelter" in page
    views = AuditEvent.objects.filter(action=AuditAction.CASE_VIEWED, actor=user)
    assert [e.extra["service"] for e in views] == [service.pk] * 4  # 2 GETs, 2 POSTs
    outsider, _o = staff_client(Role.SUPERVISOR, organization=team.agencies["NAR"])
    assert outsider.get(url).status_code == 404
    new = f"/en/staff/cases/{team.case.pk}/services/new/"
    assert client.get(new).status_code == 404
