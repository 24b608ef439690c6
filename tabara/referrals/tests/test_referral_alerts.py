"""What a referral alert says, to whom, in which language: each recipient reads it in the
language they chose, with an absolute link and the deadline on Kigali's clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import time_machine
from django.utils import translation

from tabara.accounts.models import StaffLanguage
from tabara.accounts.roles import Role
from tabara.accounts.services import user_language_set
from tabara.cases.tests.factories import case_create
from tabara.notifications.models import Channel, Notification
from tabara.referrals.models import Urgency
from tabara.referrals.services import referral_decline, referral_send

pytestmark = pytest.mark.django_db

SENT_UTC = datetime(2026, 12, 4, 20, 15, tzinfo=UTC)  # 22:15 in Kigali


def staff_in(make_staff, org, language: StaffLanguage, role: Role = Role.CASE_WORKER):
    user = make_staff(roles=[role], organization=org)
    return user_language_set(user=user, language=language)


def alert_of(user) -> Notification:
    return Notification.objects.get(user=user, channel=Channel.IN_APP)


def test_one_event_reaches_a_french_and_a_kinyarwanda_reader_each_in_their_language(
    agencies, make_staff, settings
) -> None:
    settings.TABARA_SITE_URL = "https://tabara.example.org"
    sender = staff_in(make_staff, agencies["RIB"], StaffLanguage.ENGLISH)
    french = staff_in(make_staff, agencies["HOPE"], StaffLanguage.FRENCH)
    kinyarwanda = staff_in(make_staff, agencies["HOPE"], StaffLanguage.KINYARWANDA)
    case = case_create(sender, consent_to_share=True)
    # The sender's own page language must not leak into anyone's alert.
    with time_machine.travel(SENT_UTC, tick=False), translation.override("en"):
        referral = referral_send(
            user=sender, case_id=case.pk, to_org=agencies["HOPE"], urgency=Urgency.CRITICAL
        )
    fr, rw = alert_of(french), alert_of(kinyarwanda)
    assert fr.subject == f"Nouvelle orientation {case.reference} (Sous 4 heures)"
    assert rw.subject == f"Dosiye nshya yoherejwe {case.reference} (Mu masaha 4)"
    # Critical: four hours after 20:15 UTC is 00:15 UTC, 02:15 on Kigali's clock.
    assert "Accusez réception avant le 2026-12-05 02:15 (heure de Kigali)." in fr.body
    assert "mbere ya 2026-12-05 02:15 (isaha y'i Kigali)" in rw.body
    assert f"https://tabara.example.org/fr/staff/referrals/{referral.pk}/" in fr.body
    assert f"https://tabara.example.org/rw/staff/referrals/{referral.pk}/" in rw.body
    assert "UTC" not in fr.body + rw.body


def test_the_sending_organization_is_told_of_a_decline_with_a_link_to_its_case(
    agencies, make_staff, settings
) -> None:
    settings.TABARA_SITE_URL = "https://tabara.example.org"
    sender = staff_in(make_staff, agencies["RIB"], StaffLanguage.FRENCH)
    receiver = staff_in(make_staff, agencies["HOPE"], StaffLanguage.ENGLISH)
    case = case_create(sender, consent_to_share=True)
    referral = referral_send(user=sender, case_id=case.pk, to_org=agencies["HOPE"])
    with translation.override("en"):
        referral_decline(user=receiver, referral_id=referral.pk, reason="No bed tonight")
    told = Notification.objects.get(user=sender, event_key__endswith=":declined", channel="in_app")
    assert told.subject == f"Orientation {case.reference} refusée par HOPE"
    assert f"https://tabara.example.org/fr/staff/cases/{case.pk}/" in told.body


def test_email_copies_are_written_in_the_recipients_language_too(agencies, make_staff) -> None:
    sender = staff_in(make_staff, agencies["RIB"], StaffLanguage.ENGLISH)
    receiver = staff_in(make_staff, agencies["HOPE"], StaffLanguage.FRENCH)
    receiver.email = "hope.worker@example.org"
    receiver.save(update_fields=["email"])
    case = case_create(sender, consent_to_share=True)
    referral_send(user=sender, case_id=case.pk, to_org=agencies["HOPE"])
    email = Notification.objects.get(user=receiver, channel=Channel.EMAIL)
    assert email.subject.startswith("Nouvelle orientation")
    assert email.body == alert_of(receiver).body
