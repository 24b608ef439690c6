"""What a referral alert says: an absolute link to open, and the deadline on Kigali's clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.utils import translation

from tabara.accounts.roles import Role
from tabara.cases.tests.factories import case_create
from tabara.notifications.models import Channel, Notification
from tabara.referrals.models import Urgency
from tabara.referrals.services import referral_send

pytestmark = pytest.mark.django_db

SENT_UTC = datetime(2026, 12, 4, 20, 15, tzinfo=UTC)  # 22:15 in Kigali


def test_a_critical_referral_alert_links_absolutely_and_gives_kigali_time(
    agencies, make_staff, settings
) -> None:
    settings.TABARA_SITE_URL = "https://tabara.example.org"
    sender = make_staff(roles=[Role.CASE_WORKER], organization=agencies["RIB"])
    receiver = make_staff(roles=[Role.CASE_WORKER], organization=agencies["HOPE"])
    case = case_create(sender, consent_to_share=True)
    with time_machine.travel(SENT_UTC, tick=False), translation.override("en"):
        referral = referral_send(
            user=sender, case_id=case.pk, to_org=agencies["HOPE"], urgency=Urgency.CRITICAL
        )
    alert = Notification.objects.get(user=receiver, channel=Channel.IN_APP)
    # Critical: four hours, so 00:15 UTC the next day, which is 02:15 in Kigali.
    assert "2026-12-05 02:15" in alert.body
    assert "UTC" not in alert.body
    assert f"https://tabara.example.org/en/staff/referrals/{referral.pk}/" in alert.body
