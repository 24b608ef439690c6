"""referral_send, _acknowledge, _accept, _decline, _close and transfers."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from tabara.accounts.roles import Role
from tabara.audit.models import AuditAction, AuditEvent
from tabara.cases.access import Purpose, access_case_by_id
from tabara.cases.tests.factories import case_create
from tabara.notifications.models import Notification
from tabara.referrals.models import Referral, ReferralKind, ReferralStatus, Urgency
from tabara.referrals.services import (
    ConsentRequired,
    InvalidTransition,
    ReferralNotFound,
    referral_accept,
    referral_acknowledge,
    referral_close,
    referral_decline,
    referral_send,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def parties(agencies, make_staff):
    sender = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    receiver = make_staff(roles=[Role.CASE_WORKER], organization=agencies["HOPE"])
    return sender, receiver, agencies


def test_full_lifecycle_with_timeline_audit_and_alerts(parties) -> None:
    sender, receiver, agencies = parties
    case = case_create(sender, consent_to_share=True)
    referral = referral_send(
        user=sender, case_id=case.pk, to_org=agencies["HOPE"], urgency=Urgency.CRITICAL
    )
    assert (referral.deadline_at - referral.sent_at).total_seconds() == 4 * 3600
    assert Notification.objects.filter(user=receiver, event_key=f"referral:{referral.pk}:sent")
    assert referral_acknowledge(user=receiver, referral_id=referral.pk).status == "acknowledged"
    with pytest.raises(InvalidTransition):
        referral_acknowledge(user=receiver, referral_id=referral.pk)
    assert referral_accept(user=receiver, referral_id=referral.pk).status == "accepted"
    closed = referral_close(user=receiver, referral_id=referral.pk, outcome="Reunited with family")
    assert (closed.status, closed.outcome) == (ReferralStatus.CLOSED, "Reunited with family")
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds[-4:] == [
        "referral_sent",
        "referral_acknowledged",
        "referral_accepted",
        "referral_closed",
    ]
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {AuditAction.REFERRAL_SENT, AuditAction.REFERRAL_CLOSED} <= actions


def test_decline_needs_a_reason_and_tells_the_sender(parties) -> None:
    sender, receiver, agencies = parties
    case = case_create(sender, consent_to_share=True)
    referral = referral_send(user=sender, case_id=case.pk, to_org=agencies["HOPE"])
    with pytest.raises(InvalidTransition):
        referral_decline(user=receiver, referral_id=referral.pk, reason=" ")
    declined = referral_decline(user=receiver, referral_id=referral.pk, reason="No places left")
    assert declined.decline_reason == "No places left"
    assert Notification.objects.filter(user=sender, event_key__endswith=":declined").exists()
    # a new referral to the same organization is possible once the first is answered
    referral_send(user=sender, case_id=case.pk, to_org=agencies["HOPE"])
    with pytest.raises(InvalidTransition):
        referral_send(user=sender, case_id=case.pk, to_org=agencies["HOPE"])


def test_only_the_receiving_organization_can_answer(parties, make_staff) -> None:
    sender, _receiver, agencies = parties
    case = case_create(sender, consent_to_share=True)
    referral = referral_send(user=sender, case_id=case.pk, to_org=agencies["HOPE"])
    outsider = make_staff(roles=[Role.SUPERVISOR], organization=agencies["NAR"])
    intake = make_staff(roles=[Role.INTAKE_OFFICER], organization=agencies["HOPE"])
    for user in (sender, outsider, intake):
        with pytest.raises(ReferralNotFound):
            referral_accept(user=user, referral_id=referral.pk)


def test_without_consent_only_a_supervisor_override_shares_and_it_is_audited(
    parties, make_staff
) -> None:
    sender, _receiver, agencies = parties
    case = case_create(sender, consent_to_share=False)
    with pytest.raises(ConsentRequired):
        referral_send(user=sender, case_id=case.pk, to_org=agencies["HOPE"], override_consent=True)
    supervisor = make_staff(roles=[Role.SUPERVISOR], organization=agencies["RIB"])
    with pytest.raises(ConsentRequired):
        referral_send(user=supervisor, case_id=case.pk, to_org=agencies["HOPE"])
    referral = referral_send(
        user=supervisor, case_id=case.pk, to_org=agencies["HOPE"], override_consent=True
    )
    assert referral.consent_overridden
    assert AuditEvent.objects.filter(
        action=AuditAction.CASE_CONSENT_OVERRIDDEN, actor=supervisor, target_id=case.pk
    ).exists()


def test_a_transfer_changes_ownership_only_when_accepted(parties) -> None:
    sender, receiver, agencies = parties
    case = case_create(sender, consent_to_share=True)
    with pytest.raises(InvalidTransition):
        referral_send(user=sender, case_id=case.pk, to_org=agencies["RIB"])
    referral = referral_send(
        user=sender, case_id=case.pk, to_org=agencies["HOPE"], kind=ReferralKind.TRANSFER
    )
    assert access_case_by_id(sender, case.pk, purpose=Purpose.UPDATE).owner
    referral_accept(user=receiver, referral_id=referral.pk)
    assert access_case_by_id(receiver, case.pk, purpose=Purpose.UPDATE).owner
    case.refresh_from_db()
    assert case.owner_org == agencies["HOPE"]


def test_a_referral_without_its_case_opening_time_is_refused_by_the_database(parties) -> None:
    # "Shared with us, newest first" sorts on this copy; a row without it broke the case list
    # (issue #12: bench/cases.py bulk-filled such rows and crashed the page).
    sender, _receiver, agencies = parties
    case = case_create(sender, consent_to_share=True)
    now = timezone.now()
    orphan = Referral(
        case=case, from_org=agencies["RIB"], to_org=agencies["HOPE"], sent_at=now, deadline_at=now
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.bulk_create([orphan])
