"""Deadlines and escalation under a controlled clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from tabara.accounts.roles import Role
from tabara.cases.tests.factories import case_create
from tabara.notifications.models import Channel, Notification
from tabara.referrals.models import Urgency
from tabara.referrals.selectors import referral_queue, referrals_overdue
from tabara.referrals.services import (
    MAX_ESCALATIONS,
    referral_acknowledge,
    referral_send,
    referrals_escalate_due,
)
from tabara.referrals.tasks import referrals_escalate_task

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def setting(agencies, make_staff):
    sender = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    sender_boss = make_staff(roles=[Role.SUPERVISOR], organization=agencies["RIB"])
    receiver = make_staff(roles=[Role.CASE_WORKER], organization=agencies["NCDA"])
    receiver_boss = make_staff(roles=[Role.SUPERVISOR], organization=agencies["NCDA"])
    for user in (sender_boss, receiver_boss):
        user.email = f"{user.username}@example.org"
        user.save(update_fields=["email"])
    return sender, sender_boss, receiver, receiver_boss, agencies


def overdue_alerts(user) -> list[tuple[str, str]]:
    return sorted(
        Notification.objects.filter(user=user, event_key__contains=":overdue:")
        .values_list("event_key", "channel")
        .distinct()
    )


def test_unacknowledged_referrals_alert_both_supervisors_then_again(setting) -> None:
    sender, sender_boss, receiver, receiver_boss, agencies = setting
    with time_machine.travel(T0, tick=False) as clock:
        case = case_create(sender, consent_to_share=True)
        referral = referral_send(
            user=sender, case_id=case.pk, to_org=agencies["NCDA"], urgency=Urgency.CRITICAL
        )
        clock.shift(timedelta(hours=3, minutes=59))
        assert referrals_escalate_due() == 0
        assert not referrals_overdue(sender_boss).exists()
        clock.shift(timedelta(minutes=2))
        assert referrals_escalate_due() == 1
        assert referrals_escalate_due() == 0  # once per level
        key = f"referral:{referral.pk}:overdue:1"
        for boss in (sender_boss, receiver_boss):
            assert overdue_alerts(boss) == [(key, Channel.EMAIL), (key, Channel.IN_APP)]
        assert overdue_alerts(sender) == overdue_alerts(receiver) == []
        assert list(referrals_overdue(receiver_boss)) == [referral]
        assert referral_queue(receiver)[0].overdue_rank == 0  # type: ignore[attr-defined]

        for level in range(2, MAX_ESCALATIONS + 1):
            clock.shift(timedelta(hours=4))
            assert referrals_escalate_due() == 1
            assert len(overdue_alerts(receiver_boss)) == 2 * level
        clock.shift(timedelta(days=2))
        assert referrals_escalate_due() == 0  # no alert storm after the last level
    referral.refresh_from_db()
    assert referral.escalation_level == MAX_ESCALATIONS and referral.next_escalation_at is None


def test_acknowledged_in_time_is_never_escalated(setting) -> None:
    sender, _sb, receiver, receiver_boss, agencies = setting
    with time_machine.travel(T0, tick=False) as clock:
        case = case_create(sender, consent_to_share=True)
        referral = referral_send(user=sender, case_id=case.pk, to_org=agencies["NCDA"])
        assert referral.deadline_at == T0 + timedelta(days=3)
        clock.shift(timedelta(days=2))
        referral_acknowledge(user=receiver, referral_id=referral.pk)
        clock.shift(timedelta(days=10))
        call_command("referrals_escalate", stdout=StringIO())
        assert referrals_escalate_task.call() == 0
    assert overdue_alerts(receiver_boss) == []
