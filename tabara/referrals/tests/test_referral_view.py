"""referral_view: the sending organization follows its referral read-only; reads are audited."""

from __future__ import annotations

import pytest

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cases.choices import ServiceStatus, ServiceType
from tabara.cases.plan import case_service_update
from tabara.cases.tests.factories import case_create
from tabara.referrals.selectors import ReferralNotFound
from tabara.referrals.services import (
    referral_accept,
    referral_close,
    referral_decline,
    referral_send,
)
from tabara.referrals.viewing import referral_view

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(agencies, staff_client):
    client, sender = staff_client(Role.CASE_WORKER, organization=agencies["RIB"])
    shelter_client, shelter = staff_client(Role.CASE_WORKER, organization=agencies["HOPE"])
    case = case_create(sender, consent_to_share=True)
    referral = referral_send(
        user=sender, case_id=case.pk, to_org=agencies["HOPE"], service_type=ServiceType.SHELTER
    )
    return client, sender, shelter_client, shelter, referral


def test_the_sender_reads_status_decline_reason_and_timeline(sent) -> None:
    client, sender, _sc, shelter, referral = sent
    referral_decline(user=shelter, referral_id=referral.pk, reason="No beds for boys")
    page = client.get(f"/en/staff/referrals/{referral.pk}/")
    html = page.content.decode()
    assert page.status_code == 200  # it was a 404 before
    assert 'id="sent-by-us"' in html and "No beds for boys" in html
    assert 'id="respond"' not in html and "Declined" in html
    assert html.count("<li>") >= 3  # sent, declined, the service not provided
    event = AuditEvent.objects.get(action=AuditAction.REFERRAL_VIEWED, actor=sender)
    assert event.extra == {"case": referral.case_id, "side": "sender"}
    # a sender cannot answer its own referral through the page
    client.post(f"/en/staff/referrals/{referral.pk}/", {"action": "accept", "text": ""})
    referral.refresh_from_db()
    assert referral.status == "declined"


def test_the_sender_sees_the_outcome_and_the_service_progress(sent) -> None:
    client, _sender, _sc, shelter, referral = sent
    referral_accept(user=shelter, referral_id=referral.pk)
    case_service_update(
        user=shelter, service_id=referral.service_id or 0, status=ServiceStatus.IN_PROGRESS
    )
    referral_close(user=shelter, referral_id=referral.pk, outcome="Stayed three weeks")
    html = client.get(f"/en/staff/referrals/{referral.pk}/").content.decode()
    assert "Stayed three weeks" in html and "In progress" in html


def test_other_organizations_get_nothing(sent, agencies, make_staff) -> None:
    _c, _s, _sc, _sh, referral = sent
    for short in ("NAR", "NCDA"):
        outsider = make_staff(roles=[Role.SUPERVISOR], organization=agencies[short])
        with pytest.raises(ReferralNotFound):
            referral_view(user=outsider, referral_id=referral.pk)
    analyst = make_staff(roles=[Role.ANALYST], organization=agencies["RIB"])
    with pytest.raises(ReferralNotFound):
        referral_view(user=analyst, referral_id=referral.pk)


def test_the_receiver_keeps_the_typed_reason_when_a_step_fails(sent) -> None:
    _c, _s, shelter_client, _sh, referral = sent
    url = f"/en/staff/referrals/{referral.pk}/"
    assert shelter_client.post(url, {"action": "accept", "text": ""}).status_code == 302
    failed = shelter_client.post(url, {"action": "decline", "text": "Full after all"})
    assert failed.status_code == 400 and 'value="Full after all"' in failed.content.decode()
